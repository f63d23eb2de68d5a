/**
 * The server of the push benchmark, in its own process: agentgate on a SQLite
 * file with the demo data and 1,000 more agents logged into TESTCAMP, each
 * with a screen cookie. It reports its memory on request (after a GC).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, createServices, loadConfig, seedDemo } from '../dist/embed.js';

const AGENTS = Number(process.env.BENCH_AGENTS ?? 1000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentgate-push-'));
const config = loadConfig({}, { databaseUrl: `sqlite:${path.join(dir, 'bench.db')}`, logLevel: 'warn', bcryptCost: 4 });
const services = await createServices(config);
await seedDemo(services);
const hash = await services.passwords.hash('1234');
const users = Array.from({ length: AGENTS }, (_, i) => String(20000 + i));
await services.store.transaction(async (tx) => {
  for (const user of users)
    await tx.users.insert({ user, pass_hash: hash, user_level: 1, full_name: `Bench ${user}`, user_group: 'AGENTS', agentcall_manual: '1' });
});
for (const user of users) await services.runner.run((u) => services.sessions.login(u, { user, campaignId: 'TESTCAMP', ingroups: [] }));
const cookies = [];
for (const user of users) cookies.push(await services.webSessions.start(services.store, await services.store.users.find(user), 'agent', services.clock.now()));
const app = await buildApp(services);
await app.listen({ port: 0, host: '127.0.0.1' });

const memory = () => {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, rss: m.rss };
};
process.send?.({ port: app.server.address().port, users, cookies, memory: memory() });
process.on('message', async (message) => {
  if (message === 'memory') return process.send?.({ memory: memory() });
  if (message !== 'stop') return;
  await app.close();
  await services.close();
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
