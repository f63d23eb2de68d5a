/**
 * A flood of failing logins cannot starve real users: each address has a
 * budget of failures, beyond which it is refused at once — 429, Retry-After
 * and an ERROR line that says when to try again — without spending a hash;
 * too many logins waiting for a hash are refused the same way. Credentials
 * already verified are served from the cache whatever the flood. (The delay a
 * real user sees under a flood is measured in bench/login-flood.mjs.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

const FLOOD = { remoteAddress: '203.0.113.7' };
const REAL = { remoteAddress: '192.0.2.10' };
const pause = { function: 'external_pause', agent_user: '1000', value: 'PAUSE' };
const ADDRESS_REFUSAL = /^ERROR: too many failed logins from this address, try again in (\d+) seconds\n$/;

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

async function flood(n: number, send = (i: number) => h.api({ ...pause, user: `nobody${i}`, pass: 'guess' }, FLOOD)) {
  const answers = [];
  for (let i = 0; i < n; i++) answers.push(await send(i));
  return answers;
}

describe('a budget of failures per address', () => {
  it('refuses an address after 30 failures, at once, without hashing, and says when to try again', async () => {
    const before = h.services.passwords.work.computations;
    const answers = await flood(40);
    expect(answers.slice(0, 30).every((a) => a.status === 200 && a.body.startsWith('ERROR: Invalid Username/Password'))).toBe(true);
    const refused = answers.slice(30);
    for (const a of refused) {
      expect(a.status).toBe(429);
      expect(a.body).toMatch(ADDRESS_REFUSAL);
      expect(a.headers['retry-after']).toBe('300');
    }
    expect(h.services.passwords.work.computations - before).toBe(30);
    // Audited like any request, with the reason kept on the server.
    expect(await h.lastLog()).toMatchObject({ user: 'nobody39', result: 'ERROR', result_reason: 'too many failed logins from this address', data: 'nobody39|THROTTLED|' });
  });

  it('counts the budget per address: a real user elsewhere logs in for the first time', async () => {
    await flood(40);
    const res = await h.api(pause, REAL);
    expect(res.body).toMatch(/^SUCCESS: external_pause function set/);
  });

  it('serves credentials already verified from the cache, even to a refused address', async () => {
    expect((await h.api(pause, FLOOD)).body).toMatch(/^SUCCESS/);
    await flood(40);
    expect((await h.api({ ...pause, value: 'RESUME' }, FLOOD)).body).toMatch(/^SUCCESS/);
    // A password not verified before needs a hash: refused.
    expect((await h.api({ ...pause, user: '6668' }, FLOOD)).status).toBe(429);
  });

  it('gives the budget back when the window has passed, and a success does not spend it', async () => {
    await flood(29);
    expect((await h.api({ ...pause, user: '6668' }, FLOOD)).body).toMatch(/^SUCCESS/);
    expect((await h.api({ ...pause, user: 'nobody', pass: 'guess' }, FLOOD)).status).toBe(200);
    expect((await h.api({ ...pause, user: 'nobody', pass: 'guess' }, FLOOD)).status).toBe(429);
    h.clock.advance(5 * 60 * 1000);
    expect((await h.api({ ...pause, user: 'nobody', pass: 'guess' }, FLOOD)).status).toBe(200);
  });

  it('refuses the same way on the non-agent API and on the screen login', async () => {
    await flood(30);
    const nonAgent = await h.nonAgent({ function: 'user_details', agent_user: '1000' }, FLOOD);
    expect(nonAgent.status).toBe(429);
    expect(nonAgent.body).toMatch(ADDRESS_REFUSAL);
    const screen = await h.app.inject({ method: 'POST', url: '/api/v2/auth/login', payload: { user: '1001', pass: '1234', screen: 'agent' }, ...FLOOD });
    expect(screen.json().error).toMatchObject({ code: 'login-throttled', message: expect.stringMatching(/^Too many failed logins from this address: try again in \d+ seconds\.$/) });
    expect(screen.statusCode).toBe(429);
    expect(Number(screen.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('does not count a refused login against the account it names', async () => {
    await flood(30);
    for (let i = 0; i < 15; i++) await h.api({ ...pause, pass: 'wrong' }, FLOOD);
    expect((await h.rows('vicidial_users', { user: '6666' }))[0]).toMatchObject({ failed_login_count: 0 });
    expect((await h.api(pause, REAL)).body).toMatch(/^SUCCESS/);
  });
});

describe('a bound on logins waiting for a hash', () => {
  it('refuses at once beyond the queue, and hashes no more than it admits', async () => {
    const small = await startHarness({ loginLimits: { failuresPerAddress: 100, windowMs: 60_000, concurrency: 1, maxWaiting: 2 } });
    try {
      const before = small.services.passwords.work.computations;
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => small.api({ ...pause, user: `nobody${i}`, pass: 'guess' }, { remoteAddress: `10.2.0.${i + 1}` })),
      );
      const busy = answers.filter((a) => a.status === 429);
      // One runs and two wait while the others arrive (7 when all arrive before the first hash ends).
      expect(busy.length).toBeGreaterThan(0);
      for (const a of busy) expect(a.body).toBe('ERROR: too many logins in progress, try again in 1 second\n');
      expect(small.services.passwords.work.computations - before).toBe(10 - busy.length);
    } finally {
      await small.close();
    }
  });
});
