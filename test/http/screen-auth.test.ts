/** Logging into the screens: VICIdial's rules, the lock, and sessions that end when the account changes. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const login = (user: string, pass: string, screen: 'agent' | 'admin' = 'agent') =>
  h.app.inject({ method: 'POST', url: '/api/v2/auth/login', payload: { user, pass, screen } });
const cookieOf = (res: { cookies: { name: string; value: string }[] }, screen = 'agent') =>
  res.cookies.find((c) => c.name === `agentgate_${screen}`)?.value;
const me = (cookie: string | undefined, screen = 'agent') =>
  h.app.inject({ url: `/api/v2/auth/me?screen=${screen}`, cookies: cookie ? { [`agentgate_${screen}`]: cookie } : {} });
const failures = async (user: string) => Number((await h.rows('vicidial_users', { user }))[0]!.failed_login_count);

describe('screen login', () => {
  it('logs an agent in, with an httpOnly session cookie, and stamps the login', async () => {
    const res = await login('1001', '1234');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: '1001', fullName: 'Agent 1001', level: 1, group: 'AGENTS', screen: 'agent' });
    const cookie = res.cookies.find((c) => c.name === 'agentgate_agent');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect((await me(cookie!.value)).json()).toMatchObject({ user: '1001' });
    const [row] = await h.rows('vicidial_users', { user: '1001' });
    expect(row).toMatchObject({ last_login_date: '2026-11-28 10:00:00', last_ip: '127.0.0.1', failed_login_count: 0 });
  });

  it('answers a wrong password and an unknown user alike, and counts the failure', async () => {
    const wrong = await login('1001', 'nope');
    const unknown = await login('nosuch', 'nope');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('login-credentials');
    expect(await failures('1001')).toBe(1);
  });

  it('refuses an API Only user with a clear reason, once the password is right, and counts it', async () => {
    const res = await login('6666', '1234');
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({
      code: 'login-api-only',
      message: '6666 is an API Only account: it can use the APIs but cannot log in to a screen.',
    });
    expect(await failures('6666')).toBe(1);
    expect((await login('6666', 'wrong')).json().error.code).toBe('login-credentials');
  });

  it('keeps agents out of the admin console', async () => {
    const res = await login('1001', '1234', 'admin');
    expect(res.json().error.code).toBe('login-level');
  });

  it('refuses inactive accounts like wrong passwords', async () => {
    await h.exec(`update vicidial_users set active = 'N' where user = '1001'`);
    expect((await login('1001', '1234')).json().error.code).toBe('login-credentials');
  });

  it('locks the account after ten failures, even for the right password', async () => {
    for (let i = 0; i < 10; i++) await login('1001', 'nope');
    expect((await login('1001', '1234')).statusCode).toBe(401);
    h.clock.advance(15 * 60 * 1000);
    expect((await login('1001', '1234')).statusCode).toBe(200);
  });

  it('validates the body with a message per field', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v2/auth/login', payload: { user: '', screen: 'phone' } });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['pass', 'screen', 'user']);
  });

  it('ends the session when the password changes, and refuses forged or foreign cookies', async () => {
    const cookie = cookieOf(await login('1001', '1234'))!;
    expect((await me(cookie, 'admin')).statusCode).toBe(401);
    expect((await me(`${cookie}x`)).statusCode).toBe(401);
    await h.services.store.users.setPasswordHash('1001', await h.services.passwords.hash('new-password'));
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('logs out by clearing the cookie', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v2/auth/logout?screen=agent' });
    expect(res.cookies.find((c) => c.name === 'agentgate_agent')?.value).toBe('');
  });
});
