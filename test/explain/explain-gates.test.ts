/**
 * explain against the real pipeline, gate by gate: each case sets up the one
 * thing that refuses, asks explain, and checks the deciding gate, its fix and
 * that every later gate is "not reached". Explain must also answer exactly
 * what the request would get, and write nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { explainRequest, type ExplainInput, type Explanation } from '../../src/api/explain.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

/** The whole answer, as the CLI asks for it (the console gets its first words: test/security/team-admin.test.ts). */
const explain = (input: Partial<ExplainInput> & { function: string }): Promise<Explanation> =>
  explainRequest(h.services, { user: '6666', agentUser: '1000', ...input }, { answer: 'full' });

/** The deciding gate, and that nothing after it ran. */
function decided(e: Explanation, gate: string): NonNullable<Explanation['decidedBy']> {
  expect(e.allowed).toBe(false);
  expect(e.decidedBy?.gate).toBe(gate);
  const at = e.gates.findIndex((g) => g.status === 'fail');
  expect(e.gates.slice(0, at).every((g) => g.status === 'pass')).toBe(true);
  expect(e.gates.slice(at + 1).every((g) => g.status === 'not-reached')).toBe(true);
  return e.decidedBy!;
}

const sql = (statement: string) => h.exec(statement);

describe('explain finds the deciding gate', () => {
  it('source', async () => {
    const d = decided(await explain({ function: 'external_pause', params: { source: 'x' } }), 'source');
    expect(d.fix).toMatch(/source=/);
  });

  it('credentials: unknown user, inactive, level 0, locked', async () => {
    expect(decided(await explain({ user: 'nosuch', function: 'external_pause' }), 'credentials').detail).toMatch(/no user nosuch/);
    await sql(`UPDATE vicidial_users SET active = 'N' WHERE user = '6666'`);
    expect(decided(await explain({ function: 'external_pause' }), 'credentials').fix).toBe('make 6666 active');
    await sql(`UPDATE vicidial_users SET active = 'Y', user_level = 0 WHERE user = '6666'`);
    expect(decided(await explain({ function: 'external_pause' }), 'credentials').setting).toBe('vicidial_users.user_level');
    await sql(`UPDATE vicidial_users SET user_level = 8, failed_login_count = 10, last_login_date = '2026-11-28 09:59:00' WHERE user = '6666'`);
    expect(decided(await explain({ function: 'external_pause' }), 'credentials').detail).toMatch(/locked/);
  });

  it('Agent API Access, with the fix the issue names', async () => {
    const d = decided(await explain({ user: '6667', function: 'external_pause' }), 'api_access');
    expect(d.fix).toBe('turn on Agent API Access for 6667');
    expect(d.setting).toBe('vicidial_users.vdc_agent_api_access');
  });

  it('the system-wide switch', async () => {
    await sql(`UPDATE system_settings SET vdc_agent_api_active = '0'`);
    expect(decided(await explain({ function: 'external_pause' }), 'system_api').setting).toBe('system_settings.vdc_agent_api_active');
  });

  it('an unknown function', async () => {
    decided(await explain({ function: 'no_such_function' }), 'function');
  });

  it('parameters, which VICIdial checks before permissions', async () => {
    const e = await explain({ user: '6668', function: 'external_pause', value: 'NAP' });
    expect(decided(e, 'parameters').detail).toBe('ERROR: external_pause not valid - NAP|1000');
  });

  it('API Allowed Functions, with example parameters filled in', async () => {
    const e = await explain({ user: '6668', function: 'external_dial' });
    const d = decided(e, 'allowed_functions');
    expect(d.fix).toBe("add external_dial to 6668's allowed functions");
    expect(d.setting).toBe('vicidial_users.api_allowed_functions');
    expect(e.filledIn).toContain('value');
    // Every gate after the refusal is listed as not reached, external_dial's own declared ones included.
    expect(e.gates.map((g) => g.gate)).toEqual([
      'source', 'credentials', 'api_access', 'system_api', 'function', 'parameters', 'allowed_functions',
      'two_accounts', 'agent_logged_in', 'agent_scope', 'agent_state', 'agentcall_manual', 'outbound_cid', 'lead_scope', 'list_scope',
      'function_checks',
    ]);
  });

  it('alt_user, two accounts, logged in', async () => {
    decided(await explain({ function: 'external_pause', params: { alt_user: 'NOPE' } }), 'alt_user');
    decided(await explain({ function: 'external_pause', agentUser: '6666' }), 'two_accounts');
    expect(decided(await explain({ function: 'external_pause', agentUser: '1001' }), 'agent_logged_in').fix).toBe('log 1001 in to a campaign');
  });

  it("API List Restrict on the agent's campaign names the campaign and the group", async () => {
    const d = decided(await explain({ user: '6669', function: 'external_pause' }), 'agent_scope');
    expect(d.detail).toContain("campaign TESTCAMP is not in TEAM_B's allowed campaigns");
    expect(d.fix).toBe("add TESTCAMP to TEAM_B's allowed campaigns, or turn off API List Restrict for 6669");
  });

  it("API List Restrict on a lead's list and on a list written to", async () => {
    await h.login('1002', 'OTHERCMP');
    const lead = decided(await explain({ user: '6669', agentUser: '1002', function: 'external_dial', leadId: '1' }), 'lead_scope');
    expect(lead.detail).toContain("campaign TESTCAMP, which is not in TEAM_B's allowed campaigns");
    await sql(`UPDATE vicidial_campaigns SET manual_dial_list_id = 101 WHERE campaign_id = 'OTHERCMP'`);
    decided(await explain({ user: '6669', agentUser: '1002', function: 'external_add_lead' }), 'list_scope');
  });

  it("the function's own permission flags", async () => {
    await sql(`UPDATE vicidial_users SET agentcall_manual = '0' WHERE user = '1000'`);
    expect(decided(await explain({ function: 'external_dial' }), 'agentcall_manual').fix).toBe('set agentcall_manual to 1 for 1000');
    await sql(`UPDATE vicidial_users SET modify_leads = '0', change_agent_campaign = '0', modify_campaigns = '0' WHERE user = '6666'`);
    await h.startCall('1000');
    decided(await explain({ function: 'update_fields' }), 'modify_leads');
    decided(await explain({ function: 'change_ingroups' }), 'change_agent_campaign');
    decided(await explain({ function: 'set_timer_action' }), 'modify_campaigns');
  });

  it('system switches read by functions: notifications and explicit caller ids', async () => {
    await sql(`UPDATE system_settings SET agent_notifications = '0', outbound_cid_any = 'DISABLED'`);
    decided(await explain({ function: 'send_notification' }), 'agent_notifications');
    decided(await explain({ function: 'external_dial', params: { outbound_cid: '3125550000' } }), 'outbound_cid');
  });

  it("a notification recipient outside the API user's group", async () => {
    const e = await explain({ user: '6669', function: 'send_notification', params: { recipient: 'TESTCAMP', recipient_type: 'CAMPAIGN' } });
    expect(decided(e, 'recipient_scope').detail).toBe("campaign TESTCAMP is not in TEAM_B's allowed campaigns");
  });

  it("the agent's state, and a refusal no named gate reports", async () => {
    await h.startCall('1000');
    decided(await explain({ function: 'external_pause', value: 'RESUME' }), 'agent_state');
    // switch_lead's "not inbound" line has no named gate: it is reported as the function's own check.
    const e = await explain({ function: 'switch_lead', params: { lead_id: '2' } });
    expect(decided(e, 'function_checks').detail).toMatch(/^ERROR: agent call is not inbound - 1000\|V/);
  });
});

describe('explain is the request path', () => {
  const cases: [string, Partial<ExplainInput> & { function: string }][] = [
    ['allowed', { function: 'external_pause', value: 'PAUSE' }],
    ['not in allowed functions', { user: '6668', function: 'external_hangup', value: '1' }],
    ['no API access', { user: '6667', function: 'external_pause', value: 'PAUSE' }],
    ['other team', { user: '6669', function: 'external_status', value: 'SALE' }],
    ['not logged in', { function: 'external_pause', value: 'PAUSE', agentUser: '1001' }],
  ];

  it.each(cases)('answers exactly what the request gets: %s', async (_name, input) => {
    const e = await explain(input);
    const real = await h.api({ user: input.user ?? '6666', agent_user: input.agentUser ?? '1000', function: input.function, value: input.value ?? '' });
    expect(e.answer.replace(/\|\d{10}\|/, '|EPOCH|')).toBe(real.body.replace(/\|\d{10}\|/, '|EPOCH|'));
    expect(e.allowed).toBe(!real.body.startsWith('ERROR'));
  });

  it('writes nothing: no audit row, no session change, no failed-login count', async () => {
    const before = { log: (await h.rows('vicidial_api_log')).length, agent: await h.agent('1000') };
    const e = await explain({ function: 'external_pause', value: 'RESUME' });
    expect(e.allowed).toBe(true);
    expect(e.gates.every((g) => g.status === 'pass')).toBe(true);
    await explain({ user: '6666', function: 'external_pause', params: { pass: 'wrong' } });
    expect((await h.rows('vicidial_api_log')).length).toBe(before.log);
    expect(await h.agent('1000')).toEqual(before.agent);
    expect((await h.rows('vicidial_users', { user: '6666' }))[0]!.failed_login_count).toBe(0);
  });

  it('never shows a password it was given', async () => {
    const e = await explain({ function: 'external_pause', params: { pass: 'secret-pw' } });
    expect(JSON.stringify(e)).not.toContain('secret-pw');
  });
});

describe('explain on the non-agent API: the same pipeline, its own gates', () => {
  const explainNonAgent = (input: Partial<ExplainInput> & { function: string }) =>
    explainRequest(h.services, { user: '6000', ...input }, { answer: 'full' });

  it('lays out the prelude in the function’s own order, and allows what is allowed', async () => {
    const allowed = await explainNonAgent({ function: 'logged_in_agents' });
    expect(allowed.allowed).toBe(true);
    expect(allowed.gates.map((g) => g.gate)).toEqual(['credentials', 'function', 'source', 'allowed_functions', 'permission', 'function_checks']);
    // ingroup_list: the permission before the allowed functions, and no source (spec §3.3).
    const ingroups = await explainNonAgent({ function: 'ingroup_list', params: { source: '' } });
    expect(ingroups.gates.map((g) => g.gate)).toEqual(['credentials', 'function', 'permission', 'allowed_functions', 'function_checks']);
  });

  it('finds the missing permission flag and says which column grants it', async () => {
    await sql(`UPDATE vicidial_users SET view_reports = '0' WHERE user = '6000'`);
    const d = decided(await explainNonAgent({ function: 'logged_in_agents' }), 'permission');
    expect(d.setting).toBe('vicidial_users.view_reports');
    expect(d.fix).toMatch(/view_reports = 1/);
  });

  it('finds API Allowed Functions, the level-7 login and API List Restrict’s missing group', async () => {
    await sql(`UPDATE vicidial_users SET api_allowed_functions = ' add_lead -' WHERE user = '6000'`);
    expect(decided(await explainNonAgent({ function: 'logged_in_agents' }), 'allowed_functions').setting).toBe('vicidial_users.api_allowed_functions');
    await sql(`UPDATE vicidial_users SET api_allowed_functions = ' ALL_FUNCTIONS -', user_level = 6 WHERE user = '6000'`);
    expect(decided(await explainNonAgent({ function: 'logged_in_agents' }), 'credentials').detail).toMatch(/below 7/);
    await sql(`UPDATE vicidial_users SET user_level = 9, api_list_restrict = '1', user_group = 'NOSUCH' WHERE user = '6000'`);
    expect(decided(await explainNonAgent({ function: 'list_info', params: { list_id: '101' } }), 'user_group').fix).toMatch(/NOSUCH/);
  });

  it('answers exactly what the request gets, and writes nothing', async () => {
    const before = (await h.rows('vicidial_api_log')).length;
    const lists = (await h.rows('vicidial_lists')).length;
    const e = await explainNonAgent({ function: 'add_list', params: { list_id: '9901', list_name: 'explained', campaign_id: 'TESTCAMP' } });
    expect(e.allowed).toBe(true);
    expect((await h.rows('vicidial_api_log')).length).toBe(before);
    expect((await h.rows('vicidial_lists')).length).toBe(lists);
    const refused = await explainNonAgent({ function: 'update_list', params: { list_id: '424242' } });
    const real = await h.nonAgent({ function: 'update_list', list_id: '424242' });
    expect(refused.answer).toBe(real.body);
  });
});

describe('explain on an answer VICIdial leaves empty', () => {
  it('says so instead of failing', async () => {
    const e = await explainRequest(h.services, { user: '6000', function: 'update_lead', params: { lead_id: '1' } });
    const real = await h.nonAgent({ function: 'update_lead', lead_id: '1' });
    expect(real.body).toBe('');
    expect(e.answer).toBe('(an empty answer)');
    expect(e.allowed).toBe(true);
  });
});
