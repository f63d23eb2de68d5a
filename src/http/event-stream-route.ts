/**
 * GET /api/v2/events: the public event stream (Server-Sent Events).
 *
 * A connection starts with one `snapshot` (every agent and queue the caller
 * may see, and today's figures), then sends what the event log delivers,
 * projected for integrations (board/event-projector.ts) and scoped to the
 * caller's campaigns. Each logged event has `id:` = its log id, and carries the
 * agent's seq and the command_id of the command that caused it. `Last-Event-ID`
 * (header, or ?last_event_id= for a client that cannot set headers) resumes
 * through the log's replay: nothing lost, nothing repeated; a position older
 * than the log keeps gets a fresh snapshot marked reset.
 *
 * Queues and today's figures are state, read once per node (board-totals.ts)
 * and sent when they change for this caller; they carry no id.
 *
 * A client that does not read is dropped once its unsent data passes a bound:
 * the server never buffers without limit.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { Services } from '../app/services.js';
import { agentPicture } from '../board/board-snapshot.js';
import { boardScope, type BoardScope } from '../board/board-scope.js';
import { BoardTotals, visibleQueues, visibleToday, type BoardFacts } from '../board/board-totals.js';
import { EventProjector, projectEvent } from '../board/event-projector.js';
import type { StoredEvent } from '../events/event-bus.js';
import type { BoardQueue, BoardToday, StreamEventMap, StreamEventName } from '../wire/event-stream.js';
import { EventFanout, type FanoutConnection } from './event-stream-fanout.js';
import { integrationCaller, type IntegrationCaller } from './integration-caller.js';
import { sendJsonError } from './json-errors.js';
import { SseResponse, type SseChunk } from './sse-response.js';
import { APP_HEADERS } from './security-headers.js';

export interface EventStreamOptions {
  /** A comment line this often keeps proxies from closing an idle stream (default 15 s). */
  readonly heartbeatMs?: number;
  /** Unsent bytes a connection may have before it counts as not reading and is dropped (default 1 MiB). */
  readonly maxBufferedBytes?: number;
  /** How often queues and today's figures are read while anyone listens (default 2 s). */
  readonly totalsRefreshMs?: number;
  /** Events read from the log per page when resuming (default 1,000). */
  readonly replayPageSize?: number;
  /** At least this long between two writes of events to one connection (default 0: as soon as the fan-out comes round); see event-stream-fanout.ts. */
  readonly frameMs?: number;
  /** Told when a connection is dropped for not reading (tests, logs). */
  readonly onDrop?: (user: string) => void;
}

export const EVENT_STREAM_DEFAULTS = { heartbeatMs: 15_000, maxBufferedBytes: 1024 * 1024 };
const REPLAY_PAGE = 1000;
/** Events that may wait while a connection starts (its snapshot or replay): beyond this it is dropped. */
const MAX_STARTING_EVENTS = 50_000;
const LAST_ID = /^\d{1,15}$/;
const SHARED_TEXTS = 512;

export function registerEventStream(app: FastifyInstance, services: Services, options: EventStreamOptions = {}): void {
  const heartbeatMs = options.heartbeatMs ?? EVENT_STREAM_DEFAULTS.heartbeatMs;
  const maxBuffered = options.maxBufferedBytes ?? EVENT_STREAM_DEFAULTS.maxBufferedBytes;
  const replayPage = options.replayPageSize ?? REPLAY_PAGE;
  const totals = new BoardTotals(services.store, services.bus, services.clock, {
    ...(options.totalsRefreshMs ? { refreshMs: options.totalsRefreshMs } : {}),
    onError: (err) => app.log.error({ err }, 'reading the board totals failed'),
  });
  const open = new Set<ServerResponse>();
  /** The last events' text, shared by every connection: a thousand subscribers, one JSON.stringify. */
  const shared = new Map<number, string>();
  const names = new Map<string, string>();
  const nameOf = async (user: string) => {
    let name = names.get(user);
    if (name === undefined) names.set(user, (name = (await services.store.users.find(user))?.fullName ?? user));
    return name;
  };
  const needsName = (event: StoredEvent) => (event.event.type === 'session.started' || event.event.type === 'session.changed') && !names.has(event.user);
  /** The event's text on the stream, the same for every connection that tells it ('' for what none tells). */
  const textOf = (event: StoredEvent) => {
    let text = shared.get(event.id);
    if (text !== undefined) return text;
    const projected = projectEvent(event, (user) => names.get(user) ?? user);
    text = projected ? sseText(projected.name, projected.data, event.id) : '';
    shared.set(event.id, text);
    if (shared.size > SHARED_TEXTS) shared.delete(shared.keys().next().value!);
    return text;
  };
  const fanout = new EventFanout(services.bus, {
    prepare: (event) => (needsName(event) ? nameOf(event.user).then(() => {}) : undefined),
    textOf,
    ...(options.frameMs !== undefined ? { frameMs: options.frameMs } : {}),
    onError: (err) => app.log.error({ err }, 'event stream fan-out failed'),
  });
  /** Queues and today's figures as each scope sees them, worked out once per reading and scope, not per connection. */
  let viewsOf: BoardFacts | undefined;
  const views = new Map<string, TotalsView>();
  const totalsView = (facts: BoardFacts, scope: BoardScope): TotalsView => {
    if (viewsOf !== facts) {
      views.clear();
      viewsOf = facts;
    }
    let view = views.get(scope.key);
    if (!view) views.set(scope.key, (view = totalsViewOf(facts, scope)));
    return view;
  };

  // A stream never ends by itself: end them all when the server closes.
  app.addHook('preClose', async () => {
    fanout.close();
    for (const res of open) res.end();
    totals.close();
  });

  app.get('/api/v2/events', async (request, reply) => {
    const raw = request.headers['last-event-id'] ?? (request.query as { last_event_id?: unknown }).last_event_id;
    const lastEventId = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : undefined;
    if (lastEventId !== undefined && !LAST_ID.test(lastEventId))
      return sendJsonError(reply, 400, 'invalid-last-event-id', 'Last-Event-ID must be the id of an event this stream sent (digits).');
    const caller = await integrationCaller(services, request, reply);
    if (!caller) return reply;
    await stream(request, reply, caller, lastEventId === undefined ? undefined : Number(lastEventId));
    return reply;
  });

  async function stream(request: FastifyRequest, reply: FastifyReply, caller: IntegrationCaller, lastEventId: number | undefined) {
    const scope: BoardScope = boardScope(caller.scope);
    reply.hijack();
    const res = reply.raw;
    // The onSend hook does not run for a hijacked reply: the security headers are set here.
    const sse = new SseResponse(res, {
      ...APP_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    open.add(res);

    let closed = false;
    const write = (text: string | SseChunk) => {
      if (closed || text === '') return;
      // Not reading: drop it rather than buffer without limit.
      if (sse.buffered > maxBuffered) {
        closed = true;
        options.onDrop?.(caller.user);
        request.log.warn({ user: caller.user, buffered: sse.buffered }, 'event stream dropped: the client is not reading');
        res.destroy();
        return;
      }
      sse.write(text);
    };
    const send = <K extends StreamEventName>(name: K, data: StreamEventMap[K], id?: number) => write(sseText(name, data, id));

    const projector = new EventProjector((user) => names.get(user) ?? user);
    /** Each agent's last seq this connection has accounted for: anything at or below it is not sent again. */
    let seen = new Map<string, number>();
    /** Whether this connection sends the event: new to it, in its scope, and told (a call's stage changed). Counts it as seen. */
    const takes = (event: StoredEvent) => {
      if (closed || event.seq <= (seen.get(event.user) ?? 0)) return false;
      seen.set(event.user, event.seq);
      return scope.allowsCampaign(event.campaignId) && projector.tells(event);
    };
    const handle = (event: StoredEvent) => {
      if (takes(event)) write(textOf(event));
    };
    // While starting: in order, one at a time; at once (no promise) unless an agent's name must be read first.
    let chain: Promise<void> = Promise.resolve();
    let queued = 0;
    const enqueue = (event: StoredEvent) => {
      if (queued === 0 && !needsName(event)) return handle(event);
      queued += 1;
      chain = chain
        .then(async () => {
          if (needsName(event)) await nameOf(event.user);
          handle(event);
        })
        .catch((err: unknown) => request.log.error({ err }, 'event stream send failed'))
        .finally(() => (queued -= 1));
    };
    /** What the bus delivers before the start is read (snapshot or replay): sent after it, minus what it already counts. */
    let waiting: StoredEvent[] | undefined = [];
    const connection: FanoutConnection = {
      hold: (event) => {
        if (!waiting) return enqueue(event);
        waiting.push(event);
        if (waiting.length > MAX_STARTING_EVENTS) res.destroy();
      },
      takes,
      send: write,
    };
    const member = fanout.add(connection);

    let lastQueues = '';
    let lastToday = '';
    const sendTotals = (facts: BoardFacts, always: boolean) => {
      const view = totalsView(facts, scope);
      // The waits grow every second by themselves: a change is a change of calls, not of seconds.
      if (always || view.queuesKey !== lastQueues) write(view.queuesText);
      if (always || view.todayKey !== lastToday) write(view.todayText);
      lastQueues = view.queuesKey;
      lastToday = view.todayKey;
    };
    let stopTotals = () => {};
    const heartbeat = setInterval(() => write(': heartbeat\n\n'), heartbeatMs);
    heartbeat.unref();
    res.on('close', () => {
      closed = true;
      open.delete(res);
      clearInterval(heartbeat);
      member.leave();
      stopTotals();
    });

    try {
      write(`retry: 3000\n\n`);
      const resumed = lastEventId !== undefined && (await resume(lastEventId));
      if (!resumed) {
        const picture = await agentPicture(services.store, scope, nameOf);
        seen = new Map(picture.sequences);
        for (const user of picture.onCall) projector.knowCall(user, true);
        const view = totalsView(await totals.current(), scope);
        lastQueues = view.queuesKey;
        lastToday = view.todayKey;
        send(
          'snapshot',
          { reset: lastEventId !== undefined, at: services.clock.now().toISOString(), access: caller.access, agents: picture.agents, queues: view.queues, today: view.today },
          picture.position,
        );
      } else {
        sendTotals(await totals.current(), true);
      }
      for (const event of waiting ?? []) enqueue(event);
      waiting = undefined;
      // Live once what waited has gone out: from then on the fan-out writes its events.
      while (queued > 0) await chain;
      if (!closed) {
        member.live();
        stopTotals = totals.listen((facts) => sendTotals(facts, false));
      }
    } catch (err) {
      request.log.error({ err }, 'event stream failed to start');
      res.destroy();
    }

    /** Send what the log holds after `afterId`; false when that position is out of the log's window. */
    async function resume(afterId: number): Promise<boolean> {
      let after = afterId;
      for (;;) {
        const page = await services.bus.replay('*', after, replayPage);
        if (!page.ok) return false;
        for (const event of page.events) enqueue(event);
        while (queued > 0) await chain;
        if (page.events.length < replayPage) return true;
        // A long replay goes out as fast as the client reads it, not faster: the next page waits for the socket to drain.
        if (!closed) await sse.drained();
        if (closed) return true;
        after = page.events[page.events.length - 1]!.id;
      }
    }
  }
}

/** One event as the stream sends it. */
function sseText<K extends StreamEventName>(name: K, data: StreamEventMap[K], id?: number): string {
  return `event: ${name}\n${id !== undefined ? `id: ${id}\n` : ''}data: ${JSON.stringify(data)}\n\n`;
}

/** Queues and today's figures as one scope sees them, and their texts on the stream. */
interface TotalsView {
  readonly queues: BoardQueue[];
  readonly today: BoardToday;
  /** What counts as a change: the calls waiting, not the seconds they have waited. */
  readonly queuesKey: string;
  readonly todayKey: string;
  readonly queuesText: string;
  readonly todayText: string;
}

function totalsViewOf(facts: BoardFacts, scope: BoardScope): TotalsView {
  const queues = visibleQueues(facts, scope);
  const today = visibleToday(facts, scope);
  const todayKey = JSON.stringify(today);
  return {
    queues,
    today,
    queuesKey: JSON.stringify(queues.map((q) => [q.id, q.waiting, q.oldestSince])),
    todayKey,
    queuesText: sseText('queues', { queues }),
    todayText: sseText('today', today),
  };
}
