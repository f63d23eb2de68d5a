/**
 * Where SQLite and MySQL/MariaDB differ by nature — SET evaluation order,
 * collation, value types coming back, auto-increment ids of a multi-row
 * insert — agentgate answers the same on both. The whole suite runs on both
 * (TEST_DATABASE_URL); these pin the differences themselves.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewLeadRecord } from '../../src/domain/lead-record.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const pause = { agent_user: '1000', function: 'external_pause', value: 'PAUSE' };

describe('the same answers on SQLite and MySQL', () => {
  it('books the tenth failed login as a failure and the eleventh as the lock (MySQL assigns SET left to right)', async () => {
    for (let i = 0; i < 10; i++) await h.api({ ...pause, pass: 'wrong' });
    const [after10] = await h.rows('vicidial_users', { user: '6666' });
    expect(after10).toMatchObject({ failed_login_count: 10, failed_login_count_today: 10, failed_last_type_today: '01cBAD' });
    expect((await h.lastLog()).data).toBe('6666|BAD|');
    await h.api({ ...pause, pass: 'wrong' });
    const [after11] = await h.rows('vicidial_users', { user: '6666' });
    expect(after11).toMatchObject({ failed_login_count: 10, failed_login_count_today: 10, failed_login_attempts_today: 11, failed_last_type_today: '03cLOCK' });
    expect((await h.lastLog()).data).toBe('6666|LOCK|');
  });

  it('compares user ids case-sensitively: ADMIN is not admin', async () => {
    const admin = await h.api({ user: 'ADMIN', agent_user: '1000', function: 'external_pause', value: 'PAUSE' });
    expect(admin.body).toBe('ERROR: Invalid Username/Password: |ADMIN||0|0||\n');
    // The failure is not counted against admin either.
    expect((await h.rows('vicidial_users', { user: 'admin' }))[0]).toMatchObject({ failed_login_count: 0 });
    expect(await h.services.store.users.find('Admin')).toBeUndefined();
    expect((await h.services.store.users.find('admin'))?.user).toBe('admin');
  });

  it('orders text byte by byte, upper case before lower case, as SQLite does', async () => {
    await h.services.store.users.insertGroup({ user_group: 'alpha', group_name: 'lower' });
    await h.services.store.users.insertGroup({ user_group: 'Zulu', group_name: 'upper' });
    const groups = (await h.services.store.adminRecords.list('userGroups')).map((r) => r.values.user_group);
    expect(groups).toEqual([...groups].sort());
    expect(groups.indexOf('Zulu')).toBeLessThan(groups.indexOf('alpha'));
  });

  it('searches the console’s records ignoring case, though keys compare exactly', async () => {
    const found = await h.services.store.adminRecords.list('users', { search: 'ADMIN' });
    expect(found.map((r) => r.values.user)).toContain('admin');
  });

  it('returns numbers and DATETIME text of the same types', async () => {
    const [row] = await h.rows('vicidial_list', { lead_id: 1 });
    expect(typeof row!.lead_id).toBe('number');
    expect(typeof row!.gmt_offset_now).toBe('number');
    expect(row!.entry_date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const [log] = await h.rows('vicidial_users', { user: '6666' });
    expect(typeof log!.user_level).toBe('number');
  });

  it('applies concurrent changes to one session one after the other: a read in a unit of work locks the row', async () => {
    const before = (await h.agent('1000'))!.callsToday;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        h.services.runner.run(async (u) => {
          const agent = (await u.store.liveAgents.find('1000'))!;
          await u.store.liveAgents.update('1000', { callsToday: agent.callsToday + 1 }, u.now);
        }),
      ),
    );
    expect((await h.agent('1000'))!.callsToday).toBe(before + 20);
  });

  it('keeps an administrator’s copy of a user current through a login (MySQL moves modify_stamp on every UPDATE)', async () => {
    await h.exec("update vicidial_users set modify_stamp = '2020-01-01 00:00:00' where user = '6666'");
    const before = await h.services.store.adminRecords.get('users', { user: '6666' });
    await h.api({ ...pause, pass: 'wrong' });
    const after = await h.services.store.adminRecords.get('users', { user: '6666' });
    expect(after!.version).toBe(before!.version);
  });

  it('gives a multi-row insert its ids in order (SQLite reports the last id, MySQL the first)', async () => {
    const lead = (phone: string): NewLeadRecord =>
      ({ listId: 101, status: 'NEW', user: '6000', phoneCode: '1', phoneNumber: phone, gmtOffset: -5, rank: 0, entryListId: 0, fields: {} });
    const ids = await h.services.store.transaction((s) => s.leadAdmin.insertLeads([lead('3125559001'), lead('3125559002'), lead('3125559003')], h.clock.now()));
    const phones = await Promise.all(ids.map(async (id) => (await h.rows('vicidial_list', { lead_id: id }))[0]?.phone_number));
    expect(phones).toEqual(['3125559001', '3125559002', '3125559003']);
    expect(ids[1]).toBe(ids[0]! + 1);
  });
});
