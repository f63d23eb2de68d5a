/**
 * The non-agent API's permission matrix (spec §0, §8), function by function:
 * each condition of a function's row is revoked in turn and must refuse with
 * the function's own line; API Allowed Functions and API List Restrict refuse
 * too. The matrix is read from the functions' declarations, so a function
 * added later is covered without touching this file.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NON_AGENT_FUNCTIONS } from '../../src/api/non-agent/registry.js';
import { ADMIN_FLAGS } from '../../src/demo/seed-non-agent.js';
import { startHarness, type Harness } from '../support/harness.js';

/** Parameters that get each function past its own parameter checks. */
const PARAMS: Record<string, Record<string, string>> = {
  call_status_stats: { campaigns: 'TESTCAMP' },
  call_dispo_report: { campaigns: 'TESTCAMP' },
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.services.store.users.insert({ ...ADMIN_FLAGS, user: '7777', ...(await h.storedPassword('1234')), user_group: 'ADMIN' });
});
afterAll(() => h.close());

async function reset(): Promise<void> {
  const flags = Object.entries(ADMIN_FLAGS)
    .map(([k, v]) => `${k} = '${v}'`)
    .join(', ');
  await h.exec(`update vicidial_users set ${flags}, api_allowed_functions = ' ALL_FUNCTIONS ', api_list_restrict = '0', user_group = 'ADMIN', failed_login_count = 0 where user = '7777'`);
}
beforeEach(reset);

const call = (fn: string, extra: Record<string, string> = {}) => h.nonAgent({ user: '7777', function: fn, ...PARAMS[fn], ...extra });

describe.each(NON_AGENT_FUNCTIONS.map((f) => [f.name, f] as const))('%s', (name, spec) => {
  it.each(spec.requires.map((r) => [r.describe, r] as const))('refuses without %s', async (_describe, requirement) => {
    await h.exec(`update vicidial_users set ${requirement.column} = '${requirement.failingValue}' where user = '7777'`);
    const res = await call(name);
    // A level at or below 6 cannot log in to the non-agent API at all.
    const expected =
      requirement.column === 'user_level' && Number(requirement.failingValue) <= 6
        ? 'ERROR: Login incorrect, please try again: |7777|***|BAD|\n'
        : spec.denied('7777', {}).text;
    expect(res.body).toBe(expected);
    expect(res.status).toBe(200);
  });

  it('refuses when it is not among the API Allowed Functions', async () => {
    await h.exec(`update vicidial_users set api_allowed_functions = ' version agent_status_x ' where user = '7777'`);
    const res = await call(name);
    expect(res.body).toBe(`ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION: |7777|${name}|\n`);
  });

  it('is allowed when named among the API Allowed Functions', async () => {
    await h.exec(`update vicidial_users set api_allowed_functions = ' ${name} ' where user = '7777'`);
    const res = await call(name);
    expect(res.body).not.toMatch(/PERMISSION|Login incorrect/);
  });
});

describe('the prelude order', () => {
  it('refuses a missing source first (two lines), except for ingroup_list and the stats functions', async () => {
    const res = await h.nonAgent({ user: '7777', function: 'agent_status', source: 'x', agent_user: '1000' });
    expect(res.body).toBe('ERROR: Invalid Source - x\nERROR: Invalid Source: |x|\n');
    expect((await h.nonAgent({ user: '7777', function: 'ingroup_list', source: '' })).body).toMatch(/^<html>/);
  });

  it('checks call_status_stats parameters before permissions, with the odd two-line answer', async () => {
    await h.exec(`update vicidial_users set view_reports = '0' where user = '7777'`);
    const res = await h.nonAgent({ user: '7777', function: 'call_status_stats', source: 'wall' });
    expect(res.body).toBe('ERROR: call_status_stats INVALID OR MISSING CAMPAIGNS - wall\nERROR: Invalid Source: |wall|\n');
    const dispo = await h.nonAgent({ user: '7777', function: 'call_dispo_report', source: 'wall' });
    expect(dispo.body).toBe('ERROR: call_dispo_report INVALID OR MISSING CAMPAIGNS, INGROUPS, OR DIDS - wall\nERROR: Invalid Source: |wall|\n');
  });

  it('ingroup_list tests its permission before the allowed functions', async () => {
    await h.exec(`update vicidial_users set api_allowed_functions = ' version ' where user = '7777'`);
    expect((await call('ingroup_list')).body).toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION: |7777|ingroup_list|\n');
  });

  it('answers an unknown function with an ERROR line after login', async () => {
    expect((await call('make_tea')).body).toBe('ERROR: NO FUNCTION SPECIFIED\n');
    expect((await call('')).body).toBe('ERROR: NO FUNCTION SPECIFIED\n');
  });

  it('answers the teapot without login', async () => {
    const res = await h.nonAgent({ user: 'nobody', pass: 'x', function: 'brew_coffee' });
    expect(res.status).toBe(418);
    expect(res.body).toBe("Coffee: brew_coffee|Error 418 I'm a teapot");
  });
});

/** With API List Restrict, list 101 (TESTCAMP) is outside TEAM_B's OTHERCMP. A line never names the list of a lead it hides. */
const RESTRICTED: [string, Record<string, string>, string][] = [
  ['add_lead', { phone_number: '3125557777', list_id: '101' }, 'ERROR: add_lead NOT AN ALLOWED LIST ID - 3125557777|101\n'],
  ['update_lead', { lead_id: '1', list_id: '101', first_name: 'X' }, 'ERROR: update_lead NOT AN ALLOWED LIST ID, SEARCH - |101\n'],
  ['update_lead', { lead_id: '1', first_name: 'X' }, 'ERROR: update_lead NOT AN ALLOWED LIST ID, RESULTS - \n'],
  ['batch_update_lead', { lead_ids: '1,2', status: 'NI' }, 'ERROR: batch_update_lead NO MATCHES FOUND IN THE SYSTEM: |7777|1,2\n'],
  ['batch_update_lead', { lead_ids: '1', list_id_field: '101' }, 'ERROR: batch_update_lead NOT AN ALLOWED LIST ID - 7777|101\n'],
  ['lead_search', { phone_number: '3125550101', list_id: '101' }, 'ERROR: lead_search NOT AN ALLOWED LIST ID - 3125550101|101\n'],
  ['lead_search', { phone_number: '3125550101' }, 'ERROR: lead_search NO MATCHES FOUND IN THE SYSTEM: |7777|||3125550101\n'],
  ['list_info', { list_id: '101' }, 'ERROR: list_info NOT AN ALLOWED LIST ID - 101\n'],
  ['update_list', { list_id: '101', list_name: 'Renamed list' }, 'ERROR: update_list NOT AN ALLOWED LIST ID - 101\n'],
  ['lead_all_info', { lead_id: '1' }, 'ERROR: lead_all_info LIST NOT FOUND: 7777|1|\nERROR: lead_all_info LIST NOT FOUND: 7777|1||\n'],
  ['lead_field_info', { lead_id: '1', field_name: 'first_name' }, 'ERROR: lead_field_info LIST NOT FOUND: 7777|1|\n'],
];

describe('API List Restrict: lists outside the user group', () => {
  it.each(RESTRICTED)('%s %j', async (fn, params, expected) => {
    await h.exec(`update vicidial_users set api_list_restrict = '1', user_group = 'TEAM_B' where user = '7777'`);
    expect((await call(fn, params)).body).toBe(expected);
  });

  it('a missing user group refuses every restricted function', async () => {
    await h.exec(`update vicidial_users set api_list_restrict = '1', user_group = 'GONE' where user = '7777'`);
    expect((await call('add_lead', { phone_number: '3125557777', list_id: '101' })).body).toBe('ERROR: user_group DOES NOT EXIST: |7777|GONE|\n');
  });

  it('lets the same user work on its own campaign’s list', async () => {
    await h.exec(`update vicidial_users set api_list_restrict = '1', user_group = 'TEAM_B' where user = '7777'`);
    const res = await call('add_lead', { phone_number: '6175557777', list_id: '201' });
    expect(res.body).toMatch(/^SUCCESS: add_lead LEAD HAS BEEN ADDED - 6175557777\|201\|\d+\|-5\|7777\n$/);
  });
});
