/**
 * One node of the cluster benchmark, in its own process: agentgate on a
 * shared database with REDIS_URL set. The first node (argv[2] = 'seed') loads
 * the demo data and BENCH_AGENTS more agents logged into TESTCAMP, each with
 * a screen cookie; the others only join. It reports its port (and the agents
 * and cookies) over IPC and stops on 'stop'.
 */
import { buildApp, createServices, loadConfig, seedDemo } from '../dist/embed.js';

const seed = process.argv[2] === 'seed';
const AGENTS = Number(process.env.BENCH_AGENTS ?? 1000);
const config = loadConfig(process.env, { logLevel: 'warn', bcryptCost: 4, simulator: false });
const services = await createServices(config);
const users = Array.from({ length: AGENTS }, (_, i) => String(20000 + i));
const cookies = [];
if (seed) {
  await seedDemo(services);
  const hash = await services.passwords.hash('1234');
  await services.store.transaction(async (tx) => {
    for (const user of users)
      await tx.users.insert({ user, pass_hash: hash, user_level: 1, full_name: `Bench ${user}`, user_group: 'AGENTS', agentcall_manual: '1' });
  });
  for (const user of users) await services.runner.run((u) => services.sessions.login(u, { user, campaignId: 'TESTCAMP', ingroups: [] }));
  for (const user of users) cookies.push(await services.webSessions.start(services.store, await services.store.users.find(user), 'agent', services.clock.now()));
}
services.startBackground();
const app = await buildApp(services);
await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ port: app.server.address().port, users, cookies });
process.on('message', async (message) => {
  if (message !== 'stop') return;
  await app.close();
  await services.close();
  process.exit(0);
});
