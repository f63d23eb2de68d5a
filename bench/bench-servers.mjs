/**
 * The two servers the agent API benchmark compares, in one child process:
 * agentgate's full app (SQLite file in WAL mode, demo data, real bcrypt cost)
 * and a bare Fastify route that answers a constant line.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { createServices } from '../dist/app/services.js';
import { loadConfig } from '../dist/config/config.js';
import { seedDemo } from '../dist/demo/seed.js';
import { buildApp } from '../dist/http/app.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentgate-bench-'));
const config = loadConfig({}, { databaseUrl: `sqlite:${path.join(dir, 'bench.db')}`, logLevel: 'warn', bcryptCost: 10 });
const services = await createServices(config);
await seedDemo(services);
const app = await buildApp(services);
await app.listen({ port: 0, host: '127.0.0.1' });

const bare = Fastify();
bare.get('/bare', async (_req, reply) =>
  reply.header('Content-Type', 'text/html; charset=utf-8').send('SUCCESS: external_pause function set - PAUSE|1795000000|1000\n'),
);
await bare.listen({ port: 0, host: '127.0.0.1' });

process.send?.({ full: app.server.address().port, bare: bare.server.address().port });
process.on('message', async (message) => {
  if (message !== 'stop') return;
  const rows = await services.database.db.selectFrom('vicidial_api_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  process.send?.({ auditRows: Number(rows?.n ?? 0), rssMb: Math.round(process.memoryUsage().rss / 1e6) });
  await app.close();
  await bare.close();
  await services.close();
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
