/**
 * The failed-login lock: ten failures lock an account for fifteen minutes from
 * the tenth, counted exactly under concurrency; a correct password during the
 * lock still fails. Counts live in VICIdial's own columns.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../src/app/services.js';
import { loadConfig } from '../../src/config/config.js';
import { seedDemo } from '../../src/demo/seed.js';
import { buildApp } from '../../src/http/app.js';
import { recordLoginFailure } from '../../src/access/lockout.js';
import { startHarness, type Harness } from '../support/harness.js';
import { tempDir } from '../support/server-process.js';
import { createTestDatabase } from '../support/test-database.js';

const INVALID = 'ERROR: Invalid Username/Password: |6666||0|0||\n';
/** Limits wide enough that only the lock decides (the throttle has its own tests). */
const NO_THROTTLE = { failuresPerAddress: 10_000, windowMs: 60_000, concurrency: 4, maxWaiting: 10_000 };
const from = (i: number) => ({ remoteAddress: `10.1.${i >> 8}.${i & 255}` });
const pause = { agent_user: '1000', function: 'external_pause', value: 'PAUSE' };

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ loginLimits: NO_THROTTLE });
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


describe('the lock under a burst: attempts are reserved before their password is checked', () => {
  it('300 at once with the right password at 250: ten passwords verified, the right one refused', async () => {
    const burst = await startHarness({ loginLimits: NO_THROTTLE });
    try {
      const before = burst.services.passwords.work;
      const responses = await Promise.all(
        Array.from({ length: 300 }, (_, i) => burst.api({ ...pause, pass: i === 249 ? '1234' : `wrong${i}` }, from(i))),
      );
      expect(responses[249]!.body).toBe(INVALID);
      expect(responses.every((r) => r.body === INVALID)).toBe(true);
      const after = burst.services.passwords.work;
      expect(after.verifications - before.verifications).toBe(10);
      // Every attempt still cost one hash: the others a decoy.
      expect(after.computations - before.computations).toBe(300);
      const [row] = await burst.rows('vicidial_users', { user: '6666' });
      expect(row).toMatchObject({ failed_login_count: 10, failed_login_attempts_today: 300, failed_last_type_today: '03cLOCK' });
      // Fifteen minutes from the tenth failure the right password works again.
      burst.clock.advance(15 * 60 * 1000);
      expect((await burst.api(pause)).body).toMatch(/^SUCCESS: external_pause function set/);
    } finally {
      await burst.close();
    }
  });

  it('a refusal as locked never counts: booked after a concurrent success cleared the count, it leaves the count at 0', async () => {
    // The order a burst can take: an attempt is refused as locked while reservations fill the count,
    // a right password clears it, then the refusal's audit transaction books it.
    await h.services.store.users.clearFailedLogins('6666');
    await h.services.runner.run((u) =>
      recordLoginFailure(u.store, { reason: 'LOCK', counted: true }, { user: '6666', ip: '10.9.9.9' }, h.clock.now()),
    );
    expect(await counters()).toEqual({ count: 0, attempts: 1, type: '03cLOCK' });
  });

  it('a success gives its reservation back: nine failures and many right passwords at once do not lock', async () => {
    const burst = await startHarness({ loginLimits: NO_THROTTLE });
    try {
      for (let i = 0; i < 9; i++) await burst.api({ ...pause, pass: 'wrong' }, from(i));
      // Nothing is in this new server's credential cache: each right password is checked.
      const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => burst.api({ ...pause, value: 'RESUME' }, from(100 + i))));
      expect(responses.filter((r) => r.body.startsWith('SUCCESS')).length).toBeGreaterThan(0);
      const [row] = await burst.rows('vicidial_users', { user: '6666' });
      expect(Number(row!.failed_login_count)).toBe(0);
      expect((await burst.api({ ...pause, pass: 'wrong' })).body).toBe(INVALID);
      expect((await burst.api(pause)).body).toMatch(/^SUCCESS/);
    } finally {
      await burst.close();
    }
  });
});

describe('the lock on two nodes sharing one database', () => {
  it('verifies ten passwords in all, whichever node each attempt reaches', async () => {
    const dir = tempDir();
    // A SQLite file both nodes open, or a MariaDB database with TEST_DATABASE_URL.
    const database = await createTestDatabase({ sqliteFile: path.join(dir, 'shared.db') });
    const config = loadConfig({}, { databaseUrl: database.url, bcryptCost: 4, logLevel: 'silent' });
    const nodes: Services[] = [];
    try {
      for (let i = 0; i < 2; i++) nodes.push(await createServices(config, { loginLimits: NO_THROTTLE }));
      await seedDemo(nodes[0]!);
      const apps = await Promise.all(nodes.map((n) => buildApp(n)));
      const attempt = (i: number) =>
        apps[i % 2]!.inject({ url: `/agc/api.php?source=test&user=6666&pass=${i === 150 ? '1234' : `wrong${i}`}&agent_user=1000&function=external_pause&value=PAUSE`, ...from(i) });
      const responses = await Promise.all(Array.from({ length: 200 }, (_, i) => attempt(i)));
      expect(responses[150]!.body).toBe(INVALID);
      expect(responses.every((r) => r.body === INVALID)).toBe(true);
      expect(nodes.reduce((n, node) => n + node.passwords.work.verifications, 0)).toBe(10);
      await Promise.all(apps.map((a) => a.close()));
    } finally {
      for (const node of nodes) await node.close();
      await database.release();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
