/**
 * A unit of work: one transaction, the events it raises, and the moment it
 * happens. Events are published only after the commit.
 *
 * Inside a unit, use unit.store only: on SQLite the transaction holds the one
 * connection, and a query through the outer store would wait for it forever.
 */
import type { Clock } from '../domain/clock.js';
import { PendingEvents, type EventBus } from '../events/event-bus.js';
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

  async run<T>(work: (unit: Unit) => Promise<T>, now = this.clock.now()): Promise<T> {
    const events = new PendingEvents();
    const result = await this.store.transaction((store) => work({ store, events, now }));
    events.flushTo(this.bus);
    return result;
  }
}
