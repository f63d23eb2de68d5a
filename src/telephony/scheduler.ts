/**
 * Time for the telephony: when simulated things happen. Two implementations
 * with one interface:
 * - RealScheduler runs on timers, faster than real time by a time scale, and
 *   never keeps the process alive (every timer is unref'd);
 * - VirtualScheduler runs on a ManualClock: nothing happens until a test
 *   advances it, and then everything due happens in order, at its own moment.
 */
import type { Clock, ManualClock } from '../domain/clock.js';

export type Task = () => Promise<void> | void;
export type Cancel = () => void;

export interface Scheduler {
  now(): Date;
  /** Run `task` after `ms` simulated milliseconds. */
  after(ms: number, task: Task): Cancel;
  /** Cancel everything pending; nothing runs after this. */
  stop(): void;
}

export class RealScheduler implements Scheduler {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  /** timeScale 10 makes a 60-second call last 6 seconds. */
  constructor(
    private readonly clock: Clock,
    private readonly timeScale: number,
    private readonly onError: (err: unknown) => void,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  after(ms: number, task: Task): Cancel {
    if (this.stopped) return () => {};
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.stopped) return;
      Promise.resolve()
        .then(task)
        .catch((err: unknown) => this.onError(err));
    }, Math.max(0, ms / this.timeScale));
    timer.unref();
    this.timers.add(timer);
    return () => {
      clearTimeout(timer);
      this.timers.delete(timer);
    };
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

interface Pending {
  readonly due: number;
  readonly seq: number;
  readonly task: Task;
}

export class VirtualScheduler implements Scheduler {
  private pending: Pending[] = [];
  private seq = 0;
  private stopped = false;

  constructor(private readonly clock: ManualClock) {}

  now(): Date {
    return this.clock.now();
  }

  after(ms: number, task: Task): Cancel {
    if (this.stopped) return () => {};
    const entry = { due: this.clock.now().getTime() + Math.max(0, ms), seq: this.seq++, task };
    this.pending.push(entry);
    return () => {
      this.pending = this.pending.filter((p) => p !== entry);
    };
  }

  /** Move time forward by `ms`, running every task that falls due, in order, at its moment. */
  async advance(ms: number): Promise<void> {
    const target = this.clock.now().getTime() + ms;
    for (;;) {
      const next = this.pending.filter((p) => p.due <= target).sort((a, b) => a.due - b.due || a.seq - b.seq)[0];
      if (!next || this.stopped) break;
      this.pending = this.pending.filter((p) => p !== next);
      if (next.due > this.clock.now().getTime()) this.clock.set(new Date(next.due));
      await next.task();
    }
    if (target > this.clock.now().getTime()) this.clock.set(new Date(target));
  }

  get size(): number {
    return this.pending.length;
  }

  stop(): void {
    this.stopped = true;
    this.pending = [];
  }
}
