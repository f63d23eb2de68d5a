/**
 * Several nodes: two real agentgate processes on one database and one Redis
 * (a redis-server of the test's own, so it can be stopped). A command sent to
 * node A reaches a screen connected to node B, each event once and in order;
 * a user disabled on A is refused on B at once; lockout counts on both; with
 * Redis stopped commands still work and the screen still gets its events (the
 * slower path), and when Redis returns the nodes say so and use it again.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { describeRedis, redisPrefix, startRedis, type RedisServer } from '../support/redis.js';
import { startServer, tempDir, type ServerProcess } from '../support/server-process.js';
import { until } from '../support/until.js';

let redis: RedisServer;
let databaseFile: string;
let a: ServerProcess;
let b: ServerProcess;
const sockets: WebSocket[] = [];

const apiUrl = (node: ServerProcess, params: Record<string, string>) =>
  `${node.url}/agc/api.php?${new URLSearchParams({ source: 'test', user: '6666', pass: '1234', ...params })}`;
const api = async (node: ServerProcess, params: Record<string, string>) => (await fetch(apiUrl(node, params))).text();
const nonAgent = async (node: ServerProcess, params: Record<string, string>) =>
  (await fetch(`${node.url}/vicidial/non_agent_api.php?${new URLSearchParams({ source: 'test', user: '6000', pass: '1234', ...params })}`)).text();
const pause = (node: ServerProcess, value: 'PAUSE' | 'RESUME', user = '6666') => api(node, { user, agent_user: '1001', function: 'external_pause', value });


interface Screen {
  readonly ws: WebSocket;
  readonly events: { id: number; seq: number; event: { type: string; user: string; cause?: string } }[];
}

/** Agent 1001 logs in from the screen on `node` (OTHERCMP: manual dial, nothing rings) and opens its WebSocket. */
async function openScreen(node: ServerProcess): Promise<Screen> {
  const login = await fetch(`${node.url}/api/v2/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: '1001', pass: '1234', screen: 'agent' }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const session = await fetch(`${node.url}/api/v2/agent/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ campaign: 'OTHERCMP' }),
  });
  expect(session.status).toBe(200);
  const ws = new WebSocket(`${node.url.replace('http', 'ws')}/api/v2/agent/stream`, { headers: { cookie } });
  sockets.push(ws);
  const screen: Screen = { ws, events: [] };
  await new Promise<void>((resolve, reject) => {
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString());
      if (m.type === 'state') resolve();
      if (m.type === 'event') screen.events.push(m);
    });
    ws.once('error', reject);
  });
  return screen;
}

/** The last sequence number the log gave the agent's events (read as another program would). */
function lastSeq(user: string): number {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return Number((db.prepare('select max(seq) as seq from agentgate_events where user = ?').get(user) as { seq: number }).seq);
  } finally {
    db.close();
  }
}

const readyz = async (node: ServerProcess) => {
  const res = await fetch(`${node.url}/readyz`);
  return { status: res.status, body: (await res.json()) as Record<string, string> };
};

describeRedis('two nodes on one database and one Redis', () => {
  beforeAll(async () => {
    redis = await startRedis();
    const env = {
      DATABASE_URL: `sqlite:${(databaseFile = path.join(tempDir(), 'agentgate.db'))}`,
      REDIS_URL: redis.url,
      REDIS_PREFIX: redisPrefix(),
      SESSION_SECRET: 'a shared secret of at least thirty-two characters',
      SIMULATOR: 'off',
      // Slow enough that a test would notice if the slower path were all there is, fast enough for a test.
      EVENT_POLL_MS: '200',
      LOG_LEVEL: 'info',
    };
    a = await startServer(env);
    b = await startServer(env, ['serve']);
    await until(async () => (await readyz(a)).status === 200 && (await readyz(b)).status === 200, 'both nodes ready');
  });
  afterAll(async () => {
    for (const ws of sockets) ws.terminate();
    await Promise.all([a?.kill('SIGKILL'), b?.kill('SIGKILL')]);
    await redis?.stop();
  });

  it('a command sent to node A reaches the screen on node B; many from both nodes arrive each once and in order', async () => {
    const screen = await openScreen(b);
    expect(await pause(a, 'RESUME')).toMatch(/^SUCCESS: external_pause function set - RESUME\|/);
    await until(() => screen.events.length === 1, 'the event on node B');
    expect(screen.events[0]!.event).toMatchObject({ type: 'session.changed', user: '1001', cause: 'api-resume' });

    // Thirty commands, ten at a time, spread over both nodes: each event the log holds reaches the screen once, in order.
    // Each node gets PAUSE and RESUME in turn, so that the commands a node runs in one commit still change the state.
    const first = screen.events[0]!.seq;
    for (let round = 0; round < 3; round++)
      await Promise.all(Array.from({ length: 10 }, (_, i) => pause(i % 2 === 0 ? a : b, Math.floor(i / 2) % 2 === 0 ? 'PAUSE' : 'RESUME')));
    const last = lastSeq('1001');
    expect(last).toBeGreaterThan(first + 5);
    await until(() => screen.events.at(-1)!.seq === last, `the screen to reach seq ${last}`);
    await new Promise((r) => setTimeout(r, 500)); // several polls later: nothing may come twice
    expect(screen.events.map((e) => e.seq)).toEqual(Array.from({ length: last - first + 1 }, (_, i) => first + i));
  });

  it('a user disabled through node A is refused by node B at once', async () => {
    expect(await pause(b, 'PAUSE', '6668')).toMatch(/^SUCCESS: external_pause/);
    expect(await nonAgent(a, { function: 'update_user', agent_user: '6668', active: 'N' })).toBe('SUCCESS: update_user USER HAS BEEN UPDATED - 6000|6668|\n');
    // The uniform failure line, as for a wrong password: node B read the row, not a cached copy.
    expect(await pause(b, 'RESUME', '6668')).toMatch(/^ERROR: Invalid Username\/Password: \|6668\|/);
  });

  it('counts failed logins on both nodes toward one lock', async () => {
    for (let i = 0; i < 10; i++) await api(i % 2 === 0 ? a : b, { user: '6669', pass: 'wrong', agent_user: '1002', function: 'external_pause', value: 'PAUSE' });
    // The right password now fails on either node: the account is locked.
    const locked = await api(b, { user: '6669', agent_user: '1002', function: 'external_pause', value: 'PAUSE' });
    expect(locked).toBe(await api(a, { user: '6669', agent_user: '1002', function: 'external_pause', value: 'PAUSE' }));
    expect(locked).toMatch(/^ERROR: Invalid Username\/Password/);
  });

  it('with Redis stopped commands still work and the screen still gets its events; when it returns the nodes use it again', async () => {
    const screen = await openScreen(b);
    const before = screen.events.length;
    await redis.stop();
    await until(() => a.output().includes('Redis is down') && b.output().includes('Redis is down'), 'both nodes to log that Redis is down');
    const down = await readyz(b);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'unavailable', database: 'ok' });
    expect(down.body.redis).toMatch(/^down/);

    expect(await pause(a, 'PAUSE')).toMatch(/^SUCCESS/);
    expect(await pause(a, 'RESUME')).toMatch(/^SUCCESS/);
    await until(() => screen.events.length === before + 2, 'the events over the slower path');

    await redis.restart();
    await until(() => a.output().includes('Redis is back') && b.output().includes('Redis is back'), 'both nodes to log that Redis is back');
    expect((await readyz(b)).body).toMatchObject({ status: 'ready', database: 'ok', redis: 'ok' });
    expect(await pause(a, 'PAUSE')).toMatch(/^SUCCESS/);
    await until(() => screen.events.length === before + 3, 'the event over Redis again');
    const seqs = screen.events.map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0]! + i));
    // One line per transition, not one per reconnection attempt.
    expect(b.output().split('Redis is down').length - 1).toBe(1);
  });

  it('shuts down gracefully on SIGTERM, closing its screens’ sockets', async () => {
    const screen = await openScreen(a);
    const closed = new Promise<number>((resolve) => screen.ws.once('close', (code) => resolve(code)));
    const exit = new Promise<number | null>((resolve) => a.child.once('exit', (code) => resolve(code)));
    a.child.kill('SIGTERM');
    expect(await exit).toBe(0);
    // Closed by the server with a close frame (no status), not dropped: the screen reconnects, to another node.
    expect(await closed).toBe(1005);
    expect(a.output()).toContain('shut down');
    // The other node goes on serving.
    expect(await pause(b, 'RESUME')).toMatch(/^SUCCESS/);
  });
});
