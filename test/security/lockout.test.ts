/**
 * The failed-login lock: ten failures lock an account for fifteen minutes from
 * the tenth, counted exactly under concurrency; a correct password during the
 * lock still fails. Counts live in VICIdial's own columns.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

const INVALID = 'ERROR: Invalid Username/Password: |6666||0|0||\n';
const pause = { agent_user: '1000', function: 'external_pause', value: 'PAUSE' };

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

async function counters(user = '6666') {
  const [row] = await h.rows('vicidial_users', { user });
  return {
    count: Number(row!.failed_login_count),
    attempts: Number(row!.failed_login_attempts_today),
    type: row!.failed_last_type_today,
  };
}

async function fail(times: number) {
  for (let i = 0; i < times; i++) expect((await h.api({ ...pause, pass: 'wrong' })).body).toBe(INVALID);
}

describe('failed-login lockout', () => {
  it('counts 50 simultaneous bad attempts exactly and locks the account', async () => {
    const responses = await Promise.all(Array.from({ length: 50 }, () => h.api({ ...pause, pass: 'wrong' })));
    expect(responses.every((r) => r.body === INVALID)).toBe(true);
    expect(await counters()).toEqual({ count: 10, attempts: 50, type: '03cLOCK' });

    // The right password during the lock still fails, and the audit says why.
    expect((await h.api(pause)).body).toBe(INVALID);
    const log = await h.rows('vicidial_api_log');
    expect(log).toHaveLength(51);
    expect(log.at(-1)).toMatchObject({ result: 'ERROR', result_reason: 'Invalid Username/Password', data: '6666|LOCK|' });
  });

  it('locks from the tenth failure, not the eleventh', async () => {
    await fail(10);
    expect((await counters()).count).toBe(10);
    expect((await h.api(pause)).body).toBe(INVALID);
  });

  it('keeps the lock for fifteen minutes from the tenth failure, then lets the right password in', async () => {
    await fail(10);
    h.clock.advance(14 * 60 * 1000 + 59 * 1000);
    expect((await h.api(pause)).body).toBe(INVALID);
    h.clock.advance(1000);
    expect((await h.api(pause)).body).toMatch(/^SUCCESS: external_pause function set/);
    expect((await counters()).count).toBe(0);
  });

  it('starts counting again after a lock has passed', async () => {
    await fail(10);
    h.clock.advance(15 * 60 * 1000);
    await fail(1);
    expect((await counters()).count).toBe(1);
    expect((await h.api(pause)).body).toMatch(/^SUCCESS/);
  });

  it('clears the count on a successful login, so old failures do not add up', async () => {
    await fail(9);
    expect((await h.api(pause)).body).toMatch(/^SUCCESS/);
    expect((await counters()).count).toBe(0);
    await fail(9);
    expect((await h.api(pause)).body).toMatch(/^SUCCESS/);
  });

  it('counts short passwords, inactive accounts and level 0 as failures, like VICIdial', async () => {
    await h.api({ ...pause, pass: 'x' });
    expect((await counters()).count).toBe(1);
    await h.exec(`update vicidial_users set active = 'N' where user = '6666'`);
    expect((await h.api(pause)).body).toBe(INVALID);
    expect((await counters()).count).toBe(2);
    expect((await h.rows('vicidial_api_log')).at(-1)?.data).toBe('6666|INACTIVE|');
  });

  it('does not count a correct password that lacks Agent API Access', async () => {
    expect((await h.api({ ...pause, user: '6667' })).body).toBe('ERROR: Invalid Username/Password: |6667||0|0||\n');
    expect((await counters('6667')).count).toBe(0);
    expect((await h.rows('vicidial_api_log')).at(-1)?.data).toBe('6667|NOAPI|');
  });

  it('records nothing against a user that does not exist', async () => {
    expect((await h.api({ ...pause, user: 'nosuchuser' })).body).toBe('ERROR: Invalid Username/Password: |nosuchuser||0|0||\n');
    expect((await h.rows('vicidial_api_log')).at(-1)?.data).toBe('nosuchuser|NOUSER|');
  });
});
