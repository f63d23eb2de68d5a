/**
 * Non-agent API benchmarks, each against a baseline measured in the same run:
 *
 * 1. add_lead over HTTP at 32 connections (full path: login, permission
 *    matrix, phone/DNC/duplicate checks, GMT lookup, insert, audit rows in one
 *    transaction) against a bare Fastify route answering a constant line,
 *    side by side (interleave.mjs), and against the database's ceiling: the
 *    same statements with nothing else (bare-db-route.mjs).
 * 2. `agentgate leads load` of a generated CSV (1,000,000 leads by default)
 *    into SQLite, then into MariaDB (BENCH_MYSQL, default the local server;
 *    BENCH_MYSQL=off leaves it out): leads/s and peak RSS of the loader
 *    process, against the same rows inserted into the same schema by a bare
 *    loop (bare-load.mjs).
 *
 * Targets (issue 13 §4): the loader sustains ≥ 60,000 leads/s on SQLite and
 * ≥ 30,000 on MariaDB, with flat memory.
 * Run with `npm run bench:non-agent` (BENCH_SECONDS, BENCH_LEADS to scale).
 */
import { execFileSync, fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliArgs } from './cli.mjs';
import { generateLeads } from './generate-leads.mjs';
import { httpLoad, interleaved } from './interleave.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const leadCount = Number(process.env.BENCH_LEADS ?? 1_000_000);
const LOADER_TARGET = 60_000;
const LOADER_TARGET_MYSQL = 30_000;
const here = path.dirname(new URL(import.meta.url).pathname);

// --- 1. add_lead over HTTP ---------------------------------------------------
const child = fork(path.join(here, 'bench-servers.mjs'), ['SUCCESS: add_lead LEAD HAS BEEN ADDED - 3100000000|101|12|-6|6000\n'], {
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  // add_lead over HTTP is measured on SQLite only: no MariaDB servers beside it (BENCH_MYSQL is the loader's).
  env: { ...process.env, BENCH_MYSQL: '' },
});
const ports = await new Promise((resolve) => child.once('message', resolve));

let counter = 0;
/** Each request adds a new number, so the duplicate check (DUPLIST) runs on a growing list. */
const addLead = () =>
  `/vicidial/non_agent_api.php?source=bench&user=6000&pass=1234&function=add_lead&list_id=101&duplicate_check=DUPLIST&first_name=Bench&phone_number=3${String(
    100000000 + counter++,
  )}`;

const loads = {
  bare: (s) => httpLoad(`http://127.0.0.1:${ports.bare}/bare`, 32, s),
  addLead: (s) => httpLoad(`http://127.0.0.1:${ports.full}`, 32, s, { requests: [{ setupRequest: (req) => ({ ...req, path: addLead() }) }] }),
  // The database's ceiling (bare-db-route.mjs): add_lead's statements and nothing else, on the same file.
  ceiling: (s) =>
    httpLoad(`http://127.0.0.1:${ports.bareDb}`, 32, s, {
      requests: [{ setupRequest: (req) => ({ ...req, path: addLead().replace('/vicidial/non_agent_api.php', '/bare-db/add_lead') }) }],
    }),
};
const { bare, addLead: full, ceiling } = await interleaved(loads, seconds);
child.send('stop');
const after = await new Promise((resolve) => child.once('message', resolve));
const http = {
  connections: 32,
  bare,
  addLead: full,
  ratio: full.rps / bare.rps,
  ceiling: { sqlite: ceiling, ratio: ceiling.rps / bare.rps, addLeadToCeiling: full.rps / ceiling.rps },
  leadsInserted: after.benchLeads,
  notAdded: after.notSuccess,
};

// --- 2. the bulk loader ------------------------------------------------------
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentgate-load-bench-'));
const csv = path.join(dir, 'leads.csv');
await generateLeads(leadCount, csv);
const cliEnv = (databaseUrl) => ({ ...process.env, DATABASE_URL: databaseUrl, BCRYPT_COST: '4', LOG_LEVEL: 'warn' });

/** Run a command, sampling its RSS from /proc every 50 ms; returns seconds and the peak in MB. */
function measured(args, childEnv) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const proc = spawn(process.execPath, args, { env: childEnv, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let peak = 0;
    const samples = [];
    proc.stdout.on('data', (d) => (out += d));
    const timer = setInterval(() => {
      try {
        const status = fs.readFileSync(`/proc/${proc.pid}/status`, 'utf8');
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        peak = Math.max(peak, kb);
        samples.push(kb);
      } catch {
        // the process has ended
      }
    }, 50);
    proc.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited with ${code}: ${out}`));
      const quarter = Math.max(1, Math.floor(samples.length / 4));
      const mb = (kb) => Math.round(kb / 1024);
      resolve({
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        peakRssMb: mb(peak),
        // Flat memory: the RSS in the last quarter of the run is no higher than in the second.
        rssSecondQuarterMb: mb(Math.max(...samples.slice(quarter, 2 * quarter))),
        rssLastQuarterMb: mb(Math.max(...samples.slice(-quarter))),
        output: out,
      });
    });
    proc.on('error', reject);
  });
}

/**
 * `agentgate leads load` into a seeded database (`loaderUrl`) against the bare
 * insert loop into an initialised one (`bareUrl`), one after the other.
 */
async function loadBench(loaderUrl, bareUrl) {
  execFileSync(process.execPath, cliArgs('seed-demo'), { env: cliEnv(loaderUrl), stdio: 'ignore' });
  const loader = await measured(cliArgs('leads', 'load', csv, '--list', '101', '--duplicate-check', 'DUPLIST', '--no-progress'), cliEnv(loaderUrl));
  execFileSync(process.execPath, cliArgs('init'), { env: cliEnv(bareUrl), stdio: 'ignore' });
  const bare = await measured([path.join(here, 'bare-load.mjs'), csv, bareUrl], cliEnv(bareUrl));
  return {
    leads: leadCount,
    loader: { seconds: loader.seconds, leadsPerSecond: leadCount / loader.seconds, peakRssMb: loader.peakRssMb, rssSecondQuarterMb: loader.rssSecondQuarterMb, rssLastQuarterMb: loader.rssLastQuarterMb },
    bare: { seconds: bare.seconds, leadsPerSecond: leadCount / bare.seconds, peakRssMb: bare.peakRssMb },
    ratio: bare.seconds / loader.seconds,
    summary: loader.output.trim(),
  };
}

const load = await loadBench(`sqlite:${path.join(dir, 'load.db')}`, `sqlite:${path.join(dir, 'baseline.db')}`);

/** The same on MariaDB/MySQL (BENCH_MYSQL, default the local server; BENCH_MYSQL=off leaves it out), in databases of its own. */
let loadMysql;
const mysqlServer = process.env.BENCH_MYSQL === 'off' ? undefined : (process.env.BENCH_MYSQL ?? 'mysql://root@127.0.0.1:3306');
if (mysqlServer) {
  const { default: mysql } = await import('mysql2/promise');
  const server = await mysql.createConnection(mysqlServer);
  const names = [`agentgate_bench_load_${process.pid}`, `agentgate_bench_bare_${process.pid}`];
  const urlOf = (name) => Object.assign(new URL(mysqlServer), { pathname: `/${name}` }).toString();
  try {
    for (const name of names) await server.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
    loadMysql = await loadBench(urlOf(names[0]), urlOf(names[1]));
  } finally {
    for (const name of names) await server.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await server.end();
  }
}
fs.rmSync(dir, { recursive: true, force: true });

console.log('\nnon-agent API: add_lead over HTTP at 32 connections, full path vs bare route (same run)');
console.log(`  bare route   ${http.bare.rps.toFixed(0).padStart(7)} req/s   p50 ${http.bare.p50} ms   p99 ${http.bare.p99} ms`);
console.log(`  add_lead     ${http.addLead.rps.toFixed(0).padStart(7)} leads/s p50 ${http.addLead.p50} ms   p99 ${http.addLead.p99} ms   (${(http.ratio * 100).toFixed(1)}% of bare)`);
console.log(
  `  ceiling      ${http.ceiling.sqlite.rps.toFixed(0).padStart(7)} leads/s p50 ${http.ceiling.sqlite.p50} ms   p99 ${http.ceiling.sqlite.p99} ms   (${(http.ceiling.ratio * 100).toFixed(1)}% of bare: add_lead's statements alone; add_lead ${(http.ceiling.addLeadToCeiling * 100).toFixed(1)}% of it)`,
);
/** One loader figure against its baseline and its target. */
function report(figures, database, bareLoop, target) {
  const { loader, bare } = figures;
  console.log(`\nagentgate leads load, ${leadCount.toLocaleString('en-US')} leads into ${database} (DUPLIST), vs ${bareLoop} (same run)`);
  console.log(`  loader       ${loader.leadsPerSecond.toFixed(0).padStart(7)} leads/s in ${loader.seconds.toFixed(1)} s, peak RSS ${loader.peakRssMb} MB (2nd quarter ${loader.rssSecondQuarterMb} MB, last quarter ${loader.rssLastQuarterMb} MB)`);
  console.log(`  bare loop    ${bare.leadsPerSecond.toFixed(0).padStart(7)} leads/s in ${bare.seconds.toFixed(1)} s, peak RSS ${bare.peakRssMb} MB`);
  console.log(`  loader/bare  ${(figures.ratio * 100).toFixed(1)}%   target ≥ ${target.toLocaleString('en-US')} leads/s → ${loader.leadsPerSecond >= target ? 'met' : 'NOT met'}`);
}
report(load, 'SQLite', 'a bare better-sqlite3 insert loop', LOADER_TARGET);
if (loadMysql) report(loadMysql, 'MariaDB', 'a bare mysql2 insert loop', LOADER_TARGET_MYSQL);

fs.mkdirSync(path.join(here, 'results'), { recursive: true });
fs.writeFileSync(path.join(here, 'results', 'non-agent.json'), `${JSON.stringify({ date: new Date().toISOString(), seconds, http, load, ...(loadMysql ? { loadMysql } : {}) }, null, 2)}\n`);
