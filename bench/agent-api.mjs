/**
 * Agent API throughput and latency: a valid external_pause through the whole
 * path (credentials, gates, session, audit rows in one transaction) against a
 * bare Fastify route answering a constant line, measured side by side in
 * the same run (interleave.mjs: BENCH_SECONDS each, in BENCH_SLICES turns) —
 * on SQLite, and on MariaDB/MySQL (BENCH_MYSQL, default the local server;
 * BENCH_MYSQL=off to leave it out).
 * Targets: the full path at ≥ 40% of the bare route's throughput, p99 < 5 ms
 * at 32 connections; on MariaDB at least half the SQLite figure. The JSON
 * face's external_pause (POST /api/v2/agent/external_pause, HTTP Basic) runs
 * the same pipeline: within 10% of the legacy face (issue 11).
 * Beside them, the database's ceiling (bare-db-route.mjs): the statements
 * external_pause runs, with nothing else, on the same database — the most
 * anything that runs those statements reaches here, and agentgate's share of it.
 * Run with `npm run bench`.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { httpLoad, interleaved, SLICES } from './interleave.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const here = path.dirname(new URL(import.meta.url).pathname);
const mysqlServer = process.env.BENCH_MYSQL === 'off' ? undefined : (process.env.BENCH_MYSQL ?? 'mysql://root@127.0.0.1:3306');
const child = fork(path.join(here, 'bench-servers.mjs'), ['SUCCESS: external_pause function set - PAUSE|1795000000|1000\n'], {
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  // BENCH_MYSQL=off reaches the servers as no server at all.
  env: { ...process.env, BENCH_MYSQL: mysqlServer ?? '' },
});
const ports = await new Promise((resolve) => child.once('message', resolve));

const pause = '/agc/api.php?source=bench&user=6666&pass=1234&agent_user=1000&function=external_pause&value=PAUSE';

const jsonPause = {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from('6666:1234').toString('base64')}` },
  body: JSON.stringify({ source: 'bench', agent_user: '1000', value: 'PAUSE' }),
};
const bareRoute = (connections) => (s) => httpLoad(`http://127.0.0.1:${ports.bare}/bare`, connections, s);
const ceiling = (port, connections) => (s) => httpLoad(`http://127.0.0.1:${port}${pause.replace('/agc/api.php', '/bare-db')}`, connections, s);
const fullPath = (port, connections) => (s) => httpLoad(`http://127.0.0.1:${port}${pause}`, connections, s);
const jsonFace = (port, connections) => (s) => httpLoad(`http://127.0.0.1:${port}/api/v2/agent/external_pause`, connections, s, jsonPause);

/**
 * external_pause for 32 agents, each connection its own (as in a call centre: one integration per agent
 * session). Commands for one agent take their turn on its row — on MariaDB each holds the row lock until
 * its commit — so the one-agent figures above are the worst case; these are what a floor of agents sees.
 */
const agentsPause = (agent) => pause.replace('agent_user=1000', `agent_user=${agent}`);
const spreadOverAgents = (port) => (s) => {
  let next = 0;
  const { agents } = ports;
  return httpLoad(`http://127.0.0.1:${port}${pause}`, 32, s, {
    requests: [{ setupRequest: (request) => ({ ...request, path: agentsPause(agents[next++ % agents.length]) }) }],
  });
};

const results = [];
for (const connections of [1, 32]) {
  const { bare, full, json, bareDb, mysql, bareDbMysql } = await interleaved({
    bare: bareRoute(connections),
    full: fullPath(ports.full, connections),
    json: jsonFace(ports.full, connections),
    bareDb: ceiling(ports.bareDb, connections),
    ...(ports.mysql ? { mysql: fullPath(ports.mysql, connections), bareDbMysql: ceiling(ports.bareDbMysql, connections) } : {}),
  }, seconds);
  results.push({
    connections,
    bare,
    full,
    ratio: full.rps / bare.rps,
    json,
    jsonToLegacy: json.rps / full.rps,
    ceiling: { sqlite: bareDb, ratio: bareDb.rps / bare.rps, fullToCeiling: full.rps / bareDb.rps },
    ...(mysql
      ? { mysql, mysqlToSqlite: mysql.rps / full.rps, mysqlCeiling: { mysql: bareDbMysql, toSqlite: bareDbMysql.rps / full.rps, mysqlToCeiling: mysql.rps / bareDbMysql.rps } }
      : {}),
  });
}

const { spreadSqlite, spreadMysql } = await interleaved({
  spreadSqlite: spreadOverAgents(ports.full),
  ...(ports.mysql ? { spreadMysql: spreadOverAgents(ports.mysql) } : {}),
}, seconds);
const spread = {
  connections: 32,
  agents: 32,
  full: spreadSqlite,
  ...(spreadMysql ? { mysql: spreadMysql, mysqlToSqlite: spreadMysql.rps / spreadSqlite.rps } : {}),
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
console.log("\nthe database's ceiling: external_pause's statements and nothing else (bare-db-route.mjs, same run)");
console.log('conns  database  ceiling req/s  p99   ceiling/bare  agentgate/ceiling' + (ports.mysql ? '  ceiling/agentgate on SQLite' : ''));
for (const r of results) {
  const { ceiling: c } = r;
  console.log(`${String(r.connections).padStart(5)}  SQLite    ${c.sqlite.rps.toFixed(0).padStart(13)} ${String(c.sqlite.p99).padStart(4)}   ${(c.ratio * 100).toFixed(1).padStart(11)}%  ${(c.fullToCeiling * 100).toFixed(1).padStart(16)}%`);
  if (r.mysqlCeiling) {
    const m = r.mysqlCeiling;
    console.log(`${String(r.connections).padStart(5)}  MariaDB   ${m.mysql.rps.toFixed(0).padStart(13)} ${String(m.mysql.p99).padStart(4)}   ${((m.mysql.rps / r.bare.rps) * 100).toFixed(1).padStart(11)}%  ${(m.mysqlToCeiling * 100).toFixed(1).padStart(16)}%  ${(m.toSqlite * 100).toFixed(1).padStart(26)}%`);
  }
}
console.log(`\n32 connections, each for its own agent (${ports.agents[0]}…${ports.agents.at(-1)}), same run`);
console.log(`  SQLite ${spread.full.rps.toFixed(0)} req/s (p99 ${spread.full.p99} ms)` + (spread.mysql ? `   MariaDB ${spread.mysql.rps.toFixed(0)} req/s (p99 ${spread.mysql.p99} ms), ${(spread.mysqlToSqlite * 100).toFixed(1)}% of SQLite` : ''));
console.log(`audit rows written (SQLite): ${after.auditRows}; server RSS at the end: ${after.rssMb} MB`);
const at32 = results.find((r) => r.connections === 32);
const at1 = results.find((r) => r.connections === 1);
const percent = (x) => `${(x * 100).toFixed(1)}%`;
console.log(`targets: ratio ≥ 50% at 1 connection → ${percent(at1.ratio)} (the database's ceiling ${percent(at1.ceiling.ratio)}); ≥ 40% at 32 → ${percent(at32.ratio)} (ceiling ${percent(at32.ceiling.ratio)})`);
console.log(`target: p99 < 5 ms at 32 connections → ${at32.full.p99} ms (ceiling ${at32.ceiling.sqlite.p99} ms)`);
console.log(`target: JSON face within 10% of the legacy face → ${results.map((r) => `${(r.jsonToLegacy * 100).toFixed(1)}% at ${r.connections}`).join(', ')}`);
if (ports.mysql)
  console.log(`target: MariaDB ≥ 50% of SQLite → ${results.map((r) => `${percent(r.mysqlToSqlite)} at ${r.connections} (MariaDB's ceiling ${percent(r.mysqlCeiling.toSqlite)})`).join(', ')}`);

fs.mkdirSync(path.join(here, 'results'), { recursive: true });
fs.writeFileSync(
  path.join(here, 'results', 'agent-api.json'),
  `${JSON.stringify({ date: new Date().toISOString(), seconds, slices: SLICES, results, spread, auditRows: after.auditRows, rssMb: after.rssMb }, null, 2)}\n`,
);
