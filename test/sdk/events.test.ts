/**
 * The SDK's event iterator against a real agentgate on a port: the snapshot
 * first, a command's effect with its command_id, a drop survived with
 * Last-Event-ID (nothing lost, nothing twice), a 429 waited out, a silent
 * connection replaced, refusals thrown, and a loop that stops closes its
 * connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/admin/api-keys.js';
import { AgentgateClient, AgentgateError, type FetchLike, type ReconnectInfo, type StreamEvent } from '../../packages/client/src/index.js';
import { startHarness, type Harness } from '../support/harness.js';
import { until } from '../support/until.js';

let h: Harness;
let baseUrl: string;
/** Event streams the server is sending, counted from its side. */
let streamsOpen = 0;

beforeAll(async () => {
  h = await startHarness();
  baseUrl = await h.app.listen({ port: 0, host: '127.0.0.1' });
  h.app.server.on('request', (request, response) => {
    if (!request.url?.startsWith('/api/v2/events')) return;
    streamsOpen += 1;
    response.on('close', () => (streamsOpen -= 1));
  });
});
afterAll(async () => {
  await h?.close();
});

/** Reads an iterator in the background, so a test can act and then wait for what it caused. */
function reader(events: AsyncIterable<StreamEvent>) {
  const seen: StreamEvent[] = [];
  let taken = 0;
  let failure: unknown;
  const done = (async () => {
    try {
      for await (const event of events) seen.push(event);
    } catch (err) {
      failure = err;
    }
  })();
  return {
    seen,
    done,
    failure: () => failure,
    /** The first event not yet taken that matches; it and those before it are taken. */
    async next(match: (e: StreamEvent) => boolean = () => true, what = 'an event'): Promise<StreamEvent> {
      let found: StreamEvent | undefined;
      await until(() => {
        const at = seen.findIndex((e, i) => i >= taken && match(e));
        if (at >= 0) {
          found = seen[at];
          taken = at + 1;
        }
        return found !== undefined || failure !== undefined;
      }, what);
      if (!found) throw failure;
      return found;
    },
  };
}

const password = (extra: Partial<ConstructorParameters<typeof AgentgateClient>[0]> = {}, fetch?: FetchLike) =>
  new AgentgateClient({ baseUrl, user: '6666', pass: '1234', ...extra } as ConstructorParameters<typeof AgentgateClient>[0], fetch);
const ofAgent = (user: string) => (e: StreamEvent) => e.event === 'agent' && e.data.user === user;

describe('client.events()', () => {
  it("starts with the snapshot, then shows a command's effect with that command's id", async () => {
    const stop = new AbortController();
    const client = password();
    const stream = reader(client.events({ signal: stop.signal }));
    const snap = await stream.next();
    if (snap.event !== 'snapshot') throw new Error(`first event: ${snap.event}`);
    expect(Number(snap.id)).toBeGreaterThan(0);
    expect(snap.data).toMatchObject({ reset: false, access: 'agent-api' });
    const agent = snap.data.agents.find((a) => a.user === '1000')!;
    expect(agent).toMatchObject({ campaign: 'TESTCAMP', status: 'PAUSED' });

    const resumed = await client.legacy('agent', 'external_pause', { agent_user: '1000', value: 'RESUME' });
    expect(resumed.outcome).toMatchObject({ result: 'SUCCESS', reason: 'external_pause function set' });
    const ready = await stream.next(ofAgent('1000'), 'the READY event');
    if (ready.event !== 'agent') throw new Error('narrowed above');
    expect(ready.data).toMatchObject({ kind: 'status', seq: agent.seq + 1, command_id: resumed.commandId, agent: { status: 'READY' } });
    expect(resumed.commandId).toMatch(/^[0-9a-f-]{36}$/);
    expect(ready.id).toBe(String(ready.data.id));

    // Aborting ends the loop quietly, and the connection with it.
    stop.abort();
    await stream.done;
    expect(stream.failure()).toBeUndefined();
    await h.api({ agent_user: '1000', function: 'external_pause', value: 'PAUSE' });
  });

  it('survives a drop: reconnects with the last id, and gets exactly what it missed', async () => {
    // Every request of the client, and a gate that holds its reconnect until the test has changed things.
    const requests: Record<string, string>[] = [];
    let hold: Promise<void> = Promise.resolve();
    const fetch: FetchLike = async (url, init) => {
      requests.push({ ...(init.headers as Record<string, string>) });
      await hold;
      return globalThis.fetch(url, init);
    };
    const drops: ReconnectInfo[] = [];
    const stop = new AbortController();
    const stream = reader(password({}, fetch).events({ signal: stop.signal, retryMs: 20, onReconnect: (info) => drops.push(info) }));
    const snap = await stream.next((e) => e.event === 'snapshot');
    if (snap.event !== 'snapshot') throw new Error('narrowed above');
    const seq = snap.data.agents.find((a) => a.user === '1000')!.seq;
    await h.api({ agent_user: '1000', function: 'external_pause', value: 'RESUME' });
    const before = await stream.next(ofAgent('1000'));

    // The server drops every connection; the client may not come back until three changes have happened.
    let release = () => {};
    hold = new Promise((r) => (release = r));
    h.app.server.closeAllConnections();
    await until(() => drops.length === 1 && requests.length === 2, 'the reconnect attempt');
    for (const value of ['PAUSE', 'RESUME', 'PAUSE']) expect((await h.api({ agent_user: '1000', function: 'external_pause', value })).body).toMatch(/^SUCCESS/);
    release();

    expect(requests[1]!['last-event-id']).toBe(before.id);
    expect(drops[0]).toMatchObject({ attempt: 1, lastEventId: before.id });
    const missed = [await stream.next(ofAgent('1000')), await stream.next(ofAgent('1000')), await stream.next(ofAgent('1000'))];
    expect(missed.map((e) => e.event === 'agent' && [e.data.seq, e.data.agent.status])).toEqual([
      [seq + 2, 'PAUSED'],
      [seq + 3, 'READY'],
      [seq + 4, 'PAUSED'],
    ]);
    // A resume, not a new start: one snapshot in all, and no logged event twice.
    expect(stream.seen.filter((e) => e.event === 'snapshot')).toHaveLength(1);
    const ids = stream.seen.filter((e) => e.id !== undefined).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    stop.abort();
    await stream.done;
  });

  it('a loop that breaks closes its connection', async () => {
    await until(() => streamsOpen === 0, 'no stream left from earlier tests');
    for await (const event of password().events()) {
      expect(event.event).toBe('snapshot');
      expect(streamsOpen).toBe(1);
      break;
    }
    await until(() => streamsOpen === 0, 'the stream closed');
  });

  it('replaces a connection that goes silent, resuming where it was', async () => {
    const drops: ReconnectInfo[] = [];
    const stop = new AbortController();
    // The harness's heartbeat is 15 s: after the snapshot the stream is silent until something changes.
    const stream = reader(password().events({ signal: stop.signal, retryMs: 20, idleTimeoutMs: 300, onReconnect: (info) => drops.push(info) }));
    const snap = await stream.next((e) => e.event === 'snapshot');
    await until(() => drops.length > 0, 'the idle timeout');
    expect(drops[0]!.error).toBeInstanceOf(AgentgateError);
    expect(drops[0]).toMatchObject({ error: { code: 'idle-timeout' }, lastEventId: snap.id });
    stop.abort();
    await stream.done;
    expect(stream.seen.filter((e) => e.event === 'snapshot')).toHaveLength(1);
  });

  it("waits out a 429's Retry-After, then reads", async () => {
    const made = await createApiKey(h.services.store, { user: '6666', name: 'slow', functions: [], campaigns: [], ratePerSecond: 1 }, h.clock.now());
    if (!made.ok) throw new Error(made.message);
    const client = new AgentgateClient({ baseUrl, key: made.secret });
    // The key's one request this second.
    expect((await client.legacy('agent', 'external_pause', { agent_user: '1000', value: 'PAUSE' })).status).toBe(200);
    const drops: ReconnectInfo[] = [];
    const stop = new AbortController();
    const stream = reader(
      client.events({
        signal: stop.signal,
        retryMs: 20,
        // The server's clock is the test's: let the second pass while the client waits.
        onReconnect: (info) => {
          drops.push(info);
          void h.advance(1000);
        },
      }),
    );
    expect((await stream.next()).event).toBe('snapshot');
    expect(drops).toHaveLength(1);
    expect(drops[0]!.error).toMatchObject({ code: 'rate-limited', status: 429, retryAfter: 1 });
    expect(drops[0]!.delayMs).toBeGreaterThanOrEqual(1000);
    stop.abort();
    await stream.done;
  });

  it('throws what asking again cannot fix: bad credentials, a position that is not an id', async () => {
    const wrong = new AgentgateClient({ baseUrl, user: '6666', pass: 'wrong' });
    const refused = reader(wrong.events({ retryMs: 20 }));
    await refused.done;
    expect(refused.failure()).toBeInstanceOf(AgentgateError);
    expect(refused.failure()).toMatchObject({ code: 'invalid-credentials', status: 401 });
    expect(refused.seen).toEqual([]);

    const badPosition = reader(password().events({ lastEventId: 'abc' }));
    await badPosition.done;
    expect(badPosition.failure()).toMatchObject({ code: 'invalid-last-event-id', status: 400 });
  });

  it("throws an answer that is not an event stream (a proxy's login page) instead of reading it forever", async () => {
    const proxy: FetchLike = async () => new Response('<html>Please log in</html>', { headers: { 'content-type': 'text/html' } });
    const stream = reader(password({}, proxy).events({ retryMs: 20 }));
    await stream.done;
    expect(stream.failure()).toMatchObject({ code: 'unexpected-response', status: 200, message: expect.stringContaining('text/html') });
  });

  it("reads with an API key, narrowed to the key's campaigns", async () => {
    await h.login('1002', 'OTHERCMP');
    const made = await createApiKey(h.services.store, { user: '6666', name: 'other', functions: [], campaigns: ['OTHERCMP'] }, h.clock.now());
    if (!made.ok) throw new Error(made.message);
    for await (const event of new AgentgateClient({ baseUrl, key: made.secret }).events()) {
      if (event.event !== 'snapshot') throw new Error(`first event: ${event.event}`);
      expect(event.data.agents.map((a) => a.user)).toEqual(['1002']);
      break;
    }
    await h.logout('1002');
  });
});
