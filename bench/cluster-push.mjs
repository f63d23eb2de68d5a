/**
 * Two nodes on one database and one Redis: command → screen latency across
 * nodes, and exactly-once, in-order delivery under load.
 *
 * 1. 1,000 agent screens, half connected to node A and half to node B. For
 *    each agent in turn an external_pause goes to the node its screen is NOT
 *    on (cross-node: commit on one node, Redis wake-up, read of the log on the
 *    other), and, as the baseline measured in the same run, to the node it IS
 *    on (the local path). Target: cross-node push p99 under 20 ms.
 * 2. 10,000 commands spread over both nodes (32 in flight); every screen
 *    must receive every event of its agent exactly once and in order: each
 *    screen's sequence numbers are counted against the log's.
 *
 * Runs on SQLite (one file, two processes) unless DATABASE_URL names a MySQL
 * server; Redis from REDIS_URL, else a redis-server of its own on a free port.
 * The target is for MariaDB, where several nodes belong: on one SQLite file the
 * two processes take turns at the write lock, and SQLite's busy handler sleeps.
 * Run with `npm run bench:cluster`.
 */
import { fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import WebSocket from 'ws';

const here = path.dirname(new URL(import.meta.url).pathname);
const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 10_000);
const IN_FLIGHT = 32;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentgate-cluster-'));
const dbFile = path.join(dir, 'bench.db');
const databaseUrl = process.env.DATABASE_URL ?? `sqlite:${dbFile}`;

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

let redisServer;
let redisUrl = process.env.REDIS_URL;
if (!redisUrl) {
  const port = await freePort();
  redisServer = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  redisUrl = `redis://127.0.0.1:${port}`;
  await new Promise((r) => setTimeout(r, 300));
}
const env = { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, REDIS_PREFIX: `agbench:${randomBytes(4).toString('hex')}:`, SESSION_SECRET: 'bench secret of at least thirty-two characters' };
const startNode = (role) =>
  new Promise((resolve) => {
    const child = fork(path.join(here, 'cluster-node.mjs'), [role], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (info) => resolve({ child, ...info }));
  });
const a = await startNode('seed');
const b = await startNode('join');
const nodes = [a, b];
const { users, cookies } = a;

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (samples) => {
  const s = [...samples].sort((x, y) => x - y);
  return { n: s.length, p50: +pct(s, 50).toFixed(2), p99: +pct(s, 99).toFixed(2), max: +s[s.length - 1].toFixed(2) };
};
const api = (node, user, value) =>
  fetch(`http://127.0.0.1:${node.port}/agc/api.php?source=bench&user=6666&pass=1234&agent_user=${user}&function=external_pause&value=${value}`).then((r) => r.text());

// --- 1,000 screens, alternately on A and B ----------------------------------------
const screens = new Map();
await Promise.all(
  users.map(
    (user, i) =>
      new Promise((resolve, reject) => {
        const node = nodes[i % 2];
        const ws = new WebSocket(`ws://127.0.0.1:${node.port}/api/v2/agent/stream`, { headers: { cookie: `agentgate_agent=${cookies[i]}` } });
        const screen = { ws, node, seqs: [], waiting: undefined };
        screens.set(user, screen);
        let first = true;
        ws.on('message', (data) => {
          const m = JSON.parse(data.toString());
          if (first && m.type === 'state') {
            first = false;
            return resolve();
          }
          if (m.type !== 'event') return;
          screen.seqs.push(m.seq);
          screen.waiting?.(performance.now());
        });
        ws.on('error', reject);
      }),
  ),
);

// --- latency: each agent, a command to the other node, then to its own --------------
const cross = [];
const local = [];
let status = 'RESUME';
async function timed(user, node) {
  const screen = screens.get(user);
  const seen = new Promise((resolve) => (screen.waiting = resolve));
  const start = performance.now();
  const body = await api(node, user, status);
  if (!body.startsWith('SUCCESS')) throw new Error(`command failed: ${body}`);
  const at = await seen;
  screen.waiting = undefined;
  return at - start;
}
for (const user of users) {
  const screen = screens.get(user);
  const other = screen.node === a ? b : a;
  status = 'RESUME';
  cross.push(await timed(user, other));
  status = 'PAUSE';
  local.push(await timed(user, screen.node));
}

// --- 10,000 commands over both nodes, 32 in flight; count what every screen got -------
const started = performance.now();
let sent = 0;
let failed = 0;
const next = new Map(users.map((u) => [u, 'RESUME']));
const busy = new Set();
async function worker(w) {
  for (;;) {
    const i = sent++;
    if (i >= COMMANDS) return;
    // One command per agent at a time, so each one changes its state (RESUME, PAUSE, RESUME…).
    let user = users[(i * 7 + w) % users.length];
    while (busy.has(user)) user = users[(users.indexOf(user) + 1) % users.length];
    busy.add(user);
    const value = next.get(user);
    const body = await api(nodes[i % 2], user, value);
    if (body.startsWith('SUCCESS')) next.set(user, value === 'RESUME' ? 'PAUSE' : 'RESUME');
    else failed++;
    busy.delete(user);
  }
}
await Promise.all(Array.from({ length: IN_FLIGHT }, (_, w) => worker(w)));
const loadSeconds = (performance.now() - started) / 1000;

// What the log gave each agent, read from the database as another program would.
const lastSeq = new Map();
if (databaseUrl.startsWith('sqlite:')) {
  const db = new Database(dbFile, { readonly: true });
  for (const row of db.prepare('select user, seq from agentgate_agent_sequences').all()) lastSeq.set(row.user, row.seq);
  db.close();
} else {
  const mysql = await import('mysql2/promise');
  const c = await mysql.createConnection(databaseUrl);
  const [rows] = await c.query('select user, seq from agentgate_agent_sequences');
  for (const row of rows) lastSeq.set(row.user, Number(row.seq));
  await c.end();
}
const deadline = Date.now() + 10_000;
const complete = () => users.every((u) => screens.get(u).seqs.at(-1) === lastSeq.get(u));
while (!complete() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
let duplicates = 0;
let outOfOrder = 0;
let missing = 0;
let received = 0;
for (const user of users) {
  const seqs = screens.get(user).seqs;
  received += seqs.length;
  const expected = lastSeq.get(user) - seqs[0] + 1;
  missing += Math.max(0, expected - new Set(seqs).size);
  duplicates += seqs.length - new Set(seqs).size;
  for (let i = 1; i < seqs.length; i++) if (seqs[i] <= seqs[i - 1]) outOfOrder++;
}

for (const { ws } of screens.values()) ws.close();
for (const node of nodes) node.child.send('stop');
await Promise.all(nodes.map((n) => new Promise((r) => n.child.once('exit', r))));
redisServer?.kill('SIGKILL');
fs.rmSync(dir, { recursive: true, force: true });

const result = {
  date: new Date().toISOString(),
  database: databaseUrl.startsWith('sqlite:') ? 'SQLite (one file, two processes)' : 'MySQL',
  screens: users.length,
  crossNodePush: summary(cross),
  sameNodePush: summary(local),
  crossOverSameP50: +(summary(cross).p50 / summary(local).p50).toFixed(2),
  load: { commands: COMMANDS, inFlight: IN_FLIGHT, failed, seconds: +loadSeconds.toFixed(1), perSecond: Math.round(COMMANDS / loadSeconds), eventsReceived: received, missing, duplicates, outOfOrder },
};
console.log(`\ncross-node push, ${users.length} screens over two nodes (${result.database}, Redis wake-ups)`);
console.log(`  cross-node (command on the other node): p50 ${result.crossNodePush.p50} ms   p99 ${result.crossNodePush.p99} ms   max ${result.crossNodePush.max} ms`);
console.log(`  same node (baseline, same run):         p50 ${result.sameNodePush.p50} ms   p99 ${result.sameNodePush.p99} ms   max ${result.sameNodePush.max} ms`);
console.log(`  cross / same at p50: ${result.crossOverSameP50}`);
console.log(`${COMMANDS} commands over both nodes, ${IN_FLIGHT} in flight: ${failed} failed, ${result.load.perSecond}/s; ${received} events received, ${missing} missing, ${duplicates} duplicates, ${outOfOrder} out of order`);
console.log(`target: cross-node push p99 < 20 ms → ${result.crossNodePush.p99} ms ${result.crossNodePush.p99 < 20 ? '(met)' : '(NOT met)'}`);
fs.mkdirSync(path.join(here, 'results'), { recursive: true });
fs.writeFileSync(path.join(here, 'results', 'cluster-push.json'), `${JSON.stringify(result, null, 2)}\n`);
if (missing + duplicates + outOfOrder > 0) process.exitCode = 1;
