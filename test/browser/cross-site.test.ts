/**
 * "A page on another site" in Chromium: a logged-in administrator (or agent)
 * visits a page the attacker serves on another port of the same host — the
 * same site, so SameSite=strict cookies travel with its requests. Each attack
 * is what the penetration test reproduced; each must fail:
 * - a reflected script in a legacy answer (top-level and in an iframe),
 * - a cross-site form that creates a level-9 administrator (CSRF),
 * - a cross-site WebSocket that reads the agent's screen.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, afterEach, expect, it } from 'vitest';
import { describeBrowser, launchBrowser } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

/**
 * The script the attacker hides in vendor_id: mark the page, then create a
 * level-9 user with the victim's session. No ; # or + (api.php's filter would
 * change them): lines end the statements.
 */
const PAYLOAD = [
  '<script>',
  'window.pwned = 1',
  "fetch('/api/v2/admin/users', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' },",
  "  body: JSON.stringify({ user: 'xss9', pass: 'evil-password', full_name: 'x', user_group: 'ADMIN', user_level: 9, modify_users: '1' }) })",
  '</script>',
].join('\n');

describeBrowser('a page on another site', () => {
  let h: Harness;
  let browser: Browser;
  let base: string;
  let attacker: http.Server;
  let evil: string;
  let context: BrowserContext;

  const attackUrl = () => `${base}/agc/api.php?source=crm&user=6668&pass=1234&function=st_login_log&value=&vendor_id=${encodeURIComponent(PAYLOAD)}`;

  /** The attacker's pages, served from another port of the same host. */
  const pages: Record<string, () => string> = {
    '/frame': () => `<!doctype html><title>cats</title><iframe src="${attackUrl().replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"></iframe>`,
    '/form': () => `<!doctype html><title>cats</title>
      <form method="POST" action="${base}/api/v2/admin/users">
        <input name="user" value="csrf9"><input name="pass" value="evil-password"><input name="full_name" value="x">
        <input name="user_group" value="ADMIN"><input name="user_level" value="9"><input name="modify_users" value="1">
      </form><script>document.forms[0].submit()</script>`,
    '/multipart': () => `<!doctype html><title>cats</title>
      <form method="POST" enctype="multipart/form-data" action="${base}/api/v2/admin/users">
        <input name="user" value="csrfmp"><input name="pass" value="evil-password"><input name="full_name" value="x">
        <input name="user_group" value="ADMIN"><input name="user_level" value="9">
      </form><script>document.forms[0].submit()</script>`,
    '/socket': () => `<!doctype html><title>cats</title><script>
      window.outcome = new Promise((resolve) => {
        const ws = new WebSocket('${base.replace('http', 'ws')}/api/v2/agent/stream');
        ws.onmessage = (e) => resolve('read: ' + e.data.slice(0, 60));
        ws.onclose = (e) => resolve('closed');
        ws.onerror = () => resolve('refused');
      });</script>`,
  };

  beforeAll(async () => {
    h = await startHarness();
    base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    attacker = http.createServer((req, res) => {
      const page = pages[req.url ?? ''];
      res.writeHead(page ? 200 : 404, { 'content-type': 'text/html' }).end(page?.() ?? '');
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    evil = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => attacker?.close(resolve));
    await h?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext();
  });
  afterEach(async () => {
    await context.close();
  });

  /** The victim's browser logs into a screen (the cookie lands in the context's jar). */
  async function logIn(user: string, screen: 'admin' | 'agent') {
    const res = await context.request.post(`${base}/api/v2/auth/login`, { data: { user, pass: '1234', screen } });
    expect(res.status()).toBe(200);
  }
  const userExists = async (user: string) => (await h.rows('vicidial_users', { user })).length > 0;

  it('a reflected script in a legacy answer does not run when the administrator opens the link', async () => {
    await logIn('admin', 'admin');
    const page = await context.newPage();
    const response = await page.goto(attackUrl());
    // The answer is VICIdial's, word for word: the script is in it, and inert.
    expect(await response!.text()).toContain(PAYLOAD);
    expect(await page.evaluate(() => (globalThis as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await userExists('xss9')).toBe(false);
  });

  it('nor when a page on another port frames it', async () => {
    await logIn('admin', 'admin');
    const page = await context.newPage();
    await page.goto(`${evil}/frame`);
    const frame = page.frames().find((f) => f.url().includes('/agc/api.php'));
    expect(frame).toBeDefined();
    await frame!.waitForLoadState('load');
    // Inline scripts run while the document parses, before its load event.
    expect(await frame!.evaluate(() => (globalThis as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await userExists('xss9')).toBe(false);
  });

  it.each([
    ['/form', 'csrf9'],
    ['/multipart', 'csrfmp'],
  ])('a cross-site %s post cannot create an administrator with the victim session', async (path, user) => {
    await logIn('admin', 'admin');
    const page = await context.newPage();
    const answered = page.waitForResponse((r) => r.url() === `${base}/api/v2/admin/users`);
    await page.goto(`${evil}${path}`);
    const response = await answered;
    expect([403, 415]).toContain(response.status());
    expect(await userExists(user)).toBe(false);
  });

  it("a cross-site WebSocket cannot read the agent's screen", async () => {
    await logIn('1001', 'agent');
    const page = await context.newPage();
    await page.goto(`${evil}/socket`);
    const outcome = await page.evaluate(() => (globalThis as unknown as { outcome: Promise<string> }).outcome);
    expect(outcome).not.toMatch(/^read/);
  });
});
