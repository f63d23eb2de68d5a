/**
 * Screen sessions end on the server: logging out ends the session itself (not
 * only the browser's cookie) on every node, as do a new password and
 * deactivation; an agent socket open at that moment closes at its next message.
 */
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { tempDir } from '../support/server-process.js';
import { createTestDatabase, onMysql } from '../support/test-database.js';

const harnesses: Harness[] = [];
const sockets: WebSocket[] = [];
const releases: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.terminate();
  for (const h of harnesses.splice(0)) await h.close();
  for (const release of releases.splice(0)) await release();
});
async function node(options: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  const h = await startHarness(options);
  harnesses.push(h);
  return h;
}

async function logIn(h: Harness, user: string, screen: 'agent' | 'admin'): Promise<string> {
  const res = await h.app.inject({ method: 'POST', url: '/api/v2/auth/login', payload: { user, pass: '1234', screen } });
  expect(res.statusCode).toBe(200);
  return res.cookies.find((c) => c.name === `agentgate_${screen}`)!.value;
}
const me = (h: Harness, cookie: string, screen: 'agent' | 'admin') =>
  h.app.inject({ url: `/api/v2/auth/me?screen=${screen}`, cookies: { [`agentgate_${screen}`]: cookie } });
const logOut = (h: Harness, cookie: string, screen: 'agent' | 'admin') =>
  h.app.inject({ method: 'POST', url: `/api/v2/auth/logout?screen=${screen}`, cookies: { [`agentgate_${screen}`]: cookie } });

describe('logging out', () => {
  it('ends the admin session: the same cookie is refused afterwards', async () => {
    const h = await node();
    const cookie = await logIn(h, 'admin', 'admin');
    const users = () => h.app.inject({ url: '/api/v2/admin/users', cookies: { agentgate_admin: cookie } });
    expect((await users()).statusCode).toBe(200);
    expect((await logOut(h, cookie, 'admin')).statusCode).toBe(200);
    const after = await users();
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('not-logged-in');
  });

  it('ends an agent session on every node sharing the database', async () => {
    const file = path.join(tempDir(), 'nodes.db');
    const secret = 's'.repeat(40);
    // A SQLite file both nodes open, or a MariaDB database with TEST_DATABASE_URL.
    const database = await createTestDatabase({ sqliteFile: file });
    releases.push(() => database.release());
    const a = await node({ databaseUrl: database.url, sessionSecret: secret });
    const b = await node({ databaseUrl: database.url, sessionSecret: secret, demo: false });
    const cookie = await logIn(a, '1001', 'agent');
    expect((await me(b, cookie, 'agent')).statusCode).toBe(200);
    await logOut(a, cookie, 'agent');
    expect((await me(b, cookie, 'agent')).statusCode).toBe(401);
    expect((await me(a, cookie, 'agent')).statusCode).toBe(401);
    if (!onMysql) expect(fs.existsSync(file)).toBe(true);
  });

  it('ends only that session: the same user logged in elsewhere stays in', async () => {
    const h = await node();
    const first = await logIn(h, '1001', 'agent');
    const second = await logIn(h, '1001', 'agent');
    await logOut(h, first, 'agent');
    expect((await me(h, first, 'agent')).statusCode).toBe(401);
    expect((await me(h, second, 'agent')).statusCode).toBe(200);
  });

  it('stores a digest of the session id, never the cookie or the id', async () => {
    const h = await node();
    const cookie = await logIn(h, 'admin', 'admin');
    const [row] = await h.rows('agentgate_web_sessions', { user: 'admin' });
    expect(row).toMatchObject({ user: 'admin', screen: 'admin' });
    const sid = JSON.parse(Buffer.from(cookie.split('.')[0]!, 'base64url').toString()).sid as string;
    expect(JSON.stringify(row)).not.toContain(sid);
    expect(JSON.stringify(row)).not.toContain(cookie.split('.')[1]);
  });
});

describe('account changes end sessions', () => {
  it.each([
    ['a new password', { pass: 'a-new-password' }],
    ['deactivation', { active: 'N' }],
  ])('%s set in the console ends the agent screen session', async (_name, changes) => {
    const h = await node();
    const agent = await logIn(h, '1001', 'agent');
    const admin = await logIn(h, 'admin', 'admin');
    const { version } = (await h.app.inject({ url: '/api/v2/admin/users/1001', cookies: { agentgate_admin: admin } })).json();
    const edit = await h.app.inject({ method: 'PATCH', url: '/api/v2/admin/users/1001', cookies: { agentgate_admin: admin }, payload: { version, changes } });
    expect(edit.statusCode).toBe(200);
    expect((await me(h, agent, 'agent')).statusCode).toBe(401);
    expect(await h.rows('agentgate_web_sessions', { user: '1001' })).toEqual([]);
  });
});

describe('an open agent socket', () => {
  it('closes with 4401 at its next message once the login has ended, and acts on nothing', async () => {
    const h = await node();
    const base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    const cookie = await logIn(h, '1001', 'agent');
    await h.login('1001', 'TESTCAMP');
    const ws = new WebSocket(`${base.replace('http', 'ws')}/api/v2/agent/stream`, { headers: { cookie: `agentgate_agent=${cookie}` } });
    sockets.push(ws);
    const messages: { type: string }[] = [];
    ws.on('message', (data) => messages.push(JSON.parse(data.toString())));
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    await new Promise((resolve) => ws.once('open', resolve));
    await expect.poll(() => messages.some((m) => m.type === 'state')).toBe(true);

    await logOut(h, cookie, 'agent');
    ws.send(JSON.stringify({ type: 'resume', ref: 'after-logout' }));
    expect(await closed).toBe(4401);
    expect(messages.filter((m) => m.type === 'ack')).toEqual([]);
    expect((await h.agent('1001'))!.status).toBe('PAUSED');
  });
});
