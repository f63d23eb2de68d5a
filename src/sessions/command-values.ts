/**
 * The values of VICIdial's command columns (vicidial_live_agents.external_*),
 * in the formats api.php writes them (agent-api.md §7). The external_dial
 * string has its own module, dial-request.ts, because the engine reads it back.
 */

/** external_pause for PAUSE and RESUME: `<value>!<epoch>` (LOGOUT is written bare). */
export function pauseCommand(value: string, epoch: number): string {
  return `${value}!${epoch}`;
}

/** What external_status carries: a status, an optional scheduled callback, an optional QueueMetrics code. */
export interface StatusCommand {
  readonly status: string;
  /** `type` as api.php takes it: USERONLY, ANYONE, or whatever the caller sent (4 characters or more). */
  readonly callback?: { readonly at: string; readonly type: string; readonly comments: string };
  readonly qmCode: string;
}

/** external_status: `<status>`, `<status>!<when>!<type>!<comments>!<qm>`, or `<status>!!!!<qm>`. */
export function statusCommand(c: StatusCommand): string {
  if (c.callback) return [c.status, c.callback.at, c.callback.type, c.callback.comments, c.qmCode].join('!');
  return c.qmCode ? `${c.status}!!!!${c.qmCode}` : c.status;
}

/** The hang-up and leave actions of transfer_conference, whose command has eight fields and no cid_choice. */
export const HANGUP_AND_LEAVE_ACTIONS: ReadonlySet<string> = new Set(['HANGUP_XFER', 'HANGUP_BOTH', 'LEAVE_3WAY_CALL']);

/** The fields of an external_transferconf command; the ones an action does not use stay empty. */
export interface TransferCommand {
  readonly action: string;
  readonly epoch: number;
  readonly ingroup?: string;
  readonly phoneNumber?: string;
  /** YES or NO (the default). */
  readonly consultative?: string;
  readonly dialOverride?: string;
  readonly groupAlias?: string;
  readonly callerIdNumber?: string;
  readonly cidChoice?: string;
}

/**
 * external_transferconf: `---`-separated `action, ingroup, phone_number,
 * consultative, dial_override, group_alias, caller_id_number, epoch,
 * cid_choice`; the hang-up and leave actions stop after the epoch.
 */
export function transferCommand(c: TransferCommand): string {
  const fields: (string | number)[] = [
    c.action,
    c.ingroup ?? '',
    c.phoneNumber ?? '',
    c.consultative ?? 'NO',
    c.dialOverride ?? '',
    c.groupAlias ?? '',
    c.callerIdNumber ?? '',
    c.epoch,
  ];
  if (!HANGUP_AND_LEAVE_ACTIONS.has(c.action)) fields.push(c.cidChoice ?? '');
  return fields.join('---');
}
