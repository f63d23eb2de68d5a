/**
 * Event-stream fan-out: 1,000 subscribers on GET /api/v2/events while agents
 * change state 200 times a second; the delivery latency is the time from an
 * event's commit (in the server) to its arrival at each subscriber. Also the
 * server's CPU time and memory with the subscribers connected and during the
 * run. Target: delivery p99 under 20 ms. Not a test: `npm run build && node bench/event-stream.mjs`.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const child = fork(path.join(here, 'event-stream-server.mjs'), { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const ask = (message) => new Promise((resolve) => { child.once('message', resolve); if (message) child.send(message); });
const idle = await ask();
const now = () => Date.now();
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
const auth = `Basic ${Buffer.from('6666:1234').toString('base64')}`;

/** One subscriber: records [event id, arrival time] of every logged event (cheap parsing: the client must not be the bottleneck). */
function subscribe() {
  return new Promise((resolve, reject) => {
    const arrivals = [];
    const req = http.get({ port: idle.port, host: '127.0.0.1', path: '/api/v2/events', agent, headers: { authorization: auth } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode}`));
      res.setEncoding('utf8');
      let ready = false;
      res.on('data', (chunk) => {
        const t = now();
        if (!ready && chunk.includes('event: snapshot')) {
          ready = true;
          resolve({ arrivals, req });
        }
        for (const m of chunk.matchAll(/^id: (\d+)$/gm)) arrivals.push([Number(m[1]), t]);
      });
    });
    req.on('error', reject);
  });
}

const subscribers = [];
subscribers.push(await subscribe()); // the first login is hashed; the rest use the credential cache
for (let i = 1; i < SUBSCRIBERS; i += 50) subscribers.push(...(await Promise.all(Array.from({ length: Math.min(50, SUBSCRIBERS - i) }, subscribe))));
for (const s of subscribers) s.arrivals.length = 0;
const connected = await ask({ type: 'usage' });

const run = await ask({ type: 'drive', rate: RATE, seconds: SECONDS });
const committedAt = new Map(run.committed.map(([id, t]) => [id, t]));
// The last deliveries: wait until every subscriber has every event (at most 30 s), so a late one counts as late, not lost.
const lastId = Math.max(...committedAt.keys());
for (const end = Date.now() + 30_000; Date.now() < end; ) {
  if (subscribers.every((s) => s.arrivals.some(([id]) => id === lastId))) break;
  await new Promise((r) => setTimeout(r, 200));
}
const latencies = [];
let missing = 0;
for (const s of subscribers) {
  const got = new Set();
  for (const [id, t] of s.arrivals) {
    const c = committedAt.get(id);
    if (c === undefined) continue;
    got.add(id);
    latencies.push(t - c);
  }
  missing += committedAt.size - got.size;
}
latencies.sort((a, b) => a - b);
const pct = (p) => +latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(2);
const result = {
  when: new Date().toISOString(),
  machine: `${process.platform} ${process.arch}, ${(await import('node:os')).cpus().length} cores, load ${(await import('node:os')).loadavg()[0].toFixed(1)}`,
  subscribers: SUBSCRIBERS,
  changesPerSecond: RATE,
  seconds: SECONDS,
  events: committedAt.size,
  deliveries: latencies.length,
  missingDeliveries: missing,
  deliveryMs: { p50: pct(50), p99: pct(99), max: pct(100) },
  target: 'delivery p99 under 20 ms',
  server: {
    cpuPercentDuringRun: +((run.cpuMs / (SECONDS * 1000)) * 100).toFixed(1),
    rssMiBIdle: +(idle.rss / 2 ** 20).toFixed(1),
    rssMiBConnected: +(connected.rss / 2 ** 20).toFixed(1),
    rssMiBAfterRun: +(run.rss / 2 ** 20).toFixed(1),
    heapKiBPerSubscriber: +((connected.heapUsed - idle.heapUsed) / SUBSCRIBERS / 1024).toFixed(1),
  },
};
console.log(JSON.stringify(result, null, 2));
fs.mkdirSync(path.join(here, 'results'), { recursive: true });
fs.writeFileSync(path.join(here, 'results', 'event-stream.json'), `${JSON.stringify(result, null, 2)}\n`);
for (const s of subscribers) s.req.destroy();
await ask({ type: 'stop' }).catch(() => {});
process.exit(0);
