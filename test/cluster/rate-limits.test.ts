/**
 * A key's rate holds across nodes: the buckets live in Redis, so two nodes
 * together allow what one would. When Redis stops, each node decides alone
 * from its own buckets (commands keep working), and shares again once Redis
 * is back.
 */
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createApiKey } from '../../src/admin/api-keys.js';
import { RateLimits } from '../../src/access/rate-limits.js';
import { createServices, type Services } from '../../src/app/services.js';
import { RedisLink } from '../../src/cluster/redis-link.js';
import { redisRateBuckets } from '../../src/cluster/redis-rate-buckets.js';
import { loadConfig } from '../../src/config/config.js';
import { seedDemo } from '../../src/demo/seed.js';
import { buildApp } from '../../src/http/app.js';
import { describeRedis, redisPrefix, startRedis, type RedisServer } from '../support/redis.js';
import { tempDir } from '../support/server-process.js';
import { until } from '../support/until.js';

let redis: RedisServer;
const closing: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
});

async function link(prefix: string): Promise<RedisLink> {
  const made = await RedisLink.connect(redis.url, prefix);
  closing.push(() => made.close());
  await until(() => made.up, 'the Redis link up', 5000);
  return made;
}

const at = (ms: number) => new Date(1_800_000_000_000 + ms);
const caller = { user: 'u', key: { id: 7, ratePerSecond: 5 } };

describeRedis('request rates across nodes', () => {
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis?.stop());

  it('two nodes share one bucket per key; a refusal takes nothing; a full bucket comes back', async () => {
    const prefix = redisPrefix();
    const a = new RateLimits(undefined, redisRateBuckets(await link(prefix)));
    const b = new RateLimits(undefined, redisRateBuckets(await link(prefix)));
    const taken = [];
    for (let i = 0; i < 3; i++) taken.push((await a.take(caller, at(0))).allowed);
    for (let i = 0; i < 2; i++) taken.push((await b.take(caller, at(0))).allowed);
    expect(taken).toEqual([true, true, true, true, true]);
    expect(await b.take(caller, at(0))).toMatchObject({ allowed: false, scope: 'key', limit: 5, retryAfterSeconds: 1 });
    expect(await a.take(caller, at(0))).toMatchObject({ allowed: false });
    // A fifth of a second gives one token back, to whichever node asks first.
    expect((await a.take(caller, at(200))).allowed).toBe(true);
    expect((await b.take(caller, at(200))).allowed).toBe(false);
    // Another deployment's prefix is another set of buckets.
    const other = new RateLimits(undefined, redisRateBuckets(await link(redisPrefix())));
    expect((await other.take(caller, at(200))).allowed).toBe(true);
  });

  it('with Redis down each node decides alone, and shares again when it returns', async () => {
    const prefix = redisPrefix();
    const linkA = await link(prefix);
    const a = new RateLimits(undefined, redisRateBuckets(linkA));
    for (let i = 0; i < 5; i++) await a.take(caller, at(0));
    expect((await a.take(caller, at(0))).allowed).toBe(false);
    await redis.stop();
    await until(() => !linkA.up, 'the link to notice', 5000);
    // Alone: this node's own bucket, full, allows its five.
    const alone = [];
    for (let i = 0; i < 6; i++) alone.push((await a.take(caller, at(0))).allowed);
    expect(alone).toEqual([true, true, true, true, true, false]);
    await redis.restart();
    await until(() => linkA.up, 'the link back', 10_000);
    const b = new RateLimits(undefined, redisRateBuckets(await link(prefix)));
    // The restarted Redis holds no bucket: a fresh one of five, shared by both nodes again.
    for (let i = 0; i < 4; i++) expect((await b.take(caller, at(5000))).allowed).toBe(true);
    expect((await a.take(caller, at(5000))).allowed).toBe(true);
    expect((await a.take(caller, at(5000))).allowed).toBe(false);
  });

  it('over HTTP: a key of rate 2 sent to two nodes of one database gets its third request refused', async () => {
    const file = path.join(tempDir(), 'agentgate.db');
    const prefix = redisPrefix();
    const nodes: Services[] = [];
    for (let i = 0; i < 2; i++) {
      const config = loadConfig({}, { databaseUrl: `sqlite:${file}`, bcryptCost: 4, logLevel: 'silent', simulator: false, redisUrl: redis.url, redisPrefix: prefix });
      const services = await createServices(config);
      closing.push(() => services.close());
      if (i === 0) await seedDemo(services);
      nodes.push(services);
    }
    await until(() => nodes.every((n) => n.cluster.redis!.up), 'both links up', 5000);
    const made = await createApiKey(nodes[0]!.store, { user: '6666', name: 'shared', functions: [], campaigns: [], ratePerSecond: 2 }, new Date());
    if (!made.ok) throw new Error(made.message);
    const apps = await Promise.all(nodes.map((n) => buildApp(n)));
    closing.push(async () => void (await Promise.all(apps.map((app) => app.close()))));
    const pause = (i: number) =>
      apps[i]!.inject({ url: '/agc/api.php?source=test&agent_user=1000&function=external_pause&value=PAUSE', headers: { authorization: `Bearer ${made.secret}` } });
    const answers = [await pause(0), await pause(1), await pause(1)];
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 429]);
    expect(answers[2]!.body).toMatch(/^ERROR: too many requests for this API key/);
  });
});
