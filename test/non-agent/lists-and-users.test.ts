/**
 * list_info, add_list, update_list, the DNC functions and the user
 * functions, byte for byte; with agentgate's fixes: no password echoed, hashed
 * passwords, and no user created or raised above its creator's level.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_FLAGS } from '../../src/demo/seed-non-agent.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.clock.set(new Date('2026-11-28T18:00:00Z'));
  // A level-8 user administrator who may not manage its own level.
  await h.services.store.users.insert({ ...ADMIN_FLAGS, user_level: 8, modify_same_user_level: '0', user: '7008', ...(await h.storedPassword('1234')), user_group: 'ADMIN' });
});
afterEach(() => h.close());

const adminLog = async (code: string) => h.rows('vicidial_admin_log', { event_code: code });

describe('lists', () => {
  it('list_info prints the list, its counts and its dialable count', async () => {
    const res = await h.nonAgent({ function: 'list_info', list_id: '101', leads_counts: 'Y', dialable_count: 'Y', header: 'YES' });
    expect(res.body).toBe(
      'list_id|list_name|campaign_id|active|list_changedate|list_lastcalldate|expiration_date|resets_today|all_leads_count|new_leads_count|dialable_count\n' +
        '101|Test leads|TESTCAMP|Y|||2099-12-31|0|8|8|8\n',
    );
    expect((await h.nonAgent({ function: 'list_info', list_id: '101' })).body).toBe('101|Test leads|TESTCAMP|Y|||2099-12-31|0|\n');
    expect((await h.nonAgent({ function: 'list_info', list_id: '404' })).body).toBe('ERROR: list_info LIST DOES NOT EXIST: |6000|404\n');
    expect((await h.nonAgent({ function: 'list_info', list_id: '1' })).body).toBe('ERROR: list_info YOU MUST USE ALL REQUIRED FIELDS: |6000|1||\n');
  });

  it('counts leads dialable now by their offset (the demo leads have offset 0: 18:00 UTC is within 9am-9pm)', async () => {
    await h.exec(`update vicidial_list set gmt_offset_now = -6 where list_id = 101`);
    expect((await h.nonAgent({ function: 'list_info', list_id: '101', dialable_count: 'Y' })).body).toBe('101|Test leads|TESTCAMP|Y|||2099-12-31|0|8\n');
    h.clock.set(new Date('2026-11-28T04:00:00Z'));
    expect((await h.nonAgent({ function: 'list_info', list_id: '101', dialable_count: 'Y' })).body).toBe('101|Test leads|TESTCAMP|Y|||2099-12-31|0|0\n');
  });

  it('add_list creates a list and logs it', async () => {
    const res = await h.nonAgent({ function: 'add_list', list_id: '301', list_name: 'New list', campaign_id: 'TESTCAMP', script: 'DEMOSCRIPT', local_call_time: '24hours' });
    expect(res.body).toBe('SUCCESS: add_list LIST HAS BEEN ADDED - 6000|301|New list|TESTCAMP\n');
    expect((await h.rows('vicidial_lists', { list_id: 301 }))[0]).toMatchObject({ active: 'N', agent_script_override: 'DEMOSCRIPT', local_call_time: '24hours', expiration_date: '2099-12-31' });
    expect(await adminLog('ADMIN API ADD LIST')).toHaveLength(1);
    expect((await h.nonAgent({ function: 'add_list', list_id: '301', list_name: 'New list', campaign_id: 'TESTCAMP' })).body).toBe('ERROR: add_list LIST ALREADY EXISTS: |6000|301\n');
  });

  it.each([
    [{ list_id: '302', list_name: 'x', campaign_id: 'TESTCAMP' }, 'ERROR: add_list YOU MUST USE ALL REQUIRED FIELDS: |6000|302|x|TESTCAMP\n'],
    [{ list_id: '302', list_name: 'Good', campaign_id: 'NOPE' }, 'ERROR: add_list CAMPAIGN DOES NOT EXIST: |6000|NOPE\n'],
    [{ list_id: '302', list_name: 'Good', campaign_id: 'TESTCAMP', script: 'NOPE' }, 'ERROR: add_list SCRIPT DOES NOT EXIST, THIS IS AN OPTIONAL FIELD: |6000|NOPE\n'],
    [{ list_id: '302', list_name: 'Good', campaign_id: 'TESTCAMP', tz_method: 'MOON' }, 'ERROR: add_list TIME ZONE METHOD IS NOT VALID, THIS IS AN OPTIONAL FIELD: |6000|MOON\n'],
    [{ list_id: '302', list_name: 'Good', campaign_id: 'TESTCAMP', local_call_time: 'never' }, 'ERROR: add_list LOCAL CALL TIME DOES NOT EXIST, THIS IS AN OPTIONAL FIELD: |6000|never\n'],
    [{ list_id: '302', list_name: 'Good', campaign_id: 'TESTCAMP', expiration_date: '2026-02-30' }, 'ERROR: add_list EXPIRATION DATE IS NOT VALID, THIS IS AN OPTIONAL FIELD: |6000|2026-02-30\n'],
  ])('add_list refuses %j and writes nothing', async (params, expected) => {
    expect((await h.nonAgent({ function: 'add_list', ...params })).body).toBe(expected);
    expect(await h.rows('vicidial_lists', { list_id: 302 })).toHaveLength(0);
  });

  it('update_list changes, resets, deletes leads and the list', async () => {
    const res = await h.nonAgent({ function: 'update_list', list_id: '101', list_name: 'Renamed list', active: 'N', reset_list: 'Y' });
    expect(res.body).toBe('SUCCESS: update_list LIST HAS BEEN UPDATED - 6000|101\nNOTICE: update_list LEADS IN LIST HAVE BEEN RESET - 6000|101|8\n');
    expect((await h.rows('vicidial_lists', { list_id: 101 }))[0]).toMatchObject({ list_name: 'Renamed list', active: 'N', resets_today: 1, list_changedate: '2026-11-28 18:00:00' });
    expect((await h.nonAgent({ function: 'update_list', list_id: '101' })).body).toBe('NOTICE: update_list NO UPDATES DEFINED: |6000|\n');
    expect((await h.nonAgent({ function: 'update_list', list_id: '101', list_name: 'short' })).body).toBe(
      'ERROR: update_list LIST NAME MUST BE FROM 6 TO 30 CHARACTERS, THIS IS AN OPTIONAL FIELD: |6000|short\n',
    );
    expect((await h.nonAgent({ function: 'update_list', list_id: '101', delete_leads: 'Y' })).body).toBe(
      'NOTICE: update_list NO UPDATES DEFINED: |6000|\nNOTICE: update_list LEADS IN LIST HAVE BEEN DELETED - 6000|101|8\n',
    );
    expect((await h.nonAgent({ function: 'update_list', list_id: '101', delete_list: 'Y' })).body).toBe(
      'NOTICE: update_list NO UPDATES DEFINED: |6000|\nNOTICE: update_list LIST HAS BEEN DELETED - 6000|101|1\n',
    );
    expect((await h.nonAgent({ function: 'update_list', list_id: '101', list_name: 'Again list' })).body).toBe('ERROR: update_list LIST DOES NOT EXIST: |6000|101\n');
  });

  it('update_list sends a missing list to add_list when asked, and needs delete_lists to delete', async () => {
    const res = await h.nonAgent({ function: 'update_list', list_id: '303', list_name: 'Made by update', campaign_id: 'TESTCAMP', insert_if_not_found: 'Y' });
    expect(res.body).toBe('NOTICE: update_list LIST DOES NOT EXIST, SENDING TO add_list FUNCTION: |6000|303\nSUCCESS: add_list LIST HAS BEEN ADDED - 6000|303|Made by update|TESTCAMP\n');
    await h.exec(`update vicidial_users set delete_lists = '0' where user = '6000'`);
    expect((await h.nonAgent({ function: 'update_list', list_id: '303', delete_list: 'Y' })).body).toBe(
      'NOTICE: update_list NO UPDATES DEFINED: |6000|\nNOTICE: update_list USER DOES NOT HAVE PERMISSION TO DELETE LISTS: |6000|0\n',
    );
    expect(await h.rows('vicidial_lists', { list_id: 303 })).toHaveLength(1);
  });
});

describe('DNC numbers', () => {
  it('adds and deletes system and campaign DNC numbers, with a DNC log', async () => {
    expect((await h.nonAgent({ function: 'add_dnc_phone', phone_number: '3125550150', campaign_id: 'SYSTEM_INTERNAL' })).body).toBe('SUCCESS: add_dnc_phone DNC NUMBER HAS BEEN ADDED - 6000|3125550150|SYSTEM_INTERNAL\n');
    expect((await h.nonAgent({ function: 'add_dnc_phone', phone_number: '3125550150', campaign_id: 'SYSTEM_INTERNAL' })).body).toBe('ERROR: add_dnc_phone DNC NUMBER ALREADY EXISTS: |6000|3125550150|SYSTEM_INTERNAL\n');
    expect((await h.nonAgent({ function: 'add_dnc_phone', phone_number: '3125550150', campaign_id: 'TESTCAMP' })).body).toBe('SUCCESS: add_dnc_phone DNC NUMBER HAS BEEN ADDED - 6000|3125550150|TESTCAMP\n');
    expect((await h.nonAgent({ function: 'delete_dnc_phone', phone_number: '3125550150', campaign_id: 'TESTCAMP' })).body).toBe('SUCCESS: delete_dnc_phone DNC NUMBER HAS BEEN DELETED - 6000|3125550150|TESTCAMP\n');
    expect((await h.nonAgent({ function: 'delete_dnc_phone', phone_number: '3125550150', campaign_id: 'TESTCAMP' })).body).toBe('ERROR: delete_dnc_phone DNC NUMBER DOES NOT EXIST: |6000|3125550150|TESTCAMP\n');
    expect((await h.rows('vicidial_dnc_log')).map((r) => [r.phone_number, r.campaign_id, r.action, r.user])).toEqual([
      ['3125550150', '-SYSINT-', 'add', '6000'],
      ['3125550150', 'TESTCAMP', 'add', '6000'],
      ['3125550150', 'TESTCAMP', 'delete', '6000'],
    ]);
  });

  it('refuses short, long and out-of-scope requests', async () => {
    expect((await h.nonAgent({ function: 'add_dnc_phone', phone_number: '123', campaign_id: 'TESTCAMP' })).body).toBe('ERROR: add_dnc_phone YOU MUST USE ALL REQUIRED FIELDS: |6000|123|TESTCAMP\n');
    expect((await h.nonAgent({ function: 'add_dnc_phone', phone_number: '1234567890123456789', campaign_id: 'TESTCAMP' })).body).toBe(
      'ERROR: add_dnc_phone PHONE NUMBER IS TOO LONG: |6000|1234567890123456789|TESTCAMP\n',
    );
    await h.exec(`update vicidial_users set user_group = 'TEAM_B' where user = '6000'`);
    expect((await h.nonAgent({ function: 'add_dnc_phone', phone_number: '3125550150', campaign_id: 'TESTCAMP' })).body).toBe('ERROR: add_dnc_phone CAMPAIGN DOES NOT EXIST: |6000|TESTCAMP\n');
  });
});

describe('users', () => {
  it('add_user stores a per-user hash, never echoes the password, and the new user can log in', async () => {
    const res = await h.nonAgent({ function: 'add_user', agent_user: '2000', agent_pass: 'secret99', agent_user_level: '7', agent_full_name: 'New Admin', agent_user_group: 'ADMIN' });
    expect(res.body).toBe('SUCCESS: add_user USER HAS BEEN ADDED - 6000|2000||7|New Admin|ADMIN\n');
    const [row] = await h.rows('vicidial_users', { user: '2000' });
    expect(row).toMatchObject({ pass: '', user_level: 7, full_name: 'New Admin' });
    expect(String(row!.pass_hash)).toMatch(/^\$2b\$04\$/);
    const logs = JSON.stringify([await h.rows('vicidial_api_log'), await h.rows('vicidial_api_urls'), await h.rows('vicidial_admin_log')]);
    expect(logs).not.toContain('secret99');
    await h.exec(`update vicidial_users set view_reports = '1', vdc_agent_api_access = '1' where user = '2000'`);
    const details = (await h.nonAgent({ user: '2000', pass: 'secret99', function: 'user_details', agent_user: '2000' })).body;
    // Drop-in, hashing off: VICIdial compares the plain column, which agentgate leaves empty
    // (docs/compatibility.md, the known gap): the new user cannot log in until VICIdial's admin sets a password.
    expect(details).toBe(h.dropIn ? 'ERROR: Login incorrect, please try again: |2000|***|BAD|\n' : '2000|New Admin|ADMIN|7|Y\n');
  });

  it('never creates a user above the creator’s level, nor outside 1–9 (VICIdial lets level 9 make level 10)', async () => {
    expect((await h.nonAgent({ function: 'add_user', agent_user: '2001', agent_pass: 'pw12', agent_user_level: '10', agent_full_name: 'Too high', agent_user_group: 'ADMIN' })).body).toBe(
      'ERROR: add_user USER DOES NOT HAVE PERMISSION TO ADD USERS IN THIS USER LEVEL: |6000|10|9\n',
    );
    expect((await h.nonAgent({ user: '7008', function: 'add_user', agent_user: '2001', agent_pass: 'pw12', agent_user_level: '8', agent_full_name: 'Same level', agent_user_group: 'ADMIN' })).body).toBe(
      'ERROR: add_user USER DOES NOT HAVE PERMISSION TO ADD USERS IN THIS USER LEVEL: |7008|8|8\n',
    );
    expect((await h.nonAgent({ user: '7008', function: 'add_user', agent_user: '2001', agent_pass: 'pw12', agent_user_level: '9', agent_full_name: 'Above', agent_user_group: 'ADMIN' })).body).toBe(
      'ERROR: add_user USER DOES NOT HAVE PERMISSION TO ADD USERS IN THIS USER LEVEL: |7008|9|8\n',
    );
    expect(await h.rows('vicidial_users', { user: '2001' })).toHaveLength(0);
  });

  it('add_user refuses missing fields (password hidden), unknown groups and existing users', async () => {
    expect((await h.nonAgent({ function: 'add_user', agent_user: '2002', agent_pass: 'pw12' })).body).toBe('ERROR: add_user YOU MUST USE ALL REQUIRED FIELDS: |6000|2002|***|||\n');
    expect((await h.nonAgent({ function: 'add_user', agent_user: '2002', agent_pass: 'pw12', agent_user_level: '1', agent_full_name: 'x', agent_user_group: 'NOPE' })).body).toBe(
      'ERROR: add_user USER GROUP DOES NOT EXIST: |6000|NOPE\n',
    );
    expect((await h.nonAgent({ function: 'add_user', agent_user: '1000', agent_pass: 'pw12', agent_user_level: '1', agent_full_name: 'x', agent_user_group: 'AGENTS' })).body).toBe(
      'ERROR: add_user USER ALREADY EXISTS: |6000|1000\n',
    );
  });

  it('add_user AUTOGENERATE picks the next free id in steps of 7', async () => {
    await h.exec(`update system_settings set auto_user_add_value = 1000`);
    const res = await h.nonAgent({ function: 'add_user', agent_user: 'AUTOGENERATE', agent_pass: 'pw12', agent_user_level: '1', agent_full_name: 'Auto', agent_user_group: 'AGENTS' });
    expect(res.body).toBe('SUCCESS: add_user USER HAS BEEN ADDED - 6000|1007||1|Auto|AGENTS\n');
  });

  it('copy_user copies the row and ranks, with a new hashed password', async () => {
    await h.exec(`insert into vicidial_campaign_agents (user, campaign_id, campaign_rank, campaign_weight) values ('1000', 'TESTCAMP', 5, 5)`);
    const res = await h.nonAgent({ function: 'copy_user', agent_user: '2003', agent_pass: 'secret99', source_user: '1000', agent_full_name: 'Copied Agent' });
    expect(res.body).toBe('SUCCESS: copy_user USER HAS BEEN COPIED - 6000|2003||Copied Agent|1000\n');
    expect((await h.rows('vicidial_users', { user: '2003' }))[0]).toMatchObject({ user_group: 'AGENTS', agentcall_manual: '1', custom_three: 'CRM1000', full_name: 'Copied Agent', pass: '' });
    expect((await h.rows('vicidial_campaign_agents', { user: '2003' }))[0]).toMatchObject({ campaign_rank: 5, calls_today: 0 });
    expect((await h.nonAgent({ function: 'copy_user', agent_user: '2004', agent_pass: 'pw12', source_user: '6000', agent_full_name: 'Me' })).body).toBe('SUCCESS: copy_user USER HAS BEEN COPIED - 6000|2004||Me|6000\n');
    expect((await h.nonAgent({ user: '7008', function: 'copy_user', agent_user: '2005', agent_pass: 'pw12', source_user: '6000', agent_full_name: 'Above' })).body).toBe(
      'ERROR: copy_user USER DOES NOT HAVE PERMISSION TO COPY USERS IN THIS USER LEVEL: |7008|9|8\n',
    );
    expect((await h.nonAgent({ function: 'copy_user', agent_user: '2005', agent_pass: 'pw12', source_user: 'ghost', agent_full_name: 'Ghost' })).body).toBe('ERROR: copy_user USER GROUP DOES NOT EXIST: |6000|\n');
  });

  it('update_user changes fields, unlocks, and keeps the level rule', async () => {
    await h.exec(`update vicidial_users set failed_login_count = 10 where user = '1000'`);
    const res = await h.nonAgent({ function: 'update_user', agent_user: '1000', agent_full_name: 'Renamed Agent', agent_pass: 'newpass1', campaign_rank: '3' });
    expect(res.body).toBe('NOTICE: update_user USER CAMPAIGN RANKS/GRADES HAVE BEEN UPDATED - 6000|1000|3|\nSUCCESS: update_user USER HAS BEEN UPDATED - 6000|1000|\n');
    expect((await h.rows('vicidial_users', { user: '1000' }))[0]).toMatchObject({ full_name: 'Renamed Agent', failed_login_count: 0, pass: '' });
    expect((await h.nonAgent({ function: 'update_user', agent_user: '1000', agent_user_level: '10' })).body).toBe(
      'ERROR: update_user YOU MUST USE A VALID USER LEVEL, THIS IS AN OPTIONAL FIELD: |6000|10|9|1\n',
    );
    expect((await h.nonAgent({ user: '7008', function: 'update_user', agent_user: '1000', agent_user_level: '8' })).body).toBe(
      'ERROR: update_user YOU MUST USE A VALID USER LEVEL, THIS IS AN OPTIONAL FIELD: |7008|8|8|0\n',
    );
    expect((await h.nonAgent({ user: '7008', function: 'update_user', agent_user: '6000', agent_full_name: 'x' })).body).toBe(
      'ERROR: update_user USER DOES NOT HAVE PERMISSION TO UPDATE THIS USER: |7008|6000|<|8\n\n',
    );
    expect((await h.nonAgent({ function: 'update_user', agent_user: '1000' })).body).toBe('ERROR: update_user NO UPDATES DEFINED: |6000|\n');
    // VICIdial's line ends with the server_ip parameter, not the user it looked for (non-agent-api.md §7.30 step 2).
    expect((await h.nonAgent({ function: 'update_user', agent_user: 'ghost' })).body).toBe('ERROR: update_user USER DOES NOT EXIST: |6000|\n');
    expect((await h.nonAgent({ function: 'update_user', agent_user: 'ghost', server_ip: '10.0.0.5;x' })).body).toBe(
      'ERROR: update_user USER DOES NOT EXIST: |6000|10.0.0.5x\n',
    );
    expect((await h.nonAgent({ function: 'update_user', agent_user: '1000', email: 'x@' })).body).toBe('ERROR: update_user YOU MUST USE A VALID EMAIL, THIS IS AN OPTIONAL FIELD: |6000|x@\n');
  });

  it('update_user deletes only with delete_users, and a reset password is never mailed', async () => {
    await h.exec(`update vicidial_users set delete_users = '0' where user = '6000'`);
    expect((await h.nonAgent({ function: 'update_user', agent_user: '1001', delete_user: 'Y' })).body).toBe('ERROR: update_user USER DOES NOT HAVE PERMISSION TO DELETE USERS: |6000|0\n');
    await h.exec(`update vicidial_users set delete_users = '1' where user = '6000'`);
    expect((await h.nonAgent({ function: 'update_user', agent_user: '1001', delete_user: 'Y' })).body).toBe('SUCCESS: update_user USER HAS BEEN DELETED - 6000|1001|\n');
    expect(await h.rows('vicidial_users', { user: '1001' })).toHaveLength(0);
    expect((await h.nonAgent({ function: 'update_user', agent_user: '1002', reset_password: '12', email: 'a@b.c' })).body).toBe(
      'NOTICE: update_user USER PASSWORD RESET FAILED: EMAIL FAILURE - 6000|1002|a@b.c|agentgate does not send passwords by mail\nSUCCESS: update_user USER HAS BEEN UPDATED - 6000|1002|\n',
    );
  });
});
