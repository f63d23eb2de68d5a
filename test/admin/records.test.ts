/** Groups, campaigns, lists, statuses, pause codes and system settings through the admin API. */
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

async function record(section: string, match: Record<string, unknown>) {
  const { json } = await admin.get(`/api/v2/admin/records/${section}`);
  return json.records.find((r: { values: Record<string, unknown> }) => Object.entries(match).every(([k, v]) => r.values[k] === v));
}

describe('admin API: records', () => {
  it('turns the system-wide Agent API switch off and on, effective on the next request', async () => {
    const settings = await record('systemSettings', {});
    expect(settings.values).not.toHaveProperty('pass_key');
    const off = await admin.send('PATCH', '/api/v2/admin/records/systemSettings', { key: {}, version: settings.version, changes: { vdc_agent_api_active: '0' } });
    expect(off.status).toBe(200);
    expect((await h.api({ agent_user: '1000', function: 'external_pause', value: 'PAUSE' })).body).toBe('ERROR: System API NOT ACTIVE\n');
    await admin.send('PATCH', '/api/v2/admin/records/systemSettings', { key: {}, version: off.json.version, changes: { vdc_agent_api_active: '1' } });
    expect((await h.api({ agent_user: '1000', function: 'external_pause', value: 'PAUSE' })).body).toMatch(/^SUCCESS/);
  });

  it("edits a user group's allowed campaigns, which API List Restrict then applies", async () => {
    const group = await record('userGroups', { user_group: 'TEAM_B' });
    expect((await h.api({ user: '6669', agent_user: '1000', function: 'external_pause', value: 'PAUSE' })).body).toMatch(/not allowed for this user/);
    const res = await admin.send('PATCH', '/api/v2/admin/records/userGroups', {
      key: { user_group: 'TEAM_B' },
      version: group.version,
      changes: { allowed_campaigns: ['OTHERCMP', 'TESTCAMP'] },
    });
    expect(res.json.values.allowed_campaigns).toBe(' OTHERCMP TESTCAMP -');
    expect((await h.api({ user: '6669', agent_user: '1000', function: 'external_pause', value: 'PAUSE' })).body).toMatch(/^SUCCESS/);
    const all = await admin.send('PATCH', '/api/v2/admin/records/userGroups', {
      key: { user_group: 'TEAM_B' },
      version: res.json.version,
      changes: { allowed_campaigns: ['-ALL-CAMPAIGNS-', 'OTHERCMP'] },
    });
    expect(all.json.values.allowed_campaigns).toBe(' -ALL-CAMPAIGNS- -');
  });

  it('creates a list, edits a campaign, adds and removes a pause code, with validation and the log', async () => {
    const list = await admin.send('POST', '/api/v2/admin/records/lists', { key: { list_id: 301 }, values: { list_name: 'New leads', campaign_id: 'OTHERCMP', active: 'Y' } });
    expect(list.status).toBe(201);
    expect((await admin.send('POST', '/api/v2/admin/records/lists', { key: { list_id: 301 }, values: { list_name: 'x' } })).status).toBe(409);
    const bad = await admin.send('POST', '/api/v2/admin/records/lists', { key: { list_id: -1 }, values: { active: 'maybe' } });
    expect(bad.json.error.fields).toEqual({ 'key.list_id': 'a positive number', 'values.active': 'choose one of Y, N' });

    const campaign = await record('campaigns', { campaign_id: 'OTHERCMP' });
    const edited = await admin.send('PATCH', '/api/v2/admin/records/campaigns', {
      key: { campaign_id: 'OTHERCMP' },
      version: campaign.version,
      changes: { manual_dial_list_id: 301, api_manual_dial: 'QUEUE' },
    });
    expect(edited.json.values).toMatchObject({ manual_dial_list_id: 301, api_manual_dial: 'QUEUE' });

    const code = await admin.send('POST', '/api/v2/admin/records/pauseCodes', { key: { campaign_id: 'OTHERCMP', pause_code: 'LUNCH' }, values: { pause_code_name: 'Lunch' } });
    expect(code.status).toBe(201);
    const removed = await admin.send('DELETE', '/api/v2/admin/records/pauseCodes', { key: { campaign_id: 'OTHERCMP', pause_code: 'LUNCH' }, version: code.json.version });
    expect(removed.status).toBe(204);
    const sections = (await h.rows('vicidial_admin_log')).map((r) => `${r.event_section} ${r.event_type} ${r.record_id}`);
    expect(sections).toEqual(['LISTS ADD 301', 'CAMPAIGNS MODIFY OTHERCMP', 'CAMPAIGNS ADD OTHERCMP LUNCH', 'CAMPAIGNS DELETE OTHERCMP LUNCH']);
  });

  it('adds a status and refuses a stale edit of it', async () => {
    const made = await admin.send('POST', '/api/v2/admin/records/statuses', { key: { status: 'CB2' }, values: { status_name: 'Call back later', selectable: 'Y', scheduled_callback: 'Y' } });
    const first = await admin.send('PATCH', '/api/v2/admin/records/statuses', { key: { status: 'CB2' }, version: made.json.version, changes: { status_name: 'One' } });
    expect(first.status).toBe(200);
    const stale = await admin.send('PATCH', '/api/v2/admin/records/statuses', { key: { status: 'CB2' }, version: made.json.version, changes: { status_name: 'Two' } });
    expect(stale.json.error.code).toBe('stale-edit');
  });

  it('needs the section flag to change anything', async () => {
    await admin.send('POST', '/api/v2/admin/users', { user: 'viewer', pass: 'viewer-pw', full_name: 'Viewer', user_group: 'ADMIN', user_level: 8, modify_users: '0' });
    const viewer = await adminClient(h, 'viewer', 'viewer-pw');
    expect((await viewer.get('/api/v2/admin/records/campaigns')).status).toBe(200);
    const res = await viewer.send('POST', '/api/v2/admin/records/statuses', { key: { status: 'X1' }, values: { status_name: 'x' } });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toBe('viewer does not hold modify_statuses, which changing statuses needs.');
  });
});
