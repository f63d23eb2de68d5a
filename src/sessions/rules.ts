/**
 * The rules of a live agent session, as pure functions.
 *
 * VICIdial leaves these to the agent's browser (vicidial.php reacting to the
 * command columns); agentgate applies them on the server, at once. Keeping
 * them pure makes each rule testable on its own and lets the session service
 * stay a thin layer of reads, writes and events.
 */
import type { Campaign } from '../domain/campaign.js';
import { parseSet } from '../domain/vicidial-sets.js';
import { phaseOf, type AgentStatus, type ApiCommands, type LiveAgent } from '../domain/live-agent.js';

/** Where an agent goes when nothing holds it: READY on a dialing campaign, CLOSER for inbound only, else PAUSED. */
export function availableStatus(agent: LiveAgent, campaign: Campaign | undefined): AgentStatus {
  if (campaign && campaign.dialLevel > 0 && campaign.dialMethod !== 'INBOUND_MAN') return 'READY';
  if (parseSet(agent.closerCampaigns).length > 0) return 'CLOSER';
  return 'PAUSED';
}

export type PauseDecision = 'pause-now' | 'after-disposition' | 'nothing';

/** PAUSE: at once when waiting; ticked "pause after disposition" on a call; a no-op when already paused. */
export function decidePause(agent: LiveAgent): PauseDecision {
  const phase = phaseOf(agent);
  if (phase === 'on-call' || phase === 'disposition') return 'after-disposition';
  return agent.status === 'PAUSED' ? 'nothing' : 'pause-now';
}

export type ResumeDecision = { kind: 'resume-now'; status: AgentStatus } | { kind: 'after-disposition' } | { kind: 'nothing' };

/**
 * RESUME (the API has already refused agents that are not paused): go
 * available only on a campaign that dials (dial level above zero) — a
 * manual-dial campaign ignores it, as VICIdial's screen does. During the disposition step
 * it replaces a pending pause, so the agent becomes available afterwards.
 */
export function decideResume(agent: LiveAgent, campaign: Campaign | undefined): ResumeDecision {
  const phase = phaseOf(agent);
  if (phase === 'disposition' || phase === 'on-call') return { kind: 'after-disposition' };
  // VICIdial's screen resumes only where the dial level is above zero.
  if (phase !== 'paused' || !campaign || campaign.dialLevel <= 0) return { kind: 'nothing' };
  const status = availableStatus(agent, campaign);
  return status === 'PAUSED' ? { kind: 'nothing' } : { kind: 'resume-now', status };
}

/** LOGOUT ends the session at once, unless a call or its disposition is in progress. */
export function decideLogout(agent: LiveAgent): 'logout-now' | 'after-disposition' {
  const phase = phaseOf(agent);
  return phase === 'on-call' || phase === 'disposition' ? 'after-disposition' : 'logout-now';
}

/** What the agent does once the call is dispositioned: the pending API command decides. */
export function afterDisposition(
  agent: LiveAgent,
  campaign: Campaign | undefined,
): { kind: 'logout' } | { kind: 'status'; status: AgentStatus } {
  const pending = agent.commands.pause;
  if (pending === 'LOGOUT') return { kind: 'logout' };
  if (pending.startsWith('PAUSE!')) return { kind: 'status', status: 'PAUSED' };
  return { kind: 'status', status: availableStatus(agent, campaign) };
}

/**
 * A preset disposition (external_status) as the screen reads it:
 * `STATUS` or `STATUS!callback_datetime!type!comments!qm_code`.
 */
export interface PresetDisposition {
  readonly status: string;
  readonly callback?: { readonly at: string; readonly type: 'USERONLY' | 'ANYONE'; readonly comments: string };
  readonly qmCode: string;
}

export function parsePresetDisposition(value: string): PresetDisposition | undefined {
  if (!value) return undefined;
  const [status = '', at = '', type = '', comments = '', qmCode = ''] = value.split('!');
  if (!status) return undefined;
  // The screen books a callback only when both the date and the type are there.
  const callback =
    at.length > 10 && type.length > 5
      ? { at, type: type === 'USERONLY' ? ('USERONLY' as const) : ('ANYONE' as const), comments }
      : undefined;
  return callback ? { status, callback, qmCode } : { status, qmCode };
}

/** Columns VICIdial's back end clears when a new call starts (agent-api.md §6). */
export const CLEARED_AT_CALL_START: Partial<ApiCommands> = {
  hangup: '0',
  status: '',
  pause: '',
};

/** Columns cleared when a disposition is submitted. */
export const CLEARED_AT_DISPOSITION: Partial<ApiCommands> = {
  hangup: '0',
  status: '',
  dtmf: '',
  transferConf: '',
  park: '',
  recording: '',
  updateFields: false,
  updateFieldsData: '',
  timerActionSeconds: -1,
};

/** Columns cleared when the agent becomes available: a pause code belongs to the pause it was sent in. */
export const CLEARED_GOING_READY: Partial<ApiCommands> = {
  pauseCode: '',
};

/** READY, or CLOSER (ready for inbound calls only), from any other status. */
export function goesReady(before: AgentStatus, after: AgentStatus | undefined): boolean {
  const ready = (s: AgentStatus | undefined) => s === 'READY' || s === 'CLOSER';
  return ready(after) && !ready(before);
}
