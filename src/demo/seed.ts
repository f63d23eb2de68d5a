/**
 * Demo data: enough of a call centre to try every agent API function at once.
 * Every password is 1234, as in VICIdial's own examples; `serve` binds to
 * loopback by default, and the accounts are printed at start.
 */
import type { Services } from '../app/services.js';
import type { Store } from '../store/store.js';
import { seedNonAgentDemo, type PasswordColumns } from './seed-non-agent.js';

export const DEMO_PASSWORD = '1234';

export interface DemoAccount {
  readonly user: string;
  readonly role: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { user: 'admin', role: 'administrator: level 9, every admin permission, not API Only (the admin console at /admin)' },
  { user: '6666', role: 'API user: Agent API Access, API Only, ALL_FUNCTIONS (level 8)' },
  { user: '6667', role: 'API user without Agent API Access (every call is refused)' },
  { user: '6668', role: 'API user allowed only external_pause and external_status' },
  { user: '6669', role: 'API user in TEAM_B with API List Restrict: OTHERCMP only' },
  { user: '6000', role: 'non-agent API user (API Only): level 9, reports, leads, lists, DNC and users' },
  { user: 'teamb', role: 'team administrator: level 8, user group TEAM_B, administers TEAM_B and OTHERCMP only (the admin console)' },
  { user: '1000', role: 'agent, manual dial allowed, logged into TESTCAMP' },
  { user: '1001', role: 'agent, manual dial allowed, not logged in' },
  { user: '1002', role: 'agent of TEAM_B, manual dial allowed, not logged in (use OTHERCMP)' },
];

const LEADS_101: [string, string, string, string][] = [
  ['3125550101', 'Ada', 'Lovelace', 'IL'],
  ['3125550102', 'Alan', 'Turing', 'IL'],
  ['3125550103', 'Grace', 'Hopper', 'IL'],
  ['3125550104', 'Edsger', 'Dijkstra', 'IL'],
  ['3125550105', 'Barbara', 'Liskov', 'IL'],
  ['3125550106', 'Donald', 'Knuth', 'IL'],
  ['3125550107', 'Margaret', 'Hamilton', 'IL'],
  ['3125550108', 'Ken', 'Thompson', 'IL'],
];

const LEADS_201: [string, string, string, string][] = [
  ['6175550201', 'Frances', 'Allen', 'MA'],
  ['6175550202', 'John', 'Backus', 'MA'],
  ['6175550203', 'Radia', 'Perlman', 'MA'],
];

/** True when the database holds no users yet (a new database). */
export async function isEmpty(store: Store): Promise<boolean> {
  return (await store.users.count()) === 0;
}

/** The system settings the demo needs beside each column's default. */
export const DEMO_SETTINGS = { vdc_agent_api_active: '1', agent_notifications: '1', outbound_cid_any: 'API_ONLY' } as const;

export async function seedDemo(services: Services): Promise<void> {
  const hash = await services.passwords.hash(DEMO_PASSWORD);
  await services.store.transaction(async (tx) => {
    await tx.settings.insert(DEMO_SETTINGS);
    await seedDemoRows(tx, { pass_hash: hash }, services.clock.now());
  });
  const login = await services.runner.run((u) => services.sessions.login(u, { user: '1000', campaignId: 'TESTCAMP' }));
  if (!login.ok) throw new Error(`demo seed could not log agent 1000 in: ${login.message}`);
}

/**
 * The demo's users, campaigns, lists, leads and reference rows, every user with `password` as its
 * password columns (agentgate's hash; VICIdial's plain `pass` while its hashing is off):
 * the rows alone, so a VICIdial database (whose settings row exists and whose sessions are
 * VICIdial's) can hold the same demo (test/support/dropin-database.ts).
 */
export async function seedDemoRows(tx: Store, password: PasswordColumns, now: Date): Promise<void> {
  await tx.users.insertGroup({
    user_group: 'ADMIN',
    group_name: 'Administrators',
    allowed_campaigns: ' -ALL-CAMPAIGNS- -',
    admin_viewable_groups: ' ---ALL--- ',
  });
  await tx.users.insertGroup({
    user_group: 'AGENTS',
    group_name: 'Agents',
    allowed_campaigns: ' -ALL-CAMPAIGNS- -',
    admin_viewable_groups: ' AGENTS -',
  });
  await tx.users.insertGroup({
    user_group: 'TEAM_B',
    group_name: 'Team B (OTHERCMP only)',
    allowed_campaigns: ' OTHERCMP -',
    admin_viewable_groups: ' TEAM_B -',
  });

  const apiUser = {
    ...password,
    user_level: 8,
    vdc_agent_api_access: '1' as const,
    api_only_user: '1' as const,
    modify_leads: '1' as const,
    change_agent_campaign: '1' as const,
    modify_campaigns: '1' as const,
    view_reports: '1' as const,
  };
  await tx.users.insert({ ...apiUser, user: '6666', full_name: 'Integration API user', user_group: 'ADMIN' });
  await tx.users.insert({
    ...apiUser,
    user: '6667',
    full_name: 'API user without access',
    user_group: 'ADMIN',
    vdc_agent_api_access: '0',
  });
  await tx.users.insert({
    ...apiUser,
    user: '6668',
    full_name: 'Wallboard (pause and status only)',
    user_group: 'ADMIN',
    api_allowed_functions: ' external_pause external_status ',
  });
  await tx.users.insert({
    ...apiUser,
    user: '6669',
    full_name: 'Team B integration',
    user_group: 'TEAM_B',
    api_list_restrict: '1',
  });

  // Every admin permission VICIdial's own demo administrator has; it may grant all of them.
  const on = '1' as const;
  await tx.users.insert({
    ...password,
    user: 'admin',
    full_name: 'Demo administrator',
    user_group: 'ADMIN',
    user_level: 9,
    vdc_agent_api_access: on,
    modify_leads: on,
    ...Object.fromEntries(
      [
        'view_reports', 'modify_users', 'delete_users', 'modify_usergroups', 'delete_user_groups', 'modify_campaigns',
        'delete_campaigns', 'modify_lists', 'delete_lists', 'load_leads', 'modify_statuses', 'delete_from_dnc',
        'change_agent_campaign', 'modify_same_user_level', 'custom_fields_modify', 'export_reports', 'download_lists',
        'modify_servers', 'modify_ingroups', 'delete_ingroups', 'modify_inbound_dids', 'delete_inbound_dids',
        'modify_remoteagents', 'delete_remote_agents', 'ast_admin_access', 'campaign_detail', 'modify_call_times',
        'delete_call_times', 'modify_scripts', 'delete_scripts', 'modify_filters', 'delete_filters',
        'alter_agent_interface_options', 'modify_ip_lists', 'access_recordings',
      ].map((flag) => [flag, on]),
    ),
  });

  // A team administrator: its group administers TEAM_B only (admin_viewable_groups) and OTHERCMP only (allowed_campaigns).
  await tx.users.insert({
    ...password,
    user: 'teamb',
    full_name: 'Team B administrator',
    user_group: 'TEAM_B',
    user_level: 8,
    vdc_agent_api_access: on,
    api_list_restrict: on,
    modify_leads: on,
    ...Object.fromEntries(
      ['view_reports', 'modify_users', 'modify_usergroups', 'modify_campaigns', 'modify_lists', 'modify_statuses', 'change_agent_campaign'].map((flag) => [flag, on]),
    ),
  });

  const agent = { ...password, user_level: 1, agentcall_manual: '1' as const, scheduled_callbacks: '1' as const };
  await tx.users.insert({ ...agent, user: '1000', full_name: 'Agent 1000', user_group: 'AGENTS', custom_three: 'CRM1000', closer_campaigns: ' TESTIN -' });
  await tx.users.insert({ ...agent, user: '1001', full_name: 'Agent 1001', user_group: 'AGENTS', custom_three: 'CRM1001', closer_campaigns: ' TESTIN -' });
  await tx.users.insert({ ...agent, user: '1002', full_name: 'Agent 1002', user_group: 'TEAM_B', custom_three: 'CRM1002' });

  await tx.campaigns.insertCampaign({
    campaign_id: 'TESTCAMP',
    campaign_name: 'Test campaign (auto dial)',
    active: 'Y',
    dial_method: 'RATIO',
    auto_dial_level: '1',
    campaign_allow_inbound: 'Y',
    closer_campaigns: ' TESTIN SALESLINE -',
    manual_dial_list_id: 101,
    alt_number_dialing: 'Y',
    agent_lead_search: 'LIVE_CALL_INBOUND_AND_MANUAL',
    scheduled_callbacks: 'Y',
    dial_statuses: ' NEW -',
    campaign_script: 'DEMOSCRIPT',
  });
  await tx.campaigns.insertCampaign({
    campaign_id: 'OTHERCMP',
    campaign_name: 'Other campaign (manual dial)',
    active: 'Y',
    dial_method: 'MANUAL',
    auto_dial_level: '0',
    campaign_allow_inbound: 'N',
    manual_dial_list_id: 201,
    dial_statuses: ' NEW -',
  });
  await tx.campaigns.insertList({ list_id: 101, list_name: 'Test leads', campaign_id: 'TESTCAMP', active: 'Y' });
  await tx.campaigns.insertList({ list_id: 201, list_name: 'Other leads', campaign_id: 'OTHERCMP', active: 'Y' });
  await tx.campaigns.insertInboundGroup({ group_id: 'TESTIN', group_name: 'Test inbound', active: 'Y' });
  await tx.campaigns.insertInboundGroup({ group_id: 'SALESLINE', group_name: 'Sales line', active: 'Y' });
  await tx.campaigns.insertGroupAlias({ group_alias_id: 'SALESCID', group_alias_name: 'Sales caller id', caller_id_number: '3125550100', active: 'Y' });

  const statuses: [string, string, 'Y' | 'N', 'Y' | 'N'][] = [
    ['NEW', 'New lead', 'N', 'N'],
    ['QUEUE', 'Lead to be called', 'N', 'N'],
    ['INCALL', 'Lead being called', 'N', 'N'],
    ['DROP', 'Agent not available', 'N', 'N'],
    ['NA', 'No answer (auto dial)', 'N', 'N'],
    ['CBHOLD', 'Call back hold', 'N', 'N'],
    ['SALE', 'Sale made', 'Y', 'N'],
    ['NI', 'Not interested', 'Y', 'N'],
    ['N', 'No answer', 'Y', 'N'],
    ['B', 'Busy', 'Y', 'N'],
    ['A', 'Answering machine', 'Y', 'N'],
    ['DC', 'Disconnected number', 'Y', 'N'],
    ['DNC', 'Do not call', 'Y', 'N'],
    ['XFER', 'Call transferred', 'Y', 'N'],
    ['CALLBK', 'Call back', 'Y', 'Y'],
  ];
  for (const [status, name, selectable, callback] of statuses)
    await tx.campaigns.insertStatus({ status, status_name: name, selectable, scheduled_callback: callback });
  await tx.campaigns.insertCampaignStatus({ status: 'APPTBK', status_name: 'Appointment booked', selectable: 'Y', scheduled_callback: 'Y', campaign_id: 'TESTCAMP' });
  await tx.campaigns.insertCampaignStatus({ status: 'WARM', status_name: 'Warm lead', selectable: 'Y', campaign_id: 'OTHERCMP' });

  for (const [code, name] of [['BREAK', 'Break'], ['LUNCH', 'Lunch'], ['TRAIN', 'Training']] as const)
    await tx.campaigns.insertPauseCode({ pause_code: code, pause_code_name: name, campaign_id: 'TESTCAMP' });
  await tx.campaigns.insertPauseCode({ pause_code: 'BREAK', pause_code_name: 'Break', campaign_id: 'OTHERCMP' });

  for (const [listId, leads] of [[101, LEADS_101], [201, LEADS_201]] as const)
    for (const [phone, first, last, state] of leads)
      await tx.leads.insert({
        listId,
        status: 'NEW',
        user: '',
        now,
        fields: { phone_number: phone, phone_code: '1', first_name: first, last_name: last, state, vendor_lead_code: `V${phone.slice(-4)}` },
      });
  // The matrix warns about passwords never changed since creation: the demo's are.
  for (const { user } of DEMO_ACCOUNTS) await tx.passwordDates.recordCreated(user, now);
  await tx.leads.addSystemDnc('3125550199');
  await tx.leads.addCampaignDnc('3125550198', 'TESTCAMP');
  await seedNonAgentDemo(tx, password);
}

/** The text printed at start: who to log in as, and one command to try. */
export function demoBanner(baseUrl: string): string {
  const rows = DEMO_ACCOUNTS.map((a) => `  ${a.user.padEnd(6)} ${a.role}`).join('\n');
  return [
    `Demo accounts (password ${DEMO_PASSWORD} for all):`,
    rows,
    '',
    `Admin console: ${baseUrl}/admin (user admin, password ${DEMO_PASSWORD})`,
    '',
    'Try:',
    `  curl '${baseUrl}/agc/api.php?source=test&user=6666&pass=${DEMO_PASSWORD}&agent_user=1000&function=external_pause&value=PAUSE'`,
    '',
    `Agent screen: ${baseUrl}/agent — log in as 1001 (password ${DEMO_PASSWORD}), choose TESTCAMP (tick TESTIN for inbound calls), press Start, then Resume: calls arrive within seconds.`,
  ].join('\n');
}

/**
 * The demo's call simulator: TESTCAMP dials for READY agents, TESTIN receives
 * two calls a minute. Only `serve --demo` adds it (tests set their own).
 */
export async function seedDemoSimulator(services: Services): Promise<boolean> {
  if ((await services.store.telephony.simSettings()).length > 0) return false;
  const base = { active: true, busyPercent: 10, ringMinSec: 2, ringMaxSec: 5, talkMinSec: 20, talkMaxSec: 60, queueTimeoutSec: 90 };
  await services.store.telephony.saveSimSettings({ ...base, targetId: 'TESTCAMP', targetType: 'CAMPAIGN', answerPercent: 80, callsPerMinute: 0 });
  await services.store.telephony.saveSimSettings({ ...base, targetId: 'OTHERCMP', targetType: 'CAMPAIGN', answerPercent: 80, callsPerMinute: 0 });
  await services.store.telephony.saveSimSettings({ ...base, targetId: 'TESTIN', targetType: 'INGROUP', answerPercent: 100, callsPerMinute: 2 });
  return true;
}
