/**
 * copy_user makes an account whose password its maker chooses, so it must
 * not be a way up: the copy keeps every restriction of its source (API List
 * Restrict, API Only), and a source holding more than the maker — a flag, API
 * functions, no API List Restrict, console access for an API Only maker —
 * is refused, with the permissions named.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_FLAGS } from '../../src/demo/seed-non-agent.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  const hash = await h.services.passwords.hash('1234');
  const add = (user: string, extra: Record<string, unknown>) =>
    h.services.store.users.insert({ ...ADMIN_FLAGS, user, pass_hash: hash, user_group: 'TEAM_B', user_level: 8, ...extra });
  // The maker: TEAM_B, API List Restrict, API Only, level 9, without load_leads.
  await add('7777', { user_level: 9, api_list_restrict: '1', api_only_user: '1' });
  // Sources in TEAM_B, below the maker's level.
  await add('7001', { api_list_restrict: '1', api_only_user: '1' });
  await add('7002', { api_list_restrict: '0', api_only_user: '1' });
  await add('7003', { api_list_restrict: '1', api_only_user: '1', load_leads: '1' });
  await add('7004', { api_list_restrict: '1', api_only_user: '0' });
});
afterEach(() => h.close());

const copy = (source: string, user = '7777') =>
  h.nonAgent({ user, function: 'copy_user', agent_user: `c${source}`, agent_pass: 'secret99', source_user: source, agent_full_name: 'Copy' });

describe('copy_user', () => {
  it('keeps the source’s API List Restrict and API Only', async () => {
    expect((await copy('7001')).body).toBe('SUCCESS: copy_user USER HAS BEEN COPIED - 7777|c7001||Copy|7001\n');
    expect((await h.rows('vicidial_users', { user: 'c7001' }))[0]).toMatchObject({ api_list_restrict: '1', api_only_user: '1', user_group: 'TEAM_B' });
  });

  it.each([
    ['an API user without API List Restrict, for a maker under it', '7002', 'api_list_restrict'],
    ['a flag the maker does not hold', '7003', 'load_leads'],
    ['an account for the admin console, for an API Only maker', '7004', 'api_only_user'],
  ])('refuses to copy %s', async (_what, source, field) => {
    const before = (await h.rows('vicidial_users')).length;
    expect((await copy(source)).body).toBe(`ERROR: copy_user SOURCE USER HAS PERMISSIONS YOU DO NOT HOLD: |7777|${source}|${field}\n`);
    expect(await h.rows('vicidial_users')).toHaveLength(before);
  });

  it('refuses API functions beyond the maker’s own', async () => {
    await h.exec(`update vicidial_users set api_allowed_functions = ' copy_user user_details ' where user = '7777'`);
    expect((await copy('7001')).body).toBe('ERROR: copy_user SOURCE USER HAS PERMISSIONS YOU DO NOT HOLD: |7777|7001|api_allowed_functions\n');
    await h.exec(`update vicidial_users set api_allowed_functions = ' user_details ' where user = '7001'`);
    expect((await copy('7001')).body).toBe('SUCCESS: copy_user USER HAS BEEN COPIED - 7777|c7001||Copy|7001\n');
  });

  it('lets a maker holding all the source holds copy it, as before', async () => {
    for (const source of ['7002', '1002'])
      expect((await copy(source, '6000')).body).toBe(`SUCCESS: copy_user USER HAS BEEN COPIED - 6000|c${source}||Copy|${source}\n`);
  });
});
