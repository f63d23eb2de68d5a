/**
 * The servers an HTTP benchmark compares, in one child process: agentgate's
 * full app (SQLite file in WAL mode, demo data, real bcrypt cost), a bare
 * Fastify route answering the constant line given as argv[2], and — when
 * BENCH_MYSQL names a MySQL/MariaDB server — the same full app on a database
 * of its own there (agentgate_bench_*, dropped at the end; not ag_db_*, which a test run starting on the same server would drop as left over).
 * Besides the demo's agent 1000, 32 more agents (20000…) are logged in.
 * The ceiling each database sets (bare-db-route.mjs) is served beside them,
 * on the same database.
 * On 'stop' it reports the rows written (audit rows, and leads named Bench)
 * and its memory, then ends.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import mysql from 'mysql2/promise';
import { buildApp, createServices, loadConfig, seedDemo } from '../dist/embed.js';
import { bareMysqlRoute, bareSqliteRoute } from './bare-db-route.mjs';

const bareLine = process.argv[2] ?? 'SUCCESS\n';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentgate-bench-'));

/** Agents beyond the demo's, logged into TESTCAMP: benchmarks that spread commands over agents (users 20000…). */
const BENCH_AGENTS = Array.from({ length: 32 }, (_, i) => String(20000 + i));

/** agentgate with the demo data on this database, listening on a free port. */
async function fullApp(databaseUrl) {
  const services = await createServices(loadConfig({}, { databaseUrl, logLevel: 'warn', bcryptCost: 10 }));
  await seedDemo(services);
  await services.store.transaction(async (tx) => {
    for (const user of BENCH_AGENTS) await tx.users.insert({ user, pass_hash: '', user_level: 1, full_name: `Bench ${user}`, user_group: 'AGENTS' });
  });
  for (const user of BENCH_AGENTS) await services.runner.run((u) => services.sessions.login(u, { user, campaignId: 'TESTCAMP', ingroups: [] }));
  const app = await buildApp(services);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { services, app };
}

const { services, app } = await fullApp(`sqlite:${path.join(dir, 'bench.db')}`);

/** A Fastify instance of its own for a route, listening on a free port. */
async function serverOf(addRoute) {
  const server = Fastify();
  const close = await addRoute(server);
  await server.listen({ port: 0, host: '127.0.0.1' });
  const stop = async () => {
    await server.close();
    await close?.();
  };
  return { port: server.server.address().port, close: stop };
}
const bareDb = await serverOf((server) => bareSqliteRoute(server, path.join(dir, 'bench.db')));

let onMysql;
const MYSQL_POOL = 16;
const mysqlDatabase = `agentgate_bench_${process.pid}`;
const onServer = async (work) => {
  const connection = await mysql.createConnection(process.env.BENCH_MYSQL);
  try {
    await work(connection);
  } finally {
    await connection.end();
  }
};
if (process.env.BENCH_MYSQL) {
  await onServer((c) => c.query(`CREATE DATABASE \`${mysqlDatabase}\` CHARACTER SET utf8mb4`));
  const url = new URL(process.env.BENCH_MYSQL);
  url.pathname = `/${mysqlDatabase}`;
  url.searchParams.set('connectionLimit', String(MYSQL_POOL));
  onMysql = await fullApp(url.toString());
  url.search = '';
  onMysql.bareDb = await serverOf((server) => bareMysqlRoute(server, url.toString(), MYSQL_POOL));
}

const bare = await serverOf((server) => {
  server.get('/bare', async (_req, reply) => reply.header('Content-Type', 'text/html; charset=utf-8').send(bareLine));
});

process.send?.({
  full: app.server.address().port,
  bare: bare.port,
  bareDb: bareDb.port,
  mysql: onMysql?.app.server.address().port,
  bareDbMysql: onMysql?.bareDb.port,
  agents: BENCH_AGENTS,
});
process.on('message', async (message) => {
  if (message !== 'stop') return;
  const db = services.database.db;
  const count = async (query) => Number((await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  process.send?.({
    auditRows: await count(db.selectFrom('vicidial_api_log')),
    notSuccess: await count(db.selectFrom('vicidial_api_log').where('result', '!=', 'SUCCESS')),
    benchLeads: await count(db.selectFrom('vicidial_list').where('first_name', '=', 'Bench')),
    rssMb: Math.round(process.memoryUsage().rss / 1e6),
  });
  await app.close();
  await bare.close();
  await bareDb.close();
  await services.close();
  if (onMysql) {
    await onMysql.bareDb.close();
    await onMysql.app.close();
    await onMysql.services.close();
    await onServer((c) => c.query(`DROP DATABASE \`${mysqlDatabase}\``));
  }
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
