/**
 * The two servers an HTTP benchmark compares, in one child process:
 * agentgate's full app (SQLite file in WAL mode, demo data, real bcrypt cost)
 * and a bare Fastify route answering the constant line given as argv[2].
 * On 'stop' it reports the rows written (audit rows, and leads named Bench)
 * and its memory, then ends.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { createServices } from '../dist/app/services.js';
import { loadConfig } from '../dist/config/config.js';
import { seedDemo } from '../dist/demo/seed.js';
import { buildApp } from '../dist/http/app.js';

const bareLine = process.argv[2] ?? 'SUCCESS\n';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentgate-bench-'));
const config = loadConfig({}, { databaseUrl: `sqlite:${path.join(dir, 'bench.db')}`, logLevel: 'warn', bcryptCost: 10 });
const services = await createServices(config);
await seedDemo(services);
const app = await buildApp(services);
await app.listen({ port: 0, host: '127.0.0.1' });

const bare = Fastify();
bare.get('/bare', async (_req, reply) => reply.header('Content-Type', 'text/html; charset=utf-8').send(bareLine));
await bare.listen({ port: 0, host: '127.0.0.1' });

process.send?.({ full: app.server.address().port, bare: bare.server.address().port });
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
  await services.close();
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
