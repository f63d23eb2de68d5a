/** Users through the admin API: the rules, validation, concurrency, the last admin, the change log. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminClient, type AdminClient } from '../support/admin.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
let admin: AdminClient;
beforeEach(async () => {
  h = await startHarness();
  admin = await adminClient(h);
});
afterEach(() => h.close());

const newApiUser = {
  user: '7001',
  pass: 'integration-pw',
  full_name: 'New integration',
  user_group: 'ADMIN',
  user_level: 7,
  vdc_agent_api_access: '1',
  api_only_user: '1',
  api_allowed_functions: ['external_pause'],
};

describe('admin API: access', () => {
  it('needs an admin session', async () => {
    expect((await h.app.inject({ url: '/api/v2/admin/users' })).statusCode).toBe(401);
    const agentLogin = await h.app.inject({ method: 'POST', url: '/api/v2/auth/login', payload: { user: '1001', pass: '1234', screen: 'agent' } });
    const agentCookie = agentLogin.cookies.find((c) => c.name === 'agentgate_agent')!.value;
    expect((await h.app.inject({ url: '/api/v2/admin/users', cookies: { agentgate_admin: agentCookie } })).statusCode).toBe(401);
  });

  it('lists and searches users, never with a password column', async () => {
    const all = await admin.get('/api/v2/admin/users');
    expect(all.json.users.map((u: { user: string }) => u.user)).toContain('6668');
    const found = await admin.get('/api/v2/admin/users?search=Wallboard');
    expect(found.json.users.map((u: { user: string }) => u.user)).toEqual(['6668']);
    const one = await admin.get('/api/v2/admin/users/6668');
    expect(one.json.values.api_allowed_functions).toBe(' external_pause external_status ');
    expect(one.body).not.toMatch(/pass_hash|"pass"|\$2[aby]\$/);
  });
});

describe('admin API: users', () => {
  it('ends the live session of an agent made API Only or inactive', async () => {
    for (const [user, changes] of [['1000', { api_only_user: '1' }], ['1001', { active: 'N' }]] as const) {
      if (user === '1001') await h.login('1001', 'TESTCAMP');
      const { version } = (await admin.get(`/api/v2/admin/users/${user}`)).json;
      expect((await admin.send('PATCH', `/api/v2/admin/users/${user}`, { version, changes })).status).toBe(200);
      expect(await h.agent(user)).toBeUndefined();
    }
  });

  it('creates an API user whose permissions the agent API applies at once', async () => {
    const created = await admin.send('POST', '/api/v2/admin/users', newApiUser);
    expect(created.status).toBe(201);
    expect(created.json.values).toMatchObject({ user: '7001', api_allowed_functions: ' external_pause ', vdc_agent_api_access: '1' });
    const creds = { user: '7001', pass: 'integration-pw', agent_user: '1000' };
    expect((await h.api({ ...creds, function: 'external_hangup', value: '1' })).body).toBe(
      'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 1|7001|external_hangup|ADMIN\n',
    );
    expect((await h.api({ ...creds, function: 'external_pause', value: 'PAUSE' })).body).toMatch(/^SUCCESS: external_pause function set/);
    const [log] = await h.rows('vicidial_admin_log', { record_id: '7001' });
    expect(log).toMatchObject({ user: 'admin', event_section: 'USERS', event_type: 'ADD', event_code: 'ADMIN CONSOLE ADD USERS' });
    expect(JSON.stringify(log)).not.toMatch(/integration-pw|\$2[aby]\$/);
  });

  it('grants no permission flag the administrator left out: an omitted flag is off, not the column default', async () => {
    await admin.send('POST', '/api/v2/admin/users', newApiUser);
    const [row] = await h.rows('vicidial_users', { user: '7001' });
    // vicidial_users.modify_same_user_level defaults to '1'; a console-made user must not get it unasked.
    expect(row).toMatchObject({ modify_same_user_level: '0', modify_users: '0', view_reports: '0' });
  });

  it('logs an added record as a short summary of what was set, not every column', async () => {
    await admin.send('POST', '/api/v2/admin/users', newApiUser);
    const { json } = await admin.get('/api/v2/admin/changes?recordId=7001');
    expect(json.changes).toHaveLength(1);
    expect(json.changes[0]).toMatchObject({
      type: 'ADD',
      description:
        "added: full_name 'New integration'; user_level '7'; user_group 'ADMIN'; vdc_agent_api_access '1'; api_only_user '1'; api_allowed_functions ' external_pause '; password set",
    });
    const { version } = (await admin.get('/api/v2/admin/users/7001')).json;
    await admin.send('PATCH', '/api/v2/admin/users/7001', { version, changes: { full_name: 'CRM connector' } });
    const [modified] = (await admin.get('/api/v2/admin/changes?recordId=7001')).json.changes;
    expect(modified).toMatchObject({
      type: 'MODIFY',
      description: "full_name: 'New integration' -> 'CRM connector'",
      fields: [{ field: 'full_name', before: 'New integration', after: 'CRM connector' }],
    });
  });

  it('validates every field on the server, with a message per field', async () => {
    const res = await admin.send('POST', '/api/v2/admin/users', {
      user: 'x',
      pass: '1',
      full_name: '',
      user_group: 'ADMIN',
      user_level: 12,
      api_allowed_functions: ['external_pause', 'make_tea'],
      vdc_agent_api_access: 'yes',
    });
    expect(res.status).toBe(400);
    expect(res.json.error.fields).toMatchObject({
      user: expect.stringContaining('2 to 20'),
      pass: 'at least 6 characters',
      full_name: 'enter a name',
      user_level: 'user level 1 to 9',
      api_allowed_functions: 'not a function of either API: make_tea',
      vdc_agent_api_access: 'must be 0 or 1',
    });
    const unknownGroup = await admin.send('POST', '/api/v2/admin/users', { ...newApiUser, user_group: 'NOPE' });
    expect(unknownGroup.json.error.fields).toEqual({ user_group: 'user group NOPE does not exist' });
  });

  it('refuses a stale edit and says so, keeping the first change', async () => {
    const { version } = (await admin.get('/api/v2/admin/users/6668')).json;
    const first = await admin.send('PATCH', '/api/v2/admin/users/6668', { version, changes: { full_name: 'First editor' } });
    expect(first.status).toBe(200);
    const second = await admin.send('PATCH', '/api/v2/admin/users/6668', { version, changes: { full_name: 'Second editor' } });
    expect(second.status).toBe(409);
    expect(second.json.error.code).toBe('stale-edit');
    expect(second.json.error.message).toContain('changed by someone else');
    expect((await h.rows('vicidial_users', { user: '6668' }))[0]!.full_name).toBe('First editor');
  });

  it('does not count a login of the edited user as a conflicting edit', async () => {
    const { version } = (await admin.get('/api/v2/admin/users/1001')).json;
    await h.app.inject({ method: 'POST', url: '/api/v2/auth/login', payload: { user: '1001', pass: 'wrong', screen: 'agent' } });
    await h.app.inject({ method: 'POST', url: '/api/v2/auth/login', payload: { user: '1001', pass: '1234', screen: 'agent' } });
    expect((await admin.send('PATCH', '/api/v2/admin/users/1001', { version, changes: { full_name: 'Agent One' } })).status).toBe(200);
  });

  it('logs every change with its before and after values', async () => {
    const { version } = (await admin.get('/api/v2/admin/users/6667')).json;
    await admin.send('PATCH', '/api/v2/admin/users/6667', { version, changes: { vdc_agent_api_access: '1', pass: 'a-new-password' } });
    const [log] = await h.rows('vicidial_admin_log', { record_id: '6667' });
    expect(log!.event_sql).toBe("vdc_agent_api_access: '0' -> '1'; password changed");
    expect(JSON.parse(String(log!.event_notes))).toEqual({ before: { vdc_agent_api_access: '0' }, after: { vdc_agent_api_access: '1' }, password: 'changed' });
    expect(JSON.stringify(log)).not.toMatch(/a-new-password|\$2[aby]\$/);
    const changes = await admin.get('/api/v2/admin/changes?recordId=6667');
    expect(changes.json.changes[0].description).toBe(log!.event_sql);
    expect((await h.api({ user: '6667', pass: 'a-new-password', agent_user: '1000', function: 'external_pause', value: 'PAUSE' })).body).toMatch(/^SUCCESS/);
  });

  it('will not let the last administrator lock everyone out', async () => {
    for (const changes of [{ active: 'N' }, { user_level: 8 }, { api_only_user: '1' }, { modify_users: '0' }]) {
      const { version } = (await admin.get('/api/v2/admin/users/admin')).json;
      const res = await admin.send('PATCH', '/api/v2/admin/users/admin', { version, changes });
      expect(res.status).toBe(409);
      expect(res.json.error.code).toBe('last-admin');
    }
    expect((await h.rows('vicidial_users', { user: 'admin' }))[0]).toMatchObject({ active: 'Y', user_level: 9 });
    await admin.send('POST', '/api/v2/admin/users', { ...newApiUser, user: 'admin2', user_level: 9, api_only_user: '0', modify_users: '1' });
    const { version } = (await admin.get('/api/v2/admin/users/admin')).json;
    expect((await admin.send('PATCH', '/api/v2/admin/users/admin', { version, changes: { active: 'N' } })).status).toBe(200);
  });

  it('grants nothing it does not hold, and edits nobody above its level', async () => {
    await admin.send('POST', '/api/v2/admin/users', {
      user: 'lead8',
      pass: 'team-lead-pw',
      full_name: 'Team lead',
      user_group: 'ADMIN',
      user_level: 8,
      modify_users: '1',
      modify_same_user_level: '0',
      vdc_agent_api_access: '1',
      api_allowed_functions: ['external_pause', 'external_status'],
    });
    const lead = await adminClient(h, 'lead8', 'team-lead-pw');
    const grant = await lead.send('POST', '/api/v2/admin/users', {
      ...newApiUser,
      user_level: 5,
      modify_lists: '1',
      api_allowed_functions: ['external_pause', 'external_dial'],
    });
    expect(grant.status).toBe(403);
    expect(grant.json.error.fields).toEqual({
      modify_lists: 'You do not hold modify_lists, so you cannot grant it.',
      api_allowed_functions: 'You may grant only functions you hold yourself; not: external_dial.',
    });
    const { version } = (await lead.get('/api/v2/admin/users/admin')).json;
    const above = await lead.send('PATCH', '/api/v2/admin/users/admin', { version, changes: { full_name: 'x' } });
    expect(above.status).toBe(403);
    expect(above.json.error.code).toBe('above-your-level');
    expect((await lead.send('POST', '/api/v2/admin/users', { ...newApiUser, user_level: 8 })).json.error.fields).toEqual({
      user_level: 'You may set user levels below level 8 only.',
    });
  });
});

describe('admin API: search', () => {
  it('treats % and _ in a search as plain characters', async () => {
    expect((await admin.get('/api/v2/admin/users?search=%25')).json.users).toEqual([]);
    expect((await admin.get('/api/v2/admin/users?search=TEAM_B')).json.users.map((u: { user: string }) => u.user)).toEqual(['1002', '6669', 'teamb']);
    expect((await admin.get('/api/v2/admin/users?search=TEAM%5FX')).json.users).toEqual([]);
  });
});
