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

export class EventProjector {
  private readonly calls = new Map<string, CallStage>();

  constructor(private readonly nameOf: (user: string) => string) {}

  /** What the connection knew at its snapshot: an agent on a call has it answered. */
  knowCall(user: string, answered: boolean): void {
    if (answered) this.calls.set(user, 'answered');
    else this.calls.delete(user);
  }

  project(stored: StoredEvent): Projected | undefined {
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
        this.calls.delete(event.user);
        return { name: 'agent', data: { ...base, kind: 'login', cause: 'login', agent: boardAgent(event.session, this.nameOf(event.user), stored.seq) } };
      case 'session.changed':
        return { name: 'agent', data: { ...base, kind: 'status', cause: event.cause, agent: boardAgent(event.session, this.nameOf(event.user), stored.seq) } };
      case 'session.ended':
        this.calls.delete(event.user);
        return { name: 'logout', data: { ...base, cause: event.cause } };
      case 'call.dispositioned':
        return { name: 'disposition', data: { ...base, leadId: event.leadId, status: event.status } };
      case 'lead.updated':
        return { name: 'lead', data: { ...base, leadId: event.leadId, fields: event.fields } };
      case 'telephony':
        return this.call(base, event.state.call);
      case 'panel.refresh':
      case 'timer.action':
      case 'notification':
        return undefined;
    }
  }

  private call(base: LoggedEventBase, call: { callerId: string; stage: CallStage } | null): Projected | undefined {
    const before = this.calls.get(base.user);
    if (!call) {
      if (!before) return undefined;
      this.calls.delete(base.user);
      return { name: 'call', data: { ...base, call: 'ended', leadId: 0 } };
    }
    if (before === call.stage) return undefined;
    this.calls.set(base.user, call.stage);
    return { name: 'call', data: { ...base, call: call.stage === 'ringing' ? 'offered' : 'answered', leadId: leadOfCallerId(call.callerId) } };
  }
}
