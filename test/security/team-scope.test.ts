/**
 * A low-privilege API user cannot reach another team's records. Every function
 * that returns or changes lead, list, call or user data, called by an API
 * user of TEAM_B (API List Restrict: campaign OTHERCMP, list 201, users of
 * TEAM_B) on a record of the other team (campaign TESTCAMP, list 101, lead 1,
 * agents 1000 and 1001, their calls), refuses or leaves the record out — and
 * its answer does not name what it protects. Tables that must not change are
 * compared before and after.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NON_AGENT_FUNCTIONS } from '../../src/api/non-agent/registry.js';
import { ADMIN_FLAGS, seedCallHistory } from '../../src/demo/seed-non-agent.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
const TODAY = '2026-11-28';

beforeAll(async () => {
  h = await startHarness();
  h.clock.set(new Date(`${TODAY}T12:00:00`));
  await h.services.runner.run((u) => seedCallHistory(u.store, h.clock.now()));
  const hash = await h.services.passwords.hash('1234');
  // The non-agent API user of TEAM_B: every right, but only its team.
  await h.services.store.users.insert({ ...ADMIN_FLAGS, user: '7777', pass_hash: hash, user_group: 'TEAM_B', api_list_restrict: '1', api_only_user: '1' });
});
afterAll(() => h.close());

/** Rows of these tables, as text: equal before and after means nothing changed. */
async function snapshot(tables: readonly string[]): Promise<string> {
  return JSON.stringify(await Promise.all(tables.map((t) => h.rows(t))));
}

type Check = { line: string } | { matches: RegExp };
type Case = [name: string, params: Record<string, string>, check: Check, unchanged?: readonly string[]];

const LEADS = ['vicidial_list'];
const NON_AGENT: Case[] = [
  ['agent_status of an agent of the other team', { function: 'agent_status', agent_user: '1000' }, { line: 'ERROR: agent_status AGENT NOT FOUND: 7777|1000\n' }],
  ['logged_in_agents leaves the other team out', { function: 'logged_in_agents' }, { line: 'ERROR: logged_in_agents NO LOGGED IN AGENTS: 7777|\n' }],
  ['user_group_status counts none of the other team', { function: 'user_group_status', user_groups: 'AGENTS' }, { matches: /^AGENTS\|\d+\|0\|0\|0\|0\|0\|0\|0\n$/ }],
  // (agent 1000 is logged into TESTIN's campaign: an unrestricted user counts 1 there)
  ['in_group_status counts none of the other team', { function: 'in_group_status', in_groups: 'TESTIN' }, { line: 'TESTIN|0|0|0|0|0|0|0|0\n' }],
  [
    'agent_stats_export of an agent of the other team',
    { function: 'agent_stats_export', agent_user: '1001', datetime_start: `${TODAY} 00:00:00`, datetime_end: `${TODAY} 23:59:59` },
    { line: `ERROR: agent_stats_export NO RECORDS FOUND - 7777|1001|${TODAY} 00:00:00|${TODAY} 23:59:59|\n` },
  ],
  ['callid_info of a call of the other team', { function: 'callid_info', call_id: 'V1128090000000000001' }, { line: 'ERROR: callid_info CALL NOT FOUND: 7777|\n' }],
  ['call_status_stats of the other team’s campaign', { function: 'call_status_stats', campaigns: 'TESTCAMP', query_date: TODAY }, { line: '' }],
  ['call_dispo_report of the other team’s campaign', { function: 'call_dispo_report', campaigns: 'TESTCAMP', query_date: TODAY }, { line: 'CAMPAIGN,TOTAL CALLS\nTOTAL,0' }],
  ['agent_campaigns of an agent of the other team', { function: 'agent_campaigns', agent_user: '1000' }, { line: 'ERROR: agent_campaigns AGENT USER DOES NOT EXIST: |7777|1000\n' }],
  ['campaigns_list leaves the other team’s campaign out', { function: 'campaigns_list' }, { line: 'OTHERCMP|Other campaign (manual dial)|Y|---ALL---|MANUAL|0||NEW|60|9||\n' }],
  ['user_details of a user of the other team', { function: 'user_details', agent_user: '1001' }, { line: 'ERROR: user_details USER NOT FOUND: 7777|1001\n' }],
  ['add_lead into the other team’s list', { function: 'add_lead', phone_number: '3125557777', list_id: '101' }, { line: 'ERROR: add_lead NOT AN ALLOWED LIST ID - 3125557777|101\n' }, LEADS],
  [
    'add_lead whose duplicate is the other team’s lead: the line keeps its shape, not the lead',
    { function: 'add_lead', phone_number: '3125550101', list_id: '201', duplicate_check: 'DUPSYS' },
    { line: 'ERROR: add_lead DUPLICATE PHONE NUMBER IN SYSTEM - 3125550101|201||\n' },
    LEADS,
  ],
  [
    'add_lead does not consult the other team’s campaign DNC list',
    { function: 'add_lead', phone_number: '3125550198', list_id: '201', campaign_dnc_check: 'Y', campaign_id: 'TESTCAMP' },
    { matches: /^SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125550198\|201\|\d+\|-6\|7777\n$/ },
  ],
  [
    'add_lead books no callback in the other team’s campaign',
    { function: 'add_lead', phone_number: '6175557001', list_id: '201', callback: 'Y', campaign_id: 'TESTCAMP', callback_datetime: 'NOW' },
    { matches: /\nNOTICE: add_lead SCHEDULED CALLBACK NOT ADDED, CAMPAIGN NOT VALID - \d+\|TESTCAMP\n$/ },
    ['vicidial_callbacks'],
  ],
  ['update_lead of the other team’s lead', { function: 'update_lead', lead_id: '1', first_name: 'X' }, { line: 'ERROR: update_lead NOT AN ALLOWED LIST ID, RESULTS - \n' }, LEADS],
  [
    'update_lead moving an own lead into the other team’s list',
    { function: 'update_lead', lead_id: '9', list_id_field: '101' },
    { line: 'ERROR: update_lead NOT AN ALLOWED LIST ID - 7777|101\n' },
    LEADS,
  ],
  [
    'update_lead booking a callback in the other team’s campaign',
    { function: 'update_lead', lead_id: '9', callback: 'Y', campaign_id: 'TESTCAMP', callback_datetime: 'NOW' },
    { line: 'NOTICE: update_lead SCHEDULED CALLBACK NOT ADDED, CAMPAIGN NOT VALID - 9|TESTCAMP\n' },
    ['vicidial_callbacks'],
  ],
  [
    'update_lead booking a callback for a user of the other team',
    { function: 'update_lead', lead_id: '9', callback: 'Y', campaign_id: 'OTHERCMP', callback_datetime: 'NOW', callback_type: 'USERONLY', callback_user: '1001' },
    { line: 'NOTICE: update_lead SCHEDULED CALLBACK NOT ADDED, USER NOT VALID - 9|OTHERCMP|1001|USERONLY\n' },
    ['vicidial_callbacks'],
  ],
  ['batch_update_lead of the other team’s lead', { function: 'batch_update_lead', lead_ids: '1', status: 'NI' }, { line: 'ERROR: batch_update_lead NO MATCHES FOUND IN THE SYSTEM: |7777|1\n' }, LEADS],
  [
    'batch_update_lead moving an own lead into the other team’s list',
    { function: 'batch_update_lead', lead_ids: '9', list_id_field: '101' },
    { line: 'ERROR: batch_update_lead NOT AN ALLOWED LIST ID - 7777|101\n' },
    LEADS,
  ],
  ['lead_search for the other team’s lead', { function: 'lead_search', phone_number: '3125550101' }, { line: 'ERROR: lead_search NO MATCHES FOUND IN THE SYSTEM: |7777|||3125550101\n' }],
  ['lead_all_info of the other team’s lead', { function: 'lead_all_info', lead_id: '1' }, { line: 'ERROR: lead_all_info LIST NOT FOUND: 7777|1|\nERROR: lead_all_info LIST NOT FOUND: 7777|1||\n' }],
  ['lead_field_info of the other team’s lead', { function: 'lead_field_info', lead_id: '1', field_name: 'first_name' }, { line: 'ERROR: lead_field_info LIST NOT FOUND: 7777|1|\n' }],
  [
    'lead_status_search by status: the other team’s calls, inbound ones too',
    { function: 'lead_status_search', status: 'SALE', date: TODAY },
    { line: 'ERROR: lead_status_search NO RESULTS FOUND: 7777||SALE|\n' },
  ],
  ['lead_status_search of the other team’s lead', { function: 'lead_status_search', lead_id: '3' }, { line: 'ERROR: lead_status_search NO RESULTS FOUND: 7777|3||\n' }],
  [
    'check_phone_number does not consult the other team’s campaign DNC list',
    { function: 'check_phone_number', phone_number: '3125550198', campaign_dnc_check: 'Y', campaign_id: 'TESTCAMP', local_call_time: '24hours' },
    { matches: /^AREACODE: 1\|-6#PHONE: 3125550198\|1\|\|\|\|\n$/ },
  ],
  ['list_info of the other team’s list', { function: 'list_info', list_id: '101' }, { line: 'ERROR: list_info NOT AN ALLOWED LIST ID - 101\n' }],
  [
    'add_list in the other team’s campaign',
    { function: 'add_list', list_id: '301', list_name: 'Mine now', campaign_id: 'TESTCAMP' },
    { line: 'ERROR: add_list CAMPAIGN DOES NOT EXIST: |7777|TESTCAMP\n' },
    ['vicidial_lists'],
  ],
  ['update_list of the other team’s list', { function: 'update_list', list_id: '101', list_name: 'Renamed' }, { line: 'ERROR: update_list NOT AN ALLOWED LIST ID - 101\n' }, ['vicidial_lists']],
  [
    'update_list moving an own list into the other team’s campaign',
    { function: 'update_list', list_id: '201', campaign_id: 'TESTCAMP' },
    { line: 'ERROR: update_list CAMPAIGN DOES NOT EXIST, THIS IS AN OPTIONAL FIELD: |7777|TESTCAMP\n' },
    ['vicidial_lists'],
  ],
  [
    'add_dnc_phone to the other team’s campaign',
    { function: 'add_dnc_phone', phone_number: '3125550177', campaign_id: 'TESTCAMP' },
    { line: 'ERROR: add_dnc_phone CAMPAIGN DOES NOT EXIST: |7777|TESTCAMP\n' },
    ['vicidial_campaign_dnc'],
  ],
  [
    'delete_dnc_phone from the other team’s campaign',
    { function: 'delete_dnc_phone', phone_number: '3125550198', campaign_id: 'TESTCAMP' },
    { line: 'ERROR: delete_dnc_phone CAMPAIGN DOES NOT EXIST: |7777|TESTCAMP\n' },
    ['vicidial_campaign_dnc'],
  ],
  [
    'add_user into the other team’s group',
    { function: 'add_user', agent_user: '2001', agent_pass: 'secret99', agent_user_level: '1', agent_full_name: 'New', agent_user_group: 'AGENTS' },
    { line: 'ERROR: add_user USER GROUP DOES NOT EXIST: |7777|AGENTS\n' },
    ['vicidial_users'],
  ],
  ['update_user of a user of the other team: it reads as missing', { function: 'update_user', agent_user: '1001', active: 'N' }, { line: 'ERROR: update_user USER DOES NOT EXIST: |7777|\n' }, ['vicidial_users']],
  [
    'copy_user of a user of the other team: neither its group nor its level is told',
    { function: 'copy_user', agent_user: '2002', agent_pass: 'secret99', source_user: '1001', agent_full_name: 'Copy' },
    { line: 'ERROR: copy_user USER GROUP DOES NOT EXIST: |7777|\n' },
    ['vicidial_users'],
  ],
];

function expectChecked(body: string, check: Check): void {
  if ('line' in check) expect(body).toBe(check.line);
  else expect(body).toMatch(check.matches);
}

describe('the non-agent API: a TEAM_B user on the other team’s records', () => {
  it('covers every function that reads or changes leads, lists, calls or users', () => {
    const covered = new Set(NON_AGENT.map(([, params]) => params.function));
    // ingroup_list lists in-groups, no team's records (and only those of groups it may see).
    for (const { name } of NON_AGENT_FUNCTIONS.filter((f) => f.name !== 'ingroup_list')) expect(covered, name).toContain(name);
  });

  it.each(NON_AGENT)('%s', async (_name, params, check, unchanged = []) => {
    const before = await snapshot(unchanged);
    const res = await h.nonAgent({ user: '7777', ...params });
    expectChecked(res.body, check);
    expect(await snapshot(unchanged)).toBe(before);
  });
});

/**
 * The agent API: 6669 (TEAM_B, API List Restrict) may drive agent 1002 in
 * OTHERCMP — but not the other team's lead that agent has on screen.
 */
describe('the agent API: a TEAM_B user on the other team’s lead, on an agent it may drive', () => {
  const OUT_OF_SCOPE = 'ERROR: lead is in a list not allowed for this user - 1002|1||6669\n';

  beforeEach(async () => {
    await h.logout('1002');
    await h.login('1002', 'OTHERCMP');
  });

  async function onCallWithLead1() {
    await h.startCall('1002', { leadId: 1 });
  }
  async function previewingLead1() {
    // Someone else's integration (6666, unrestricted) had 1002 preview lead 1.
    const res = await h.api({ function: 'external_dial', agent_user: '1002', lead_id: '1', phone_code: '1', search: 'NO', preview: 'YES', focus: 'NO' });
    expect(res.body).toMatch(/^SUCCESS/);
  }
  const callerId = async () => (await h.agent('1002'))!.call!.callerId;

  const AGENT_CASES: [string, () => Promise<void>, () => Promise<Record<string, string>>][] = [
    ['update_fields', onCallWithLead1, async () => ({ function: 'update_fields', first_name: 'X' })],
    ['external_status', onCallWithLead1, async () => ({ function: 'external_status', value: 'SALE' })],
    ['vm_message', onCallWithLead1, async () => ({ function: 'vm_message', value: 'hello.wav' })],
    ['ra_call_control', onCallWithLead1, async () => ({ function: 'ra_call_control', value: await callerId(), stage: 'HANGUP' })],
    ['preview_dial_action', previewingLead1, async () => ({ function: 'preview_dial_action', value: 'DIALONLY' })],
    ['external_dial with lead_id', async () => {}, async () => ({ function: 'external_dial', lead_id: '1', phone_code: '1', search: 'NO', preview: 'NO', focus: 'NO' })],
  ];

  it.each(AGENT_CASES)('%s refuses, and neither the lead nor the session changes', async (_name, setup, params) => {
    await setup();
    const tables = ['vicidial_list', 'vicidial_live_agents', 'vicidial_auto_calls'];
    const before = await snapshot(tables);
    const res = await h.api({ user: '6669', agent_user: '1002', ...(await params()) });
    expect(res.body).toBe(OUT_OF_SCOPE);
    expect(await snapshot(tables)).toBe(before);
  });

  it('st_get_agent_active_lead refuses the other team’s lead on screen', async () => {
    await onCallWithLead1();
    const res = await h.api({ user: '6669', function: 'st_get_agent_active_lead', value: 'CRM1002', vendor_id: 'crm' });
    expect(res.body).toBe(OUT_OF_SCOPE);
  });
});

describe('the agent API: users of the other team, logged in or not', () => {
  it('st_login_log does not find an agent of the other team, and writes nothing', async () => {
    const before = await snapshot(['vicidial_users']);
    const res = await h.api({ user: '6669', function: 'st_login_log', value: 'CRM1001', vendor_id: 'TEAMX' });
    expect(res.body).toBe('ERROR: no user found - CRM1001\n');
    expect(await snapshot(['vicidial_users'])).toBe(before);
    // Its own team's agent is found.
    expect((await h.api({ user: '6669', function: 'st_login_log', value: 'CRM1002', vendor_id: 'TEAMB' })).body).toBe('SUCCESS: st_login_log user found - 1002\n');
  });

  it('send_notification queues nothing for a logged-out user of the other team', async () => {
    const before = await snapshot(['vicidial_agent_notifications']);
    const res = await h.api({ user: '6669', function: 'send_notification', recipient: '1001', recipient_type: 'USER', notification_text: 'hi' });
    expect(res.body).toBe('ERROR: 1001 DOES NOT EXIST in vicidial_users - |1001\n');
    expect(await snapshot(['vicidial_agent_notifications'])).toBe(before);
  });
});
