/**
 * Hostile and broken input: every request gets a legacy ERROR line or a 4xx,
 * never a 500, a stack trace or a hang, and changes nothing but the audit rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '../../src/store/schema/database.js';
import { startHarness, type Harness } from '../support/harness.js';

const AUDIT_TABLES = new Set(['vicidial_api_log', 'vicidial_api_urls', 'vicidial_webservers', 'vicidial_urls']);
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** Everything but the audit trail, as text: equal snapshots mean nothing changed. */
async function snapshot(): Promise<string> {
  const parts: string[] = [];
  for (const name of Object.keys(tables)) if (!AUDIT_TABLES.has(name)) parts.push(JSON.stringify(await h.rows(name)));
  return parts.join('\n');
}

const creds = 'source=test&user=6666&pass=1234';
type Case = [name: string, request: { method?: 'GET' | 'POST'; url: string; payload?: string; headers?: Record<string, string> }];

const cases: Case[] = [
  ['no parameters at all', { url: '/agc/api.php' }],
  ['empty values', { url: '/agc/api.php?source=&user=&pass=&function=&agent_user=&value=' }],
  ['binary bytes', { url: `/agc/api.php?${creds}&function=%FF%00&agent_user=%00%01&value=%FE%FF` }],
  ['binary bytes in a known function', { url: `/agc/api.php?${creds}&function=external_pause&agent_user=%00%01&value=%00PAUSE` }],
  ['malformed percent escapes', { url: `/agc/api.php?${creds}&function=external_hangup&agent_user=%ZZ&value=%E0%A4%A` }],
  ['right-to-left override and other unicode', { url: `/agc/api.php?${creds}&function=external_status&agent_user=${encodeURIComponent('١٠٠٠\u202e')}&value=${encodeURIComponent('😀')}` }],
  ['SQL injection in agent_user', { url: `/agc/api.php?${creds}&function=external_hangup&value=1&agent_user=${encodeURIComponent("1000' OR '1'='1")}` }],
  ['SQL injection in lead_id', { url: `/agc/api.php?${creds}&function=external_dial&search=NO&preview=NO&focus=NO&agent_user=1000&lead_id=${encodeURIComponent("x' OR 'a'='a")}` }],
  ['SQL injection in alt_user', { url: `/agc/api.php?${creds}&function=external_hangup&value=1&alt_user=${encodeURIComponent("x' UNION SELECT pass FROM vicidial_users--")}` }],
  ['injection in st_login_log vendor_id', { url: `/agc/api.php?${creds}&function=st_login_log&value=nobody&vendor_id=${encodeURIComponent("'; UPDATE vicidial_users SET user_level=9;--")}` }],
  ['a 5000-character function name', { url: `/agc/api.php?${creds}&function=${'x'.repeat(5000)}` }],
  ['array parameters', { url: `/agc/api.php?${creds}&function[]=external_hangup&agent_user[]=1000&value=1` }],
  ['nested array names', { url: `/agc/api.php?source=test&user[a][b]=6666&pass=1234&function=logout` }],
  ['a URL over the size limit', { url: `/agc/api.php?${creds}&function=external_pause&value=${'A'.repeat(9000)}` }],
  ['a body over the size limit', { method: 'POST', url: '/agc/api.php', payload: `${creds}&value=${'A'.repeat(70_000)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
  ['a JSON body (PHP ignores it)', { method: 'POST', url: '/agc/api.php', payload: '{"source":"test","user":"6666","pass":"1234","function":"logout","agent_user":"1000","value":"LOGOUT"}', headers: { 'content-type': 'application/json' } }],
  ['a broken JSON body', { method: 'POST', url: '/agc/api.php', payload: '{"user":', headers: { 'content-type': 'application/json' } }],
  ['a text/plain body', { method: 'POST', url: '/agc/api.php', payload: 'user=6666&pass=1234', headers: { 'content-type': 'text/plain' } }],
  ['a broken multipart body', { method: 'POST', url: '/agc/api.php', payload: '--x\r\nContent-Disposition: form-data; name="user"\r\n\r\n6666', headers: { 'content-type': 'multipart/form-data; boundary=x' } }],
  ['an unknown function', { url: `/agc/api.php?${creds}&function=drop_database&agent_user=1000` }],
  ['a function name with path characters', { url: `/agc/api.php?${creds}&function=${encodeURIComponent('../../etc/passwd')}` }],
];

describe('bad input changes nothing and never fails the server', () => {
  it.each(cases)('%s', async (_name, request) => {
    const before = await snapshot();
    const response = await h.app.inject({ method: request.method ?? 'GET', url: request.url, payload: request.payload, headers: request.headers });
    expect(response.statusCode).toBeLessThan(500);
    expect(response.body).toMatch(/^(ERROR: |VERSION: )/);
    expect(response.body).not.toMatch(/\n\s+at |node_modules|\.ts:\d/);
    expect(await snapshot()).toBe(before);
  });

  it('answers oversized requests with a line that says what to do', async () => {
    const tooLong = await h.app.inject({ url: `/agc/api.php?${creds}&value=${'A'.repeat(9000)}` });
    expect(tooLong.statusCode).toBe(414);
    expect(tooLong.body).toBe('ERROR: request URL too long - send at most 8192 bytes, or POST the parameters\n');
    const tooBig = await h.app.inject({ method: 'POST', url: '/agc/api.php', payload: 'a='.padEnd(70_000, 'x'), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.body).toBe('ERROR: request too large - send at most 65536 bytes\n');
  });

  it('stores an injection attempt as plain text and nothing else happens', async () => {
    const attack = "x'); DELETE FROM vicidial_list; --";
    const before = (await h.rows('vicidial_list')).length;
    const res = await h.api({ function: 'external_add_lead', agent_user: '1000', phone_code: '1', value: '3125550177', comments: attack });
    expect(res.body).toMatch(/^SUCCESS: lead added - 3125550177\|TESTCAMP\|101\|\d+\|1000\n$/);
    const leads = await h.rows('vicidial_list');
    expect(leads).toHaveLength(before + 1);
    // ; and # are deleted by api.php's filter; the quotes arrive intact and harmless.
    expect(leads.at(-1)?.comments).toBe("x') DELETE FROM vicidial_list --");
  });

  it('uses the last of repeated parameters, as PHP does', async () => {
    const res = await h.app.inject({ url: `/agc/api.php?${creds}&function=version&function=calls_in_queue_count&agent_user=1000&value=DISPLAY` });
    expect(res.body).toBe('SUCCESS: calls_in_queue_count - 0');
  });
});
