/**
 * The server of the event-stream benchmark, in its own process: agentgate on a
 * SQLite file with the demo data and more agents logged into TESTCAMP. On
 * request it changes agents' states at a given rate (each change one unit of
 * work, as a command is) and reports when each event committed, and its own
 * CPU time and memory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices } from '../dist/app/services.js';
import { loadConfig } from '../dist/config/config.js';
import { seedDemo } from '../dist/demo/seed.js';
import { buildApp } from '../dist/http/app.js';

const AGENTS = Number(process.env.BENCH_AGENTS ?? 200);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentgate-events-'));
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
const app = await buildApp(services, { eventStream: { maxBufferedBytes: 8 * 1024 * 1024 } });
await app.listen({ port: 0, host: '127.0.0.1' });

const now = () => Date.now();
const usage = () => {
  globalThis.gc?.();
  return { cpu: process.cpuUsage(), rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed };
};

/** `rate` changes per second for `seconds`: each agent in turn paused or resumed; returns [event id, commit time] pairs. */
async function drive(rate, seconds) {
  const committed = [];
  const total = rate * seconds;
  const start = now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const user = users[i % users.length];
    let t = 0;
    const unsubscribe = services.bus.subscribe(user, (e) => committed.push([e.id, (t ||= now())]));
    await services.runner.run(async (u) => {
      const agent = await u.store.liveAgents.find(user);
      await (agent.status === 'PAUSED' ? services.sessions.resume(u, agent, 'bench') : services.sessions.pause(u, agent, 'bench'));
    });
    unsubscribe();
  }
  return committed;
}

process.send?.({ port: app.server.address().port, ...usage() });
process.on('message', async (message) => {
  if (message.type === 'usage') return process.send?.(usage());
  if (message.type === 'drive') {
    const before = usage();
    const committed = await drive(message.rate, message.seconds);
    const after = usage();
    return process.send?.({ committed, cpuMs: (after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) / 1000, rss: after.rss, heapUsed: after.heapUsed });
  }
  if (message.type !== 'stop') return;
  await app.close();
  await services.close();
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
