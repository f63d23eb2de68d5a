/**
 * external_status (agent-api.md §8.4): the disposition, callbacks and
 * QueueMetrics codes.
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
const { makeReady, toDisposition, effect } = agentSteps(h);

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
    expect(await h.lastLog()).toMatchObject({
      function: 'external_status',
      agent_user: '1000',
      value: 'SALE',
      result: 'SUCCESS',
      result_reason: 'external_status function set',
    });
    // Drop-in: written for VICIdial's screen, which dispositions the lead on its poll.
    await effect('1000', async () => {
      const agent = await h.agent('1000');
      expect(agent?.status).toBe('READY');
      expect(agent?.leadId).toBe(0);
      expect((await vla())?.external_status).toBe('');
      const l = await lead(5);
      expect(l.status).toBe('SALE');
      expect(l.user).toBe('1000');
    }, { status: 'SALE' });
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
    await effect('1000', async () => {
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
    }, { status: composed });
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
    await effect('1000', async () => {
      const callbacks = await h.rows('vicidial_callbacks', { lead_id: 8 });
      expect(callbacks).toHaveLength(1);
      expect(callbacks[0]).toMatchObject({ recipient: 'ANYONE', user: '', lead_status: 'CALLBK', status: 'ACTIVE' });
      expect((await lead(8)).status).toBe('CBHOLD');
    }, { status: 'CALLBK!2026-12-01 09:00:00!ANYONE!!' });
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
    await effect('1000', async () => {
      // The screen books a callback only when the type is longer than 5 characters (agent-api.md §8.4).
      expect(await h.rows('vicidial_callbacks')).toHaveLength(0);
      expect((await lead(8)).status).toBe('CALLBK');
    }, { status: 'CALLBK!2026-12-01 09:00:00!USER!!' });
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
    await effect('1000', async () => {
      expect((await h.rows('vicidial_callbacks'))[0]).toMatchObject({ recipient: 'ANYONE', user: '' });
    }, { status: 'CALLBK!2026-12-01 09:00:00!ANYONE!!' });
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
    await effect('1000', async () => {
      expect(await h.rows('vicidial_callbacks', { lead_id: 2 })).toHaveLength(1);
      expect((await lead(2)).status).toBe('CBHOLD');
    }, { status: 'APPTBK!2026-12-02 11:00:00!ANYONE!!' });
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
    await effect('1000', async () => {
      expect(await h.rows('vicidial_callbacks')).toHaveLength(0);
      expect((await lead(3)).status).toBe('SALE');
    }, { status: 'SALE' });
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
    await effect('1000', async () => {
      expect(await h.rows('vicidial_callbacks')).toHaveLength(0);
      expect((await lead(3)).status).toBe('CALLBK');
    }, { status: 'CALLBK' });
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
    await effect('1000', async () => {
      const [cb] = await h.rows('vicidial_callbacks', { lead_id: 6 });
      expect(cb?.comments).toBe('x'.repeat(200));
    }, { status: composed });
  });

  it('a QueueMetrics code without a callback gives <status>!!!!<qm_dispo_code>', async () => {
    await makeReady();
    await toDisposition(4);
    const res = await h.api({ agent_user: '1000', function: 'external_status', value: 'SALE', qm_dispo_code: 'QM7' });
    expect(res.body).toBe('SUCCESS: external_status function set - SALE!!!!QM7|1000\n');
    await effect('1000', async () => {
      expect((await lead(4)).status).toBe('SALE');
    }, { status: 'SALE!!!!QM7' });
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
    await effect('1000', async () => {
      expect((await lead(1)).status).toBe('SALE');
    }, { status: 'SALE' });
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
