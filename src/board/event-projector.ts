/**
 * From the event log to the public stream: each stored session event becomes
 * the stream event an integration reads (or nothing, for what only the agent's
 * own screen needs: panel refreshes, timer actions, notifications).
 *
 * Calls are told as they change stage (offered, answered, ended): the
 * telephony raises an event for every change of a call (parked, recorded…),
 * so the projector remembers each agent's call stage on this connection.
 */
import type { StoredEvent } from '../events/event-bus.js';
import type { SessionSnapshot } from '../domain/session-events.js';
import type { BoardAgent, LoggedEventBase, StreamEventMap, StreamEventName } from '../wire/event-stream.js';
import { boardStatus } from './board-status.js';

export type Projected = { [K in StreamEventName]: { readonly name: K; readonly data: StreamEventMap[K] } }[StreamEventName];

type CallStage = 'ringing' | 'answered';

/** The lead id a VICIdial caller id ends with (M/V/Y, MMDDHHMMSS, the lead id zero-padded). */
export const leadOfCallerId = (callerId: string) => Number(callerId.slice(11)) || 0;

export function boardAgent(session: SessionSnapshot, name: string, seq: number): BoardAgent {
  return {
    user: session.user,
    name,
    campaign: session.campaignId,
    status: boardStatus(session),
    pauseCode: session.pauseCode,
    since: session.since,
    leadId: session.leadId,
    callsToday: session.callsToday,
    seq,
  };
}

/**
 * What a stored event tells integrations, the same for every connection — or
 * nothing for what only the agent's own screen needs. A telephony event is
 * told as its call's stage (offered, answered, ended); whether a connection
 * tells it at all is that connection's EventProjector's to say.
 */
export function projectEvent(stored: StoredEvent, nameOf: (user: string) => string): Projected | undefined {
  const { event } = stored;
  const base: LoggedEventBase = {
    id: stored.id,
    user: stored.user,
    seq: stored.seq,
    campaign: stored.campaignId,
    command_id: stored.commandId,
    at: stored.at,
  };
  switch (event.type) {
    case 'session.started':
      return { name: 'agent', data: { ...base, kind: 'login', cause: 'login', agent: boardAgent(event.session, nameOf(event.user), stored.seq) } };
    case 'session.changed':
      return { name: 'agent', data: { ...base, kind: 'status', cause: event.cause, agent: boardAgent(event.session, nameOf(event.user), stored.seq) } };
    case 'session.ended':
      return { name: 'logout', data: { ...base, cause: event.cause } };
    case 'call.dispositioned':
      return { name: 'disposition', data: { ...base, leadId: event.leadId, status: event.status } };
    case 'lead.updated':
      return { name: 'lead', data: { ...base, leadId: event.leadId, fields: event.fields } };
    case 'telephony': {
      const call = event.state.call;
      if (!call) return { name: 'call', data: { ...base, call: 'ended', leadId: 0 } };
      return { name: 'call', data: { ...base, call: call.stage === 'ringing' ? 'offered' : 'answered', leadId: leadOfCallerId(call.callerId) } };
    }
    case 'panel.refresh':
    case 'timer.action':
    case 'notification':
      return undefined;
  }
}

/** One connection's view: which events it tells, given the call stages it has seen. */
export class EventProjector {
  private readonly calls = new Map<string, CallStage>();

  constructor(private readonly nameOf: (user: string) => string) {}

  /** What the connection knew at its snapshot: an agent on a call has it answered. */
  knowCall(user: string, answered: boolean): void {
    if (answered) this.calls.set(user, 'answered');
    else this.calls.delete(user);
  }

  /**
   * Whether this connection tells the event (what projectEvent makes of it),
   * keeping its call stages: every event of the connection passes here once,
   * in order. It builds nothing, so a thousand connections can ask it of one event.
   */
  tells(stored: StoredEvent): boolean {
    const { event } = stored;
    switch (event.type) {
      case 'session.started':
      case 'session.ended':
        this.calls.delete(event.user);
        return true;
      case 'session.changed':
      case 'call.dispositioned':
      case 'lead.updated':
        return true;
      case 'telephony': {
        const call = event.state.call;
        const before = this.calls.get(stored.user);
        if (!call) return before !== undefined && this.calls.delete(stored.user);
        if (before === call.stage) return false;
        this.calls.set(stored.user, call.stage);
        return true;
      }
      case 'panel.refresh':
      case 'timer.action':
      case 'notification':
        return false;
    }
  }

  /** The event as this connection tells it (undefined: not told). */
  project(stored: StoredEvent): Projected | undefined {
    return this.tells(stored) ? projectEvent(stored, this.nameOf) : undefined;
  }
}
