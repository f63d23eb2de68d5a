/**
 * The agent's time as VICIdial's vicidial_agent_log keeps it, as pure rules.
 *
 * A row follows one cycle of the agent: pause, then wait, then talk, then
 * disposition. Each span starts with its epoch and gets its seconds when the
 * next one starts; a disposition (or a pause while waiting) closes the row and
 * opens the next one. Reports add the seconds up per agent.
 */
import type { AgentTimeChanges, AgentTimeRow, PauseType } from '../domain/call-log.js';
import type { SessionPhase } from '../domain/live-agent.js';

export type TimeEvent =
  | { readonly kind: 'available' }
  | { readonly kind: 'paused'; readonly pauseType: PauseType }
  | { readonly kind: 'call-start'; readonly leadId: number; readonly uniqueId: string; readonly callKind: string }
  | { readonly kind: 'call-end' }
  | { readonly kind: 'dispositioned'; readonly status: string; readonly next: 'pause' | 'wait'; readonly pauseType: PauseType }
  | { readonly kind: 'logout' };

export interface TimeStep {
  /** Changes to the current row. */
  readonly update: AgentTimeChanges;
  /** A new row to open after it, with its first span. */
  readonly open?: AgentTimeChanges;
}

const since = (epoch: number | null, now: number) => (epoch === null ? 0 : Math.max(0, now - epoch));

/** The span the row is in: the last one that has started. */
export function openSpan(row: AgentTimeRow): 'pause' | 'wait' | 'talk' | 'dispo' | 'none' {
  if (row.dispoEpoch !== null) return 'dispo';
  if (row.talkEpoch !== null) return 'talk';
  if (row.waitEpoch !== null) return 'wait';
  if (row.pauseEpoch !== null) return 'pause';
  return 'none';
}

/** A row opened at login: the agent starts paused (sub status LOGIN). */
export function loginRow(now: number): AgentTimeChanges {
  return { pauseEpoch: now, subStatus: 'LOGIN', pauseType: 'SYSTEM' };
}

export function step(row: AgentTimeRow, event: TimeEvent, now: number): TimeStep {
  const span = openSpan(row);
  switch (event.kind) {
    case 'available':
      if (span !== 'pause') return { update: {} };
      return { update: { pauseSec: since(row.pauseEpoch, now), waitEpoch: now } };
    case 'paused':
      if (span !== 'wait') return { update: {} };
      return { update: { waitSec: since(row.waitEpoch, now) }, open: { pauseEpoch: now, pauseType: event.pauseType } };
    case 'call-start': {
      const call = { talkEpoch: now, leadId: event.leadId, uniqueId: event.uniqueId, comments: event.callKind };
      if (span === 'pause') return { update: { pauseSec: since(row.pauseEpoch, now), waitEpoch: now, waitSec: 0, ...call } };
      if (span === 'wait') return { update: { waitSec: since(row.waitEpoch, now), ...call } };
      return { update: {} };
    }
    case 'call-end':
      if (span !== 'talk') return { update: {} };
      return { update: { talkSec: since(row.talkEpoch, now), dispoEpoch: now } };
    case 'dispositioned': {
      const update: AgentTimeChanges =
        span === 'dispo'
          ? { dispoSec: since(row.dispoEpoch, now), status: event.status }
          : span === 'talk'
            ? { talkSec: since(row.talkEpoch, now), dispoEpoch: now, dispoSec: 0, status: event.status }
            : { status: event.status };
      const open: AgentTimeChanges = event.next === 'pause' ? { pauseEpoch: now, pauseType: event.pauseType } : { waitEpoch: now };
      return { update, open };
    }
    case 'logout':
      if (span === 'pause') return { update: { pauseSec: since(row.pauseEpoch, now) } };
      if (span === 'wait') return { update: { waitSec: since(row.waitEpoch, now) } };
      if (span === 'talk') return { update: { talkSec: since(row.talkEpoch, now) } };
      if (span === 'dispo') return { update: { dispoSec: since(row.dispoEpoch, now) } };
      return { update: {} };
  }
}

/**
 * The time event a change of phase means, if any. A disposition is told
 * explicitly (it carries the status), so leaving the disposition step is not
 * derived here.
 */
export function eventForPhases(before: SessionPhase, after: SessionPhase, pauseType: PauseType): TimeEvent | undefined {
  if (before === after) return undefined;
  if (after === 'on-call') return undefined; // told with the call's details by call-start
  if (before === 'on-call' && after === 'disposition') return { kind: 'call-end' };
  if (before === 'disposition' || before === 'on-call') return undefined;
  const waiting = (p: SessionPhase) => p === 'ready';
  if (!waiting(before) && waiting(after)) return { kind: 'available' };
  if (waiting(before) && !waiting(after)) return { kind: 'paused', pauseType };
  return undefined;
}

/** Who paused the agent, from the cause of the change. */
export function pauseTypeOf(cause: string): PauseType {
  if (cause.startsWith('api-')) return 'API';
  if (cause.startsWith('screen-')) return 'AGENT';
  return 'SYSTEM';
}
