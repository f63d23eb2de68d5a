/**
 * CSRF on the screens' JSON API: /api/v2 accepts only JSON bodies, and only
 * from agentgate's own origin (or from a client that is no browser); the
 * legacy routes keep VICIdial's form handling. The browser-side proof (a page
 * on another port of the same host) is test/browser/cross-site.test.ts.
 */
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminClient } from '../support/admin.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
let cookie: string;
beforeEach(async () => {
  h = await startHarness();
  await adminClient(h); // proves the plain JSON login of a non-browser client still works
  const login = await h.app.inject({ method: 'POST', url: '/api/v2/auth/login', payload: { user: 'admin', pass: '1234', screen: 'admin' } });
  cookie = `agentgate_admin=${login.cookies.find((c) => c.name === 'agentgate_admin')!.value}`;
});
afterEach(() => h.close());

const HOST = 'agentgate.test:8080';
const newUser = { user: 'csrf1', pass: 'evil-password', full_name: 'x', user_group: 'ADMIN', user_level: 9, modify_users: '1' };
const created = async () => (await h.rows('vicidial_users', { user: 'csrf1' })).length > 0;

function createUser(headers: Record<string, string>, payload: string | object = newUser) {
  return h.app.inject({ method: 'POST', url: '/api/v2/admin/users', headers: { host: HOST, cookie, ...headers }, payload });
}

describe('the JSON API refuses what a page on another site can send', () => {
  it.each([
    ['a url-encoded form', { 'content-type': 'application/x-www-form-urlencoded' }, new URLSearchParams({ ...newUser, user_level: '9' }).toString()],
    ['a multipart form', { 'content-type': 'multipart/form-data; boundary=x' }, '--x\r\nContent-Disposition: form-data; name="user"\r\n\r\ncsrf1\r\n--x--\r\n'],
    ['text/plain holding JSON', { 'content-type': 'text/plain' }, JSON.stringify(newUser)],
  ])('%s gets 415 and changes nothing', async (_name, headers, payload) => {
    const res = await createUser(headers, payload);
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toEqual({ code: 'unsupported-media-type', message: 'Send the body as application/json.' });
    expect(await created()).toBe(false);
  });

  it.each([
    ['another port of the same host', { origin: 'http://agentgate.test:9999' }],
    ['another site', { origin: 'https://evil.example' }],
    ['an opaque origin (a sandboxed frame)', { origin: 'null' }],
    ['a cross-site fetch that sends no Origin', { 'sec-fetch-site': 'cross-site' }],
    ['a same-site fetch from another port', { 'sec-fetch-site': 'same-site' }],
  ])('a JSON request from %s gets 403 and changes nothing', async (_name, headers) => {
    const res = await createUser(headers);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('cross-site');
    expect(await created()).toBe(false);
  });

  it('a login from another origin is refused too (login CSRF)', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v2/auth/login',
      headers: { host: HOST, origin: 'http://agentgate.test:9999' },
      payload: { user: 'admin', pass: '1234', screen: 'admin' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.cookies).toEqual([]);
  });

  it("accepts agentgate's own pages and clients that are no browser", async () => {
    expect((await createUser({ origin: `http://${HOST}`, 'sec-fetch-site': 'same-origin' })).statusCode).toBe(201);
    expect((await createUser({}, { ...newUser, user: 'curl1' })).statusCode).toBe(201);
  });

  it('leaves the legacy routes their form and multipart bodies, from anywhere', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/agc/api.php',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://crm.example' },
      payload: 'source=crm&user=6666&pass=1234&agent_user=1000&function=external_pause&value=PAUSE',
    });
    expect(res.body).toMatch(/^SUCCESS: external_pause function set - PAUSE\|/);
  });
});

describe("the agent screen's WebSocket", () => {
  it('refuses an upgrade from another origin, before it opens', async () => {
    const base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    const login = await h.app.inject({ method: 'POST', url: '/api/v2/auth/login', payload: { user: '1001', pass: '1234', screen: 'agent' } });
    const agentCookie = `agentgate_agent=${login.cookies.find((c) => c.name === 'agentgate_agent')!.value}`;
    const open = (origin: string) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${base.replace('http', 'ws')}/api/v2/agent/stream`, { headers: { cookie: agentCookie }, origin });
        ws.on('error', () => {});
        ws.on('open', () => {
          ws.close();
          resolve(101);
        });
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      });
    expect(await open('http://127.0.0.1:1')).toBe(403);
    expect(await open(base)).toBe(101);
  });
});
