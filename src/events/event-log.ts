/**
 * The event bus over the event log: how a node delivers every session event —
 * its own and every other node's — to its subscribers, each once and in each
 * agent's order.
 *
 * - Its own commits: delivered at once, from the events the unit of work
 *   hands over (no read).
 * - Everyone's: the node follows the log. A wake-up from another node (Redis
 *   pub/sub: "the log has grown") makes it read the rows after its cursor;
 *   without wake-ups (no Redis, or Redis down) it reads on a short interval
 *   instead, and with them it still reads now and then, as a safety net.
 * - The cursor waits at an id still in flight (log-cursor.ts); AgentOrder drops
 *   repeats and holds an agent's early event until the ones before it are
 *   read (agent-order.ts).
 * - Old events are pruned: the log is a replay window, not an archive.
 */
import { AgentOrder } from './agent-order.js';
import type { EventBus, Replay, StoredEvent, Unsubscribe } from './event-bus.js';
import { LogCursor } from './log-cursor.js';

/** What the log is read through (the store's events repository). */
export interface EventSource {
  after(afterId: number, limit: number, users?: readonly string[]): Promise<StoredEvent[]>;
  ofAgent(user: string, afterSeq: number, beforeSeq: number): Promise<StoredEvent[]>;
  lastId(): Promise<number>;
  oldestId(): Promise<number | undefined>;
  sequences(): Promise<Map<string, number>>;
  prune(upTo: number, keepRows: number): Promise<number>;
}

/** Wake-ups between nodes: Redis pub/sub (cluster/), or none. */
export interface Wakeups {
  /** Whether wake-ups flow now. */
  readonly up: boolean;
  /** Tell the other nodes that the log has grown to `lastId` (best effort). */
  announce(lastId: number): void;
  /** `onWake`: another node announced; `onState`: wake-ups stopped or (re)started flowing. */
  listen(onWake: () => void, onState: (up: boolean) => void): void;
}

/** For a node alone (or before Redis is set up): following is by polling only. */
export const NO_WAKEUPS: Wakeups = { up: false, announce: () => {}, listen: () => {} };

export interface LogLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface EventLogOptions {
  readonly source: EventSource;
  readonly wakeups?: Wakeups;
  readonly logger?: LogLogger;
  /** The clock events are stamped with: retention is measured on it. */
  readonly now?: () => Date;
  /** Reading interval without wake-ups: the slower path. */
  readonly pollMs?: number;
  /** Reading interval with wake-ups: a safety net for a lost one. */
  readonly safetyPollMs?: number;
  /** How long the cursor waits at an id in flight before taking it as rolled back. */
  readonly gapHoldMs?: number;
  /** How long events are kept, and at most how many: the replay window. */
  readonly retentionMs?: number;
  readonly retentionRows?: number;
}

export const EVENT_LOG_DEFAULTS = {
  pollMs: 250,
  safetyPollMs: 2000,
  gapHoldMs: 5000,
  retentionMs: 10 * 60 * 1000,
  retentionRows: 200_000,
};

const BATCH = 1000;
/** While the cursor waits at a gap, read again this soon. */
const GAP_RETRY_MS = 20;
const PRUNE_EVERY_MS = 30_000;

type Handler = (event: StoredEvent) => void;

export class EventLog implements EventBus {
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly options: Required<Omit<EventLogOptions, 'logger'>> & Pick<EventLogOptions, 'logger'>;
  private order = new AgentOrder();
  private cursor: LogCursor;
  private reading: Promise<void> | undefined;
  private readAgain = false;
  private filling = false;
  private timers = new Set<NodeJS.Timeout>();
  private following = false;
  private closed = false;
  private lastPrune = 0;
  /** Where the log stood, now and then: an event is as old as the first mark after it. */
  private marks: { at: number; position: number }[] = [];

  constructor(options: EventLogOptions) {
    this.options = { wakeups: NO_WAKEUPS, now: () => new Date(), ...EVENT_LOG_DEFAULTS, ...options };
    this.cursor = new LogCursor(0, this.options.gapHoldMs);
  }

  /** Start from the log's head: what is already in it was delivered before this node existed. */
  async open(): Promise<void> {
    // The position first: an event committed between the two reads is then a repeat, never a loss.
    const position = await this.options.source.lastId();
    this.order = new AgentOrder(await this.options.source.sequences());
    this.cursor = new LogCursor(position, this.options.gapHoldMs);
  }

  /** Follow the log: every other node's events reach this node's subscribers too. */
  follow(): void {
    if (this.following || this.closed) return;
    this.following = true;
    this.options.wakeups.listen(
      () => this.read(),
      // Up again: catch up on what was announced while nobody listened. Down: read now, then poll.
      () => void this.read(),
    );
    this.schedulePoll();
  }

  subscribe(user: string, handler: Handler): Unsubscribe {
    const key = user === '*' ? '*' : `user:${user}`;
    let set = this.handlers.get(key);
    if (!set) this.handlers.set(key, (set = new Set()));
    // A copy per subscription: the same function subscribed twice is two subscriptions.
    const own: Handler = (event) => handler(event);
    set.add(own);
    return () => {
      set.delete(own);
      if (set.size === 0 && this.handlers.get(key) === set) this.handlers.delete(key);
    };
  }

  committed(events: readonly StoredEvent[]): void {
    for (const event of events) this.deliver(this.order.offer(event));
    this.cursor.committed(events.map((e) => e.id));
    this.fillGaps();
    this.options.wakeups.announce(events[events.length - 1]!.id);
  }

  async replay(users: readonly string[] | '*', afterId: number, limit = BATCH): Promise<Replay> {
    const oldest = await this.options.source.oldestId();
    // A position before the oldest kept event (or anything before our head, once all were pruned) is out of the window.
    const gone = oldest === undefined ? afterId < this.cursor.position : afterId + 1 < oldest;
    if (gone) return { ok: false, reason: 'too-old' };
    return { ok: true, events: await this.options.source.after(afterId, limit, users === '*' ? undefined : users) };
  }

  /** The log position this node has read up to (everything at or before it was delivered). */
  get position(): number {
    return this.cursor.position;
  }

  /** Read the log after the cursor now (also what a wake-up does). Resolves when the read is done. */
  read(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.reading) {
      this.readAgain = true;
      return this.reading;
    }
    this.reading = this.readLoop().finally(() => (this.reading = undefined));
    return this.reading;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.reading;
    this.handlers.clear();
  }

  // --- reading ------------------------------------------------------------------------

  private async readLoop(): Promise<void> {
    try {
      do {
        this.readAgain = false;
        const rows = await this.options.source.after(this.cursor.position, BATCH);
        for (const row of rows) this.deliver(this.order.offer(row));
        this.cursor.advance(
          rows.map((r) => r.id),
          Date.now(),
        );
        if (rows.length === BATCH && !this.cursor.holding) this.readAgain = true;
        await this.fillGapsNow();
      } while (this.readAgain && !this.closed);
      if (this.cursor.holding) this.later(GAP_RETRY_MS, () => void this.read());
    } catch (err) {
      this.options.logger?.error({ err }, 'reading the event log failed; the next read tries again');
    }
  }

  private fillGaps(): void {
    if (this.filling || this.order.gaps().length === 0) return;
    void this.fillGapsNow().catch((err: unknown) => this.options.logger?.error({ err }, 'reading missed events failed'));
  }

  /**
   * Read an agent's missing events. Numbers are given in commit order, so the
   * ones before a committed number have committed too: what the log no longer
   * has was pruned, and is skipped.
   */
  private async fillGapsNow(): Promise<void> {
    if (this.filling) return;
    this.filling = true;
    try {
      // Each pass fills or skips every gap it finds; gaps met meanwhile are taken by the next pass.
      for (let gaps = this.order.gaps(); gaps.length > 0 && !this.closed; gaps = this.order.gaps()) {
        for (const gap of gaps) {
          for (const event of await this.options.source.ofAgent(gap.user, gap.after, gap.before)) this.deliver(this.order.offer(event));
          if (this.order.seen(gap.user) < gap.before - 1) {
            this.options.logger?.warn({ user: gap.user, after: gap.after, before: gap.before }, 'events missing from the log (pruned); skipped');
            this.deliver(this.order.skip(gap.user));
          }
        }
      }
    } finally {
      this.filling = false;
    }
  }

  private schedulePoll(): void {
    if (this.closed) return;
    const interval = this.options.wakeups.up ? this.options.safetyPollMs : this.options.pollMs;
    this.later(interval, async () => {
      await this.read();
      await this.pruneNowAndThen();
      this.schedulePoll();
    });
  }

  /**
   * Drop what is older than the retention, and beyond the row budget. Age is
   * told by marks of where the log stood when (no index on time: every index
   * costs each event a write); a node up for less than the retention prunes
   * by the budget only.
   */
  private async pruneNowAndThen(): Promise<void> {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    await this.prune();
  }

  /** Prune now (a following node does it every 30 s). */
  async prune(): Promise<void> {
    const now = this.options.now().getTime();
    this.marks.push({ at: now, position: this.cursor.position });
    let upTo = 0;
    while (this.marks.length > 0 && this.marks[0]!.at <= now - this.options.retentionMs) upTo = this.marks.shift()!.position;
    try {
      await this.options.source.prune(upTo, this.options.retentionRows);
    } catch (err) {
      this.options.logger?.error({ err }, 'pruning the event log failed');
    }
  }

  private later(ms: number, task: () => void | Promise<void>): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void task();
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  // --- delivering -------------------------------------------------------------------

  private deliver(events: readonly StoredEvent[]): void {
    for (const event of events) {
      this.notify(this.handlers.get(`user:${event.user}`), event);
      this.notify(this.handlers.get('*'), event);
    }
  }

  private notify(handlers: Set<Handler> | undefined, event: StoredEvent): void {
    if (!handlers) return;
    for (const handler of [...handlers]) {
      try {
        handler(event);
      } catch (err) {
        // One failing subscriber never keeps the event from the others, nor fails the command that raised it.
        this.options.logger?.error({ err, user: event.user, type: event.event.type }, 'an event subscriber failed');
      }
    }
  }
}
