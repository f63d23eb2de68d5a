/**
 * The two servers the add_lead benchmark compares, in one child process:
 * agentgate's full app (SQLite file in WAL mode, demo data, real bcrypt cost)
 * and a bare Fastify route answering a constant add_lead line.
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
  reply.header('Content-Type', 'text/html; charset=utf-8').send('SUCCESS: add_lead LEAD HAS BEEN ADDED - 3100000000|101|12|-6|6000\n'),
);
await bare.listen({ port: 0, host: '127.0.0.1' });

process.send?.({ full: app.server.address().port, bare: bare.server.address().port });
process.on('message', async (message) => {
  if (message !== 'stop') return;
  const db = services.database.db;
  const leads = await db.selectFrom('vicidial_list').select((eb) => eb.fn.countAll().as('n')).where('first_name', '=', 'Bench').executeTakeFirst();
  const refused = await db.selectFrom('vicidial_api_log').select((eb) => eb.fn.countAll().as('n')).where('result', '!=', 'SUCCESS').executeTakeFirst();
  process.send?.({ leads: Number(leads?.n ?? 0), notAdded: Number(refused?.n ?? 0) });
  await app.close();
  await bare.close();
  await services.close();
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
