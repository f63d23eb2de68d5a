/**
 * pause_code (agent-api.md §8.22).
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

const { epoch, vlaIfAny: vla } = agentRows(h);
const { makeReady, effect } = agentSteps(h);

// ---------------------------------------------------------------------------
// pause_code (§8.22)
// ---------------------------------------------------------------------------

describe('pause_code', () => {
  it('while paused sets pause_code at once (external_pause_code keeps the code until the agent is READY) with the exact line', async () => {
    const e = epoch();
    const res = await h.api({ agent_user: '1000', function: 'pause_code', value: 'BREAK' });
    expect(res.status).toBe(200);
    expect(res.body).toBe('SUCCESS: pause_code function sent - 1000\n');
    const agent = await h.agent('1000');
    expect(agent?.status).toBe('PAUSED');
    // Drop-in: api.php writes external_pause_code only; VICIdial's screen sets pause_code on its poll.
    const applied = h.dropIn ? '' : 'BREAK';
    expect(agent?.pauseCode).toBe(applied);
    const row = await vla();
    expect(row?.pause_code).toBe(applied);
    expect(row?.external_pause_code).toBe('BREAK');
    expect(await h.lastLog()).toMatchObject({
      function: 'pause_code',
      agent_user: '1000',
      value: 'BREAK',
      result: 'SUCCESS',
      result_reason: 'pause_code function sent',
      data: String(e),
    });
  });

  it.skipIf(embeddedOnly('engine'))('going READY clears external_pause_code (agent-api.md §6); an API PAUSE during the call keeps it for the next pause', async () => {
    await h.api({ agent_user: '1000', function: 'pause_code', value: 'BREAK' });
    await makeReady();
    expect((await vla())?.external_pause_code).toBe('');
    await h.api({ agent_user: '1000', function: 'external_pause', value: 'PAUSE' });
    await h.api({ agent_user: '1000', function: 'pause_code', value: 'LUNCH' });
    await makeReady();
    await h.startCall('1000', { leadId: 1 });
    await h.api({ agent_user: '1000', function: 'external_hangup', value: '1' });
    await h.api({ agent_user: '1000', function: 'external_status', value: 'NI' });
    expect((await h.agent('1000'))?.status).toBe('READY');
    expect((await vla())?.external_pause_code).toBe('');
  });

  it('accepts any 1–6 character code (not checked against vicidial_pause_codes)', async () => {
    for (const code of ['X', 'ZZZZZZ']) {
      const res = await h.api({ agent_user: '1000', function: 'pause_code', value: code });
      expect(res.body).toBe('SUCCESS: pause_code function sent - 1000\n');
      await effect('1000', { pauseCode: code }, { pauseCode: code });
    }
  });

  it('after an API PAUSE the code applies to the new pause', async () => {
    await makeReady();
    await h.api({ agent_user: '1000', function: 'external_pause', value: 'PAUSE' });
    // Drop-in: VICIdial's screen pauses the agent on its poll of the written PAUSE.
    if (h.dropIn) await h.screenChange('1000', { status: 'PAUSED' });
    const res = await h.api({ agent_user: '1000', function: 'pause_code', value: 'LUNCH' });
    expect(res.body).toBe('SUCCESS: pause_code function sent - 1000\n');
    expect((await vla())?.[h.dropIn ? 'external_pause_code' : 'pause_code']).toBe('LUNCH');
  });

  describe('not valid', () => {
    it.each([
      ['value missing', { agent_user: '1000' }, 'ERROR: pause_code not valid - |1000\n'],
      ['value longer than 6', { agent_user: '1000', value: 'TOOLONG' }, 'ERROR: pause_code not valid - TOOLONG|1000\n'],
      ['value with a pipe', { agent_user: '1000', value: 'A|B' }, 'ERROR: pause_code not valid - A|B|1000\n'],
      // api.php's rule (agent-api.md §8.22 omits it): agent_user ≥ 1 or alt_user ≥ 2.
      ['neither agent_user nor alt_user', { value: 'BREAK' }, 'ERROR: pause_code not valid - BREAK|\n'],
      ['a one-character alt_user is too short (minimum 2)', { value: 'BREAK', alt_user: 'A' }, 'ERROR: pause_code not valid - BREAK|\n'],
    ])('%s', async (_name, params, line) => {
      const res = await h.api({ function: 'pause_code', ...params });
      expect(res.body).toBe(line);
      expect((await vla())?.pause_code).toBe('');
      expect(await h.lastLog()).toMatchObject({ result: 'ERROR', result_reason: 'pause_code not valid' });
    });
  });

  it('agent not paused (READY)', async () => {
    await makeReady();
    const res = await h.api({ agent_user: '1000', function: 'pause_code', value: 'BREAK' });
    expect(res.body).toBe('ERROR: pause_code error - agent is not paused - 1000\n');
    const row = await vla();
    expect(row?.pause_code).toBe('');
    expect(row?.external_pause_code).toBe('');
    expect(await h.lastLog()).toMatchObject({ result: 'ERROR', result_reason: 'pause_code error - agent is not paused' });
  });

  it('agent not paused (INCALL)', async () => {
    await makeReady();
    await h.startCall('1000', { leadId: 1 });
    const res = await h.api({ agent_user: '1000', function: 'pause_code', value: 'BREAK' });
    expect(res.body).toBe('ERROR: pause_code error - agent is not paused - 1000\n');
    expect((await vla())?.pause_code).toBe('');
  });

  it('agent_user not logged in', async () => {
    const res = await h.api({ agent_user: '1001', function: 'pause_code', value: 'BREAK' });
    expect(res.body).toBe('ERROR: agent_user is not logged in - 1001\n');
  });

  it('permission denied (6668 may not use pause_code), 4-field layout', async () => {
    const res = await h.api({ user: '6668', agent_user: '1000', function: 'pause_code', value: 'BREAK' });
    expect(res.body).toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - BREAK|6668|pause_code|ADMIN\n');
    expect((await vla())?.pause_code).toBe('');
  });
});
