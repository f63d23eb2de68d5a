/**
 * "A team administrator": teamb (level 8, user group TEAM_B, whose group
 * administers TEAM_B and campaign OTHERCMP only) against every console route,
 * each aimed at a record of another group — AGENTS' agent 1000, ADMIN's API
 * user 6666, campaign TESTCAMP and its list 101. Each must refuse (403/404
 * with a clear message) or leave the record out; and nothing changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, type AdminClient } from '../support/admin.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
let teamb: AdminClient;
let admin: AdminClient;
/** vicidial_api_log ids: 6666 acting on AGENTS' 1000, and 6669 acting on TEAM_B's 1002. */
let foreignRow: number;
let ownRow: number;
let before: string;

const REACH = /does not exist, or is outside what user group TEAM_B may administer\.$/;

async function versionOf(client: AdminClient, url: string, match: Record<string, unknown>): Promise<string> {
  const { json } = await client.get(url);
  return json.records.find((r: { values: Record<string, unknown> }) => Object.entries(match).every(([k, v]) => r.values[k] === v)).version;
}

beforeAll(async () => {
  h = await startHarness();
  admin = await adminClient(h);
  teamb = await adminClient(h, 'teamb');
  await h.login('1002', 'OTHERCMP');
  await h.api({ agent_user: '1000', function: 'external_pause', value: 'PAUSE' });
  await h.api({ user: '6669', agent_user: '1002', function: 'external_pause', value: 'PAUSE' });
  const rows = await h.apiLog();
  foreignRow = Number(rows.find((r) => r.user === '6666')!.api_id);
  ownRow = Number(rows.find((r) => r.user === '6669')!.api_id);
  // A change made by the ADMIN group's administrator, which TEAM_B's change log must not show.
  const { version } = (await admin.get('/api/v2/admin/users/6668')).json;
  await admin.send('PATCH', '/api/v2/admin/users/6668', { version, changes: { full_name: 'Wallboard, renamed by admin' } });
  before = JSON.stringify(await h.rows('vicidial_users')) + JSON.stringify(await h.rows('vicidial_lists')) + JSON.stringify(await h.rows('vicidial_user_groups'));
});
afterAll(() => h.close());

type Send = (c: AdminClient) => Promise<{ status: number; json: any; body?: string }>;
const get = (url: string): Send => (c) => c.get(url);
const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload: unknown | (() => Promise<unknown>)): Send => async (c) =>
  c.send(method, url, typeof payload === 'function' ? await (payload as () => Promise<unknown>)() : payload);

/** Refused with this status, and a message that says why (fields where there are fields). */
const refused = (status: number, message: RegExp | string, fields?: Record<string, RegExp>) => (res: { status: number; json: any }) => {
  expect(res.status).toBe(status);
  expect(res.json.error.message).toMatch(message);
  for (const [field, text] of Object.entries(fields ?? {})) expect(res.json.error.fields[field]).toMatch(text);
};
const users = (res: { json: any }) => res.json.users.map((u: { user: string }) => u.user);
const records = (column: string) => (res: { json: any }) => res.json.records.map((r: { values: Record<string, unknown> }) => String(r.values[column]));

const routes: [name: string, request: Send, expectation: (res: { status: number; json: any; body?: string }) => void][] = [
  ['lists users: only its own groups', get('/api/v2/admin/users'), (res) => expect(users(res)).toEqual(['1002', '6669', 'teamb'])],
  ["searches users: another group's stay hidden", get('/api/v2/admin/users?search=Agent'), (res) => expect(users(res)).toEqual(['1002'])],
  ["reads AGENTS' agent", get('/api/v2/admin/users/1000'), refused(404, REACH)],
  [
    "resets the password of AGENTS' agent",
    send('PATCH', '/api/v2/admin/users/1000', async () => ({ version: (await admin.get('/api/v2/admin/users/1000')).json.version, changes: { pass: 'taken-over' } })),
    refused(404, REACH),
  ],
  [
    'creates a user in the ADMIN group',
    send('POST', '/api/v2/admin/users', { user: 'evil8', pass: 'evil-password', full_name: 'x', user_group: 'ADMIN', user_level: 7 }),
    refused(403, 'You cannot grant more than you hold; see fields.', { user_group: /^User group ADMIN is outside what user group TEAM_B may administer\.$/ }),
  ],
  [
    'creates an API user of its team that reaches every campaign',
    send('POST', '/api/v2/admin/users', { user: 'wide7', pass: 'wide-password', full_name: 'x', user_group: 'TEAM_B', user_level: 7, vdc_agent_api_access: '1', api_list_restrict: '0' }),
    refused(403, 'You cannot grant more than you hold; see fields.', { api_list_restrict: /only some campaigns/ }),
  ],
  [
    "moves its team's agent into the ADMIN group",
    send('PATCH', '/api/v2/admin/users/1002', async () => ({ version: (await teamb.get('/api/v2/admin/users/1002')).json.version, changes: { user_group: 'ADMIN' } })),
    refused(403, 'You cannot grant more than you hold; see fields.', { user_group: /outside what user group TEAM_B may administer/ }),
  ],
  ['lists user groups: only TEAM_B', get('/api/v2/admin/records/userGroups'), (res) => expect(records('user_group')(res)).toEqual(['TEAM_B'])],
  [
    'edits the ADMIN group',
    send('PATCH', '/api/v2/admin/records/userGroups', async () => ({ key: { user_group: 'ADMIN' }, version: await versionOf(admin, '/api/v2/admin/records/userGroups', { user_group: 'ADMIN' }), changes: { group_name: 'x' } })),
    refused(404, REACH),
  ],
  [
    'widens its own group to every campaign',
    send('PATCH', '/api/v2/admin/records/userGroups', async () => ({ key: { user_group: 'TEAM_B' }, version: await versionOf(teamb, '/api/v2/admin/records/userGroups', { user_group: 'TEAM_B' }), changes: { allowed_campaigns: ['-ALL-CAMPAIGNS-'] } })),
    refused(403, /outside what user group TEAM_B may administer/, { allowed_campaigns: /not: -ALL-CAMPAIGNS-/ }),
  ],
  [
    'lets its own group see the ADMIN group',
    send('PATCH', '/api/v2/admin/records/userGroups', async () => ({ key: { user_group: 'TEAM_B' }, version: await versionOf(teamb, '/api/v2/admin/records/userGroups', { user_group: 'TEAM_B' }), changes: { admin_viewable_groups: ['TEAM_B', 'ADMIN'] } })),
    refused(403, /outside what user group TEAM_B may administer/, { admin_viewable_groups: /not: ADMIN/ }),
  ],
  [
    'empties its own viewable groups (which VICIdial reads as every group)',
    send('PATCH', '/api/v2/admin/records/userGroups', async () => ({ key: { user_group: 'TEAM_B' }, version: await versionOf(teamb, '/api/v2/admin/records/userGroups', { user_group: 'TEAM_B' }), changes: { admin_viewable_groups: [] } })),
    refused(403, /outside what user group TEAM_B may administer/, { admin_viewable_groups: /empty list/ }),
  ],
  ['lists campaigns: only OTHERCMP', get('/api/v2/admin/records/campaigns'), (res) => expect(records('campaign_id')(res)).toEqual(['OTHERCMP'])],
  [
    'edits TESTCAMP',
    send('PATCH', '/api/v2/admin/records/campaigns', async () => ({ key: { campaign_id: 'TESTCAMP' }, version: await versionOf(admin, '/api/v2/admin/records/campaigns', { campaign_id: 'TESTCAMP' }), changes: { campaign_name: 'x' } })),
    refused(404, REACH),
  ],
  ['creates a campaign outside its allowed campaigns', send('POST', '/api/v2/admin/records/campaigns', { key: { campaign_id: 'NEWCAMP' }, values: { campaign_name: 'x' } }), refused(403, /see fields/, { campaign_id: /NEWCAMP is outside/ })],
  ['lists lists: only 201', get('/api/v2/admin/records/lists'), (res) => expect(records('list_id')(res)).toEqual(['201'])],
  ["reads TESTCAMP's lists by campaign", get('/api/v2/admin/records/lists?campaign_id=TESTCAMP'), (res) => expect(res.json.records).toEqual([])],
  [
    "moves TESTCAMP's list 101 into OTHERCMP",
    send('PATCH', '/api/v2/admin/records/lists', async () => ({ key: { list_id: 101 }, version: await versionOf(admin, '/api/v2/admin/records/lists', { list_id: 101 }), changes: { campaign_id: 'OTHERCMP' } })),
    refused(404, REACH),
  ],
  [
    'moves its own list 201 into TESTCAMP',
    send('PATCH', '/api/v2/admin/records/lists', async () => ({ key: { list_id: 201 }, version: await versionOf(teamb, '/api/v2/admin/records/lists', { list_id: 201 }), changes: { campaign_id: 'TESTCAMP' } })),
    refused(403, /see fields/, { campaign_id: /TESTCAMP is outside/ }),
  ],
  ['creates a list in TESTCAMP', send('POST', '/api/v2/admin/records/lists', { key: { list_id: 301 }, values: { list_name: 'x', campaign_id: 'TESTCAMP', active: 'Y' } }), refused(403, /see fields/, { campaign_id: /TESTCAMP is outside/ })],
  ['lists pause codes: only OTHERCMP', get('/api/v2/admin/records/pauseCodes'), (res) => expect(new Set(records('campaign_id')(res))).toEqual(new Set(['OTHERCMP']))],
  [
    "deletes TESTCAMP's pause code",
    send('DELETE', '/api/v2/admin/records/pauseCodes', async () => ({ key: { campaign_id: 'TESTCAMP', pause_code: 'BREAK' }, version: await versionOf(admin, '/api/v2/admin/records/pauseCodes', { campaign_id: 'TESTCAMP', pause_code: 'BREAK' }) })),
    refused(404, REACH),
  ],
  ['lists campaign statuses: only OTHERCMP', get('/api/v2/admin/records/campaignStatuses'), (res) => expect(records('campaign_id')(res)).toEqual(['OTHERCMP'])],
  ['adds a status to TESTCAMP', send('POST', '/api/v2/admin/records/campaignStatuses', { key: { campaign_id: 'TESTCAMP', status: 'X1' }, values: { status_name: 'x' } }), refused(403, /see fields/, { campaign_id: /TESTCAMP is outside/ })],
  ['adds a system status every team shares', send('POST', '/api/v2/admin/records/statuses', { key: { status: 'X2' }, values: { status_name: 'x' } }), refused(403, /shared by every team/)],
  [
    'the permission matrix: only its own API users',
    get('/api/v2/admin/matrix'),
    (res) => expect(res.json.rows.map((r: { user: string }) => r.user)).toEqual(['6669', 'teamb']),
  ],
  ['the audit log: only rows of its own users and agents', get('/api/v2/admin/audit'), (res) => expect(res.json.rows.map((r: { apiId: number }) => r.apiId)).toEqual([ownRow])],
  ["the audit log filtered on ADMIN's API user", get('/api/v2/admin/audit?apiUser=6666'), (res) => expect(res.json.rows).toEqual([])],
  [
    'the audit CSV: only rows of its own users and agents',
    get('/api/v2/admin/audit.csv'),
    (res) => expect(res.body!.trimEnd().split('\r\n').slice(1).map((l) => Number(l.split(',')[0]))).toEqual([ownRow]),
  ],
  ["explains ADMIN's logged request", (c) => c.get(`/api/v2/admin/audit/${foreignRow}/explain`), refused(404, /^Audit row \d+ does not exist, or is outside what user group TEAM_B may administer\.$/)],
  ['explains as API user 6666', send('POST', '/api/v2/admin/explain', { user: '6666', agentUser: '1002', function: 'external_pause' }), refused(404, /^User 6666 does not exist, or is outside/)],
  ["explains on AGENTS' agent 1000", send('POST', '/api/v2/admin/explain', { user: '6669', agentUser: '1000', function: 'external_pause' }), refused(404, /^User 1000 does not exist, or is outside/)],
  ["advises on ADMIN's API user", get('/api/v2/admin/advisor/6666'), refused(404, /^User 6666 does not exist, or is outside/)],
  ["tightens ADMIN's API user", send('POST', '/api/v2/admin/advisor/6666/tighten', { version: 'x' }), refused(404, /^User 6666 does not exist, or is outside/)],
  ['the change log: not the ADMIN administrator’s changes', get('/api/v2/admin/changes'), (res) => expect(res.json.changes.filter((c: { user: string }) => c.user === 'admin')).toEqual([])],
];

describe('a TEAM_B administrator against records of other groups', () => {
  it.each(routes)('%s', async (_name, request, expectation) => {
    expectation(await request(teamb));
  });

  it('changed nothing', async () => {
    const after = JSON.stringify(await h.rows('vicidial_users')) + JSON.stringify(await h.rows('vicidial_lists')) + JSON.stringify(await h.rows('vicidial_user_groups'));
    expect(after).toBe(before);
  });
});

describe('within its own team', () => {
  it('administers TEAM_B: edits its agent, its list, and creates a restricted API user', async () => {
    const { version } = (await teamb.get('/api/v2/admin/users/1002')).json;
    expect((await teamb.send('PATCH', '/api/v2/admin/users/1002', { version, changes: { full_name: 'Agent of team B' } })).status).toBe(200);
    const list = await versionOf(teamb, '/api/v2/admin/records/lists', { list_id: 201 });
    expect((await teamb.send('PATCH', '/api/v2/admin/records/lists', { key: { list_id: 201 }, version: list, changes: { list_name: 'Team B leads' } })).status).toBe(200);
    const created = await teamb.send('POST', '/api/v2/admin/users', {
      user: 'teambapi',
      pass: 'team-b-password',
      full_name: 'Team B CRM',
      user_group: 'TEAM_B',
      user_level: 7,
      vdc_agent_api_access: '1',
      api_list_restrict: '1',
      api_only_user: '1',
    });
    expect(created.status).toBe(201);
    expect((await h.api({ user: 'teambapi', pass: 'team-b-password', agent_user: '1000', function: 'external_pause', value: 'RESUME' })).body).toMatch(/campaign not allowed for this user/);
  });

  it('the administrator of every group still sees every record', async () => {
    expect(users(await admin.get('/api/v2/admin/users'))).toEqual(expect.arrayContaining(['1000', '6666', '1002', 'teamb']));
    expect(records('campaign_id')(await admin.get('/api/v2/admin/records/campaigns'))).toEqual(['OTHERCMP', 'TESTCAMP']);
  });
});
