/** The audit viewer's API, explain, the permission matrix and the least-privilege advisor. */
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

const HOUR = 60 * 60 * 1000;

describe('admin API: audit log', () => {
  it('filters, pages newest first and exports CSV without secrets', async () => {
    for (let i = 0; i < 5; i++) await h.api({ agent_user: '1000', function: 'external_pause', value: i % 2 ? 'PAUSE' : 'RESUME' });
    await h.api({ user: '6668', pass: 'secret-pw', agent_user: '1000', function: 'external_pause', value: 'PAUSE' });
    await h.api({ user: '6668', agent_user: '1000', function: 'external_hangup', value: '1' });

    const page1 = await admin.get('/api/v2/admin/audit?limit=3');
    expect(page1.json.rows).toHaveLength(3);
    const page2 = await admin.get(`/api/v2/admin/audit?limit=3&before=${page1.json.next}`);
    expect(page2.json.rows[0].apiId).toBeLessThan(page1.json.rows[2].apiId);

    const refused = await admin.get('/api/v2/admin/audit?apiUser=6668&result=ERROR');
    expect(refused.json.rows.map((r: { function: string }) => r.function)).toEqual(['external_hangup', 'external_pause']);
    expect(refused.json.rows[1]).toMatchObject({ data: '6668|BAD|', remoteIp: '127.0.0.1' });
    expect((await admin.get('/api/v2/admin/audit?remoteIp=10.9.9.9')).json.rows).toEqual([]);
    expect((await admin.get('/api/v2/admin/audit?from=not-a-date')).json.error.fields).toEqual({ from: 'a date and time, e.g. 2026-11-28T10:00' });

    const csv = await admin.get('/api/v2/admin/audit.csv?apiUser=6668');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe('api_id,date,script,api_user,agent_user,function,value,result,reason,source,remote_ip,run_time,detail,url');
    expect(lines).toHaveLength(3);
    expect(csv.body).not.toMatch(/secret-pw|1234/);
    expect(csv.body).toContain('pass=***');
  });

  it('explains a refused request from its row, one call', async () => {
    await h.api({ user: '6668', agent_user: '1000', function: 'external_hangup', value: '1' });
    const [row] = (await admin.get('/api/v2/admin/audit?apiUser=6668')).json.rows;
    const res = await admin.get(`/api/v2/admin/audit/${row.apiId}/explain`);
    expect(res.json.explanation.decidedBy).toMatchObject({ gate: 'allowed_functions', fix: "add external_hangup to 6668's allowed functions" });
    // The answer's first words: the console never shows an answer's data fields.
    expect(res.json.explanation.answer).toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION');
    expect(res.json.explanation.filledIn).toEqual([]);
    expect(res.json.outcome).toEqual({ refused: true, summary: 'refused: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION', beyondExplain: false });
  });

  it('says what really happened to a request refused for its password, which explain cannot judge', async () => {
    await h.api({ user: '6668', pass: 'wrong-pw', agent_user: '1000', function: 'external_pause', value: 'PAUSE' });
    const [row] = (await admin.get('/api/v2/admin/audit?apiUser=6668')).json.rows;
    const res = await admin.get(`/api/v2/admin/audit/${row.apiId}/explain`);
    expect(res.json.outcome).toEqual({ refused: true, summary: "refused: the password is not 6668's", beyondExplain: true });
    // Every gate explain can check passes: its verdict must not be read as "the request was allowed".
    expect(res.json.explanation.allowed).toBe(true);
    expect(res.json.explanation.notChecked).toEqual(['the password: explain never knows it, so a wrong password is not judged here']);
  });
});

describe('admin API: explain', () => {
  it('answers for an administrator, validated', async () => {
    const res = await admin.send('POST', '/api/v2/admin/explain', { user: '6669', agentUser: '1000', function: 'external_pause' });
    expect(res.json.decidedBy.detail).toContain("campaign TESTCAMP is not in TEAM_B's allowed campaigns");
    expect((await admin.send('POST', '/api/v2/admin/explain', { user: '', function: '' })).json.error.fields).toEqual({
      user: 'choose the API user',
      function: 'choose a function',
    });
  });
});

describe('admin API: permission matrix', () => {
  it('lists API users with their reach and warns about risky set-ups', async () => {
    await h.api({ user: '6668', agent_user: '1000', function: 'external_pause', value: 'PAUSE' });
    const { json } = await admin.get('/api/v2/admin/matrix');
    expect(json.sharedBox).toBe(true);
    const row = (user: string) => json.rows.find((r: { user: string }) => r.user === user);
    expect(json.rows.map((r: { user: string }) => r.user)).not.toContain('1000');
    expect(row('6669')).toMatchObject({ group: 'TEAM_B', listRestrict: true, allowedCampaigns: ['OTHERCMP'], allowedFunctions: ['ALL_FUNCTIONS'] });
    const codes = (user: string) => row(user).warnings.map((w: { code: string }) => w.code);
    // A fresh demo: nothing is "never used" yet, and the administrator is not told to become API Only.
    expect(codes('6666')).toEqual(['all-functions-shared', 'not-used-yet', 'password-unchanged']);
    expect(codes('6668')).toEqual(['password-unchanged']);
    expect(codes('6669')).toEqual(['not-used-yet', 'password-unchanged']);
    expect(row('admin').role).toBe('administrator');
    expect(codes('admin')).toEqual(['administrator-api-access', 'all-functions-shared', 'not-used-yet', 'password-unchanged']);
    expect(JSON.stringify(row('admin').warnings)).not.toMatch(/Make it API Only|remove its access/);

    const { version } = (await admin.get('/api/v2/admin/users/6668')).json;
    await admin.send('PATCH', '/api/v2/admin/users/6668', { version, changes: { pass: 'changed-password' } });
    expect((await admin.get('/api/v2/admin/matrix')).json.rows.find((r: { user: string }) => r.user === '6668').warnings).toEqual([]);

    // A month on, an account that has still never made a successful call is worth removing.
    h.clock.advance(31 * 24 * HOUR);
    admin = await adminClient(h); // the console session did not last the month
    const later = (await admin.get('/api/v2/admin/matrix')).json.rows.find((r: { user: string }) => r.user === '6669');
    expect(later.warnings.find((w: { code: string }) => w.code === 'never-used')).toEqual({
      code: 'never-used',
      severity: 'warning',
      message: '6669 was created 31 days ago and has never made a successful API call: deactivate it if nothing uses it.',
    });
  });
});

describe('admin API: least-privilege advisor', () => {
  it('compares use with permission, previews refusals, and tightens in one step', async () => {
    h.clock.advance(-48 * HOUR);
    await h.api({ agent_user: '1000', function: 'external_status', value: 'SALE' });
    h.clock.advance(48 * HOUR);
    await h.api({ agent_user: '1000', function: 'external_pause', value: 'PAUSE' });
    await h.api({ agent_user: '1000', function: 'external_pause', value: 'RESUME' });
    await h.api({ user: '6666', pass: 'wrong', agent_user: '1000', function: 'logout', value: 'LOGOUT' });

    const from = new Date(h.clock.now().getTime() - HOUR).toISOString();
    const advice = (await admin.get(`/api/v2/admin/advisor/6666?from=${from}`)).json;
    expect(advice.allowsAll).toBe(true);
    expect(advice.used).toEqual([
      { function: 'external_pause', calls: 2, successes: 2, refused: 0, admitted: 2 },
      { function: 'logout', calls: 1, successes: 0, refused: 0, admitted: 0 },
    ]);
    expect(advice.proposed).toEqual(['external_pause']);
    expect(advice.wouldRefuse).toEqual([{ function: 'external_status', calls: 1 }]);

    expect(advice.alreadyTight).toBe(false);
    const tightened = await admin.send('POST', '/api/v2/admin/advisor/6666/tighten', { from, version: advice.version });
    expect(tightened.json).toMatchObject({ changed: true, applied: ['external_pause'] });
    expect(tightened.json.values.api_allowed_functions).toBe(' external_pause ');
    expect((await h.api({ agent_user: '1000', function: 'external_status', value: 'SALE' })).body).toMatch(/DOES NOT HAVE PERMISSION/);
    const stale = await admin.send('POST', '/api/v2/admin/advisor/6666/tighten', { from, version: advice.version });
    expect(stale.json.error.code).toBe('stale-edit');

    // Already exactly what is used: tightening again changes nothing and logs nothing.
    const tight = (await admin.get(`/api/v2/admin/advisor/6666?from=${from}`)).json;
    expect(tight).toMatchObject({ alreadyTight: true, allowed: ['external_pause'], proposed: ['external_pause'] });
    const changesBefore = (await h.rows('vicidial_admin_log')).length;
    const again = await admin.send('POST', '/api/v2/admin/advisor/6666/tighten', { from, version: tight.version });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ changed: false, version: tight.version, applied: ['external_pause'] });
    expect((await h.rows('vicidial_admin_log')).length).toBe(changesBefore);
    const idle = (await admin.get(`/api/v2/admin/advisor/6669?from=${from}`)).json;
    expect((await admin.send('POST', '/api/v2/admin/advisor/6669/tighten', { from, version: idle.version })).json.error.code).toBe('nothing-used');
  });
});
