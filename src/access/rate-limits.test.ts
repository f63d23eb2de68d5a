import { describe, expect, it } from 'vitest';
import { RateLimits, rateLimitHeaders } from './rate-limits.js';

const at = (ms: number) => new Date(1_700_000_000_000 + ms);
const key = (ratePerSecond: number | undefined, id = 1) => ({ id, ratePerSecond });

describe('RateLimits', async () => {
  it('allows a burst of the rate, then refuses until a token is back', async () => {
    const limits = new RateLimits(undefined);
    for (let i = 0; i < 3; i++) expect((await limits.take({ user: 'u', key: key(3) }, at(0))).allowed).toBe(true);
    const refused = await limits.take({ user: 'u', key: key(3) }, at(0));
    expect(refused).toMatchObject({ allowed: false, scope: 'key', limit: 3, remaining: 0, retryAfterSeconds: 1 });
    expect(rateLimitHeaders(refused)).toEqual({ 'RateLimit-Limit': '3', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '1', 'Retry-After': '1' });
    // A third of a second gives one token back at 3 per second.
    expect((await limits.take({ user: 'u', key: key(3) }, at(334))).allowed).toBe(true);
    expect((await limits.take({ user: 'u', key: key(3) }, at(334))).allowed).toBe(false);
  });

  it('applies nothing without a key rate or a user rate', async () => {
    const limits = new RateLimits(undefined);
    for (let i = 0; i < 100; i++) expect((await limits.take({ user: 'u', key: key(undefined) }, at(0))).scope).toBe('none');
    expect(rateLimitHeaders(await limits.take({ user: 'u' }, at(0)))).toEqual({});
  });

  it('limits every key of a user together with the per-user rate, and a refusal takes nothing', async () => {
    const limits = new RateLimits(2);
    expect((await limits.take({ user: 'u', key: key(10, 1) }, at(0))).allowed).toBe(true);
    expect((await limits.take({ user: 'u', key: key(10, 2) }, at(0))).allowed).toBe(true);
    const refused = await limits.take({ user: 'u', key: key(10, 1) }, at(0));
    expect(refused).toMatchObject({ allowed: false, scope: 'user', limit: 2 });
    // Another user has its own bucket.
    expect((await limits.take({ user: 'v' }, at(0))).allowed).toBe(true);
    // Key 1 lost nothing to the refusal: 9 left of 10 once the user bucket refills.
    expect(await limits.take({ user: 'u', key: key(10, 1) }, at(1000))).toMatchObject({ allowed: true });
  });
});
