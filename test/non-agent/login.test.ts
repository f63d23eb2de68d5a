/**
 * The non-agent login (spec §3.1): level 7 and up, the lock after ten
 * failures, VICIdial's aBAD/aLOCK/aIPBLOCK counters, the success bookkeeping
 * — and agentgate's fixes: no password in any answer or stored URL.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const userRow = async (user: string) => (await h.rows('vicidial_users', { user }))[0]!;
const ask = (params: Record<string, string | undefined>) => h.nonAgent({ function: 'user_details', agent_user: '1000', ...params });

describe('non-agent login', () => {
  it('answers a wrong password with the fixed placeholder, never the password, and counts it as aBAD', async () => {
    const res = await ask({ pass: 'Hunter2secret' });
    expect(res.body).toBe('ERROR: Login incorrect, please try again: |6000|***|BAD|\n');
    const row = await userRow('6000');
    expect(row).toMatchObject({ failed_login_count: 1, failed_last_type_today: 'aBAD', failed_login_attempts_today: 1 });
    const [log] = await h.rows('vicidial_api_log', { api_script: 'non-agent' });
    expect(log).toMatchObject({ user: '6000', function: 'user_details', result: 'ERROR', data: '6000|BAD|' });
    const urls = await h.rows('vicidial_api_urls');
    expect(JSON.stringify(urls)).not.toContain('Hunter2secret');
    expect(String(urls[0]!.url)).toContain('pass=***');
  });

  it('refuses a right password below level 7 without counting it against the account', async () => {
    await h.services.store.users.insert({ user: '5006', ...(await h.storedPassword('1234')), user_level: 6, user_group: 'ADMIN', view_reports: '1', vdc_agent_api_access: '1' });
    const res = await ask({ user: '5006' });
    expect(res.body).toBe('ERROR: Login incorrect, please try again: |5006|***|BAD|\n');
    expect((await userRow('5006')).failed_login_count).toBe(0);
    const agent = await ask({ user: '1000' });
    expect(agent.body).toBe('ERROR: Login incorrect, please try again: |1000|***|BAD|\n');
  });

  it('locks after ten failures for fifteen minutes, even with the right password; then lets in again', async () => {
    for (let i = 0; i < 10; i++) await ask({ pass: 'wrong' });
    const locked = await ask({});
    expect(locked.body).toBe('ERROR: Too many login attempts, try again in 15 minutes: |6000|LOCK|\n');
    expect((await userRow('6000')).failed_last_type_today).toBe('aLOCK');
    h.clock.advance(15 * 60 * 1000 + 1000);
    const open = await ask({});
    expect(open.body).toBe('1000|Agent 1000|AGENTS|1|Y\n');
    expect((await userRow('6000')).failed_login_count).toBe(0);
  });

  it('stamps last_login_date and last_ip on success, and clears the failure count', async () => {
    await ask({ pass: 'wrong' });
    h.clock.advance(60_000);
    await ask({});
    const row = await userRow('6000');
    expect(row).toMatchObject({ failed_login_count: 0, last_login_date: '2026-11-28 10:01:00', last_ip: '127.0.0.1' });
  });

  it('blocks an address outside the user group’s API IP list, and counts it as aIPBLOCK', async () => {
    await h.exec(`update system_settings set allow_ip_lists = '1'`);
    await h.exec(`update vicidial_user_groups set api_ip_list = 'OFFICE' where user_group = 'ADMIN'`);
    await h.exec(`insert into vicidial_ip_list_entries (ip_list_id, ip_address) values ('OFFICE', '10.0.0.1')`);
    const res = await ask({});
    expect(res.body).toBe('ERROR: Your IP Address is not allowed: 127.0.0.1: ||IPBLOCK|\n');
    expect((await userRow('6000')).failed_last_type_today).toBe('aIPBLOCK');
  });

  it('takes credentials from POST and from an Authorization header, GET winning per parameter', async () => {
    const post = await h.nonAgent({ function: 'user_details', agent_user: '1000' }, { method: 'POST' });
    expect(post.body).toBe('1000|Agent 1000|AGENTS|1|Y\n');
    const header = await h.nonAgent(
      { user: undefined, pass: undefined, function: 'user_details', agent_user: '1000' },
      { headers: { authorization: `Basic ${Buffer.from('6000:1234').toString('base64')}` } },
    );
    expect(header.body).toBe('1000|Agent 1000|AGENTS|1|Y\n');
  });

  it('answers version before login, with the server offset when a server is configured', async () => {
    const bare = await h.nonAgent({ user: undefined, pass: undefined, function: 'version' });
    expect(bare.body).toBe('VERSION: 2.14-202|BUILD: 250720-1841|DATE: 2026-11-28 10:00:00|EPOCH: 1795860000|DST: 0|TZ: |TZNOW: 0|\n');
    await h.exec(`insert into servers (server_id, server_ip, active, local_gmt) values ('s1', '10.0.0.5', 'Y', '-5.00')`);
    const res = await h.nonAgent({ function: 'version' });
    expect(res.body).toBe('VERSION: 2.14-202|BUILD: 250720-1841|DATE: 2026-11-28 10:00:00|EPOCH: 1795860000|DST: 0|TZ: -5.00|TZNOW: -5.00|\n');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache, must-revalidate');
  });
});
