/**
 * The event bus between the session service and whoever shows sessions.
 * In-process now; a Redis-backed bus can implement the same interface so an
 * event published on one node reaches subscribers on every node.
 */
import { EventEmitter } from 'node:events';
import type { SessionEvent } from './session-events.js';

export type Unsubscribe = () => void;

export interface EventBus {
  publish(event: SessionEvent): void;
  /** Events for one user (an agent screen), or every event when user is '*'. */
  subscribe(user: string, handler: (event: SessionEvent) => void): Unsubscribe;
  close(): Promise<void>;
}

export class InProcessEventBus implements EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // One listener per connected screen: thousands are normal, not a leak.
    this.emitter.setMaxListeners(0);
  }

  publish(event: SessionEvent): void {
    this.emitter.emit(`user:${event.user}`, event);
    this.emitter.emit('*', event);
  }

  subscribe(user: string, handler: (event: SessionEvent) => void): Unsubscribe {
    const channel = user === '*' ? '*' : `user:${user}`;
    this.emitter.on(channel, handler);
    return () => this.emitter.off(channel, handler);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

/**
 * Events raised inside a transaction wait here and are published only once it
 * has committed, so no screen ever sees a change that was rolled back.
 */
export class PendingEvents {
  private readonly events: SessionEvent[] = [];
  add(event: SessionEvent): void {
    this.events.push(event);
  }
  flushTo(bus: EventBus): void {
    for (const event of this.events.splice(0)) bus.publish(event);
  }
}
