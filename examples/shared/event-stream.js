/**
 * agentgate's event stream (GET /api/v2/events, Server-Sent Events) read with
 * fetch(): the same code runs in a browser page and in Node 20+.
 *
 * Not EventSource: it cannot send an Authorization header, and a key must
 * never travel in a URL (servers and proxies log URLs). After a drop the
 * connection comes back, after the server's `retry:` delay, with
 * Last-Event-ID: the server sends only what was missed — or, when the gap is
 * older than its log keeps, a fresh snapshot with `reset: true`.
 */

/** The server refused the credentials (401) or what they may see (403): retrying would not help. */
export class StreamRefused extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/**
 * Follow the stream until `signal` aborts. Each event goes to `onEvent({ name, id, data })`;
 * `onStatus` hears 'connecting', 'live' and 'reconnecting'. Rejects with StreamRefused.
 */
export async function followEvents({ server, key, onEvent, onStatus = () => {}, signal, lastEventId }) {
  let lastId = lastEventId;
  let retryMs = 3000;
  while (!signal?.aborted) {
    onStatus(lastId ? 'reconnecting' : 'connecting');
    try {
      const headers = { Authorization: `Bearer ${key}`, Accept: 'text/event-stream' };
      if (lastId) headers['Last-Event-ID'] = lastId;
      const res = await fetch(new URL('/api/v2/events', server), { headers, signal, cache: 'no-store' });
      if (res.status === 401 || res.status === 403) {
        const body = await res.json().catch(() => null);
        throw new StreamRefused(res.status, body?.error?.code ?? 'refused', body?.error?.message ?? `agentgate answered ${res.status}`);
      }
      if (!res.ok || !res.body) throw new Error(`agentgate answered ${res.status}`);
      onStatus('live');
      for await (const block of eventBlocks(res.body)) {
        const event = parseBlock(block);
        if (event.retry) retryMs = event.retry;
        if (event.id) lastId = event.id;
        if (event.data !== undefined) onEvent({ name: event.name, id: event.id, data: JSON.parse(event.data) });
      }
    } catch (err) {
      if (err instanceof StreamRefused) throw err;
      // Anything else — the server restarting, the network gone — is a drop: come back and resume.
    }
    if (signal?.aborted) return;
    onStatus('reconnecting');
    await pause(retryMs, signal);
  }
}

/** The body's text, one event block (the lines before a blank line) at a time. */
async function* eventBlocks(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let split;
      while ((split = buffer.indexOf('\n\n')) >= 0) {
        yield buffer.slice(0, split);
        buffer = buffer.slice(split + 2);
      }
    }
  } finally {
    reader.releaseLock();
  }
}

/** One block's fields; comment lines (`: heartbeat`) are ignored. */
function parseBlock(block) {
  const event = { name: 'message', id: undefined, data: undefined, retry: undefined };
  const data = [];
  for (const line of block.split('\n')) {
    const colon = line.indexOf(':');
    if (colon === 0) continue;
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event.name = value;
    else if (field === 'id') event.id = value;
    else if (field === 'data') data.push(value);
    else if (field === 'retry' && /^\d+$/.test(value)) event.retry = Number(value);
  }
  if (data.length > 0) event.data = data.join('\n');
  return event;
}

function pause(ms, signal) {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
