/**
 * GET /api/v2/events on a real listening server: the snapshot, a command's
 * effect with its command_id, resuming with Last-Event-ID (nothing lost,
 * nothing repeated), a resume older than the log (a reset snapshot), scope,
 * who may open it, and a client that stops reading.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/admin/api-keys.js';
import { startHarness, type Harness } from '../support/harness.js';
import { openStream, basic, type SseClient, type SseEvent } from '../support/sse-client.js';
import { until } from '../support/until.js';

let h: Harness;
let base: string;
const dropped: string[] = [];
const clients: SseClient[] = [];

beforeAll(async () => {
  // Replay pages of two events: a resume reads the log over several pages.
  h = await startHarness({ app: { eventStream: { heartbeatMs: 100, maxBufferedBytes: 16 * 1024, replayPageSize: 2, onDrop: (user) => dropped.push(user) } } });
  const pass_hash = await h.services.passwords.hash('1234');
  // A wallboard account: reporting rights only, no Agent API Access.
  await h.services.store.users.insert({ user: 'wall', pass_hash, full_name: 'Wallboard', user_level: 7, user_group: 'AGENTS', view_reports: '1', vdc_agent_api_access: '0' });
  base = await h.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await h?.close();
});

const open = async (options: Parameters<typeof openStream>[1]) => {
  const client = await openStream(base, options);
  clients.push(client);
  return client;
};
const pause = (value: 'PAUSE' | 'RESUME', agent = '1000') => h.api({ agent_user: agent, function: 'external_pause', value });
const logged = (e: SseEvent) => e.id !== undefined && e.event !== 'snapshot';

describe('the snapshot', () => {
  it('starts with every agent and queue the caller may see, with security headers', async () => {
    const s = await open({ user: '6666' });
    expect(s.status).toBe(200);
    expect(s.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(s.headers['content-security-policy']).toContain("default-src 'self'");
    expect(s.headers['x-frame-options']).toBe('DENY');
    const snap = await s.next();
    expect(snap.event).toBe('snapshot');
    expect(Number(snap.id)).toBeGreaterThan(0);
    expect(snap.data).toMatchObject({ reset: false, access: 'agent-api' });
    const agent = snap.data.agents.find((a: { user: string }) => a.user === '1000');
    expect(agent).toMatchObject({ user: '1000', name: 'Agent 1000', campaign: 'TESTCAMP', status: 'PAUSED', leadId: 0, callsToday: 0 });
    expect(agent.seq).toBeGreaterThan(0);
    const queues = snap.data.queues.map((q: { kind: string; id: string }) => `${q.kind}:${q.id}`);
    expect(queues).toEqual(expect.arrayContaining(['CAMPAIGN:TESTCAMP', 'CAMPAIGN:OTHERCMP', 'INGROUP:TESTIN']));
    expect(snap.data.today).toMatchObject({ calls: 0, answered: 0, dropped: 0, serviceLevel: null, dispositions: {} });
    await until(() => s.comments.includes('heartbeat'), 'a heartbeat');
  });
});

describe('deltas', () => {
  it("a PAUSE through /agc/api.php arrives with that request's command_id, in the agent's order", async () => {
    const s = await open({ user: '6666' });
    const snap = await s.next((e) => e.event === 'snapshot');
    const seq = snap.data.agents.find((a: { user: string }) => a.user === '1000').seq;
    const resumed = await pause('RESUME');
    expect(resumed.body).toMatch(/^SUCCESS/);
    const ready = await s.next((e) => e.event === 'agent' && e.data.user === '1000');
    expect(ready.data).toMatchObject({ kind: 'status', seq: seq + 1, command_id: resumed.headers['x-command-id'], agent: { status: 'READY' } });
    const paused = await pause('PAUSE');
    const ev = await s.next((e) => e.event === 'agent' && e.data.user === '1000');
    expect(ev.data.command_id).toBe(paused.headers['x-command-id']);
    expect(ev.data.command_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ev.data).toMatchObject({ seq: seq + 2, campaign: 'TESTCAMP', agent: { status: 'PAUSED', name: 'Agent 1000' } });
    expect(Number(ev.id)).toBe(ev.data.id);
    expect(Number(ev.id)).toBeGreaterThan(Number(ready.id));
  });

  it('tells logins, calls, dispositions and logouts; what the simulator does carries no command_id', async () => {
    const s = await open({ user: '6666' });
    await s.next((e) => e.event === 'snapshot');
    await h.login('1001', 'TESTCAMP');
    expect((await s.next((e) => e.event === 'agent' && e.data.user === '1001')).data).toMatchObject({ kind: 'login', command_id: null, agent: { name: 'Agent 1001', status: 'PAUSED' } });
    await h.startCall('1001');
    expect((await s.next((e) => e.event === 'agent' && e.data.user === '1001')).data.agent).toMatchObject({ status: 'INCALL', leadId: 1, callsToday: 1 });
    await h.endCall('1001');
    expect((await s.next((e) => e.event === 'agent' && e.data.user === '1001')).data.agent.status).toBe('DISPO');
    const dispo = await h.api({ agent_user: '1001', function: 'external_status', value: 'SALE' });
    const d = await s.next((e) => e.event === 'disposition');
    expect(d.data).toMatchObject({ user: '1001', leadId: 1, status: 'SALE', command_id: dispo.headers['x-command-id'] });
    await h.logout('1001');
    expect((await s.next((e) => e.event === 'logout')).data).toMatchObject({ user: '1001', cause: 'test' });
    // Today's figures follow from the calls log.
    await until(() => s.events.some((e) => e.event === 'today' && e.data.calls === 1 && e.data.dispositions.SALE === 1), "today's figures");
  });
});

describe('a command that waits for the disposition', () => {
  it('a PAUSE sent during a call: the event that shows PAUSED, at the disposition, carries the PAUSE’s command_id', async () => {
    const s = await open({ user: '6666' });
    await s.next((e) => e.event === 'snapshot');
    await h.login('1001', 'TESTCAMP');
    await h.startCall('1001');
    const paused = await pause('PAUSE', '1001');
    const pending = await s.next((e) => e.event === 'agent' && e.data.user === '1001' && e.data.command_id === paused.headers['x-command-id']);
    expect(pending.data.agent.status).toBe('INCALL');
    await h.endCall('1001');
    const dispo = await h.api({ agent_user: '1001', function: 'external_status', value: 'SALE' });
    // The disposition is the disposition request's; the pause taking effect is the PAUSE's.
    expect((await s.next((e) => e.event === 'disposition' && e.data.user === '1001')).data.command_id).toBe(dispo.headers['x-command-id']);
    const applied = await s.next((e) => e.event === 'agent' && e.data.user === '1001' && e.data.agent.status === 'PAUSED');
    expect(applied.data.command_id).toBe(paused.headers['x-command-id']);
    // Taken once: the next change is the next command's alone.
    const resumed = await pause('RESUME', '1001');
    expect((await s.next((e) => e.event === 'agent' && e.data.user === '1001' && e.data.agent.status === 'READY')).data.command_id).toBe(resumed.headers['x-command-id']);
    await h.logout('1001');
  });

  it('a LOGOUT sent during a call: the logout event carries its command_id', async () => {
    const s = await open({ user: '6666' });
    await s.next((e) => e.event === 'snapshot');
    await h.login('1001', 'TESTCAMP');
    await h.startCall('1001');
    const logout = await h.api({ agent_user: '1001', function: 'logout', value: 'LOGOUT' });
    expect(logout.body).toMatch(/^SUCCESS/);
    await h.endCall('1001');
    await h.api({ agent_user: '1001', function: 'external_status', value: 'SALE' });
    const ended = await s.next((e) => e.event === 'logout' && e.data.user === '1001');
    expect(ended.data.command_id).toBe(logout.headers['x-command-id']);
  });
});

describe('resuming', () => {
  it('with Last-Event-ID: exactly the events after it, nothing lost, nothing repeated', async () => {
    const first = await open({ user: '6666' });
    await first.next((e) => e.event === 'snapshot');
    await pause('RESUME');
    const got = await first.next((e) => e.event === 'agent' && e.data.user === '1000');
    first.close();
    // Missed while disconnected.
    await pause('PAUSE');
    await pause('RESUME');
    await pause('PAUSE');
    const missed = (await h.rows('agentgate_events')).filter((r) => Number(r.event_id) > Number(got.id)).map((r) => Number(r.event_id)).sort((a, b) => a - b);
    expect(missed.length).toBeGreaterThanOrEqual(3);

    const again = await open({ user: '6666', headers: { 'last-event-id': got.id! } });
    const seqs: number[] = [];
    for (let i = 0; i < 3; i++) seqs.push((await again.next((e) => e.event === 'agent')).data.seq);
    expect(seqs).toEqual([got.data.seq + 1, got.data.seq + 2, got.data.seq + 3]);
    await pause('RESUME');
    const live = await again.next((e) => e.event === 'agent');
    expect(live.data.seq).toBe(got.data.seq + 4);
    expect(again.events.some((e) => e.event === 'snapshot')).toBe(false);
    const ids = again.events.filter(logged).map((e) => Number(e.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id > Number(got.id))).toBe(true);
    expect(ids.slice(0, missed.length)).toEqual(missed.filter((id) => ids.includes(id)));
    // The query parameter works too (for clients that cannot set the header).
    const byQuery = await open({ user: '6666', path: `/api/v2/events?last_event_id=${live.id}` });
    await pause('PAUSE');
    expect((await byQuery.next(logged)).data.seq).toBe(got.data.seq + 5);
  });

  it('from a position the log no longer keeps: a fresh snapshot marked reset', async () => {
    await pause('RESUME');
    const rows = await h.rows('agentgate_events');
    const newest = Math.max(...rows.map((r) => Number(r.event_id)));
    await h.exec(`delete from agentgate_events where event_id < ${newest}`);
    const s = await open({ user: '6666', headers: { 'last-event-id': '1' } });
    const snap = await s.next();
    expect(snap.event).toBe('snapshot');
    expect(snap.data.reset).toBe(true);
    expect(snap.data.agents.find((a: { user: string }) => a.user === '1000').status).toBe('READY');
  });

  it('refuses a Last-Event-ID that is not an id', async () => {
    const res = await h.app.inject({ url: '/api/v2/events', headers: { authorization: basic('6666'), 'last-event-id': 'abc' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid-last-event-id');
  });
});

describe('scope and access', () => {
  it("TEAM_B's API user (API List Restrict: OTHERCMP) sees no TESTCAMP agent, queue or event", async () => {
    const s = await open({ user: '6669' });
    const snap = await s.next((e) => e.event === 'snapshot');
    expect(snap.data.agents.map((a: { user: string }) => a.user)).not.toContain('1000');
    expect(snap.data.queues.map((q: { id: string }) => q.id)).not.toContain('TESTCAMP');
    expect(snap.data.queues.map((q: { id: string }) => q.id)).toContain('OTHERCMP');
    await pause('PAUSE');
    await h.login('1002', 'OTHERCMP');
    const login = await s.next((e) => e.event === 'agent');
    expect(login.data).toMatchObject({ user: '1002', campaign: 'OTHERCMP' });
    expect(s.events.filter(logged).map((e) => e.data.user)).toEqual(['1002']);
    await h.logout('1002');
  });

  it("today's figures, worked out once per scope, reach each caller as its scope sees them", async () => {
    const all = await open({ user: '6666' });
    const teamB = await open({ user: '6669' });
    const before = (await all.next((e) => e.event === 'snapshot')).data.today.calls;
    const teamBToday = (await teamB.next((e) => e.event === 'snapshot')).data.today;
    await h.login('1001', 'TESTCAMP');
    await h.startCall('1001');
    await h.endCall('1001');
    await h.api({ agent_user: '1001', function: 'external_status', value: 'SALE' });
    // (The snapshot's figures are the node's last reading, which may predate earlier tests' calls: more, not exactly one more.)
    await until(() => all.events.some((e) => e.event === 'today' && e.data.calls > before && e.data.dispositions.SALE > 0), "6666's figures with the TESTCAMP call");
    await h.logout('1001');
    // The same reading left TEAM_B's figures as they were: nothing to send it, or the same figures.
    for (const e of teamB.events.filter((e) => e.event === 'today')) expect(e.data).toEqual(teamBToday);
  });

  it("an API key reads as its user, narrowed to the key's campaigns", async () => {
    await h.login('1002', 'OTHERCMP');
    const made = await createApiKey(h.services.store, { user: '6666', name: 'board', functions: [], campaigns: ['OTHERCMP'] }, h.clock.now());
    if (!made.ok) throw new Error(made.message);
    const s = await open({ headers: { authorization: `Bearer ${made.secret}` } });
    const snap = await s.next((e) => e.event === 'snapshot');
    expect(snap.data.access).toBe('agent-api');
    expect(snap.data.agents.map((a: { user: string }) => a.user)).toEqual(['1002']);
    const revoked = await h.app.inject({ url: '/api/v2/events', headers: { authorization: 'Bearer agk_not_a_key' } });
    expect(revoked.statusCode).toBe(401);
    await h.logout('1002');
  });

  it('a reports-only user may read (access: reports); a user with neither right gets 403', async () => {
    const s = await open({ user: 'wall' });
    expect((await s.next()).data.access).toBe('reports');
    const agent = await h.app.inject({ url: '/api/v2/events', headers: { authorization: basic('1001') } });
    expect(agent.statusCode).toBe(403);
    expect(agent.json().error.code).toBe('no-access');
  });

  it("a reports-only user's key (a wallboard's) reads as its user, and may be given no function", async () => {
    const now = h.clock.now();
    const made = await createApiKey(h.services.store, { user: 'wall', name: 'tv', functions: [], campaigns: [] }, now);
    if (!made.ok) throw new Error(made.message);
    const s = await open({ headers: { authorization: `Bearer ${made.secret}` } });
    expect((await s.next()).data.access).toBe('reports');
    const withFunctions = await createApiKey(h.services.store, { user: 'wall', name: 'tv2', functions: ['external_pause'], campaigns: [] }, now);
    expect(withFunctions).toMatchObject({ ok: false, message: expect.stringMatching(/may read the event stream but call no function/) });
    // It calls nothing: the agent API refuses the user as it would with its password.
    const res = await h.app.inject({ url: '/agc/api.php?source=test&agent_user=1000&function=external_pause&value=PAUSE', headers: { authorization: `Bearer ${made.secret}` } });
    expect(res.body).toMatch(/^ERROR: /);
  });

  it('a wrong password: 401 with the JSON error, counted toward the lock like any failed login', async () => {
    const before = Number((await h.rows('vicidial_users', { user: '6666' }))[0]!.failed_login_count);
    const res = await h.app.inject({ url: '/api/v2/events', headers: { authorization: basic('6666', 'wrong') } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'invalid-credentials', message: expect.any(String) } });
    expect(res.body).not.toContain('wrong');
    expect(Number((await h.rows('vicidial_users', { user: '6666' }))[0]!.failed_login_count)).toBe(before + 1);
    const none = await h.app.inject({ url: '/api/v2/events' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer');
  });
});

/** A raw connection to the stream: the response's head and the body's HTTP chunks as they were framed. */
function rawStream(httpVersion: '1.1' | '1.0') {
  const socket = net.connect(Number(new URL(base).port), '127.0.0.1');
  socket.write(`GET /api/v2/events HTTP/${httpVersion}\r\nHost: 127.0.0.1\r\nAuthorization: ${basic('6666')}\r\n\r\n`);
  let bytes = Buffer.alloc(0);
  socket.on('data', (data: Buffer) => (bytes = Buffer.concat([bytes, data])));
  const split = () => {
    const end = bytes.indexOf('\r\n\r\n');
    return end < 0 ? undefined : { head: bytes.subarray(0, end).toString(), body: bytes.subarray(end + 4) };
  };
  /** The body's chunks (HTTP/1.1), each whole one read so far. */
  const chunks = () => {
    const out: string[] = [];
    let body = split()?.body ?? Buffer.alloc(0);
    for (;;) {
      const line = body.indexOf('\r\n');
      if (line < 0) break;
      const size = parseInt(body.subarray(0, line).toString(), 16);
      if (body.length < line + 2 + size + 2) break;
      out.push(body.subarray(line + 2, line + 2 + size).toString());
      body = body.subarray(line + 2 + size + 2);
    }
    return out;
  };
  return { socket, split, chunks };
}
const ids = (text: string) => [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));

describe('how events are written', () => {
  it('the events of one turn of the event loop go out as one HTTP chunk, each once', async () => {
    const raw = rawStream('1.1');
    try {
      await until(() => raw.chunks().some((c) => c.includes('event: snapshot')), 'the snapshot');
      expect(raw.split()!.head).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
      expect(raw.split()!.head.toLowerCase()).toContain('transfer-encoding: chunked');
      const before = raw.chunks().length;
      // Three changes of agent 1000, one commit: three events delivered in the same turn.
      const raised: number[] = [];
      const unsubscribe = h.services.bus.subscribe('1000', (e) => raised.push(e.id));
      await h.services.runner.run(async (u) => {
        let agent = (await u.store.liveAgents.find('1000'))!;
        for (let i = 0; i < 3; i++)
          agent = await (agent.status === 'PAUSED' ? h.services.sessions.resume(u, agent, 'test') : h.services.sessions.pause(u, agent, 'test'));
      });
      unsubscribe();
      expect(raised).toHaveLength(3);
      // (Heartbeats and today's figures may come in chunks of their own.)
      const carrying = () => raw.chunks().slice(before).filter((c) => ids(c).some((id) => raised.includes(id)));
      await until(() => carrying().length > 0, 'the batch');
      await new Promise((r) => setTimeout(r, 50));
      expect(carrying()).toHaveLength(1);
      expect(ids(carrying()[0]!)).toEqual(raised);
    } finally {
      raw.socket.destroy();
    }
  });

  it('an HTTP/1.0 client, which knows no chunks, gets the events unframed until the connection closes', async () => {
    const raw = rawStream('1.0');
    try {
      await until(() => !!raw.split()?.body.toString().includes('event: snapshot'), 'the snapshot');
      expect(raw.split()!.head.toLowerCase()).not.toContain('transfer-encoding');
      expect(raw.split()!.body.toString()).toMatch(/^retry: 3000\n\nevent: snapshot\nid: \d+\ndata: \{/);
      const paused = (await h.services.store.liveAgents.find('1000'))!.status === 'PAUSED';
      expect((await pause(paused ? 'RESUME' : 'PAUSE')).body).toMatch(/^SUCCESS/);
      await until(() => raw.split()!.body.toString().includes('event: agent'), 'the change');
      expect(raw.split()!.body.toString()).toMatch(new RegExp(`\\n\\nevent: agent\\nid: \\d+\\ndata: \\{[^\\n]*"status":"${paused ? 'READY' : 'PAUSED'}"`));
    } finally {
      raw.socket.destroy();
    }
  });
});

describe('a client that does not read', () => {
  it('is dropped once its unsent data passes the bound', async () => {
    const slow = await open({ user: '6666' });
    await slow.next((e) => e.event === 'snapshot');
    slow.pause();
    let units = 0;
    // Fifty changes per transaction: what fills the socket is the number of events, not of commits.
    for (; units < 400 && !dropped.includes('6666'); units++) {
      await h.services.runner.run(async (u) => {
        let agent = (await u.store.liveAgents.find('1000'))!;
        for (let i = 0; i < 50; i++)
          agent = await (agent.status === 'PAUSED' ? h.services.sessions.resume(u, agent, 'test') : h.services.sessions.pause(u, agent, 'test'));
      });
    }
    expect(dropped).toContain('6666');
    // Reading again, it finds its connection closed: the server holds nothing for it any more.
    slow.resume();
    await slow.ended;
    // The kernel's socket buffers take megabytes before the server's own bound counts: thousands of
    // session changes, which a loaded MariaDB writes in tens of seconds.
  }, 120_000);
});
