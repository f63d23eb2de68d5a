/**
 * Start-up: how long `agentgate serve` on an existing SQLite database takes to
 * answer its first request (GET /healthz), against a bare Node HTTP server
 * started the same way, measured in the same run (median of BENCH_STARTS
 * starts each). Target (issue 13 §5): agentgate answers within 1 s of start.
 * Writes bench/results/startup.json. Run with `npm run bench:startup` (it builds first).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliArgs } from './cli.mjs';

const starts = Number(process.env.BENCH_STARTS ?? 7);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentgate-startup-'));
const env = { ...process.env, DATABASE_URL: `sqlite:${path.join(dir, 'agentgate.db')}`, LOG_LEVEL: 'warn', HOST: '127.0.0.1' };
const BARE = `require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')`;

/** Milliseconds from spawn until the port answers GET /healthz with 200. */
async function timeToFirstAnswer(args, port) {
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { ...env, PORT: String(port) }, stdio: 'ignore' });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode} before answering`);
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
  }
}

async function median(args) {
  const times = [];
  for (let i = 0; i < starts; i++) times.push(await timeToFirstAnswer(args, 18600 + (i % 50)));
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const seeded = spawnSync(process.execPath, cliArgs('seed-demo'), { env, encoding: 'utf8' });
if (seeded.status !== 0) throw new Error(`seed-demo failed: ${seeded.stderr}`);
const bare = await median(['-e', BARE]);
const agentgate = await median(cliArgs('serve'));
fs.rmSync(dir, { recursive: true, force: true });

console.log(`start-up to first answer (median of ${starts}), existing SQLite database`);
console.log(`  bare node http server   ${bare.toFixed(0).padStart(6)} ms`);
console.log(`  agentgate serve         ${agentgate.toFixed(0).padStart(6)} ms   (${(agentgate / bare).toFixed(1)}× the bare server; target < 1000 ms: ${agentgate < 1000 ? 'met' : 'NOT met'})`);

const results = path.join(path.dirname(new URL(import.meta.url).pathname), 'results');
fs.mkdirSync(results, { recursive: true });
fs.writeFileSync(
  path.join(results, 'startup.json'),
  `${JSON.stringify({ date: new Date().toISOString(), starts, bareMs: Math.round(bare), agentgateMs: Math.round(agentgate) }, null, 2)}\n`,
);
