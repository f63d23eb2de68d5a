/**
 * Memory under load: the peak resident set (VmHWM) of a real `agentgate serve`
 * process on an existing SQLite database while it answers external_pause on
 * the legacy face and the JSON face, at 32 connections and at 1 — against a
 * bare Fastify process under the same load, in the same run.
 * Target (issue 13 §1): under 150 MiB. Writes bench/results/serve-memory.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { CLI, cliArgs } from './cli.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentgate-memory-'));
const env = { ...process.env, DATABASE_URL: `sqlite:${path.join(dir, 'agentgate.db')}`, LOG_LEVEL: 'warn', HOST: '127.0.0.1', BCRYPT_COST: '10' };
const BARE = `import('fastify').then(async ({ default: Fastify }) => {
  const app = Fastify();
  app.get('/agc/api.php', async (_q, reply) => reply.type('text/html; charset=utf-8').send('SUCCESS: external_pause function set - PAUSE|1795000000|1000\\n'));
  app.post('/api/v2/agent/external_pause', async () => ({ result: 'SUCCESS', message: 'external_pause function set', fields: ['PAUSE', '1795000000', '1000'] }));
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
})`;

const pause = '/agc/api.php?source=bench&user=6666&pass=1234&agent_user=1000&function=external_pause&value=PAUSE';
const jsonPause = {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from('6666:1234').toString('base64')}` },
  body: JSON.stringify({ source: 'bench', agent_user: '1000', value: 'PAUSE' }),
};
const run = (options) => new Promise((resolve, reject) => autocannon({ duration: seconds, ...options }, (err, result) => (err ? reject(err) : resolve(result))));
const statusOf = (pid, field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** Starts a server, loads it the same way every time, and reads its memory: MiB when idle and at its peak. */
async function underLoad(args, port) {
  const child = spawn(process.execPath, args, { cwd: path.resolve(path.dirname(CLI), '../..'), env: { ...env, PORT: String(port) }, stdio: 'ignore' });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
      if (await fetch(`${base}${pause}`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 1000));
    const idle = statusOf(child.pid, 'VmRSS');
    let requests = 0;
    for (const connections of [32, 1]) {
      const legacy = await run({ url: `${base}${pause}`, connections });
      const json = await run({ url: `${base}/api/v2/agent/external_pause`, connections, ...jsonPause });
      for (const r of [legacy, json]) if (r.non2xx > 0 || r.errors > 0) throw new Error(`${args.join(' ')} failed ${r.non2xx + r.errors} requests`);
      requests += legacy.requests.total + json.requests.total;
    }
    return { idleMiB: Math.round(idle), peakMiB: Math.round(statusOf(child.pid, 'VmHWM')), requests };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
  }
}

const seeded = spawnSync(process.execPath, cliArgs('seed-demo'), { env, encoding: 'utf8' });
if (seeded.status !== 0) throw new Error(`seed-demo failed: ${seeded.stderr}`);
// The demo's agent 1000 is logged in; the demo's simulator is not started (`serve` without --demo).
const bare = await underLoad(['-e', BARE], 18700);
const agentgate = await underLoad(cliArgs('serve'), 18701);
fs.rmSync(dir, { recursive: true, force: true });

console.log(`memory under load: external_pause, legacy and JSON faces, 32 then 1 connection, ${seconds} s each`);
console.log(`  bare Fastify process   idle ${String(bare.idleMiB).padStart(4)} MiB   peak ${String(bare.peakMiB).padStart(4)} MiB`);
console.log(`  agentgate serve        idle ${String(agentgate.idleMiB).padStart(4)} MiB   peak ${String(agentgate.peakMiB).padStart(4)} MiB   (target < 150 MiB: ${agentgate.peakMiB < 150 ? 'met' : 'NOT met'}; ${agentgate.requests} requests)`);

const results = path.join(path.dirname(new URL(import.meta.url).pathname), 'results');
fs.mkdirSync(results, { recursive: true });
fs.writeFileSync(
  path.join(results, 'serve-memory.json'),
  `${JSON.stringify({ date: new Date().toISOString(), seconds, bare, agentgate }, null, 2)}\n`,
);
