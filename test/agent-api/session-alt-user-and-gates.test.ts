/**
 * alt_user (permissions.md §4) and the gates shared by the five session
 * commands: external_pause, logout, external_hangup, external_status and
 * pause_code.
 *
 * Demo data (src/demo/seed.ts): agent 1000 is logged into TESTCAMP (RATIO,
 * dial level 1) and starts PAUSED; 1001 and 1002 are not logged in; API user
 * 6666 has ALL_FUNCTIONS, 6668 only external_pause and external_status.
 */
import { describe, expect, it } from 'vitest';
import { agentRows, agentSteps } from '../support/agent-api.js';
import { harnessForEachTest } from '../support/harness.js';

const h = harnessForEachTest();

const { epoch, vlaIfAny: vla, lead } = agentRows(h);
const { untouched, makeReady, toDisposition, effect, loggedOut } = agentSteps(h);

// ---------------------------------------------------------------------------
// alt_user (permissions.md §4) and the gates shared by the five functions
// ---------------------------------------------------------------------------

describe('alt_user', () => {
  it('alt_user is filtered to [0-9A-Za-z] first: CRM-1000 names the demo agent 1000 (custom_three CRM1000)', async () => {
    const e = epoch();
    const res = await h.api({ alt_user: 'CRM-1000', function: 'external_pause', value: 'RESUME' });
    expect(res.body).toBe(`SUCCESS: external_pause function set - RESUME|${e}|1000\n`);
    await effect('1000', { status: 'READY' }, { pause: `RESUME!${e}` });
  });

  describe('with the demo custom_three CRM1000 on agent 1000', () => {

    it('external_pause: alt_user targets 1000 and the line names 1000', async () => {
      const e = epoch();
      const res = await h.api({ alt_user: 'CRM1000', function: 'external_pause', value: 'RESUME' });
      expect(res.body).toBe(`SUCCESS: external_pause function set - RESUME|${e}|1000\n`);
      await effect('1000', { status: 'READY' }, { pause: `RESUME!${e}` });
      expect(await h.lastLog()).toMatchObject({ agent_user: '1000', result: 'SUCCESS' });
    });

    it('alt_user wins over a supplied agent_user', async () => {
      await h.login('1001', 'TESTCAMP');
      const e = epoch();
      const res = await h.api({ agent_user: '1001', alt_user: 'CRM1000', function: 'external_pause', value: 'RESUME' });
      expect(res.body).toBe(`SUCCESS: external_pause function set - RESUME|${e}|1000\n`);
      await effect('1000', { status: 'READY' }, { pause: `RESUME!${e}` });
      expect((await h.agent('1001'))?.status).toBe('PAUSED');
    });

    it('logout via alt_user', async () => {
      const res = await h.api({ alt_user: 'CRM1000', function: 'logout', value: 'LOGOUT' });
      expect(res.body).toBe(`SUCCESS: logout function set - LOGOUT|${epoch()}|1000\n`);
      await loggedOut('1000');
    });

    it('external_hangup via alt_user', async () => {
      await makeReady();
      await h.startCall('1000', { leadId: 1 });
      const res = await h.api({ alt_user: 'CRM1000', function: 'external_hangup', value: '1' });
      expect(res.body).toBe('SUCCESS: external_hangup function set - 1|1000\n');
      await effect('1000', { status: 'PAUSED', leadId: 1 }, { hangup: '1' });
    });

    it('external_status via alt_user', async () => {
      await makeReady();
      await toDisposition(1);
      const res = await h.api({ alt_user: 'CRM1000', function: 'external_status', value: 'SALE' });
      expect(res.body).toBe('SUCCESS: external_status function set - SALE|1000\n');
      await effect('1000', async () => expect((await lead(1)).status).toBe('SALE'), { status: 'SALE' });
    });

    it('pause_code via alt_user', async () => {
      const res = await h.api({ alt_user: 'CRM1000', function: 'pause_code', value: 'BREAK' });
      expect(res.body).toBe('SUCCESS: pause_code function sent - 1000\n');
      await effect('1000', async () => expect((await vla())?.pause_code).toBe('BREAK'), { pauseCode: 'BREAK' });
    });

    it('an alt_user that matches a user who is not logged in gives the not-logged-in line for that user', async () => {
      await h.exec(`UPDATE vicidial_users SET custom_three = 'CRM1001' WHERE user = '1001'`);
      const res = await h.api({ alt_user: 'CRM1001', function: 'external_hangup', value: '1' });
      expect(res.body).toBe('ERROR: agent_user is not logged in - 1001\n');
    });
  });

  it.each([
    ['external_pause', 'PAUSE'],
    ['logout', 'LOGOUT'],
    ['external_hangup', '1'],
    ['external_status', 'SALE'],
    ['pause_code', 'BREAK'],
  ])('%s: an alt_user that matches nobody stops with one line, even with a valid agent_user', async (fn, value) => {
    const before = await untouched();
    const logsBefore = (await h.apiLog()).length;
    const res = await h.api({ agent_user: '1000', alt_user: 'NOBODY42', function: fn, value });
    expect(res.body).toBe('ERROR: no user found - NOBODY42\n');
    expect(await untouched()).toEqual(before);
    const logs = await h.apiLog();
    expect(logs).toHaveLength(logsBefore + 1);
    expect(logs[logs.length - 1]).toMatchObject({ function: fn, result: 'ERROR', result_reason: 'no user found' });
  });
});

describe('the five functions share the common gates', () => {
  it.each([
    ['external_pause', 'PAUSE'],
    ['logout', 'LOGOUT'],
    ['external_hangup', '1'],
    ['external_status', 'SALE'],
    ['pause_code', 'BREAK'],
  ])('%s: an agent_user that is not logged in anywhere', async (fn, value) => {
    const res = await h.api({ agent_user: '1002', function: fn, value });
    expect(res.body).toBe('ERROR: agent_user is not logged in - 1002\n');
    expect(await h.lastLog()).toMatchObject({ function: fn, agent_user: '1002', result: 'ERROR' });
  });

  it.each([
    ['external_pause', 'PAUSE'],
    ['logout', 'LOGOUT'],
    ['external_hangup', '1'],
    ['external_status', 'SALE'],
    ['pause_code', 'BREAK'],
  ])('%s: a user with no functions allowed is denied with the 4-field line', async (fn, value) => {
    await h.exec(`UPDATE vicidial_users SET api_allowed_functions = '' WHERE user = '6668'`);
    const res = await h.api({ user: '6668', agent_user: '1000', function: fn, value });
    expect(res.body).toBe(`ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - ${value}|6668|${fn}|ADMIN\n`);
    expect(await h.agent('1000')).toBeDefined();
  });
});
