/**
 * agentgate's two deliberate rules on the target agent, for every function
 * that has one: the API user is never the agent user, and with API List
 * Restrict the agent must be logged into a campaign the API user's group allows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_PARAMS } from '../../src/api/agent/example-params.js';
import { agentFunctions } from '../../src/api/agent/registry.js';
import { startHarness, type Harness } from '../support/harness.js';

/** Parameters that pass each function's own validation: explain's typical calls. */
const VALID = EXAMPLE_PARAMS;

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
    for (const fn of targeted) expect(VALID[fn.name], fn.name).toBeDefined();
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
    expect(res.body).toBe('ERROR: agent_user is in a campaign not allowed for this user - 1000||6669\n');
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
    expect(res.body).toBe('ERROR: agent_user is in a campaign not allowed for this user - 1002||6669\n');
  });
});
