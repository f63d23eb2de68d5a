/**
 * external_hangup (agent-api.md §8.3): ending a call to the disposition step.
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
import { harnessForEachTest } from '../support/harness.js';

const h = harnessForEachTest();

const { vlaIfAny: vla, lead } = agentRows(h);
const { makeReady } = agentSteps(h);


// ---------------------------------------------------------------------------
// external_hangup (§8.3)
// ---------------------------------------------------------------------------

describe('external_hangup', () => {
  it('value=1 during a call ends it: the agent goes to the disposition step (PAUSED, lead_id>0)', async () => {
    await makeReady();
    await h.startCall('1000', { leadId: 4 });
    const callerId = (await h.agent('1000'))?.call?.callerId;
    expect(callerId).toBeTruthy();
    expect(await h.rows('vicidial_auto_calls', { callerid: callerId! })).toHaveLength(1);

    const res = await h.api({ agent_user: '1000', function: 'external_hangup', value: '1' });
    expect(res.status).toBe(200);
    expect(res.body).toBe('SUCCESS: external_hangup function set - 1|1000\n');

    expect(await h.lastLog()).toMatchObject({
      function: 'external_hangup',
      agent_user: '1000',
      value: '1',
      result: 'SUCCESS',
      result_reason: 'external_hangup function set',
    });
    // Drop-in: written for VICIdial's screen, which hangs up on its poll; the call is untouched.
    if (h.dropIn) {
      expect(await h.agent('1000')).toMatchObject({ status: 'INCALL', leadId: 4, call: expect.objectContaining({ callerId }), commands: expect.objectContaining({ hangup: '1' }) });
      expect(await h.rows('vicidial_auto_calls', { callerid: callerId! })).toHaveLength(1);
      return;
    }
    const agent = await h.agent('1000');
    expect(agent?.status).toBe('PAUSED');
    expect(agent?.leadId).toBe(4);
    expect(agent?.call).toBeUndefined();
    const row = await vla();
    expect(row?.status).toBe('PAUSED');
    expect(Number(row?.lead_id)).toBe(4);
    expect(row?.callerid).toBe('');
    // The column keeps api.php's value; the disposition clears it, as VICIdial's dispo submit does.
    expect(row?.external_hangup).toBe('1');
    expect(await h.rows('vicidial_auto_calls', { callerid: callerId! })).toHaveLength(0);

    // The disposition then makes the agent available again.
    await h.api({ agent_user: '1000', function: 'external_status', value: 'NI' });
    expect((await h.agent('1000'))?.status).toBe('READY');
    expect((await lead(4)).status).toBe('NI');
    expect((await vla())?.external_hangup).toBe('0');
  });

  it('value=1 with no call answers the same SUCCESS line and changes nothing in the session', async () => {
    await makeReady();
    const before = await h.agent('1000');
    const res = await h.api({ agent_user: '1000', function: 'external_hangup', value: '1' });
    expect(res.body).toBe('SUCCESS: external_hangup function set - 1|1000\n');
    const after = await h.agent('1000');
    expect(after?.status).toBe(before?.status);
    expect(after?.status).toBe('READY');
    expect(after?.leadId).toBe(0);
    expect(after?.call).toBeUndefined();
    expect(after?.lastStateChange).toEqual(before?.lastStateChange);
    // The column holds the command, as on VICIdial; a new call start clears it,
    // so the stale command cannot hang up the next call.
    expect((await vla())?.external_hangup).toBe('1');
    await h.startCall('1000', { leadId: 1 });
    expect((await vla())?.external_hangup).toBe('0');
    expect((await h.agent('1000'))?.status).toBe('INCALL');
  });

  it('value=1 while paused with no call changes nothing either', async () => {
    const res = await h.api({ agent_user: '1000', function: 'external_hangup', value: '1' });
    expect(res.body).toBe('SUCCESS: external_hangup function set - 1|1000\n');
    const agent = await h.agent('1000');
    expect(agent?.status).toBe('PAUSED');
    expect(agent?.leadId).toBe(0);
  });

  it('a value other than 1 is written but does not hang up', async () => {
    await makeReady();
    await h.startCall('1000', { leadId: 1 });
    const res = await h.api({ agent_user: '1000', function: 'external_hangup', value: '2' });
    expect(res.body).toBe('SUCCESS: external_hangup function set - 2|1000\n');
    const agent = await h.agent('1000');
    expect(agent?.status).toBe('INCALL');
    expect(agent?.call).toBeDefined();
    expect((await vla())?.external_hangup).toBe('2');
  });

  describe('not valid', () => {
    it.each([
      ['value missing', { agent_user: '1000' }, 'ERROR: external_hangup not valid - |1000\n'],
      ['value filtered to nothing', { agent_user: '1000', value: '.' }, 'ERROR: external_hangup not valid - |1000\n'],
      ['neither agent_user nor alt_user', { value: '1' }, 'ERROR: external_hangup not valid - 1|\n'],
      ['a one-character alt_user is too short (minimum 2)', { value: '1', alt_user: 'A' }, 'ERROR: external_hangup not valid - 1|\n'],
      // Without the pipe rule '1|x' would be cut to '1' by the VARCHAR(1) column and hang up.
      ['value with a pipe', { agent_user: '1000', value: '1|x' }, 'ERROR: external_hangup not valid - 1|x|1000\n'],
    ])('%s', async (_name, params, line) => {
      await makeReady();
      await h.startCall('1000', { leadId: 1 });
      const res = await h.api({ function: 'external_hangup', ...params });
      expect(res.body).toBe(line);
      expect((await h.agent('1000'))?.status).toBe('INCALL');
      expect((await vla())?.external_hangup).toBe('0');
      expect(await h.lastLog()).toMatchObject({ result: 'ERROR', result_reason: 'external_hangup not valid' });
    });
  });

  it('agent_user not logged in', async () => {
    const res = await h.api({ agent_user: '1001', function: 'external_hangup', value: '1' });
    expect(res.body).toBe('ERROR: agent_user is not logged in - 1001\n');
  });

  it('permission denied: 6668 calling external_hangup gets the 4-field line and the call stays up', async () => {
    await makeReady();
    await h.startCall('1000', { leadId: 1 });
    const res = await h.api({ user: '6668', agent_user: '1000', function: 'external_hangup', value: '1' });
    expect(res.body).toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 1|6668|external_hangup|ADMIN\n');
    expect((await h.agent('1000'))?.status).toBe('INCALL');
    expect((await vla())?.external_hangup).toBe('0');
  });
});
