/**
 * The drop-in checks credentials by VICIdial's rules, against VICIdial's rows
 * as they are at each request: plain `pass` while pass_hash_enabled=0, the
 * pass_key digest in `pass_hash` when 1, and nothing else. A change made in
 * VICIdial's tables (its admin pages write them directly) is honoured on the
 * next request, whatever the credential cache remembers; and agentgate never
 * rewrites a VICIdial user's password or hash.
 */
import { hash } from '@node-rs/bcrypt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { mysqlServerForTests } from '../support/test-database.js';
import { createVicidialDatabase, initDropIn, type VicidialDatabase } from '../support/vicidial-database.js';

const server = await mysqlServerForTests();
const PASS_KEY = 'Ab3dEf6hIj9lMn2p';

/** What bp.pl stores: characters 29–59 of bcrypt with the system-wide salt. */
async function vicidialDigest(plain: string, cost: number): Promise<string> {
  return (await hash(plain, cost, Buffer.from(PASS_KEY, 'latin1'))).slice(29, 60);
}

describe.skipIf(!server)('credentials in the drop-in', { timeout: 20_000 }, () => {
  let vicidial: VicidialDatabase;
  let h: Harness;
  beforeAll(async () => {
    vicidial = await createVicidialDatabase(server!);
    await initDropIn(vicidial.url);
    h = await startHarness({ databaseUrl: vicidial.url, vicidial: true });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await vicidial?.drop();
  });

  /** An authenticated agent-API request: past the login it says the agent is not logged in. */
  const pause = (pass: string) => h.api({ function: 'external_pause', agent_user: '1001', value: 'PAUSE', pass });
  const PAST_LOGIN = /^ERROR: agent_user is not logged in/;
  const REFUSED = 'ERROR: Invalid Username/Password: |6666||0|0||\n';
  const sql = (statement: string) => vicidial.on((c) => c.query(statement));
  const credentials = async () => (await h.rows('vicidial_users', { user: '6666' })).map((r) => ({ pass: r.pass, pass_hash: r.pass_hash }))[0];

  it('with hashing off: the plain pass column, and a change in VICIdial honoured at the next request', async () => {
    expect((await pause('1234')).body).toMatch(PAST_LOGIN);
    expect((await pause('wrong')).body).toBe(REFUSED);
    // Remembered by the credential cache, then changed in VICIdial's admin: the old password stops at once.
    expect((await pause('1234')).body).toMatch(PAST_LOGIN);
    await sql("UPDATE vicidial_users SET pass = 'n3wpass' WHERE user = '6666'");
    expect((await pause('1234')).body).toBe(REFUSED);
    expect((await pause('n3wpass')).body).toMatch(PAST_LOGIN);
    await sql("UPDATE vicidial_users SET active = 'N' WHERE user = '6666'");
    expect((await pause('n3wpass')).body).toBe(REFUSED);
    await sql("UPDATE vicidial_users SET active = 'Y', vdc_agent_api_access = '0' WHERE user = '6666'");
    expect((await pause('n3wpass')).body).not.toMatch(PAST_LOGIN);
    await sql("UPDATE vicidial_users SET vdc_agent_api_access = '1', failed_login_count = 0 WHERE user = '6666'");
    expect((await pause('n3wpass')).body).toMatch(PAST_LOGIN);
    // Never hashed away, as the embedded mode would do with a plain password.
    expect(await credentials()).toEqual({ pass: 'n3wpass', pass_hash: '' });
  });

  it('a successful login writes nothing VICIdial would see: modify_stamp (ON UPDATE CURRENT_TIMESTAMP) stays', async () => {
    await sql("UPDATE vicidial_users SET modify_stamp = '2026-01-02 03:04:05' WHERE user = '6666'");
    h.services.credentialCache.forget('6666'); // so the password is verified, with its reserved attempt
    const stamp = async () => String((await h.rows('vicidial_users', { user: '6666' }))[0]?.modify_stamp);
    const before = await stamp();
    expect((await pause('n3wpass')).body).toMatch(PAST_LOGIN);
    expect(await stamp()).toBe(before);
  });

  it('with hashing off a hash is not a password: VICIdial ignores pass_hash then', async () => {
    await sql(`UPDATE system_settings SET pass_key = '${PASS_KEY}', pass_cost = '4'`);
    h.services.settings.forget();
    await sql(`UPDATE vicidial_users SET pass = '', pass_hash = '${await vicidialDigest('n3wpass', 4)}', failed_login_count = 0 WHERE user = '6666'`);
    expect((await pause('n3wpass')).body).toBe(REFUSED);
    await sql("UPDATE vicidial_users SET pass = 'n3wpass', pass_hash = '', failed_login_count = 0 WHERE user = '6666'");
  });

  it('with hashing on: only the pass_key digest in pass_hash, never the plain column', async () => {
    await sql(`UPDATE system_settings SET pass_hash_enabled = '1'`);
    h.services.settings.forget(); // the settings' lifetime is a second; do not wait for it
    // The plain column still holds the password, as after a half-done conversion: VICIdial refuses it.
    expect((await pause('n3wpass')).body).toBe(REFUSED);
    const digest = await vicidialDigest('s3cret', 4);
    await sql(`UPDATE vicidial_users SET pass = '', pass_hash = '${digest}', failed_login_count = 0 WHERE user = '6666'`);
    expect((await pause('s3cret')).body).toMatch(PAST_LOGIN);
    expect((await pause('n3wpass')).body).toBe(REFUSED);
    // A per-user hash of agentgate's own is not VICIdial's: refused as VICIdial would.
    await sql(`UPDATE vicidial_users SET pass_hash = '${await hash('s3cret', 4)}', failed_login_count = 0 WHERE user = '6666'`);
    expect((await pause('s3cret')).body).toBe(REFUSED);
    await sql(`UPDATE vicidial_users SET pass_hash = '${digest}', failed_login_count = 0 WHERE user = '6666'`);
    expect((await pause('s3cret')).body).toMatch(PAST_LOGIN);
    expect(await credentials()).toEqual({ pass: '', pass_hash: digest });
  });

  it('with hashing on, a password set through the non-agent API is stored as VICIdial’s digest', async () => {
    const answer = await h.nonAgent({ user: '6666', pass: 's3cret', function: 'update_user', agent_user: '1001', agent_pass: 'n3wAgent' });
    expect(answer.body).toMatch(/^SUCCESS: update_user USER HAS BEEN UPDATED/);
    const [row] = await h.rows('vicidial_users', { user: '1001' });
    expect({ pass: row!.pass, pass_hash: row!.pass_hash }).toEqual({ pass: '', pass_hash: await vicidialDigest('n3wAgent', 4) });
  });
});
