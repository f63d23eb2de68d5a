/**
 * external_pause (agent-api.md §8.5): PAUSE and RESUME, at once or pending
 * until the disposition.
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
const { untouched, makeReady, toDisposition, effect } = agentSteps(h);

// ---------------------------------------------------------------------------
// external_pause (§8.5)
// ---------------------------------------------------------------------------

describe('external_pause', () => {
  it('RESUME on a paused agent in TESTCAMP (dial level 1) answers the exact line and makes the agent READY', async () => {
    expect((await h.agent('1000'))?.status).toBe('PAUSED');
    h.clock.advance(5_000);
    const e = epoch();
    const res = await h.api({ agent_user: '1000', function: 'external_pause', value: 'RESUME' });
    expect(res.status).toBe(200);
    expect(res.body).toBe(`SUCCESS: external_pause function set - RESUME|${e}|1000\n`);

    const agent = await h.agent('1000');
    // Drop-in: written for VICIdial's screen; the status stays the screen's until it acts.
    const status = h.dropIn ? 'PAUSED' : 'READY';
    expect(agent?.status).toBe(status);
    expect(agent?.commands.pause).toBe(`RESUME!${e}`);
    const row = await vla();
    expect(row?.status).toBe(status);
    expect(row?.external_pause).toBe(`RESUME!${e}`);

    const log = await h.lastLog();
    expect(log).toMatchObject({
      user: '6666',
      function: 'external_pause',
      agent_user: '1000',
      value: 'RESUME',
      result: 'SUCCESS',
      result_reason: 'external_pause function set',
      data: String(e),
    });
  });

  it('PAUSE on a READY agent pauses at once and writes PAUSE!<epoch>', async () => {
    await makeReady();
    h.clock.advance(61_000);
    const e = epoch();
    const res = await h.api({ agent_user: '1000', function: 'external_pause', value: 'PAUSE' });
    expect(res.body).toBe(`SUCCESS: external_pause function set - PAUSE|${e}|1000\n`);
    expect((await h.agent('1000'))?.status).toBe(h.dropIn ? 'READY' : 'PAUSED');
    expect((await vla())?.external_pause).toBe(`PAUSE!${e}`);
  });

  it('PAUSE on an agent that is already paused is a no-op on the session but still answers SUCCESS', async () => {
    const before = await h.agent('1000');
    expect(before?.status).toBe('PAUSED');
    const e = epoch();
    const res = await h.api({ agent_user: '1000', function: 'external_pause', value: 'PAUSE' });
    expect(res.body).toBe(`SUCCESS: external_pause function set - PAUSE|${e}|1000\n`);
    const after = await h.agent('1000');
    expect(after?.status).toBe('PAUSED');
    expect(after?.leadId).toBe(0);
    expect((await vla())?.external_pause).toBe(`PAUSE!${e}`);
  });

  it('RESUME on a paused agent in a manual-dial campaign (dial level 0) answers SUCCESS but the agent stays PAUSED', async () => {
    await h.login('1001', 'OTHERCMP');
    expect((await h.agent('1001'))?.status).toBe('PAUSED');
    const e = epoch();
    const res = await h.api({ agent_user: '1001', function: 'external_pause', value: 'RESUME' });
    expect(res.body).toBe(`SUCCESS: external_pause function set - RESUME|${e}|1001\n`);
    expect((await h.agent('1001'))?.status).toBe('PAUSED');
    expect((await vla('1001'))?.external_pause).toBe(`RESUME!${e}`);
  });

  it.skipIf(embeddedOnly('engine'))('PAUSE during a call: the agent stays INCALL with the pause pending, and ends PAUSED after the disposition', async () => {
    await makeReady();
    await h.startCall('1000', { leadId: 1 });
    expect((await h.agent('1000'))?.status).toBe('INCALL');

    h.clock.advance(10_000);
    const e = epoch();
    const res = await h.api({ agent_user: '1000', function: 'external_pause', value: 'PAUSE' });
    expect(res.body).toBe(`SUCCESS: external_pause function set - PAUSE|${e}|1000\n`);

    let agent = await h.agent('1000');
    expect(agent?.status).toBe('INCALL');
    expect(agent?.leadId).toBe(1);
    expect(agent?.commands.pause).toBe(`PAUSE!${e}`);
    expect((await vla())?.external_pause).toBe(`PAUSE!${e}`);

    // The call ends: disposition step (PAUSED with the lead still on screen).
    await h.endCall('1000');
    agent = await h.agent('1000');
    expect(agent?.status).toBe('PAUSED');
    expect(agent?.leadId).toBe(1);

    // external_status during the disposition step dispositions the call.
    const status = await h.api({ agent_user: '1000', function: 'external_status', value: 'SALE' });
    expect(status.body).toBe('SUCCESS: external_status function set - SALE|1000\n');

    agent = await h.agent('1000');
    expect(agent?.status).toBe('PAUSED');
    expect(agent?.leadId).toBe(0);
    expect((await lead(1)).status).toBe('SALE');
  });

  it.skipIf(embeddedOnly('engine'))('the vendor-recommended order pause → hangup → status ends with the agent PAUSED and the lead dispositioned', async () => {
    await makeReady();
    await h.startCall('1000', { leadId: 5 });
    const e = epoch();
    expect((await h.api({ agent_user: '1000', function: 'external_pause', value: 'PAUSE' })).body).toBe(
      `SUCCESS: external_pause function set - PAUSE|${e}|1000\n`,
    );
    expect((await h.api({ agent_user: '1000', function: 'external_hangup', value: '1' })).body).toBe(
      'SUCCESS: external_hangup function set - 1|1000\n',
    );
    let agent = await h.agent('1000');
    expect(agent?.status).toBe('PAUSED');
    expect(agent?.leadId).toBe(5);
    expect((await h.api({ agent_user: '1000', function: 'external_status', value: 'NI' })).body).toBe(
      'SUCCESS: external_status function set - NI|1000\n',
    );
    agent = await h.agent('1000');
    expect(agent?.status).toBe('PAUSED');
    expect(agent?.leadId).toBe(0);
    expect((await lead(5)).status).toBe('NI');
  });

  it.skipIf(embeddedOnly('engine'))('PAUSE sent during the disposition step: the agent stays PAUSED after the disposition', async () => {
    await makeReady();
    await toDisposition(3);
    const e = epoch();
    const res = await h.api({ agent_user: '1000', function: 'external_pause', value: 'PAUSE' });
    expect(res.body).toBe(`SUCCESS: external_pause function set - PAUSE|${e}|1000\n`);
    expect((await h.agent('1000'))?.leadId).toBe(3);
    await h.api({ agent_user: '1000', function: 'external_status', value: 'B' });
    const agent = await h.agent('1000');
    expect(agent?.status).toBe('PAUSED');
    expect(agent?.leadId).toBe(0);
    expect((await lead(3)).status).toBe('B');
  });

  it.skipIf(embeddedOnly('engine'))('RESUME during the disposition step replaces a pending PAUSE: the agent is READY after the disposition', async () => {
    await makeReady();
    await h.startCall('1000', { leadId: 2 });
    await h.api({ agent_user: '1000', function: 'external_pause', value: 'PAUSE' });
    await h.endCall('1000');
    const e = epoch();
    const res = await h.api({ agent_user: '1000', function: 'external_pause', value: 'RESUME' });
    expect(res.body).toBe(`SUCCESS: external_pause function set - RESUME|${e}|1000\n`);
    // Still in the disposition step.
    expect((await h.agent('1000'))?.status).toBe('PAUSED');
    expect((await h.agent('1000'))?.leadId).toBe(2);
    await h.api({ agent_user: '1000', function: 'external_status', value: 'NI' });
    const agent = await h.agent('1000');
    expect(agent?.status).toBe('READY');
    expect(agent?.leadId).toBe(0);
    expect((await lead(2)).status).toBe('NI');
  });

  it('a value that only contains PAUSE is accepted (substring test) but does nothing on the session', async () => {
    await makeReady();
    const e = epoch();
    const res = await h.api({ agent_user: '1000', function: 'external_pause', value: 'XPAUSE' });
    expect(res.body).toBe(`SUCCESS: external_pause function set - XPAUSE|${e}|1000\n`);
    expect((await h.agent('1000'))?.status).toBe('READY');
    expect((await vla())?.external_pause).toBe(`XPAUSE!${e}`);
  });

  describe('not valid', () => {
    it.each([
      ['value missing', { agent_user: '1000' }, 'ERROR: external_pause not valid - |1000\n'],
      ['value empty', { agent_user: '1000', value: '' }, 'ERROR: external_pause not valid - |1000\n'],
      ['value without PAUSE or RESUME', { agent_user: '1000', value: 'STOP' }, 'ERROR: external_pause not valid - STOP|1000\n'],
      ['lower-case pause (the test is case-sensitive)', { agent_user: '1000', value: 'pause' }, 'ERROR: external_pause not valid - pause|1000\n'],
      ['value filtered to nothing', { agent_user: '1000', value: '!!' }, 'ERROR: external_pause not valid - |1000\n'],
      ['neither agent_user nor alt_user', { value: 'PAUSE' }, 'ERROR: external_pause not valid - PAUSE|\n'],
      ['agent_user filtered to nothing', { agent_user: '!!', value: 'PAUSE' }, 'ERROR: external_pause not valid - PAUSE|\n'],
      // agentgate refuses a '|' in relayed values (agent-api.md §6, permissions.md §10 #20).
      ['value with a pipe', { agent_user: '1000', value: 'PAUSE|X' }, 'ERROR: external_pause not valid - PAUSE|X|1000\n'],
    ])('%s', async (_name, params, line) => {
      const before = await untouched();
      const res = await h.api({ function: 'external_pause', ...params });
      expect(res.status).toBe(200);
      expect(res.body).toBe(line);
      expect(await untouched()).toEqual(before);
      expect(await h.lastLog()).toMatchObject({ result: 'ERROR', result_reason: 'external_pause not valid' });
    });

    it('a one-character alt_user passes validation (minimum 1) but, too short to be looked up, leaves no target', async () => {
      const res = await h.api({ function: 'external_pause', value: 'PAUSE', alt_user: 'A' });
      expect(res.body).toBe('ERROR: agent_user is not logged in - \n');
    });
  });

  it.each(['READY', 'QUEUE', 'INCALL', 'CLOSER'])(
    'RESUME on an agent whose status is %s answers "agent is not paused" and changes nothing',
    async (status) => {
      await h.exec(`UPDATE vicidial_live_agents SET status = '${status}' WHERE user = '1000'`);
      const before = await untouched();
      const res = await h.api({ agent_user: '1000', function: 'external_pause', value: 'RESUME' });
      expect(res.body).toBe('ERROR: external_pause agent is not paused - RESUME|1000\n');
      expect(await untouched()).toEqual(before);
      expect(before.row?.external_pause).toBe('');
      expect(await h.lastLog()).toMatchObject({
        result: 'ERROR',
        result_reason: 'external_pause agent is not paused',
        agent_user: '1000',
      });
    },
  );

  it('RESUME during a live call (INCALL) answers "agent is not paused" and leaves the call alone', async () => {
    await makeReady();
    await h.startCall('1000', { leadId: 1 });
    const res = await h.api({ agent_user: '1000', function: 'external_pause', value: 'RESUME' });
    expect(res.body).toBe('ERROR: external_pause agent is not paused - RESUME|1000\n');
    const agent = await h.agent('1000');
    expect(agent?.status).toBe('INCALL');
    expect(agent?.leadId).toBe(1);
    expect(agent?.commands.pause).toBe('');
  });

  it('a value that merely contains RESUME is refused on a READY agent too (substring test)', async () => {
    await makeReady();
    const res = await h.api({ agent_user: '1000', function: 'external_pause', value: 'XRESUMEX' });
    expect(res.body).toBe('ERROR: external_pause agent is not paused - XRESUMEX|1000\n');
  });

  it('agent_user not logged in', async () => {
    const res = await h.api({ agent_user: '1001', function: 'external_pause', value: 'PAUSE' });
    expect(res.body).toBe('ERROR: agent_user is not logged in - 1001\n');
    expect(await vla('1001')).toBeUndefined();
    expect(await h.lastLog()).toMatchObject({ result: 'ERROR', result_reason: 'agent_user is not logged in', agent_user: '1001' });
  });

  it('an API user allowed external_pause (6668) may use it', async () => {
    const e = epoch();
    const res = await h.api({ user: '6668', agent_user: '1000', function: 'external_pause', value: 'RESUME' });
    expect(res.body).toBe(`SUCCESS: external_pause function set - RESUME|${e}|1000\n`);
    await effect('1000', { status: 'READY' }, { pause: `RESUME!${e}` });
  });

  it('permission denied uses the 4-field layout <value>|<user>|<function>|<user_group>', async () => {
    await h.exec(`UPDATE vicidial_users SET api_allowed_functions = ' external_status ' WHERE user = '6668'`);
    const before = await untouched();
    const res = await h.api({ user: '6668', agent_user: '1000', function: 'external_pause', value: 'RESUME' });
    expect(res.body).toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - RESUME|6668|external_pause|ADMIN\n');
    expect(await untouched()).toEqual(before);
  });

  it.skipIf(embeddedOnly('engine'))('a pending PAUSE sent while paused is dropped when a new call starts (cleared at call start)', async () => {
    await h.api({ agent_user: '1000', function: 'external_pause', value: 'PAUSE' });
    expect((await vla())?.external_pause).not.toBe('');
    await h.startCall('1000', { leadId: 1 });
    expect((await vla())?.external_pause).toBe('');
    await h.endCall('1000');
    await h.api({ agent_user: '1000', function: 'external_status', value: 'SALE' });
    // Nothing pending any more: TESTCAMP (dial level 1) makes the agent READY.
    expect((await h.agent('1000'))?.status).toBe('READY');
  });
});
