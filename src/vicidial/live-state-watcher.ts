/**
 * Live state read, not owned: in the drop-in VICIdial's screens and dialer
 * change vicidial_live_agents, and this watcher turns what changed into the
 * session events the embedded mode raises, so agent-screen pushes, the admin
 * console and the event stream work on a VICIdial system too.
 *
 * One query per interval (DROPIN_POLL_MS) for every agent, never one per
 * client: it runs on the one node holding its lease (services.ts) and writes
 * the events to the event log like any unit of work, so every node delivers
 * them from there — computed once, each event once, in each agent's order.
 * The first read is the baseline: what was already so when it started is not
 * news (a restart does not announce every session again).
 */
import type { SessionSnapshot } from '../events/session-events.js';
import type { Store } from '../store/store.js';
import type { UnitRunner } from '../store/unit-of-work.js';
import { diffSessions } from './live-state-diff.js';

export interface WatcherLogger {
  error(details: object, message: string): void;
}

export class LiveStateWatcher {
  private sessions: Map<string, SessionSnapshot> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly store: Store,
    private readonly runner: UnitRunner,
    private readonly pollMs: number,
    private readonly logger?: WatcherLogger,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick().catch((err: unknown) => this.logger?.error({ err }, 'reading VICIdial live sessions failed')), this.pollMs);
    this.timer.unref();
  }

  /** Stopped, it forgets its baseline: a node that takes the lease over starts from what it reads. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.sessions = undefined;
  }

  /** One read and its events (the timer's step; tests call it). Overlapping calls share one read. */
  tick(): Promise<void> {
    this.running ??= this.read().finally(() => (this.running = undefined));
    return this.running;
  }

  private async read(): Promise<void> {
    const agents = await this.store.liveAgents.list();
    if (!this.sessions) {
      this.sessions = diffSessions(new Map(), agents).after;
      return;
    }
    const { events, after } = diffSessions(this.sessions, agents);
    if (events.length > 0)
      await this.runner.run(async (u) => {
        for (const { event, campaignId } of events) u.events.add(event, campaignId);
      });
    // Only once written: a failed write is raised again on the next read.
    this.sessions = after;
  }
}
