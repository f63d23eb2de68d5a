/**
 * Explain in the console shows a decision, not live data: the answer's first
 * words only (never its data fields), for users the administrator may
 * administer (test/security/team-admin.test.ts), and every explain is written
 * to the admin change log. The CLI, run by whoever holds the database, shows
 * the whole answer (test/explain/explain-gates.test.ts).
 */
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

describe('explain in the console', () => {
  it("shows st_get_agent_active_lead's decision, not the live lead's phone number", async () => {
    await h.startCall('1000', { leadId: 1 });
    const lead = (await h.rows('vicidial_list', { lead_id: 1 }))[0]!;
    const res = await admin.send('POST', '/api/v2/admin/explain', { user: '6666', function: 'st_get_agent_active_lead', value: 'CRM1000', params: { vendor_id: 'x' } });
    expect(res.status).toBe(200);
    expect(res.json.allowed).toBe(true);
    expect(res.json.answer).toBe('SUCCESS: st_get_agent_active_lead lead found');
    expect(res.json.gates.find((g: { gate: string }) => g.gate === 'function_checks').detail).toBe('SUCCESS: st_get_agent_active_lead lead found');
    const body = JSON.stringify(res.json);
    for (const data of [lead.phone_number, lead.vendor_lead_code]) expect(body).not.toContain(String(data));
  });

  it('is written to the admin change log, by whom and for whom, and not to the API audit trail', async () => {
    const apiRows = (await h.apiLog()).length;
    await admin.send('POST', '/api/v2/admin/explain', { user: '6668', agentUser: '1000', function: 'external_dial', params: { pass: 'secret-pw' } });
    const [row] = await h.rows('vicidial_admin_log', { event_section: 'EXPLAIN' });
    expect(JSON.stringify(row)).not.toContain('secret-pw');
    expect(row).toMatchObject({
      user: 'admin',
      ip_address: '127.0.0.1',
      event_type: 'OTHER',
      record_id: '6668',
      event_code: 'ADMIN CONSOLE EXPLAIN',
      event_sql: 'explained external_dial by API user 6668 on agent 1000: refused at allowed_functions',
    });
    expect((await h.apiLog()).length).toBe(apiRows);
    const changes = await admin.get('/api/v2/admin/changes?section=EXPLAIN');
    expect(changes.json.changes.map((c: { user: string; recordId: string }) => `${c.user} ${c.recordId}`)).toEqual(['admin 6668']);
  });

  it("explaining a logged request is logged too, and a team administrator's own explain is its own", async () => {
    await h.login('1002', 'OTHERCMP');
    await h.api({ user: '6669', agent_user: '1002', function: 'external_hangup', value: '1' });
    const teamb = await adminClient(h, 'teamb');
    const [logged] = (await teamb.get('/api/v2/admin/audit?apiUser=6669')).json.rows;
    const res = await teamb.get(`/api/v2/admin/audit/${logged.apiId}/explain`);
    expect(res.status).toBe(200);
    expect(res.json.explanation.answer).toMatch(/^(SUCCESS|ERROR): [^|]*$/);
    const rows = await h.rows('vicidial_admin_log', { event_section: 'EXPLAIN' });
    expect(rows.map((r) => `${r.user} ${r.record_id}`)).toEqual(['teamb 6669']);
  });
});
