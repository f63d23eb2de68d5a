/**
 * Queues and today's figures, read once per node and shared by every stream
 * connection: each connection filters them by its caller's scope. This is the
 * wallboard's whole point — a hundred screens cost the database one read, not
 * a hundred polls.
 *
 * They are read again shortly after session events (a call routed, answered,
 * ended, a disposition), and every `refreshMs` while anyone listens: calls
 * arrive in queues without any agent's session changing.
 */
import { parseSqlDateTime, sqlDateTime, type Clock } from '../domain/clock.js';
import type { EventBus, Unsubscribe } from '../events/event-bus.js';
import type { Store } from '../store/store.js';
import type { BoardQueue, BoardToday } from '../wire/event-stream.js';
import type { BoardScope } from './board-scope.js';

/** VICIdial's common default answer target for service level. */
export const SERVICE_LEVEL_SECONDS = 20;
const DROP_STATUSES = new Set(['DROP', 'XDROP']);

interface QueueFacts {
  readonly id: string;
  readonly kind: 'INGROUP' | 'CAMPAIGN';
  /** The campaigns that may see it: the campaign itself, or those taking the in-group. */
  readonly campaigns: readonly string[];
  readonly waiting: number;
  readonly oldest: Date | undefined;
}

interface CallFacts {
  readonly queue: string;
  readonly inbound: boolean;
  readonly status: string;
  readonly answered: boolean;
  readonly fast: boolean;
  readonly n: number;
}

export interface BoardFacts {
  readonly at: Date;
  readonly queues: readonly QueueFacts[];
  readonly calls: readonly CallFacts[];
}

export interface BoardTotalsOptions {
  readonly refreshMs?: number;
  readonly debounceMs?: number;
  readonly onError?: (err: unknown) => void;
}

type Listener = (facts: BoardFacts) => void;

export class BoardTotals {
  private readonly listeners = new Set<Listener>();
  private latest: BoardFacts | undefined;
  private reading: Promise<BoardFacts> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private debounce: NodeJS.Timeout | undefined;
  private unsubscribe: Unsubscribe | undefined;

  constructor(
    private readonly store: Store,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly options: BoardTotalsOptions = {},
  ) {}

  /** The figures now (read if none are fresh). */
  async current(): Promise<BoardFacts> {
    return this.latest ?? this.read();
  }

  /** Hear every new reading; the first listener starts the readings, the last one stops them. */
  listen(listener: Listener): Unsubscribe {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  close(): void {
    this.listeners.clear();
    this.stop();
  }

  private start(): void {
    this.unsubscribe = this.bus.subscribe('*', ({ event }) => {
      if (event.type === 'session.changed' || event.type === 'call.dispositioned' || event.type === 'telephony') this.soon();
    });
    this.timer = setInterval(() => this.refresh(), this.options.refreshMs ?? 2000);
    this.timer.unref();
  }

  private stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    clearInterval(this.timer);
    clearTimeout(this.debounce);
    this.timer = this.debounce = undefined;
    this.latest = undefined;
  }

  private soon(): void {
    if (this.debounce) return;
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      this.refresh();
    }, this.options.debounceMs ?? 150);
    this.debounce.unref();
  }

  private refresh(): void {
    this.read().then(
      (facts) => {
        for (const listener of this.listeners) listener(facts);
      },
      (err: unknown) => this.options.onError?.(err),
    );
  }

  private read(): Promise<BoardFacts> {
    this.reading ??= this.readNow().finally(() => (this.reading = undefined));
    return this.reading;
  }

  private async readNow(): Promise<BoardFacts> {
    const now = this.clock.now();
    const start = sqlDateTime(new Date(now.getFullYear(), now.getMonth(), now.getDate()));
    const end = sqlDateTime(new Date(now.getFullYear(), now.getMonth(), now.getDate(), 23, 59, 59));
    const [campaigns, ingroups, live, outbound, inbound] = await Promise.all([
      this.store.campaigns.campaignRows({ activeOnly: true }),
      this.store.campaigns.inboundGroupRows({ activeOnly: true }),
      this.store.telephony.liveCalls({ status: ['LIVE'] }),
      this.store.reports.callTotals('OUT', start, end, SERVICE_LEVEL_SECONDS),
      this.store.reports.callTotals('IN', start, end, SERVICE_LEVEL_SECONDS),
    ]);
    const waiting = new Map<string, { n: number; oldest: Date | undefined }>();
    for (const call of live) {
      const entry = waiting.get(call.queue) ?? { n: 0, oldest: undefined };
      const entered = parseSqlDateTime(call.enteredAt);
      entry.n += 1;
      if (entered && (!entry.oldest || entered < entry.oldest)) entry.oldest = entered;
      waiting.set(call.queue, entry);
    }
    const taking = (ingroup: string) => campaigns.filter((c) => (c.closer_campaigns ?? '').split(/\s+/).includes(ingroup)).map((c) => c.campaign_id);
    const queues: QueueFacts[] = [
      ...ingroups.map((g) => ({ id: g.group_id, kind: 'INGROUP' as const, campaigns: taking(g.group_id), waiting: waiting.get(g.group_id)?.n ?? 0, oldest: waiting.get(g.group_id)?.oldest })),
      ...campaigns.map((c) => ({ id: c.campaign_id, kind: 'CAMPAIGN' as const, campaigns: [c.campaign_id], waiting: waiting.get(c.campaign_id)?.n ?? 0, oldest: waiting.get(c.campaign_id)?.oldest })),
    ];
    const calls: CallFacts[] = [
      ...outbound.map((r) => ({ queue: r.id, inbound: false, status: r.status, answered: r.answered, fast: false, n: r.n })),
      ...inbound.map((r) => ({ queue: r.id, inbound: true, status: r.status, answered: r.answered, fast: r.fast, n: r.n })),
    ];
    this.latest = { at: now, queues, calls };
    return this.latest;
  }
}

/** The queues a caller may see. */
export function visibleQueues(facts: BoardFacts, scope: BoardScope): BoardQueue[] {
  return facts.queues
    .filter((q) => (q.kind === 'CAMPAIGN' ? scope.allowsCampaign(q.id) : scope.allowsIngroup(q.campaigns)))
    .map((q) => ({
      id: q.id,
      kind: q.kind,
      waiting: q.waiting,
      oldestSince: q.oldest?.toISOString() ?? null,
      longestWaitSeconds: q.oldest ? Math.max(0, Math.floor((facts.at.getTime() - q.oldest.getTime()) / 1000)) : 0,
    }));
}

/** Today's figures over the queues a caller may see. */
export function visibleToday(facts: BoardFacts, scope: BoardScope): BoardToday {
  const visible = new Set(visibleQueues(facts, scope).map((q) => q.id));
  let calls = 0, answered = 0, dropped = 0, inbound = 0, fast = 0;
  const dispositions: Record<string, number> = {};
  for (const c of facts.calls) {
    if (!visible.has(c.queue)) continue;
    calls += c.n;
    if (c.answered) answered += c.n;
    if (DROP_STATUSES.has(c.status)) dropped += c.n;
    if (c.inbound) inbound += c.n;
    if (c.inbound && c.answered && c.fast) fast += c.n;
    if (c.answered && c.status && c.status !== 'INCALL') dispositions[c.status] = (dispositions[c.status] ?? 0) + c.n;
  }
  return {
    calls,
    answered,
    dropped,
    serviceLevel: inbound > 0 ? Math.round((fast / inbound) * 1000) / 10 : null,
    serviceLevelSeconds: SERVICE_LEVEL_SECONDS,
    dispositions,
  };
}
