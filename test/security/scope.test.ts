/**
 * agentgate's two deliberate rules on the target agent, for every function
 * that has one: the API user is never the agent user, and with API List
 * Restrict the agent must be logged into a campaign the API user's group allows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFunctions } from '../../src/api/agent/registry.js';
import { startHarness, type Harness } from '../support/harness.js';

/** Parameters that pass each function's own validation. */
const VALID: Record<string, Record<string, string>> = {
  external_hangup: { value: '1' },
  external_status: { value: 'SALE' },
  external_pause: { value: 'PAUSE' },
  logout: { value: 'LOGOUT' },
  external_dial: { value: '3125550111', phone_code: '1', search: 'NO', preview: 'NO', focus: 'NO' },
  preview_dial_action: { value: 'SKIP' },
  external_add_lead: { value: '3125550111', phone_code: '1' },
  change_ingroups: { value: 'CHANGE', blended: 'NO', ingroup_choices: ' TESTIN -' },
  update_fields: { first_name: 'Scoped' },
  set_timer_action: { value: 'MESSAGE_ONLY', notes: 'hi', rank: '5' },
  pause_code: { value: 'BREAK' },
  switch_lead: { lead_id: '1' },
  calls_in_queue_count: { value: 'DISPLAY' },
  recording: { value: 'STATUS' },
  vm_message: { value: 'greeting' },
  refresh_panel: { formreload: '1' },
  transfer_conference: { value: 'LEAVE_3WAY_CALL' },
  park_call: { value: 'PARK_CUSTOMER' },
  send_dtmf: { value: '123' },
  ra_call_control: { value: 'M1128100000000000001', stage: 'HANGUP' },
  call_agent: { value: 'CALL' },
  audio_playback: { value: 'hold', stage: 'PLAY' },
  webphone_url: { value: 'DISPLAY' },
  force_fronter_leave_3way: { value: 'LOCAL_ONLY' },
  force_fronter_audio_stop: { value: 'LOCAL_ONLY' },
};

const targeted = [...agentFunctions({ version: 'test', startedAt: new Date() }).values()].filter((f) => f.target !== 'none');

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  // An account that is both an API user and an agent: allowed by VICIdial, refused by agentgate.
  await h.services.store.users.insert({
    user: '5555',
    pass_hash: await h.services.passwords.hash('1234'),
    user_level: 8,
    user_group: 'ADMIN',
    vdc_agent_api_access: '1',
    agentcall_manual: '1',
    custom_three: 'CRM-5555',
  });
  await h.login('5555', 'TESTCAMP');
  await h.login('1002', 'OTHERCMP');
});
afterAll(() => h.close());

describe('every targeted function is covered', () => {
  it('has valid parameters for each', () => {
    expect(targeted.map((f) => f.name).sort()).toEqual(Object.keys(VALID).sort());
  });
});

describe('the two-account rule', () => {
  it.each(targeted.map((f) => f.name))('%s refuses an API user acting on itself', async (fn) => {
    const res = await h.api({ user: '5555', function: fn, agent_user: '5555', ...VALID[fn] });
    expect(res.body).toBe('ERROR: API user and agent_user must be different accounts - 5555|5555\n');
  });

  it('also when alt_user resolves to the API user', async () => {
    const res = await h.api({ user: '5555', function: 'external_pause', alt_user: 'CRM5555', value: 'PAUSE' });
    // custom_three is CRM-5555; alt_user keeps only letters and digits, so it cannot name it…
    expect(res.body).toBe('ERROR: no user found - CRM5555\n');
    await h.exec(`update vicidial_users set custom_three = 'CRM5555' where user = '5555'`);
    const again = await h.api({ user: '5555', function: 'external_pause', alt_user: 'CRM5555', value: 'PAUSE' });
    expect(again.body).toBe('ERROR: API user and agent_user must be different accounts - 5555|5555\n');
  });

  it('lets the same account act on another agent', async () => {
    const res = await h.api({ user: '5555', function: 'calls_in_queue_count', agent_user: '1000', value: 'DISPLAY' });
    expect(res.body).toBe('SUCCESS: calls_in_queue_count - 0');
  });
});

describe('API List Restrict on the target agent', () => {
  it.each(targeted.map((f) => f.name))('%s refuses an agent in a campaign outside the group', async (fn) => {
    const res = await h.api({ user: '6669', function: fn, agent_user: '1000', ...VALID[fn] });
    expect(res.body).toBe('ERROR: agent_user is in a campaign not allowed for this user - 1000|TESTCAMP|6669\n');
  });

  it.each(targeted.map((f) => f.name))('%s lets an agent in an allowed campaign through the gate', async (fn) => {
    await h.logout('1002');
    await h.login('1002', 'OTHERCMP');
    const res = await h.api({ user: '6669', function: fn, agent_user: '1002', ...VALID[fn] });
    expect(res.body).not.toMatch(/campaign not allowed|Invalid Username|not logged in|PERMISSION/);
  });

  it('does not restrict an API user without API List Restrict', async () => {
    await h.logout('1002');
    await h.login('1002', 'OTHERCMP');
    const res = await h.api({ user: '6666', function: 'calls_in_queue_count', agent_user: '1002', value: 'DISPLAY' });
    expect(res.body).toBe('SUCCESS: calls_in_queue_count - 0');
  });

  it('allows nothing when the restricted user group cannot be read', async () => {
    await h.logout('1002');
    await h.login('1002', 'OTHERCMP');
    await h.exec(`delete from vicidial_user_groups where user_group = 'TEAM_B'`);
    const res = await h.api({ user: '6669', function: 'calls_in_queue_count', agent_user: '1002', value: 'DISPLAY' });
    expect(res.body).toBe('ERROR: agent_user is in a campaign not allowed for this user - 1002|OTHERCMP|6669\n');
  });
});
