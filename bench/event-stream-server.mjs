/**
 * The server of the event-stream benchmark, in its own process: agentgate on a
 * SQLite file with the demo data and more agents logged into TESTCAMP, and —
 * the baseline — a bare Fastify route in the same process that streams events
 * of the same size to its own subscribers, each event written to every socket
 * as it comes (no authentication, no database, no scope, no batching).
 *
 * On request it changes agents' states at a given rate (each change one unit
 * of work, as a command is) or emits the bare route's events at that rate, and
 * reports when each event committed (was emitted), the CPU time and how long
 * the run took (a server that cannot keep up stretches it), and its memory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { EventProjector, buildApp, createServices, loadConfig, seedDemo } from '../dist/embed.js';

const AGENTS = Number(process.env.BENCH_AGENTS ?? 200);
const FRAME_MS = process.env.BENCH_FRAME_MS === undefined ? undefined : Number(process.env.BENCH_FRAME_MS);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentgate-events-'));
const config = loadConfig({}, { databaseUrl: `sqlite:${path.join(dir, 'bench.db')}`, logLevel: 'warn', bcryptCost: 4 });
const services = await createServices(config);
await seedDemo(services);
const hash = await services.passwords.hash('1234');
const users = Array.from({ length: AGENTS }, (_, i) => String(20000 + i));
await services.store.transaction(async (tx) => {
  for (const user of users)
    await tx.users.insert({ user, pass_hash: hash, user_level: 1, full_name: `Bench ${user}`, user_group: 'AGENTS', agentcall_manual: '1' });
});
for (const user of users) await services.runner.run((u) => services.sessions.login(u, { user, campaignId: 'TESTCAMP', ingroups: [] }));
const app = await buildApp(services, { eventStream: { maxBufferedBytes: 8 * 1024 * 1024, ...(FRAME_MS !== undefined ? { frameMs: FRAME_MS } : {}) } });
await app.listen({ port: 0, host: '127.0.0.1' });

// --- the baseline: a bare SSE route ------------------------------------------------------
const bareSubscribers = new Set();
const bare = Fastify();
bare.get('/bare-events', (request, reply) => {
  reply.hijack();
  reply.raw.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache' });
  reply.raw.write('event: snapshot\ndata: {}\n\n');
  bareSubscribers.add(reply.raw);
  reply.raw.on('close', () => bareSubscribers.delete(reply.raw));
});
await bare.listen({ port: 0, host: '127.0.0.1' });
/** An agent event as agentgate sends it (read from its log), so both routes send the same bytes per event. */
const sample = await new Promise((resolve) => {
  const unsubscribe = services.bus.subscribe(users[0], (e) => {
    unsubscribe();
    resolve(e);
  });
  void services.runner.run(async (u) => services.sessions.resume(u, await u.store.liveAgents.find(users[0]), 'bench'));
});
const sampleData = new EventProjector(() => `Bench ${users[0]}`).project(sample).data;
let bareId = 0;

const now = () => Date.now();
const usage = () => {
  globalThis.gc?.();
  return { cpu: process.cpuUsage(), rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed };
};

/**
 * `rate` changes per second for `seconds`, each by `change(i)`. A change that
 * is due is made at once; when several are due (the server fell behind), those
 * due when the turn began are made together before the event loop turns — as a
 * busy server takes every request that has arrived before it gets back to its
 * sockets. (Never all remaining ones at once: changes are microtasks, and a
 * loop of them would keep the sockets from being written at all.)
 */
async function drive(rate, seconds, change) {
  const total = rate * seconds;
  const start = now();
  for (let i = 0; i < total; ) {
    const wait = start + (i * 1000) / rate - now();
    await new Promise((r) => (wait > 0 ? setTimeout(r, wait) : setImmediate(r)));
    // What was due when the turn began; what falls due meanwhile waits for the next turn, as a request arriving meanwhile would.
    const turn = now();
    do await change(i++);
    while (i < total && start + (i * 1000) / rate <= turn);
  }
  return now() - start;
}

/** agentgate: each agent in turn paused or resumed, one unit of work each; the commit time of each event. */
async function agentgateChange(committed, i) {
  const user = users[i % users.length];
  let t = 0;
  const unsubscribe = services.bus.subscribe(user, (e) => committed.push([e.id, (t ||= now())]));
  await services.runner.run(async (u) => {
    const agent = await u.store.liveAgents.find(user);
    await (agent.status === 'PAUSED' ? services.sessions.resume(u, agent, 'bench') : services.sessions.pause(u, agent, 'bench'));
  });
  unsubscribe();
}

/** The baseline: one event written to every bare subscriber, as it comes. */
function bareChange(committed) {
  const id = ++bareId;
  const text = `event: agent\nid: ${id}\ndata: ${JSON.stringify({ ...sampleData, id })}\n\n`;
  committed.push([id, now()]);
  for (const res of bareSubscribers) res.write(text);
}

process.send?.({ port: app.server.address().port, barePort: bare.server.address().port, ...usage() });
process.on('message', async (message) => {
  if (message.type === 'usage') return process.send?.(usage());
  if (message.type === 'drive') {
    const committed = [];
    const before = usage();
    const change = message.route === 'bare' ? (i) => bareChange(committed, i) : (i) => agentgateChange(committed, i);
    const wallMs = await drive(message.rate, message.seconds, change);
    const after = usage();
    const cpuMs = (after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) / 1000;
    return process.send?.({ committed, cpuMs, wallMs, rss: after.rss, heapUsed: after.heapUsed });
  }
  if (message.type !== 'stop') return;
  await bare.close();
  await app.close();
  await services.close();
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
