/**
 * Two nodes (two sets of services on one SQLite file) and a Redis of the
 * test's own: a cache on one node is invalidated by a change through the
 * other; readiness says whether Redis answers.
 */
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { SETTINGS_TTL_MS } from '../../src/app/cluster.js';
import { createServices, type Services } from '../../src/app/services.js';
import { loadConfig } from '../../src/config/config.js';
import { seedDemo } from '../../src/demo/seed.js';
import { describeRedis, redisPrefix, startRedis, type RedisServer } from '../support/redis.js';
import { freePort, tempDir } from '../support/server-process.js';
import { until } from '../support/until.js';

let redis: RedisServer;
const open: Services[] = [];
afterEach(async () => {
  for (const s of open.splice(0).reverse()) await s.close();
});

async function node(file: string, redisUrl: string, prefix: string): Promise<Services> {
  const config = loadConfig({}, { databaseUrl: `sqlite:${file}`, bcryptCost: 4, logLevel: 'silent', simulator: false, redisUrl, redisPrefix: prefix });
  const services = await createServices(config);
  open.push(services);
  return services;
}


describeRedis('nodes sharing a Redis', () => {
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis?.stop());

  it('a settings change through node A is read by node B at once, not after its cache lifetime', async () => {
    const file = path.join(tempDir(), 'agentgate.db');
    const prefix = redisPrefix();
    const a = await node(file, redis.url, prefix);
    await seedDemo(a);
    const b = await node(file, redis.url, prefix);
    await until(() => a.cluster.redis!.up && b.cluster.redis!.up, 'both links up', 5000);
    expect((await b.settings.current()).agentApiActive).toBe(true); // cached on B now, for the long lifetime

    await a.database.db.updateTable('system_settings').set({ vdc_agent_api_active: '0' }).execute();
    a.settings.invalidate(); // what the admin console does after its commit
    // Well within B's cache lifetime: only the invalidation can make B read again this soon.
    await until(async () => !(await b.settings.current()).agentApiActive, 'node B to read the new settings', SETTINGS_TTL_MS.withRedis / 2);
  });

  it('is ready with the database and Redis answering, and says which one is down otherwise', async () => {
    const file = path.join(tempDir(), 'agentgate.db');
    const up = await node(file, redis.url, redisPrefix());
    await until(() => up.cluster.redis!.up, 'the link up', 5000);
    expect(await up.readiness()).toEqual({ ready: true, database: 'ok', redis: 'ok' });

    // Nothing listens on this port: commands would still work, but the node is not ready.
    const down = await node(file, `redis://127.0.0.1:${await freePort()}`, redisPrefix());
    const state = await down.readiness();
    expect(state).toMatchObject({ ready: false, database: 'ok' });
    expect(state.redis).toMatch(/^down: /);
  });
});

it('without REDIS_URL a node is ready when its database answers, and says nothing of Redis', async () => {
  const config = loadConfig({}, { databaseUrl: 'sqlite::memory:', bcryptCost: 4, logLevel: 'silent', simulator: false });
  const services = await createServices(config);
  open.push(services);
  expect(await services.readiness()).toEqual({ ready: true, database: 'ok' });
  await services.database.close();
  expect(await services.readiness()).toMatchObject({ ready: false, database: expect.stringMatching(/^down: /) });
  open.splice(0);
});
