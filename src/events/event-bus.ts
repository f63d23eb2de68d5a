/**
 * The event bus between the session service and whoever shows sessions: the
 * agent screens' WebSockets, the call simulator, and (issue 11) the public
 * event stream.
 *
 * Every event is stored first: a unit of work writes its events to the event
 * log in its own transaction (store/unit-of-work.ts), and the bus delivers
 * them once that has committed — on the node that committed at once, on every
 * other node when it follows the log (event-log.ts). A subscriber sees each
 * event of an agent once, in the agent's order (seq), on whichever node it is.
 */
import type { SessionEvent, SessionSnapshot } from './session-events.js';

export type Unsubscribe = () => void;

/** An event as the log keeps it. */
export interface StoredEvent {
  /** Global and increasing: the position in the log (what a resuming stream names). */
  readonly id: number;
  /** The agent's own count, 1, 2, 3… with no gap: the order a screen sees. */
  readonly seq: number;
  /** The agent (event.user). */
  readonly user: string;
  /** The agent's campaign when the event was raised ('' when it had none). */
  readonly campaignId: string;
  /** The command that caused it, when one did (a request's command_id). */
  readonly commandId: string | null;
  /** When it committed, 'YYYY-MM-DD HH:MM:SS'. */
  readonly at: string;
  readonly event: SessionEvent;
}

/**
 * What a resuming reader gets: the events after its position, or word that
 * its position is older than the log keeps (it needs a fresh snapshot).
 */
export type Replay = { readonly ok: true; readonly events: readonly StoredEvent[] } | { readonly ok: false; readonly reason: 'too-old' };

export interface EventBus {
  /** Events of one agent, or of every agent when user is '*': each once, in each agent's order. */
  subscribe(user: string, handler: (event: StoredEvent) => void): Unsubscribe;
  /**
   * Events after log position `afterId`, oldest first, of these agents ('*': all).
   * On MySQL ids can commit out of order: a reader that resumes should also
   * drop what it has seen by (user, seq) — see AgentOrder.
   */
  replay(users: readonly string[] | '*', afterId: number, limit?: number): Promise<Replay>;
  /** The unit of work hands over the events it has just committed (no read: they are delivered at once). */
  committed(events: readonly StoredEvent[]): void;
  close(): Promise<void>;
}

/** A session event on its way into the log: the agent's campaign and the command that caused it. */
export interface NewEvent {
  readonly event: SessionEvent;
  readonly campaignId: string;
  readonly commandId: string | null;
}

/**
 * Events raised inside a transaction wait here; the unit of work writes them
 * to the log in that transaction, so no screen ever sees a change that was
 * rolled back, and none that committed is ever lost.
 */
export class PendingEvents {
  private readonly events: NewEvent[] = [];
  private commandId: string | null = null;

  /** `campaignId`: the agent's campaign, so a stream can be scoped to campaigns. */
  add(event: SessionEvent, campaignId: string): void {
    this.events.push({ event, campaignId, commandId: this.commandId });
  }

  /** Events raised from now on in this unit show that this command took effect. */
  causedBy(commandId: string | null): void {
    this.commandId = commandId;
  }

  /** The command this unit's events are attributed to now. */
  get causingCommand(): string | null {
    return this.commandId;
  }

  /** The events `work` raises show that an earlier command (one that waited) took effect; then this unit's own again. */
  async onBehalfOf<T>(commandId: string | undefined, work: () => Promise<T>): Promise<T> {
    if (!commandId) return work();
    const own = this.commandId;
    this.commandId = commandId;
    try {
      return await work();
    } finally {
      this.commandId = own;
    }
  }

  /**
   * The agent's session as this unit left it: its last snapshot, null when the
   * unit ended it, undefined when the unit did not touch it.
   */
  sessionOf(user: string): SessionSnapshot | null | undefined {
    for (let i = this.events.length - 1; i >= 0; i--) {
      const { event } = this.events[i]!;
      if (event.user !== user) continue;
      if (event.type === 'session.ended') return null;
      if (event.type === 'session.started' || event.type === 'session.changed') return event.session;
    }
    return undefined;
  }

  /** Hand the events over, once. */
  take(): NewEvent[] {
    return this.events.splice(0);
  }
}
