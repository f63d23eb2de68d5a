/**
 * Agent API throughput and latency: a valid external_pause through the whole
 * path (credentials, gates, session, audit rows in one transaction) against a
 * bare Fastify route answering a constant line, measured in the same run —
 * on SQLite, and on MariaDB/MySQL (BENCH_MYSQL, default the local server;
 * BENCH_MYSQL=off to leave it out).
 * Targets: the full path at ≥ 40% of the bare route's throughput, p99 < 5 ms
 * at 32 connections; on MariaDB at least half the SQLite figure. The JSON
 * face's external_pause (POST /api/v2/agent/external_pause, HTTP Basic) runs
 * the same pipeline: within 10% of the legacy face (issue 11).
 * Run with `npm run bench`.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { CLI_NODE_FLAGS } from './cli.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const here = path.dirname(new URL(import.meta.url).pathname);
const mysqlServer = process.env.BENCH_MYSQL === 'off' ? undefined : (process.env.BENCH_MYSQL ?? 'mysql://root@127.0.0.1:3306');
const child = fork(path.join(here, 'bench-servers.mjs'), ['SUCCESS: external_pause function set - PAUSE|1795000000|1000\n'], {
  // The node flags agentgate runs with.
  execArgv: CLI_NODE_FLAGS,
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  // BENCH_MYSQL=off reaches the servers as no server at all.
  env: { ...process.env, BENCH_MYSQL: mysqlServer ?? '' },
});
const ports = await new Promise((resolve) => child.once('message', resolve));

const pause = '/agc/api.php?source=bench&user=6666&pass=1234&agent_user=1000&function=external_pause&value=PAUSE';

function run(url, connections, request = {}) {
  return new Promise((resolve, reject) =>
    autocannon({ url, connections, duration: seconds, pipelining: 1, ...request }, (err, result) => (err ? reject(err) : resolve(result))),
  );
}

const jsonPause = {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from('6666:1234').toString('base64')}` },
  body: JSON.stringify({ source: 'bench', agent_user: '1000', value: 'PAUSE' }),
};
async function jsonFace(port, connections) {
  const result = await run(`http://127.0.0.1:${port}/api/v2/agent/external_pause`, connections, jsonPause);
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`the JSON face failed ${result.non2xx + result.errors} requests`);
  return result;
}

const figures = (r) => ({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 });
async function fullPath(port, connections) {
  const result = await run(`http://127.0.0.1:${port}${pause}`, connections);
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`the full path failed ${result.non2xx + result.errors} requests`);
  return result;
}

/**
 * external_pause for 32 agents, each connection its own (as in a call centre: one integration per agent
 * session). Commands for one agent take their turn on its row — on MariaDB each holds the row lock until
 * its commit — so the one-agent figures above are the worst case; these are what a floor of agents sees.
 */
const agentsPause = (agent) => pause.replace('agent_user=1000', `agent_user=${agent}`);
async function spreadOverAgents(port) {
  let next = 0;
  const { agents } = ports;
  const result = await run(`http://127.0.0.1:${port}${pause}`, 32, {
    requests: [{ setupRequest: (request) => ({ ...request, path: agentsPause(agents[next++ % agents.length]) }) }],
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`the full path failed ${result.non2xx + result.errors} requests`);
  return result;
}

const results = [];
for (const connections of [1, 32]) {
  // Warm up each (JIT, bcrypt verification cache, SQLite page cache, MySQL buffer pool and prepared statements).
  await run(`http://127.0.0.1:${ports.bare}/bare`, connections);
  await run(`http://127.0.0.1:${ports.full}${pause}`, connections);
  await jsonFace(ports.full, connections);
  if (ports.mysql) await run(`http://127.0.0.1:${ports.mysql}${pause}`, connections);
  const bare = await run(`http://127.0.0.1:${ports.bare}/bare`, connections);
  const full = await fullPath(ports.full, connections);
  const json = await jsonFace(ports.full, connections);
  const onMysql = ports.mysql ? await fullPath(ports.mysql, connections) : undefined;
  results.push({
    connections,
    bare: figures(bare),
    full: figures(full),
    ratio: full.requests.average / bare.requests.average,
    json: figures(json),
    jsonToLegacy: json.requests.average / full.requests.average,
    ...(onMysql ? { mysql: figures(onMysql), mysqlToSqlite: onMysql.requests.average / full.requests.average } : {}),
  });
}

await spreadOverAgents(ports.full);
if (ports.mysql) await spreadOverAgents(ports.mysql);
const spreadSqlite = await spreadOverAgents(ports.full);
const spreadMysql = ports.mysql ? await spreadOverAgents(ports.mysql) : undefined;
const spread = {
  connections: 32,
  agents: 32,
  full: figures(spreadSqlite),
  ...(spreadMysql ? { mysql: figures(spreadMysql), mysqlToSqlite: spreadMysql.requests.average / spreadSqlite.requests.average } : {}),
};

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
console.log('\nthe JSON face: POST /api/v2/agent/external_pause (same server, same run)');
console.log('conns  json req/s  p50  p99   json/legacy');
for (const r of results)
  console.log(
    `${String(r.connections).padStart(5)}  ${r.json.rps.toFixed(0).padStart(10)} ${String(r.json.p50).padStart(4)} ${String(r.json.p99).padStart(4)}   ${(r.jsonToLegacy * 100).toFixed(1).padStart(10)}%`,
  );
if (ports.mysql) {
  console.log('\nthe same on MariaDB/MySQL (full path, same run)');
  console.log('conns  mysql req/s  p50  p99   mysql/sqlite  mysql/bare');
  for (const r of results)
    console.log(
      `${String(r.connections).padStart(5)}  ${r.mysql.rps.toFixed(0).padStart(11)} ${String(r.mysql.p50).padStart(4)} ${String(r.mysql.p99).padStart(4)}   ${(r.mysqlToSqlite * 100)
        .toFixed(1)
        .padStart(11)}%  ${((r.mysql.rps / r.bare.rps) * 100).toFixed(1).padStart(9)}%`,
    );
}
console.log(`\n32 connections, each for its own agent (${ports.agents[0]}…${ports.agents.at(-1)}), same run`);
console.log(`  SQLite ${spread.full.rps.toFixed(0)} req/s (p99 ${spread.full.p99} ms)` + (spread.mysql ? `   MariaDB ${spread.mysql.rps.toFixed(0)} req/s (p99 ${spread.mysql.p99} ms), ${(spread.mysqlToSqlite * 100).toFixed(1)}% of SQLite` : ''));
console.log(`audit rows written (SQLite): ${after.auditRows}; server RSS at the end: ${after.rssMb} MB`);
const at32 = results.find((r) => r.connections === 32);
console.log(`targets: ratio ≥ 40% → ${(at32.ratio * 100).toFixed(1)}%; p99 < 5 ms at 32 connections → ${at32.full.p99} ms`);
console.log(`target: JSON face within 10% of the legacy face → ${results.map((r) => `${(r.jsonToLegacy * 100).toFixed(1)}% at ${r.connections}`).join(', ')}`);
if (ports.mysql) console.log(`target: MariaDB ≥ 50% of SQLite → ${results.map((r) => `${(r.mysqlToSqlite * 100).toFixed(1)}% at ${r.connections}`).join(', ')}`);

fs.mkdirSync(path.join(here, 'results'), { recursive: true });
fs.writeFileSync(
  path.join(here, 'results', 'agent-api.json'),
  `${JSON.stringify({ date: new Date().toISOString(), seconds, results, spread, auditRows: after.auditRows, rssMb: after.rssMb }, null, 2)}\n`,
);
