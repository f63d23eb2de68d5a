/**
 * The non-agent API on a VICIdial database: its login by VICIdial's rules,
 * its writes into VICIdial's own MyISAM tables, and its audit rows in
 * VICIdial's vicidial_api_log.
 */
import type mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { mysqlServerForTests } from '../support/test-database.js';
import { createVicidialDatabase, initDropIn, type VicidialDatabase } from '../support/vicidial-database.js';

const server = await mysqlServerForTests();

describe.skipIf(!server)('the non-agent API in the drop-in', { timeout: 20_000 }, () => {
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

  const query = async (statement: string) => (await vicidial.on((c) => c.query<mysql.RowDataPacket[]>(statement)))[0];

  it('add_lead writes the lead into VICIdial’s vicidial_list and logs the call in vicidial_api_log', async () => {
    const res = await h.nonAgent({ function: 'add_lead', list_id: '101', phone_number: '3125557000', first_name: 'Ada', last_name: 'Byron' });
    expect(res.body).toMatch(/^SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125557000\|101\|\d+\|/);
    const [lead] = await query("SELECT list_id, status, user, first_name, last_name, phone_code FROM vicidial_list WHERE phone_number = '3125557000'");
    expect(lead).toEqual({ list_id: 101, status: 'NEW', user: '6000', first_name: 'Ada', last_name: 'Byron', phone_code: '1' });
    const [log] = await query("SELECT user, function, result FROM vicidial_api_log WHERE function = 'add_lead'");
    expect(log).toMatchObject({ user: '6000', function: 'add_lead', result: 'SUCCESS' });
  });

  it('refuses a wrong password and counts it on VICIdial’s user row', async () => {
    const res = await h.nonAgent({ function: 'add_lead', list_id: '101', phone_number: '3125557001', pass: 'wrong' });
    expect(res.body).toMatch(/^ERROR: Login incorrect, please try again/);
    const [user] = await query("SELECT failed_login_count, failed_last_type_today FROM vicidial_users WHERE user = '6000'");
    expect(user).toEqual({ failed_login_count: 1, failed_last_type_today: 'aBAD' });
  });
});
