/**
 * Event-stream fan-out: 1,000 subscribers on GET /api/v2/events while agents
 * change state 200 times a second; the delivery latency is the time from an
 * event's commit (in the server) to its arrival at each subscriber. Measured
 * in the same run, on the same server process, against a baseline: a bare
 * Fastify route streaming events of the same size to as many subscribers, each
 * event written to every socket as it comes (bench/event-stream-server.mjs).
 * For each: delivery p50/p99/max, the rate the server actually kept (a server
 * that cannot keep up stretches the run), its CPU during the run and its memory.
 * Target: agentgate's delivery p99 under 20 ms, at the full rate.
 * Not a test: `npm run build && node bench/event-stream.mjs`
 * (BENCH_SUBSCRIBERS, BENCH_RATE, BENCH_SECONDS; BENCH_FRAME_MS spaces the stream's batches;
 * BENCH_CPU_PROF=dir profiles the server; BENCH_IMPORT=file preloads a module into it, for diagnostics).
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
const child = fork(path.join(here, 'event-stream-server.mjs'), { execArgv: ['--expose-gc', ...profile, ...(process.env.BENCH_IMPORT ? ['--import', process.env.BENCH_IMPORT] : [])], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const ask = (message) => new Promise((resolve) => { child.once('message', resolve); if (message) child.send(message); });
const started = await ask();
const now = () => Date.now();
const auth = `Basic ${Buffer.from('6666:1234').toString('base64')}`;

/**
 * One subscriber: records the arrival time of every event id. A raw socket and
 * a scan for id lines, no HTTP parser: on a machine of two cores the client's
 * CPU is the server's loss, so it must cost as little as it can. A line split
 * between two reads is carried over, so no id is lost to it.
 */
function subscribe(port, urlPath) {
  return new Promise((resolve, reject) => {
    const arrivals = [];
    const socket = net.connect(port, '127.0.0.1');
    socket.setEncoding('latin1');
    socket.write(`GET ${urlPath} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${auth}\r\nAccept: text/event-stream\r\n\r\n`);
    let ready = false;
    let rest = '';
    socket.on('data', (chunk) => {
      const t = now();
      const text = rest + chunk;
      if (!ready) {
        if (!text.startsWith('HTTP/1.1 200 ')) return reject(new Error(text.slice(0, text.indexOf('\r\n'))));
        rest = text;
        if (!text.includes('event: snapshot')) return;
        ready = true;
        return resolve({ arrivals, socket });
      }
      const end = text.lastIndexOf('\n');
      rest = text.slice(end); // from its last line break: the next read may start with an id line
      for (let at = text.indexOf('\nid: '); at >= 0 && at < end; at = text.indexOf('\nid: ', at + 5)) arrivals.push(Number(text.slice(at + 5, text.indexOf('\n', at + 5))), t);
    });
    socket.on('error', reject);
  });
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Connect the subscribers, drive the changes, and measure what each subscriber got when. */
async function measure(route, port, urlPath) {
  const before = await ask({ type: 'usage' });
  const subscribers = [await subscribe(port, urlPath)]; // the first login is hashed; the rest use the credential cache
  for (let i = 1; i < SUBSCRIBERS; i += 50)
    subscribers.push(...(await Promise.all(Array.from({ length: Math.min(50, SUBSCRIBERS - i) }, () => subscribe(port, urlPath)))));
  for (const s of subscribers) s.arrivals.length = 0;
  const connected = await ask({ type: 'usage' });

  const clientBefore = process.cpuUsage();
  const run = await ask({ type: 'drive', route, rate: RATE, seconds: SECONDS });
  const clientCpu = process.cpuUsage(clientBefore);
  const committedAt = new Map(run.committed);
  // The last deliveries: wait until every subscriber has every event (at most 30 s), so a late one counts as late, not lost.
  const lastId = Math.max(...committedAt.keys());
  for (const end = Date.now() + 30_000; Date.now() < end; ) {
    if (subscribers.every((s) => s.arrivals.includes(lastId))) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const latencies = [];
  /** Per event: its first and last arrival (where the tail comes from: reaching the first subscriber, or the spread to the last). */
  const firstLast = new Map();
  let missing = 0;
  for (const s of subscribers) {
    const got = new Set();
    for (let i = 0; i < s.arrivals.length; i += 2) {
      const c = committedAt.get(s.arrivals[i]);
      if (c === undefined || got.has(s.arrivals[i])) continue;
      got.add(s.arrivals[i]);
      const latency = s.arrivals[i + 1] - c;
      latencies.push(latency);
      const fl = firstLast.get(s.arrivals[i]);
      if (!fl) firstLast.set(s.arrivals[i], [latency, latency]);
      else {
        fl[0] = Math.min(fl[0], latency);
        fl[1] = Math.max(fl[1], latency);
      }
    }
    missing += committedAt.size - got.size;
  }
  for (const s of subscribers) s.socket.destroy();
  latencies.sort((a, b) => a - b);
  const firsts = [...firstLast.values()].map(([f]) => f).sort((a, b) => a - b);
  const spreads = [...firstLast.values()].map(([f, l]) => l - f).sort((a, b) => a - b);
  return {
    events: committedAt.size,
    deliveries: latencies.length,
    missingDeliveries: missing,
    deliveryMs: { p50: pct(latencies, 50), p99: pct(latencies, 99), max: latencies[latencies.length - 1] },
    firstSubscriberMs: { p50: pct(firsts, 50), p99: pct(firsts, 99) },
    firstToLastSubscriberMs: { p50: pct(spreads, 50), p99: pct(spreads, 99) },
    changesPerSecondKept: +(committedAt.size / (run.wallMs / 1000)).toFixed(1),
    server: {
      cpuPercentDuringRun: +((run.cpuMs / run.wallMs) * 100).toFixed(1),
      rssMiBConnected: +(connected.rss / 2 ** 20).toFixed(1),
      rssMiBAfterRun: +(run.rss / 2 ** 20).toFixed(1),
      heapKiBPerSubscriber: +((connected.heapUsed - before.heapUsed) / SUBSCRIBERS / 1024).toFixed(1),
    },
    /** The subscribers' own process: on a machine of two cores, what it takes the server cannot have. */
    clientCpuPercentDuringRun: +(((clientCpu.user + clientCpu.system) / 1000 / run.wallMs) * 100).toFixed(1),
  };
}

const baseline = await measure('bare', started.barePort, '/bare-events');
await new Promise((r) => setTimeout(r, 1000)); // the bare sockets close before agentgate's open
const agentgate = await measure('agentgate', started.port, '/api/v2/events');
const result = {
  when: new Date().toISOString(),
  machine: `${process.platform} ${process.arch}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`,
  subscribers: SUBSCRIBERS,
  changesPerSecond: RATE,
  seconds: SECONDS,
  target: 'delivery p99 under 20 ms at the full rate',
  serverRssMiBIdle: +(started.rss / 2 ** 20).toFixed(1),
  baseline: { route: 'a bare Fastify SSE route, each event written to every socket as it comes', ...baseline },
  agentgate: { route: 'GET /api/v2/events', ...agentgate },
};
const row = (name, r) =>
  `  ${name.padEnd(10)} p50 ${String(r.deliveryMs.p50).padStart(6)} ms  p99 ${String(r.deliveryMs.p99).padStart(6)} ms  max ${String(r.deliveryMs.max).padStart(6)} ms  ` +
  `(first subscriber p99 ${r.firstSubscriberMs.p99} ms, first to last p50/p99 ${r.firstToLastSubscriberMs.p50}/${r.firstToLastSubscriberMs.p99} ms)\n${' '.repeat(13)}` +
  `kept ${String(r.changesPerSecondKept).padStart(5)}/s  missing ${r.missingDeliveries}  server CPU ${r.server.cpuPercentDuringRun}%  RSS ${r.server.rssMiBAfterRun} MiB  (subscribers' CPU ${r.clientCpuPercentDuringRun}%)`;
console.log(`\nevent stream: ${SUBSCRIBERS} subscribers, ${RATE} changes/s for ${SECONDS} s (${result.machine}; same run, same server process)`);
console.log(row('baseline', baseline));
console.log(row('agentgate', agentgate));
const met = agentgate.deliveryMs.p99 < 20 && agentgate.changesPerSecondKept >= RATE * 0.95 && agentgate.missingDeliveries === 0;
console.log(`target: delivery p99 < 20 ms at ${RATE}/s → ${agentgate.deliveryMs.p99} ms at ${agentgate.changesPerSecondKept}/s ${met ? '(met)' : '(NOT met)'}`);
fs.mkdirSync(path.join(here, 'results'), { recursive: true });
fs.writeFileSync(path.join(here, 'results', 'event-stream.json'), `${JSON.stringify(result, null, 2)}\n`);
child.send({ type: 'stop' });
await new Promise((resolve) => child.once('exit', resolve));
process.exit(0);
