/**
 * Agent API throughput and latency: a valid external_pause through the whole
 * path (credentials, gates, session, audit rows in one transaction) against a
 * bare Fastify route answering a constant line, measured in the same run.
 * Targets: the full path at ≥ 40% of the bare route's throughput, p99 < 5 ms
 * at 32 connections. Run with `npm run bench`.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const here = path.dirname(new URL(import.meta.url).pathname);
const child = fork(path.join(here, 'bench-servers.mjs'), ['SUCCESS: external_pause function set - PAUSE|1795000000|1000\n'], {
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const ports = await new Promise((resolve) => child.once('message', resolve));

const pause = '/agc/api.php?source=bench&user=6666&pass=1234&agent_user=1000&function=external_pause&value=PAUSE';

function run(url, connections) {
  return new Promise((resolve, reject) =>
    autocannon({ url, connections, duration: seconds, pipelining: 1 }, (err, result) => (err ? reject(err) : resolve(result))),
  );
}

const results = [];
for (const connections of [1, 32]) {
  // Warm up both (JIT, bcrypt verification cache, SQLite page cache).
  await run(`http://127.0.0.1:${ports.bare}/bare`, connections);
  await run(`http://127.0.0.1:${ports.full}${pause}`, connections);
  const bare = await run(`http://127.0.0.1:${ports.bare}/bare`, connections);
  const full = await run(`http://127.0.0.1:${ports.full}${pause}`, connections);
  if (full.non2xx > 0 || full.errors > 0) throw new Error(`the full path failed ${full.non2xx + full.errors} requests`);
  results.push({
    connections,
    bare: { rps: bare.requests.average, p50: bare.latency.p50, p99: bare.latency.p99 },
    full: { rps: full.requests.average, p50: full.latency.p50, p99: full.latency.p99 },
    ratio: full.requests.average / bare.requests.average,
  });
}

child.send('stop');
const after = await new Promise((resolve) => child.once('message', resolve));

console.log('\nagent API: external_pause, full path vs bare route (same run)');
console.log('conns  bare req/s  p50  p99   full req/s  p50  p99   full/bare');
for (const r of results)
  console.log(
    `${String(r.connections).padStart(5)}  ${r.bare.rps.toFixed(0).padStart(10)} ${String(r.bare.p50).padStart(4)} ${String(r.bare.p99).padStart(4)}   ${r.full.rps
      .toFixed(0)
      .padStart(10)} ${String(r.full.p50).padStart(4)} ${String(r.full.p99).padStart(4)}   ${(r.ratio * 100).toFixed(1)}%`,
  );
console.log(`audit rows written: ${after.auditRows}; server RSS at the end: ${after.rssMb} MB`);
const at32 = results.find((r) => r.connections === 32);
console.log(`targets: ratio ≥ 40% → ${(at32.ratio * 100).toFixed(1)}%; p99 < 5 ms at 32 connections → ${at32.full.p99} ms`);

fs.mkdirSync(path.join(here, 'results'), { recursive: true });
fs.writeFileSync(
  path.join(here, 'results', 'agent-api.json'),
  `${JSON.stringify({ date: new Date().toISOString(), seconds, results, auditRows: after.auditRows, rssMb: after.rssMb }, null, 2)}\n`,
);
