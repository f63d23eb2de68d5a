/**
 * A logged-in agent session (one vicidial_live_agents row) and the commands the
 * agent API has written to it (its external_* columns).
 */

export type AgentStatus = 'READY' | 'QUEUE' | 'INCALL' | 'PAUSED' | 'CLOSER' | 'MQUEUE';

/** How the current call reached the agent (vicidial_live_agents.comments). */
export type CallKind = 'AUTO' | 'MANUAL' | 'INBOUND';

export interface LiveCall {
  /** 20 characters: M (manual), V (auto) or Y (inbound), MMDDHHMMSS, the lead id. */
  readonly callerId: string;
  readonly uniqueId: string;
  readonly channel: string;
  readonly kind: CallKind;
  readonly startedAt: Date | undefined;
}

/** The command columns, in VICIdial's value formats (agent-api.md §6–7). */
export interface ApiCommands {
  readonly hangup: string;
  readonly status: string;
  readonly pause: string;
  readonly dial: string;
  readonly ingroups: string;
  readonly blended: boolean;
  readonly ingroupsSetBy: string;
  readonly updateFields: boolean;
  readonly updateFieldsData: string;
  readonly timerAction: string;
  readonly timerActionMessage: string;
  readonly timerActionSeconds: number;
  readonly dtmf: string;
  readonly transferConf: string;
  readonly park: string;
  readonly recording: string;
  readonly pauseCode: string;
  readonly switchLeadId: number;
  readonly managerIngroupSet: 'Y' | 'N' | 'SET';
}

export interface LiveAgent {
  readonly user: string;
  readonly serverIp: string;
  readonly confExten: string;
  readonly status: AgentStatus;
  /** The lead on the agent's screen; 0 when none. */
  readonly leadId: number;
  readonly previewLeadId: number;
  readonly campaignId: string;
  readonly call: LiveCall | undefined;
  /** Selected in-groups, VICIdial set layout. */
  readonly closerCampaigns: string;
  readonly outboundAutodial: boolean;
  readonly pauseCode: string;
  readonly callsToday: number;
  readonly userLevel: number;
  readonly randomId: number;
  readonly lastStateChange: Date | undefined;
  readonly lastCallTime: Date | undefined;
  readonly commands: ApiCommands;
}

/** Everything in a session that a service may change, keyed by domain name. */
export type LiveAgentChanges = Partial<{
  status: AgentStatus;
  leadId: number;
  previewLeadId: number;
  campaignId: string;
  callerId: string;
  uniqueId: string;
  channel: string;
  callKind: CallKind | '';
  lastCallTime: Date;
  lastCallFinish: Date;
  lastStateChange: Date;
  closerCampaigns: string;
  outboundAutodial: boolean;
  pauseCode: string;
  callsToday: number;
  randomId: number;
  commands: Partial<ApiCommands>;
}>;

/** VICIdial's own test for "the agent has a live call": a caller id longer than 15 characters. */
export function hasLiveCall(agent: LiveAgent): boolean {
  return (agent.call?.callerId.length ?? 0) > 15;
}

/**
 * The stage of the session, derived from the row exactly as VICIdial's
 * real-time report derives it: PAUSED with a lead on screen is the
 * disposition step.
 */
export type SessionPhase = 'ready' | 'paused' | 'on-call' | 'disposition' | 'preview';

export function phaseOf(agent: LiveAgent): SessionPhase {
  if (hasLiveCall(agent)) return 'on-call';
  if (agent.leadId > 0) return agent.status === 'INCALL' ? 'on-call' : 'disposition';
  if (agent.status === 'PAUSED') return agent.previewLeadId > 0 ? 'preview' : 'paused';
  return 'ready';
}

/** The session after `changes` (as stored) — what re-reading the row would give. */
export function applyChanges(agent: LiveAgent, changes: LiveAgentChanges): LiveAgent {
  const callerId = changes.callerId ?? agent.call?.callerId ?? '';
  const call: LiveCall | undefined =
    callerId.length > 0
      ? {
          callerId,
          uniqueId: changes.uniqueId ?? agent.call?.uniqueId ?? '',
          channel: changes.channel ?? agent.call?.channel ?? '',
          kind: changes.callKind || agent.call?.kind || 'MANUAL',
          startedAt: changes.lastCallTime ?? agent.call?.startedAt ?? agent.lastCallTime,
        }
      : undefined;
  return {
    ...agent,
    status: changes.status ?? agent.status,
    leadId: changes.leadId ?? agent.leadId,
    previewLeadId: changes.previewLeadId ?? agent.previewLeadId,
    campaignId: changes.campaignId ?? agent.campaignId,
    call,
    closerCampaigns: changes.closerCampaigns ?? agent.closerCampaigns,
    outboundAutodial: changes.outboundAutodial ?? agent.outboundAutodial,
    pauseCode: changes.pauseCode ?? agent.pauseCode,
    callsToday: changes.callsToday ?? agent.callsToday,
    randomId: changes.randomId ?? agent.randomId,
    lastStateChange: changes.lastStateChange ?? agent.lastStateChange,
    lastCallTime: changes.lastCallTime ?? agent.lastCallTime,
    commands: { ...agent.commands, ...stripUndefined(changes.commands ?? {}) },
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
