/**
 * logout (agent-api.md §8.6): at once when idle, pending during a call.
 *
 * Checked for the byte-exact success line, the effect on the session (h.agent)
 * and on the vicidial_live_agents external_* columns, and every error line of
 * the spec section, in the pipeline order of permissions.md §1 step 14.
 *
 * Demo data (src/demo/seed.ts): agent 1000 is logged into TESTCAMP (RATIO,
 * dial level 1) and starts PAUSED; 1001 and 1002 are not logged in; API user
 * 6666 has ALL_FUNCTIONS, 6668 only external_pause and external_status.
 */
import { describe, expect, it } from 'vitest';
import { agentRows, agentSteps } from '../support/agent-api.js';
import { embeddedOnly } from '../support/dropin-database.js';
import { harnessForEachTest } from '../support/harness.js';

const h = harnessForEachTest();

const { epoch, vlaIfAny: vla, lead } = agentRows(h);
const { makeReady, toDisposition, loggedOut } = agentSteps(h);

// ---------------------------------------------------------------------------
// logout (§8.6)
// ---------------------------------------------------------------------------

describe('logout', () => {
  it('logs an idle agent out at once with the exact line (epoch in the line, no epoch in the column)', async () => {
    const e = epoch();
    const res = await h.api({ agent_user: '1000', function: 'logout', value: 'LOGOUT' });
    expect(res.status).toBe(200);
    expect(res.body).toBe(`SUCCESS: logout function set - LOGOUT|${e}|1000\n`);
    await loggedOut('1000');
    expect(await h.lastLog()).toMatchObject({
      function: 'logout',
      agent_user: '1000',
      value: 'LOGOUT',
      result: 'SUCCESS',
      result_reason: 'logout function set',
      data: String(e),
    });
  });

  it('logs a READY agent out at once', async () => {
    await makeReady();
    const res = await h.api({ agent_user: '1000', function: 'logout', value: 'LOGOUT' });
    expect(res.body).toBe(`SUCCESS: logout function set - LOGOUT|${epoch()}|1000\n`);
    await loggedOut('1000');
  });

  it.skipIf(embeddedOnly('engine'))('during a call the session stays (LOGOUT pending) until the disposition, then the row is gone', async () => {
    await makeReady();
    await h.startCall('1000', { leadId: 3 });
    const e = epoch();
    const res = await h.api({ agent_user: '1000', function: 'logout', value: 'LOGOUT' });
    expect(res.body).toBe(`SUCCESS: logout function set - LOGOUT|${e}|1000\n`);

    let agent = await h.agent('1000');
    expect(agent?.status).toBe('INCALL');
    expect(agent?.leadId).toBe(3);
    expect((await vla())?.external_pause).toBe('LOGOUT');

    await h.endCall('1000');
    agent = await h.agent('1000');
    expect(agent?.status).toBe('PAUSED');
    expect(agent?.leadId).toBe(3);
    expect((await vla())?.external_pause).toBe('LOGOUT');

    const status = await h.api({ agent_user: '1000', function: 'external_status', value: 'SALE' });
    expect(status.body).toBe('SUCCESS: external_status function set - SALE|1000\n');
    expect(await h.rows('vicidial_live_agents', { user: '1000' })).toHaveLength(0);
    expect(await h.agent('1000')).toBeUndefined();
    expect((await lead(3)).status).toBe('SALE');
  });

  it.skipIf(embeddedOnly('engine'))('sent during the disposition step, the session ends once the disposition is submitted', async () => {
    await makeReady();
    await toDisposition(2);
    const res = await h.api({ agent_user: '1000', function: 'logout', value: 'LOGOUT' });
    expect(res.body).toBe(`SUCCESS: logout function set - LOGOUT|${epoch()}|1000\n`);
    expect((await h.agent('1000'))?.leadId).toBe(2);
    await h.api({ agent_user: '1000', function: 'external_status', value: 'DC' });
    expect(await vla()).toBeUndefined();
    expect((await lead(2)).status).toBe('DC');
  });

  it('a value that only contains LOGOUT is accepted but does not log the agent out', async () => {
    const e = epoch();
    const res = await h.api({ agent_user: '1000', function: 'logout', value: 'XLOGOUT' });
    expect(res.body).toBe(`SUCCESS: logout function set - XLOGOUT|${e}|1000\n`);
    const agent = await h.agent('1000');
    expect(agent?.status).toBe('PAUSED');
    expect((await vla())?.external_pause).toBe('XLOGOUT');
  });

  describe('not valid', () => {
    it.each([
      ['value missing', { agent_user: '1000' }, 'ERROR: logout not valid - |1000\n'],
      ['value without LOGOUT', { agent_user: '1000', value: 'BYE' }, 'ERROR: logout not valid - BYE|1000\n'],
      ['lower-case logout', { agent_user: '1000', value: 'logout' }, 'ERROR: logout not valid - logout|1000\n'],
      ['neither agent_user nor alt_user', { value: 'LOGOUT' }, 'ERROR: logout not valid - LOGOUT|\n'],
      ['value with a pipe', { agent_user: '1000', value: 'LOGOUT|X' }, 'ERROR: logout not valid - LOGOUT|X|1000\n'],
    ])('%s', async (_name, params, line) => {
      const res = await h.api({ function: 'logout', ...params });
      expect(res.body).toBe(line);
      expect(await h.agent('1000')).toBeDefined();
      expect((await vla())?.external_pause).toBe('');
      expect(await h.lastLog()).toMatchObject({ result: 'ERROR', result_reason: 'logout not valid' });
    });
  });

  it('agent_user not logged in', async () => {
    const res = await h.api({ agent_user: '1001', function: 'logout', value: 'LOGOUT' });
    expect(res.body).toBe('ERROR: agent_user is not logged in - 1001\n');
  });

  it('permission denied (6668 may not use logout), 4-field layout, the agent stays logged in', async () => {
    const res = await h.api({ user: '6668', agent_user: '1000', function: 'logout', value: 'LOGOUT' });
    expect(res.body).toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - LOGOUT|6668|logout|ADMIN\n');
    expect(await h.agent('1000')).toBeDefined();
    expect((await vla())?.external_pause).toBe('');
    expect(await h.lastLog()).toMatchObject({
      user: '6668',
      result: 'ERROR',
      result_reason: 'auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION',
    });
  });
});
