/**
 * GET /api/v2/events as an async iterator that survives drops: after a
 * network failure, a server restart or a silent connection it reconnects with
 * `Last-Event-ID` set to the last id it saw, so the server replays exactly
 * what was missed (or sends a snapshot marked `reset` when that is too old).
 * It waits before each reconnect, twice as long after each failure in a row
 * (with jitter, so a thousand wallboards do not return in the same
 * millisecond), and never less than a 429's or 503's Retry-After.
 */
import { AgentgateError, errorFromResponse, parseJson } from './errors.js';
import { isStreamEventName, type StreamEvent } from './event-types.js';
import { send, type Connection } from './http.js';
import { SseParser, type SseMessage } from './sse.js';

export interface EventsOptions {
  /** Resume after this event id (an id a previous stream gave) instead of starting with a snapshot. */
  readonly lastEventId?: string;
  /** Aborting ends the iteration (the loop simply finishes). */
  readonly signal?: AbortSignal;
  /** The first wait before a reconnect; default the server's `retry:` (3 s), else 1 s. Doubles after each failure in a row. */
  readonly retryMs?: number;
  /** The longest wait between reconnects (default 30 s). */
  readonly maxRetryMs?: number;
  /** A connection that sends nothing, not even a heartbeat, for this long is taken as dropped (default 45 s: three heartbeats). */
  readonly idleTimeoutMs?: number;
  /** Told of each drop, before the wait: for logs and status lights. */
  readonly onReconnect?: (info: ReconnectInfo) => void;
}

export interface ReconnectInfo {
  /** Why the connection ended: a network error, or an AgentgateError (a 5xx or 429, `stream-ended`, `idle-timeout`). */
  readonly error: unknown;
  /** Failures in a row, this one included. */
  readonly attempt: number;
  readonly delayMs: number;
  /** The position the next connection resumes from (undefined: it starts with a snapshot). */
  readonly lastEventId: string | undefined;
}

const DEFAULT_RETRY_MS = 1000;
const DEFAULT_MAX_RETRY_MS = 30_000;
const DEFAULT_IDLE_MS = 45_000;

export async function* followEvents(c: Connection, options: EventsOptions): AsyncGenerator<StreamEvent, void, undefined> {
  const outer = options.signal;
  let lastEventId = options.lastEventId;
  let serverRetryMs: number | undefined;
  let failures = 0;
  while (!outer?.aborted) {
    const attempt = new AbortController();
    const stop = () => attempt.abort();
    outer?.addEventListener('abort', stop);
    let dropped: unknown;
    try {
      const response = await send(
        c,
        'api/v2/events',
        { method: 'GET', headers: { accept: 'text/event-stream', ...(lastEventId !== undefined ? { 'last-event-id': lastEventId } : {}) }, signal: attempt.signal },
        (cause) => new AgentgateError({ code: 'network-error', message: 'the event stream could not be reached', status: 0, cause }),
      );
      if (!response.ok) {
        const refused = await errorFromResponse(response);
        // Credentials, rights or a bad position do not get better by asking again; a busy or restarting server does.
        if (!retryable(refused.status)) throw refused;
        dropped = refused;
      } else if (!response.body || !/^text\/event-stream\b/i.test(response.headers.get('content-type') ?? '')) {
        // A proxy's login page, say: reading it again and again would never give an event.
        throw new AgentgateError({
          code: 'unexpected-response',
          message: `GET api/v2/events answered ${response.headers.get('content-type') ?? 'without a content type'}, not an event stream`,
          status: response.status,
        });
      } else {
        for await (const item of sseItems(response.body, attempt, options.idleTimeoutMs ?? DEFAULT_IDLE_MS)) {
          if (item.type === 'retry') serverRetryMs = item.ms;
          else if (item.type === 'id') lastEventId = item.id;
          else if (item.type === 'message') {
            if (item.message.id !== undefined) lastEventId = item.message.id;
            failures = 0;
            const event = streamEvent(item.message);
            if (event) yield event;
          }
        }
        dropped = new AgentgateError({ code: 'stream-ended', message: 'the server ended the event stream', status: response.status });
      }
    } catch (err) {
      if (outer?.aborted) return;
      if (err instanceof AgentgateError && err.status !== 0 && !retryable(err.status)) throw err;
      // A silent connection was aborted by the idle timer: say so rather than "the operation was aborted".
      dropped = attempt.signal.reason instanceof AgentgateError ? attempt.signal.reason : err;
    } finally {
      outer?.removeEventListener('abort', stop);
      attempt.abort();
    }
    failures += 1;
    const base = options.retryMs ?? serverRetryMs ?? DEFAULT_RETRY_MS;
    const backoff = Math.min(options.maxRetryMs ?? DEFAULT_MAX_RETRY_MS, base * 2 ** (failures - 1));
    const retryAfterMs = dropped instanceof AgentgateError && dropped.retryAfter !== undefined ? dropped.retryAfter * 1000 : 0;
    const delayMs = Math.max(Math.round(backoff * (0.5 + Math.random() / 2)), retryAfterMs);
    options.onReconnect?.({ error: dropped, attempt: failures, delayMs, lastEventId });
    await sleep(delayMs, outer);
  }
}

/** 408, 429 and the 5xx are worth another try; any other refusal is final. */
function retryable(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** The body's SSE items; a connection silent for `idleMs` is aborted (its read then fails, which is a drop). */
async function* sseItems(body: ReadableStream<Uint8Array>, attempt: AbortController, idleMs: number) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  const idle = () => attempt.abort(new AgentgateError({ code: 'idle-timeout', message: `the event stream sent nothing for ${idleMs} ms`, status: 0 }));
  let timer = setTimeout(idle, idleMs);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      clearTimeout(timer);
      if (done) return;
      timer = setTimeout(idle, idleMs);
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
  } finally {
    clearTimeout(timer);
    // Frees the connection even with a fetch that ignores the abort signal; a failed stream's cancel rejects.
    reader.cancel().catch(() => {});
  }
}

/** A message as a typed event; undefined for a name this client does not know (a newer server's). */
function streamEvent(message: SseMessage): StreamEvent | undefined {
  if (!isStreamEventName(message.event)) return undefined;
  const data = parseJson(message.data);
  if (data === undefined)
    throw new AgentgateError({ code: 'unexpected-response', message: `the ${message.event} event's data is not JSON: ${message.data.slice(0, 200)}`, status: 200 });
  return { event: message.event, id: message.id, data } as StreamEvent;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done);
  });
}
