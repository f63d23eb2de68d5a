/**
 * A unit of work: one transaction, the events it raises, and the moment it
 * happens. The events are written to the event log in the same transaction
 * (so an event exists if and only if its change committed) and delivered
 * once it has committed.
 *
 * Inside a unit, use unit.store only: on SQLite the transaction holds the one
 * connection, and a query through the outer store would wait for it forever.
 */
import type { Clock } from '../domain/clock.js';
import { PendingEvents, type EventBus, type StoredEvent } from '../events/event-bus.js';
import type { Store } from './store.js';

export interface Unit {
  readonly store: Store;
  readonly events: PendingEvents;
  readonly now: Date;
}

export class UnitRunner {
  constructor(
    private readonly store: Store,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  /** Run `work` in a unit; `commandId`: the command (a face's request) whose effect its events show. */
  async run<T>(work: (unit: Unit) => Promise<T>, now = this.clock.now(), commandId: string | null = null): Promise<T> {
    const events = new PendingEvents();
    events.causedBy(commandId);
    let stored: StoredEvent[] = [];
    const result = await this.store.unitTransaction(async (store) => {
      const value = await work({ store, events, now });
      // Last, so the log's ids are taken just before the commit: on MySQL an id
      // in flight (a gap followers wait at) stays in flight only for a moment.
      const raised = events.take();
      if (raised.length > 0) stored = await store.events.append(raised, now);
      return value;
    });
    if (stored.length > 0) this.bus.committed(stored);
    return result;
  }
}
