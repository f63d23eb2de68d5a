/**
 * VICIdial's real-time sub-status of an agent (spec §4.8, variant A), from
 * facts the caller reads. Later rules win, as in the PHP. CHAT and EMAIL
 * sessions do not exist in agentgate, so their rules never apply.
 */
export interface SubStatusFacts {
  readonly status: string;
  readonly leadId: number;
  readonly previewLeadId: number;
  readonly onHookAgent: boolean;
  readonly ringCallerId: string;
  readonly comments: string;
  /** More than one INCALL session has this lead. */
  readonly threeWay: boolean;
  readonly parked: boolean;
  /** The agent's call in vicidial_auto_calls, if any. */
  readonly liveCall: { readonly uniqueId: string; readonly channel: string } | undefined;
}

export function subStatus(f: SubStatusFacts): string {
  let value = '';
  if (f.onHookAgent && f.ringCallerId.length > 18) value = 'RING';
  if (f.status === 'PAUSED' && f.leadId > 0) value = 'DISPO';
  if (f.status === 'PAUSED' && f.previewLeadId > 0) value = 'PREVIEW';
  if (f.status === 'INCALL') {
    if (f.leadId > 0 && f.threeWay) value = '3-WAY';
    if (f.parked) value = 'PARK';
    else if (!f.liveCall) value = 'DEAD';
    else if (f.comments === 'MANUAL' && f.liveCall.uniqueId.length < 5 && f.liveCall.channel.length < 5) value = 'DIAL';
  }
  return value;
}

/**
 * The status user_group_status and in_group_status count an agent under
 * (variants B and C): a lead on a READY/PAUSED screen is DISPO; variant B
 * also finds PARK, DEAD and DIAL calls.
 */
export function countedStatus(f: SubStatusFacts, variant: 'B' | 'C'): string {
  if (/READY|PAUSED/i.test(f.status) && f.leadId > 0) return 'DISPO';
  if (variant === 'B' && f.status === 'INCALL') {
    if (f.parked) return 'PARK';
    if (!f.liveCall) return 'DEAD';
    if (f.comments === 'MANUAL' && f.liveCall.uniqueId.length < 5 && f.liveCall.channel.length < 5) return 'DIAL';
  }
  return f.status;
}
