/**
 * No timing oracle: every failed login costs the same — one bcrypt
 * computation — whatever failed, on every face that logs in. Measured by
 * counting the Passwords service's work, never the clock. A locked account
 * spends a decoy: its own password is never verified during the lock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  // Wide limits: this file is about the cost of each answer, not about the throttle.
  h = await startHarness({ loginLimits: { failuresPerAddress: 10_000, windowMs: 60_000, concurrency: 4, maxWaiting: 100 } });
  const hash = await h.services.passwords.hash('1234');
  const user = (name: string, extra: Record<string, unknown> = {}) =>
    h.services.store.users.insert({ user: name, pass_hash: hash, user_level: 8, user_group: 'ADMIN', vdc_agent_api_access: '1', view_reports: '1', ...extra });
  await user('7001');
  await user('7002', { failed_login_count: 10, last_login_date: '2026-11-28 09:59:00' });
  await user('7003', { active: 'N' });
  await user('7004', { user_level: 0 });
  await user('7005', { vdc_agent_api_access: '0' });
  await user('7006', { pass_hash: 'not-a-hash-we-can-read' });
});
afterAll(() => h.close());

type Face = (user: string, pass: string) => Promise<unknown>;
const FACES: [string, Face][] = [
  ['agent API', (user, pass) => h.api({ user, pass, function: 'external_pause', agent_user: '1000', value: 'PAUSE' })],
  ['non-agent API', (user, pass) => h.nonAgent({ user, pass, function: 'user_details', agent_user: '1000' })],
  ['screen login', (user, pass) => h.app.inject({ method: 'POST', url: '/api/v2/auth/login', payload: { user, pass, screen: 'agent' } })],
];

/** Each failure kind, and whether the account's own password is checked (it never is for these). */
const KINDS: [kind: string, user: string, pass: string, verified: number][] = [
  ['an unknown user', 'nosuchuser', '1234', 0],
  ['a wrong password', '7001', 'wrong', 1],
  ['a locked account with its right password', '7002', '1234', 0],
  ['a locked account with a wrong password', '7002', 'wrong', 0],
  ['an inactive account', '7003', 'wrong', 1],
  ['a level-0 account', '7004', 'wrong', 1],
  ['an account without API access', '7005', '1234', 1],
  ['an account whose hash cannot be read', '7006', '1234', 0],
];

describe.each(FACES)('%s', (_face, login) => {
  it.each(KINDS)('%s costs exactly one hash', async (_kind, user, pass, verified) => {
    // A first attempt: a right password checked by another face is not served from the cache.
    h.services.credentialCache.forget(user);
    const before = h.services.passwords.work;
    await login(user, pass);
    const after = h.services.passwords.work;
    expect(after.computations - before.computations).toBe(1);
    expect(after.verifications - before.verifications).toBe(verified);
  });
});

describe('answers that need no hash are the same for everyone', () => {
  it('an empty password costs a hash too, for a known user as for an unknown one', async () => {
    for (const user of ['7001', 'nosuchuser']) {
      const before = h.services.passwords.work.computations;
      await h.api({ user, pass: '', function: 'external_pause', agent_user: '1000', value: 'PAUSE' });
      expect(h.services.passwords.work.computations - before).toBe(1);
    }
  });

  it('a right password already verified is served from the cache, without a hash', async () => {
    await h.api({ user: '7001', pass: '1234', function: 'external_pause', agent_user: '1000', value: 'PAUSE' });
    const before = h.services.passwords.work.computations;
    await h.api({ user: '7001', pass: '1234', function: 'external_pause', agent_user: '1000', value: 'PAUSE' });
    expect(h.services.passwords.work.computations - before).toBe(0);
  });
});
