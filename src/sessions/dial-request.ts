/**
 * The external_dial command: a 14-field `!`-separated string in
 * vicidial_live_agents.external_dial (agent-api.md §7).
 */
export interface DialRequest {
  /** Digits to dial, or MANUALNEXT for the next lead of the campaign. */
  readonly number: string;
  readonly phoneCode: string;
  readonly search: string;
  readonly preview: string;
  readonly focus: string;
  readonly vendorId: string;
  readonly epoch: number;
  readonly dialPrefix: string;
  readonly groupAlias: string;
  readonly callerIdNumber: string;
  readonly vtigerCallbackId: string;
  readonly leadId: string;
  readonly altDial: string;
  readonly dialIngroup: string;
}

export function formatDialRequest(r: DialRequest): string {
  return [
    r.number,
    r.phoneCode,
    r.search,
    r.preview,
    r.focus,
    r.vendorId,
    r.epoch,
    r.dialPrefix,
    r.groupAlias,
    r.callerIdNumber,
    r.vtigerCallbackId,
    r.leadId,
    r.altDial,
    r.dialIngroup,
  ].join('!');
}

export function parseDialRequest(text: string): DialRequest | undefined {
  const f = text.split('!');
  if (f.length < 14) return undefined;
  const at = (i: number) => f[i] ?? '';
  return {
    number: at(0),
    phoneCode: at(1),
    search: at(2),
    preview: at(3),
    focus: at(4),
    vendorId: at(5),
    epoch: Number(at(6)) || 0,
    dialPrefix: at(7),
    groupAlias: at(8),
    callerIdNumber: at(9),
    vtigerCallbackId: at(10),
    leadId: at(11),
    altDial: at(12),
    dialIngroup: at(13),
  };
}
