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
import { EventProjector } from '../board/event-projector.js';
import type { StoredEvent } from '../events/event-bus.js';
import type { StreamEventMap, StreamEventName } from '../wire/event-stream.js';
import { integrationCaller, type IntegrationCaller } from './integration-caller.js';
import { sendJsonError } from './json-errors.js';
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
  const remember = (id: number, text: string) => {
    shared.set(id, text);
    if (shared.size > SHARED_TEXTS) shared.delete(shared.keys().next().value!);
  };
  const names = new Map<string, string>();
  const nameOf = async (user: string) => {
    let name = names.get(user);
    if (name === undefined) names.set(user, (name = (await services.store.users.find(user))?.fullName ?? user));
    return name;
  };

  // A stream never ends by itself: end them all when the server closes.
  app.addHook('preClose', async () => {
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
    res.writeHead(200, {
      ...APP_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    open.add(res);

    let closed = false;
    const write = (text: string) => {
      if (closed || !text) return;
      // Not reading: drop it rather than buffer without limit.
      if (res.writableLength > maxBuffered) {
        closed = true;
        options.onDrop?.(caller.user);
        request.log.warn({ user: caller.user, buffered: res.writableLength }, 'event stream dropped: the client is not reading');
        res.destroy();
        return;
      }
      res.write(text);
    };
    const send = <K extends StreamEventName>(name: K, data: StreamEventMap[K], id?: number) =>
      write(`event: ${name}\n${id !== undefined ? `id: ${id}\n` : ''}data: ${JSON.stringify(data)}\n\n`);

    const projector = new EventProjector((user) => names.get(user) ?? user);
    /** Each agent's last seq this connection has accounted for: anything at or below it is not sent again. */
    let seen = new Map<string, number>();
    let waiting: StoredEvent[] | undefined = [];
    const handle = (event: StoredEvent) => {
      if (closed || event.seq <= (seen.get(event.user) ?? 0)) return;
      seen.set(event.user, event.seq);
      if (!scope.allowsCampaign(event.campaignId)) return;
      write(shared.get(event.id) ?? projectFor(event));
    };
    /** The event's text; the same for every connection (and kept for them) unless it is a call, whose stage is this connection's. */
    const projectFor = (event: StoredEvent) => {
      const projected = projector.project(event);
      const text = projected ? `event: ${projected.name}\nid: ${event.id}\ndata: ${JSON.stringify(projected.data)}\n\n` : '';
      if (event.event.type !== 'telephony') remember(event.id, text);
      return text;
    };
    // In order, one at a time; at once (no promise) unless an agent's name must be read first.
    let chain: Promise<void> = Promise.resolve();
    let queued = 0;
    const enqueue = (event: StoredEvent) => {
      const needsName = (event.event.type === 'session.started' || event.event.type === 'session.changed') && !names.has(event.user);
      if (queued === 0 && !needsName) return handle(event);
      queued += 1;
      chain = chain
        .then(async () => {
          if (needsName) await nameOf(event.user);
          handle(event);
        })
        .catch((err: unknown) => request.log.error({ err }, 'event stream send failed'))
        .finally(() => (queued -= 1));
    };
    const unsubscribe = services.bus.subscribe('*', (event) => {
      if (!waiting) return enqueue(event);
      waiting.push(event);
      if (waiting.length > MAX_STARTING_EVENTS) res.destroy();
    });

    let lastQueues = '';
    let lastToday = '';
    const sendTotals = (facts: BoardFacts, always: boolean) => {
      const queues = visibleQueues(facts, scope);
      const today = visibleToday(facts, scope);
      // The waits grow every second by themselves: a change is a change of calls, not of seconds.
      const queuesKey = JSON.stringify(queues.map((q) => [q.id, q.waiting, q.oldestSince]));
      const todayKey = JSON.stringify(today);
      if (always || queuesKey !== lastQueues) send('queues', { queues });
      if (always || todayKey !== lastToday) send('today', today);
      lastQueues = queuesKey;
      lastToday = todayKey;
    };
    let stopTotals = () => {};
    const heartbeat = setInterval(() => write(': heartbeat\n\n'), heartbeatMs);
    heartbeat.unref();
    res.on('close', () => {
      closed = true;
      open.delete(res);
      clearInterval(heartbeat);
      unsubscribe();
      stopTotals();
    });

    try {
      write(`retry: 3000\n\n`);
      const resumed = lastEventId !== undefined && (await resume(lastEventId));
      if (!resumed) {
        const picture = await agentPicture(services.store, scope, nameOf);
        seen = new Map(picture.sequences);
        for (const user of picture.onCall) projector.knowCall(user, true);
        const facts = await totals.current();
        const queues = visibleQueues(facts, scope);
        const today = visibleToday(facts, scope);
        lastQueues = JSON.stringify(queues.map((q) => [q.id, q.waiting, q.oldestSince]));
        lastToday = JSON.stringify(today);
        send(
          'snapshot',
          { reset: lastEventId !== undefined, at: services.clock.now().toISOString(), access: caller.access, agents: picture.agents, queues, today },
          picture.position,
        );
      } else {
        sendTotals(await totals.current(), true);
      }
      for (const event of waiting ?? []) enqueue(event);
      waiting = undefined;
      if (!closed) stopTotals = totals.listen((facts) => (queued === 0 ? sendTotals(facts, false) : void (chain = chain.then(() => sendTotals(facts, false)))));
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
        if (res.writableNeedDrain && !closed) await drained(res);
        if (closed) return true;
        after = page.events[page.events.length - 1]!.id;
      }
    }
  }
}

/** Until the socket has drained (or closed), with no listener left behind. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
