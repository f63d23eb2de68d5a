/**
 * A real user's first login while a flood of failing logins arrives: 300
 * parallel agent API requests with random user names (unknown users, each
 * worth a decoy bcrypt hash) and, right behind them, one request of a real
 * API user whose password is not cached yet. Measured: that request's
 * latency — until it is in, trying again after a 429's Retry-After as a
 * client would — against the same first login with no flood, in the same run.
 *
 * Two floods: from one address, and from 300 addresses. The server trusts
 * X-Forwarded-For here, so each request says where it comes from; the real
 * user comes from an address of its own. Every run starts a fresh server, so
 * the real password is never cached before it is measured.
 *
 * Run: npm run build && node bench/login-flood.mjs
 * AGENTGATE_DIST=/path/to/dist measures another build (the code before a change).
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

const here = path.dirname(new URL(import.meta.url).pathname);
const dist = process.env.AGENTGATE_DIST ?? path.join(here, '..', 'dist');

/** The server under test: the full app on a fresh SQLite file, real bcrypt cost, behind a "proxy". */
async function serve() {
  const { buildApp, createServices, loadConfig, seedDemo } = await import(path.join(dist, 'embed.js'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentgate-flood-'));
  const config = loadConfig({}, { databaseUrl: `sqlite:${path.join(dir, 'bench.db')}`, logLevel: 'warn', bcryptCost: 10, trustProxy: true });
  const services = await createServices(config);
  await seedDemo(services);
  // seedDemo verified nothing, but make sure no password is cached before the measurement.
  services.credentialCache.forget('6666');
  const app = await buildApp(services);
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.send?.({ port: app.server.address().port });
  process.on('message', async () => {
    await app.close();
    await services.close();
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
}

const REAL = '/agc/api.php?source=bench&user=6666&pass=1234&function=calls_in_queue_count&agent_user=1000&value=DISPLAY';
const REAL_IP = '192.0.2.10';
const FLOOD = 300;

async function timed(url, ip) {
  const start = performance.now();
  const response = await fetch(url, { headers: { 'x-forwarded-for': ip } });
  const body = await response.text();
  return { ms: performance.now() - start, status: response.status, headers: response.headers, body };
}

/** One run on a fresh server: the flood (or none), then the real first login right behind it. */
async function run(flood) {
  const child = fork(new URL(import.meta.url).pathname, ['server'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: process.env });
  const { port } = await new Promise((resolve) => child.once('message', resolve));
  const base = `http://127.0.0.1:${port}`;
  const floodStart = performance.now();
  const requests = [];
  for (let i = 0; i < (flood === 'none' ? 0 : FLOOD); i++) {
    const ip = flood === 'one address' ? '203.0.113.7' : `10.${(i >> 8) & 255}.${i & 255}.1`;
    const user = randomBytes(6).toString('hex');
    const pass = randomBytes(6).toString('hex');
    requests.push(timed(`${base}/agc/api.php?source=flood&user=${user}&pass=${pass}&function=external_pause&agent_user=1000&value=PAUSE`, ip));
  }
  // Let the flood reach the server first.
  if (requests.length > 0) await new Promise((resolve) => setTimeout(resolve, 100));
  // A refused login (429) tries again after Retry-After, as a client would: the delay counts until it is in.
  const start = performance.now();
  let real = await timed(`${base}${REAL}`, REAL_IP);
  let retries = 0;
  while (real.status === 429) {
    retries++;
    await new Promise((resolve) => setTimeout(resolve, Number(real.headers.get('retry-after') ?? 1) * 1000));
    real = await timed(`${base}${REAL}`, REAL_IP);
  }
  real.ms = performance.now() - start;
  if (!real.body.startsWith('SUCCESS')) throw new Error(`the real login failed: ${real.status} ${real.body}`);
  const answers = await Promise.all(requests);
  const floodMs = performance.now() - floodStart;
  child.send('stop');
  await new Promise((resolve) => child.once('exit', resolve));
  const refusedEarly = answers.filter((a) => a.status === 429).length;
  return { realMs: real.ms, retries, floodMs: requests.length > 0 ? floodMs : 0, refusedEarly };
}

async function measure() {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const results = [];
  for (const flood of ['none', 'one address', '300 addresses']) {
    const runs = [];
    for (let i = 0; i < rounds; i++) {
      runs.push(await run(flood));
      console.error(`  ${flood}, run ${i + 1}: real login ${Math.round(runs.at(-1).realMs)} ms`);
    }
    results.push({
      flood,
      realLoginMs: Math.round(median(runs.map((r) => r.realMs))),
      realLoginRetries: median(runs.map((r) => r.retries)),
      floodDrainedMs: Math.round(median(runs.map((r) => r.floodMs))),
      refusedEarly: median(runs.map((r) => r.refusedEarly)),
    });
  }
  const quiet = results[0].realLoginMs;
  console.log(`\nA real first login (bcrypt cost 10) behind ${FLOOD} failing logins; median of ${rounds} runs, ${dist}`);
  console.log('flood           real login   × quiet   its 429s   flood drained   flood refused early (429)');
  for (const r of results)
    console.log(
      `${r.flood.padEnd(15)} ${`${r.realLoginMs} ms`.padStart(10)} ${(r.realLoginMs / quiet).toFixed(1).padStart(8)} ${String(r.realLoginRetries).padStart(10)}  ${`${r.floodDrainedMs} ms`.padStart(14)}   ${r.refusedEarly}`,
    );
  const out = process.env.BENCH_OUT ?? path.join(here, 'results', 'login-flood.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), cores: os.availableParallelism(), rounds, flood: FLOOD, results }, null, 2)}\n`);
}

if (process.argv[2] === 'server') await serve();
else await measure();
