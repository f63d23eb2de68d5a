/**
 * Each agent's events in order, each once: the rule every delivery keeps.
 *
 * An agent's events are numbered 1, 2, 3… with no gap (the log's per-agent
 * sequence), so whoever delivers them can tell a repeat (a number it has
 * passed: dropped) from an early arrival (a number beyond the next: held
 * until the ones before it are found). A node meets both: it delivers its
 * own commits at once and reads the log for everyone's, and on MySQL a later
 * event can become visible before an earlier one of another transaction.
 */
import type { StoredEvent } from './event-bus.js';

/** A gap in one agent's numbers: the events with after < seq < before are missing. */
export interface Gap {
  readonly user: string;
  readonly after: number;
  readonly before: number;
}

export class AgentOrder {
  private readonly last = new Map<string, number>();
  private readonly early = new Map<string, Map<number, StoredEvent>>();

  /** `start`: each agent's last number already accounted for (a node starts after those); others start at 0. */
  constructor(start: Iterable<readonly [string, number]> = []) {
    for (const [user, seq] of start) this.last.set(user, seq);
  }

  /** The last number delivered for this agent. */
  seen(user: string): number {
    return this.last.get(user) ?? 0;
  }

  /** Take an event; returns what may be delivered now, in order (nothing for a repeat or an early one). */
  offer(event: StoredEvent): StoredEvent[] {
    const last = this.seen(event.user);
    if (event.seq <= last) return [];
    if (event.seq > last + 1) {
      let waiting = this.early.get(event.user);
      if (!waiting) this.early.set(event.user, (waiting = new Map()));
      waiting.set(event.seq, event);
      return [];
    }
    this.last.set(event.user, event.seq);
    return [event, ...this.drain(event.user)];
  }

  /** The gaps that hold events back: what to read from the log to fill them. */
  gaps(): Gap[] {
    const gaps: Gap[] = [];
    for (const [user, waiting] of this.early) gaps.push({ user, after: this.seen(user), before: Math.min(...waiting.keys()) });
    return gaps;
  }

  /**
   * Give up on an agent's gap (its events are no longer in the log): deliver
   * what waits behind it, in order.
   */
  skip(user: string): StoredEvent[] {
    const waiting = this.early.get(user);
    if (!waiting) return [];
    this.last.set(user, Math.min(...waiting.keys()) - 1);
    return this.drain(user);
  }

  private drain(user: string): StoredEvent[] {
    const waiting = this.early.get(user);
    if (!waiting) return [];
    const out: StoredEvent[] = [];
    let next = this.seen(user) + 1;
    for (let event = waiting.get(next); event; event = waiting.get(next)) {
      waiting.delete(next);
      out.push(event);
      this.last.set(user, next);
      next += 1;
    }
    if (waiting.size === 0) this.early.delete(user);
    return out;
  }
}
