/**
 * Every answer is inert where a browser could be made to load it: the legacy
 * endpoints keep VICIdial's body and text/html, but with a sandboxing CSP and
 * nosniff (they echo request values); everything else carries the app-wide
 * headers (a CSP that lets the screens run, nosniff, no framing, no referrer).
 * The browser-side proof is test/browser/cross-site.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const LEGACY_CSP = "default-src 'none'; sandbox";
const SCRIPT = '<script>window.pwned=1</script>';
const creds = 'source=test&user=6666&pass=1234';

type Case = [name: string, request: { method?: 'GET' | 'POST'; url: string; payload?: string; headers?: Record<string, string> }, status: number];

const legacy: Case[] = [
  ['st_login_log echoing vendor_id', { url: `/agc/api.php?source=crm&user=6668&pass=1234&function=st_login_log&value=&vendor_id=${encodeURIComponent(SCRIPT)}` }, 200],
  ['a successful agent API call', { url: `/agc/api.php?${creds}&function=external_pause&agent_user=1000&value=PAUSE` }, 200],
  ['update_fields echoing comments', { url: `/agc/api.php?${creds}&function=update_fields&agent_user=1000&comments=${encodeURIComponent(SCRIPT)}` }, 200],
  ['the close-window link', { url: `/agc/api.php?${creds}&function=version&close_window_link=1` }, 200],
  ['a teapot (418)', { url: '/agc/api.php?function=coffee' }, 418],
  ['a URL too long (414)', { url: `/agc/api.php?${creds}&value=${'A'.repeat(9000)}` }, 414],
  ['a body too large (413)', { method: 'POST', url: '/agc/api.php', payload: 'a='.padEnd(70_000, 'x'), headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 413],
  ['a body that cannot be read (error handler)', { method: 'POST', url: '/agc/api.php', payload: '--x\r\nContent-Disposition: form-data; name="user"\r\n\r\n6666', headers: { 'content-type': 'multipart/form-data; boundary=x' } }, 400],
  ['the non-agent API', { url: `/vicidial/non_agent_api.php?source=test&user=6000&pass=1234&function=user_details&agent_user=${encodeURIComponent(SCRIPT)}` }, 200],
  ['the non-agent teapot', { url: '/vicidial/non_agent_api.php?function=brew_coffee' }, 418],
  [
    'the call_dispo_report download',
    { url: '/vicidial/non_agent_api.php?source=test&user=6000&pass=1234&function=call_dispo_report&campaigns=TESTCAMP&query_date=2026-11-27&file_download=1' },
    200,
  ],
];

describe('legacy answers are inert in a browser', () => {
  it.each(legacy)('%s', async (_name, request, status) => {
    const res = await h.app.inject({ method: request.method ?? 'GET', url: request.url, payload: request.payload, headers: request.headers });
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-security-policy']).toBe(LEGACY_CSP);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('keeps VICIdial body and content type', async () => {
    const res = await h.app.inject({ url: `/agc/api.php?source=crm&user=6668&pass=1234&function=st_login_log&value=&vendor_id=${encodeURIComponent(SCRIPT)}` });
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toBe(`ERROR: st_login_log not valid - |${SCRIPT}\n`);
  });
});

const app: Case[] = [
  ['a JSON route', { url: '/healthz' }, 200],
  ['a JSON error (401)', { url: '/api/v2/admin/users' }, 401],
  ['the 404 handler, which names the path', { url: `/${encodeURIComponent(SCRIPT)}` }, 404],
  ['the agent screen', { url: '/agent' }, 200],
  ['the admin console', { url: '/admin/users' }, 200],
  ['the wallboard', { url: '/wallboard' }, 200],
  ['the event stream refusing a caller without credentials (401)', { url: '/api/v2/events' }, 401],
];

describe('every other answer carries the app-wide security headers', () => {
  it.each(app)('%s', async (_name, request, status) => {
    const res = await h.app.inject({ url: request.url });
    expect(res.statusCode).toBe(status);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('answers an unknown path as JSON, never as a page', async () => {
    const res = await h.app.inject({ url: `/${encodeURIComponent(SCRIPT)}` });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });
});
