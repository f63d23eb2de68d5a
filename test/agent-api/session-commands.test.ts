/**
 * The agent API's session commands (agent-api.md §8.3–8.6, §8.22):
 * external_pause, logout, external_hangup, external_status and pause_code.
 *
 * Each function is checked for its byte-exact success line, its effect on the
 * session (h.agent) and on the vicidial_live_agents external_* columns, and
 * every error line its spec section lists, in the pipeline order of
 * permissions.md §1 step 14.
 *
 * Demo data (src/demo/seed.ts): agent 1000 is logged into TESTCAMP (RATIO,
 * dial level 1) and starts PAUSED; 1001 and 1002 are not logged in; API user
 * 6666 has ALL_FUNCTIONS, 6668 only external_pause and external_status.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const epoch = () => Math.floor(h.clock.now().getTime() / 1000);

/** The vicidial_live_agents row of a user (undefined once the session is gone). */
async function vla(user = '1000'): Promise<Record<string, unknown> | undefined> {
  const rows = await h.rows('vicidial_live_agents', { user });
  expect(rows.length).toBeLessThanOrEqual(1);
  return rows[0];
}

async function lead(leadId: number): Promise<Record<string, unknown>> {
  const [row] = await h.rows('vicidial_list', { lead_id: leadId });
  if (!row) throw new Error(`no lead ${leadId}`);
  return row;
}

/** A snapshot of everything a refused command must leave untouched. */
async function untouched(user = '1000') {
  const row = await vla(user);
  const agent = await h.agent(user);
  return { row, agent };
}

/** Make agent 1000 READY the way the screen would (the API RESUME, checked in its own test). */
async function makeReady(): Promise<void> {
  const res = await h.api({ agent_user: '1000', function: 'external_pause', value: 'RESUME' });
  expect(res.body).toMatch(/^SUCCESS: external_pause function set - RESUME\|\d+\|1000\n$/);
  expect((await h.agent('1000'))?.status).toBe('READY');
}

/** Give agent 1000 a call and then end it: the disposition step (PAUSED with the lead on screen). */
async function toDisposition(leadId = 1): Promise<void> {
  await h.startCall('1000', { leadId });
  await h.endCall('1000');
  const agent = await h.agent('1000');
  expect(agent?.status).toBe('PAUSED');
  expect(agent?.leadId).toBe(leadId);
}

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
    expect(agent?.status).toBe('READY');
    expect(agent?.commands.pause).toBe(`RESUME!${e}`);
    const row = await vla();
    expect(row?.status).toBe('READY');
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
    expect((await h.agent('1000'))?.status).toBe('PAUSED');
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

  it('PAUSE during a call: the agent stays INCALL with the pause pending, and ends PAUSED after the disposition', async () => {
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

  it('the vendor-recommended order pause → hangup → status ends with the agent PAUSED and the lead dispositioned', async () => {
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

  it('PAUSE sent during the disposition step: the agent stays PAUSED after the disposition', async () => {
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

  it('RESUME during the disposition step replaces a pending PAUSE: the agent is READY after the disposition', async () => {
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
    expect((await h.agent('1000'))?.status).toBe('READY');
  });

  it('permission denied uses the 4-field layout <value>|<user>|<function>|<user_group>', async () => {
    await h.exec(`UPDATE vicidial_users SET api_allowed_functions = ' external_status ' WHERE user = '6668'`);
    const before = await untouched();
    const res = await h.api({ user: '6668', agent_user: '1000', function: 'external_pause', value: 'RESUME' });
    expect(res.body).toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - RESUME|6668|external_pause|ADMIN\n');
    expect(await untouched()).toEqual(before);
  });

  it('a pending PAUSE sent while paused is dropped when a new call starts (cleared at call start)', async () => {
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

// ---------------------------------------------------------------------------
// logout (§8.6)
// ---------------------------------------------------------------------------

describe('logout', () => {
  it('logs an idle agent out at once with the exact line (epoch in the line, no epoch in the column)', async () => {
    const e = epoch();
    const res = await h.api({ agent_user: '1000', function: 'logout', value: 'LOGOUT' });
    expect(res.status).toBe(200);
    expect(res.body).toBe(`SUCCESS: logout function set - LOGOUT|${e}|1000\n`);
    expect(await h.agent('1000')).toBeUndefined();
    expect(await h.rows('vicidial_live_agents', { user: '1000' })).toHaveLength(0);
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
    expect(await vla()).toBeUndefined();
  });

  it('during a call the session stays (LOGOUT pending) until the disposition, then the row is gone', async () => {
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

  it('sent during the disposition step, the session ends once the disposition is submitted', async () => {
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

    expect(await h.lastLog()).toMatchObject({
      function: 'external_hangup',
      agent_user: '1000',
      value: '1',
      result: 'SUCCESS',
      result_reason: 'external_hangup function set',
    });

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

// ---------------------------------------------------------------------------
// external_status (§8.4)
// ---------------------------------------------------------------------------

describe('external_status', () => {
  it('during the disposition step it dispositions at once: lead status set, agent READY, column cleared', async () => {
    await makeReady();
    await toDisposition(5);
    const res = await h.api({ agent_user: '1000', function: 'external_status', value: 'SALE' });
    expect(res.status).toBe(200);
    expect(res.body).toBe('SUCCESS: external_status function set - SALE|1000\n');

    const agent = await h.agent('1000');
    expect(agent?.status).toBe('READY');
    expect(agent?.leadId).toBe(0);
    expect((await vla())?.external_status).toBe('');
    const l = await lead(5);
    expect(l.status).toBe('SALE');
    expect(l.user).toBe('1000');
    expect(await h.lastLog()).toMatchObject({
      function: 'external_status',
      agent_user: '1000',
      value: 'SALE',
      result: 'SUCCESS',
      result_reason: 'external_status function set',
    });
  });

  it('sent during the call it waits in the column and applies automatically when the call ends', async () => {
    await makeReady();
    await h.startCall('1000', { leadId: 6 });
    const res = await h.api({ agent_user: '1000', function: 'external_status', value: 'NI' });
    expect(res.body).toBe('SUCCESS: external_status function set - NI|1000\n');

    let agent = await h.agent('1000');
    expect(agent?.status).toBe('INCALL');
    expect(agent?.commands.status).toBe('NI');
    expect((await vla())?.external_status).toBe('NI');
    expect((await lead(6)).status).not.toBe('NI');

    await h.endCall('1000');
    agent = await h.agent('1000');
    expect(agent?.status).toBe('READY');
    expect(agent?.leadId).toBe(0);
    expect((await vla())?.external_status).toBe('');
    expect((await lead(6)).status).toBe('NI');
  });

  it('CALLBK with callback_datetime and callback_type=USERONLY books a USERONLY callback and holds the lead as CBHOLD', async () => {
    await makeReady();
    await toDisposition(7);
    const res = await h.api({
      agent_user: '1000',
      function: 'external_status',
      value: 'CALLBK',
      callback_datetime: '2026-11-30 14:30:00',
      callback_type: 'USERONLY',
      callback_comments: 'call back after lunch',
    });
    const composed = 'CALLBK!2026-11-30 14:30:00!USERONLY!call back after lunch!';
    expect(res.body).toBe(`SUCCESS: external_status function set - ${composed}|1000\n`);
    // vicidial_api_log.value is the composed value.
    expect(await h.lastLog()).toMatchObject({ value: composed, result: 'SUCCESS' });

    const callbacks = await h.rows('vicidial_callbacks', { lead_id: 7 });
    expect(callbacks).toHaveLength(1);
    expect(callbacks[0]).toMatchObject({
      lead_id: 7,
      list_id: 101,
      campaign_id: 'TESTCAMP',
      status: 'ACTIVE',
      recipient: 'USERONLY',
      user: '1000',
      user_group: 'AGENTS',
      lead_status: 'CALLBK',
      comments: 'call back after lunch',
    });
    expect(String(callbacks[0]?.callback_time)).toBe('2026-11-30 14:30:00');
    expect((await lead(7)).status).toBe('CBHOLD');
    expect((await h.agent('1000'))?.status).toBe('READY');
  });

  it('a callback_type shorter than 4 characters becomes ANYONE (no user on the callback)', async () => {
    await makeReady();
    await toDisposition(8);
    const res = await h.api({
      agent_user: '1000',
      function: 'external_status',
      value: 'CALLBK',
      callback_datetime: '2026-12-01 09:00:00',
      callback_type: 'USE',
    });
    expect(res.body).toBe('SUCCESS: external_status function set - CALLBK!2026-12-01 09:00:00!ANYONE!!|1000\n');
    const callbacks = await h.rows('vicidial_callbacks', { lead_id: 8 });
    expect(callbacks).toHaveLength(1);
    expect(callbacks[0]).toMatchObject({ recipient: 'ANYONE', user: '', lead_status: 'CALLBK', status: 'ACTIVE' });
    expect((await lead(8)).status).toBe('CBHOLD');
  });

  it('a callback_type of 4 or 5 characters is kept as given, and the screen then books no callback', async () => {
    await makeReady();
    await toDisposition(8);
    const res = await h.api({
      agent_user: '1000',
      function: 'external_status',
      value: 'CALLBK',
      callback_datetime: '2026-12-01 09:00:00',
      callback_type: 'USER',
    });
    expect(res.body).toBe('SUCCESS: external_status function set - CALLBK!2026-12-01 09:00:00!USER!!|1000\n');
    // The screen books a callback only when the type is longer than 5 characters (agent-api.md §8.4).
    expect(await h.rows('vicidial_callbacks')).toHaveLength(0);
    expect((await lead(8)).status).toBe('CALLBK');
  });

  it('callback_type keeps only upper-case letters: lower-case useronly becomes empty, hence ANYONE', async () => {
    await makeReady();
    await toDisposition(8);
    const res = await h.api({
      agent_user: '1000',
      function: 'external_status',
      value: 'CALLBK',
      callback_datetime: '2026-12-01 09:00:00',
      callback_type: 'useronly',
    });
    expect(res.body).toBe('SUCCESS: external_status function set - CALLBK!2026-12-01 09:00:00!ANYONE!!|1000\n');
    expect((await h.rows('vicidial_callbacks'))[0]).toMatchObject({ recipient: 'ANYONE', user: '' });
  });

  it('a campaign-only callback status (APPTBK in TESTCAMP) also composes the callback', async () => {
    await makeReady();
    await toDisposition(2);
    const res = await h.api({
      agent_user: '1000',
      function: 'external_status',
      value: 'APPTBK',
      callback_datetime: '2026-12-02 11:00:00',
      callback_type: 'ANYONE',
    });
    expect(res.body).toBe('SUCCESS: external_status function set - APPTBK!2026-12-02 11:00:00!ANYONE!!|1000\n');
    expect(await h.rows('vicidial_callbacks', { lead_id: 2 })).toHaveLength(1);
    expect((await lead(2)).status).toBe('CBHOLD');
  });

  it('callback fields are silently ignored for a status that is not a callback status', async () => {
    await makeReady();
    await toDisposition(3);
    const res = await h.api({
      agent_user: '1000',
      function: 'external_status',
      value: 'SALE',
      callback_datetime: '2026-11-30 14:30:00',
      callback_type: 'USERONLY',
    });
    expect(res.body).toBe('SUCCESS: external_status function set - SALE|1000\n');
    expect(await h.rows('vicidial_callbacks')).toHaveLength(0);
    expect((await lead(3)).status).toBe('SALE');
  });

  it('callback fields are ignored when callback_datetime is 12 characters or fewer', async () => {
    await makeReady();
    await toDisposition(3);
    const res = await h.api({
      agent_user: '1000',
      function: 'external_status',
      value: 'CALLBK',
      callback_datetime: '2026-11-30',
      callback_type: 'USERONLY',
    });
    expect(res.body).toBe('SUCCESS: external_status function set - CALLBK|1000\n');
    expect(await h.rows('vicidial_callbacks')).toHaveLength(0);
    expect((await lead(3)).status).toBe('CALLBK');
  });

  it('callback_comments are cut to 200 characters and a QueueMetrics code is appended', async () => {
    await makeReady();
    await toDisposition(6);
    const long = 'x'.repeat(250);
    const res = await h.api({
      agent_user: '1000',
      function: 'external_status',
      value: 'CALLBK',
      callback_datetime: '2026-11-30 14:30:00',
      callback_type: 'USERONLY',
      callback_comments: long,
      qm_dispo_code: 'QM1',
    });
    const composed = `CALLBK!2026-11-30 14:30:00!USERONLY!${'x'.repeat(200)}!QM1`;
    expect(res.body).toBe(`SUCCESS: external_status function set - ${composed}|1000\n`);
    const [cb] = await h.rows('vicidial_callbacks', { lead_id: 6 });
    expect(cb?.comments).toBe('x'.repeat(200));
  });

  it('a QueueMetrics code without a callback gives <status>!!!!<qm_dispo_code>', async () => {
    await makeReady();
    await toDisposition(4);
    const res = await h.api({ agent_user: '1000', function: 'external_status', value: 'SALE', qm_dispo_code: 'QM7' });
    expect(res.body).toBe('SUCCESS: external_status function set - SALE!!!!QM7|1000\n');
    expect((await lead(4)).status).toBe('SALE');
  });

  it('sent while the agent waits for calls it is stored (no lead to disposition) and a new call start clears it', async () => {
    await makeReady();
    const res = await h.api({ agent_user: '1000', function: 'external_status', value: 'SALE' });
    expect(res.body).toBe('SUCCESS: external_status function set - SALE|1000\n');
    expect((await h.agent('1000'))?.status).toBe('READY');
    expect((await vla())?.external_status).toBe('SALE');
    await h.startCall('1000', { leadId: 1 });
    expect((await vla())?.external_status).toBe('');
  });

  it('an API user allowed external_status (6668) may use it', async () => {
    await makeReady();
    await toDisposition(1);
    const res = await h.api({ user: '6668', agent_user: '1000', function: 'external_status', value: 'SALE' });
    expect(res.body).toBe('SUCCESS: external_status function set - SALE|1000\n');
    expect((await lead(1)).status).toBe('SALE');
  });

  describe('not valid', () => {
    it.each([
      ['value missing', { agent_user: '1000' }, 'ERROR: external_status not valid - |1000\n'],
      ['neither agent_user nor alt_user', { value: 'SALE' }, 'ERROR: external_status not valid - SALE|\n'],
      ['a one-character alt_user is too short (minimum 2)', { value: 'SALE', alt_user: 'Z' }, 'ERROR: external_status not valid - SALE|\n'],
      // Without the pipe rule the lead's status would become 'SALE|X'.
      ['value with a pipe', { agent_user: '1000', value: 'SALE|X' }, 'ERROR: external_status not valid - SALE|X|1000\n'],
    ])('%s', async (_name, params, line) => {
      await makeReady();
      await toDisposition(1);
      const res = await h.api({ function: 'external_status', ...params });
      expect(res.body).toBe(line);
      expect((await h.agent('1000'))?.leadId).toBe(1);
      expect((await lead(1)).status).not.toBe('SALE');
      expect(await h.lastLog()).toMatchObject({ result: 'ERROR', result_reason: 'external_status not valid' });
    });
  });

  it('agent_user not logged in', async () => {
    const res = await h.api({ agent_user: '1001', function: 'external_status', value: 'SALE' });
    expect(res.body).toBe('ERROR: agent_user is not logged in - 1001\n');
  });

  it('permission denied uses the 4-field layout with the raw value', async () => {
    await h.exec(`UPDATE vicidial_users SET api_allowed_functions = ' external_pause ' WHERE user = '6668'`);
    await makeReady();
    await toDisposition(1);
    const res = await h.api({ user: '6668', agent_user: '1000', function: 'external_status', value: 'SALE' });
    expect(res.body).toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - SALE|6668|external_status|ADMIN\n');
    expect((await h.agent('1000'))?.leadId).toBe(1);
    expect((await vla())?.external_status).toBe('');
  });
});

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
    expect(agent?.pauseCode).toBe('BREAK');
    const row = await vla();
    expect(row?.pause_code).toBe('BREAK');
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

  it('going READY clears external_pause_code (agent-api.md §6); an API PAUSE during the call keeps it for the next pause', async () => {
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
      expect((await h.agent('1000'))?.pauseCode).toBe(code);
    }
  });

  it('after an API PAUSE the code applies to the new pause', async () => {
    await makeReady();
    await h.api({ agent_user: '1000', function: 'external_pause', value: 'PAUSE' });
    const res = await h.api({ agent_user: '1000', function: 'pause_code', value: 'LUNCH' });
    expect(res.body).toBe('SUCCESS: pause_code function sent - 1000\n');
    expect((await vla())?.pause_code).toBe('LUNCH');
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

// ---------------------------------------------------------------------------
// alt_user (permissions.md §4) and the gates shared by the five functions
// ---------------------------------------------------------------------------

describe('alt_user', () => {
  it('alt_user is filtered to [0-9A-Za-z] first: CRM-1000 names the demo agent 1000 (custom_three CRM1000)', async () => {
    const e = epoch();
    const res = await h.api({ alt_user: 'CRM-1000', function: 'external_pause', value: 'RESUME' });
    expect(res.body).toBe(`SUCCESS: external_pause function set - RESUME|${e}|1000\n`);
    expect((await h.agent('1000'))?.status).toBe('READY');
  });

  describe('with the demo custom_three CRM1000 on agent 1000', () => {

    it('external_pause: alt_user targets 1000 and the line names 1000', async () => {
      const e = epoch();
      const res = await h.api({ alt_user: 'CRM1000', function: 'external_pause', value: 'RESUME' });
      expect(res.body).toBe(`SUCCESS: external_pause function set - RESUME|${e}|1000\n`);
      expect((await h.agent('1000'))?.status).toBe('READY');
      expect(await h.lastLog()).toMatchObject({ agent_user: '1000', result: 'SUCCESS' });
    });

    it('alt_user wins over a supplied agent_user', async () => {
      await h.login('1001', 'TESTCAMP');
      const e = epoch();
      const res = await h.api({ agent_user: '1001', alt_user: 'CRM1000', function: 'external_pause', value: 'RESUME' });
      expect(res.body).toBe(`SUCCESS: external_pause function set - RESUME|${e}|1000\n`);
      expect((await h.agent('1000'))?.status).toBe('READY');
      expect((await h.agent('1001'))?.status).toBe('PAUSED');
    });

    it('logout via alt_user', async () => {
      const res = await h.api({ alt_user: 'CRM1000', function: 'logout', value: 'LOGOUT' });
      expect(res.body).toBe(`SUCCESS: logout function set - LOGOUT|${epoch()}|1000\n`);
      expect(await h.agent('1000')).toBeUndefined();
    });

    it('external_hangup via alt_user', async () => {
      await makeReady();
      await h.startCall('1000', { leadId: 1 });
      const res = await h.api({ alt_user: 'CRM1000', function: 'external_hangup', value: '1' });
      expect(res.body).toBe('SUCCESS: external_hangup function set - 1|1000\n');
      expect((await h.agent('1000'))?.status).toBe('PAUSED');
      expect((await h.agent('1000'))?.leadId).toBe(1);
    });

    it('external_status via alt_user', async () => {
      await makeReady();
      await toDisposition(1);
      const res = await h.api({ alt_user: 'CRM1000', function: 'external_status', value: 'SALE' });
      expect(res.body).toBe('SUCCESS: external_status function set - SALE|1000\n');
      expect((await lead(1)).status).toBe('SALE');
    });

    it('pause_code via alt_user', async () => {
      const res = await h.api({ alt_user: 'CRM1000', function: 'pause_code', value: 'BREAK' });
      expect(res.body).toBe('SUCCESS: pause_code function sent - 1000\n');
      expect((await vla())?.pause_code).toBe('BREAK');
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
