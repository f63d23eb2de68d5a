/**
 * The wallboard in Chromium: the login form (credentials in sessionStorage,
 * never in the URL), every visible agent with its status, an agent changing
 * status live (one stream request, no polling), axe (WCAG 2.2 AA) on each
 * state, and the picture kept as docs/wallboard.png (UPDATE_SCREENSHOT=1).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiKey } from '../../src/admin/api-keys.js';
import { seriousViolations } from '../support/accessibility.js';
import { describeBrowser, launchBrowser, screenshotPath } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

describeBrowser('the wallboard', () => {
  let h: Harness;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    h = await startHarness();
    const pass_hash = await h.services.passwords.hash('1234');
    await h.services.store.users.insert({ user: 'wall', pass_hash, full_name: 'Wallboard', user_level: 7, user_group: 'AGENTS', view_reports: '1', vdc_agent_api_access: '0' });
    // Something to show: a second agent on a call, and a call already done today.
    await h.login('1001', 'TESTCAMP', ['TESTIN']);
    await h.startCall('1001', { kind: 'INBOUND' });
    base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('logs in, shows the agents, and follows a status change live', { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    const streams: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/v2/events')) streams.push(r.url());
    });
    const res = await page.goto(`${base}/wallboard`);
    expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.getByLabel('User').fill('wall');
    await page.getByLabel('Password').fill('1234');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Log in' }).click();

    const card = (user: string) => page.locator(`li.agent-card[data-user="${user}"]`);
    await expect.poll(() => card('1000').locator('.agent-status').textContent(), { timeout: 10_000 }).toBe('PAUSED');
    expect(await card('1001').locator('.agent-status').textContent()).toBe('INCALL');
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Live');
    expect(page.url()).toBe(`${base}/wallboard`);
    expect(await page.evaluate("sessionStorage.getItem('agentgate.wallboard')")).toContain('"user":"wall"');
    expect(await page.getByRole('row', { name: /TESTIN/ }).count()).toBe(1);

    // A command through the legacy API shows on the board, pushed.
    expect((await h.api({ agent_user: '1000', function: 'external_pause', value: 'RESUME' })).body).toMatch(/^SUCCESS/);
    await expect.poll(() => card('1000').locator('.agent-status').textContent(), { timeout: 10_000 }).toBe('READY');
    await expect.poll(() => card('1000').getAttribute('class')).toContain('status-READY');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('wallboard.png') });

    // One stream, never a poll; the credentials travel in a header, not in its URL.
    expect(streams).toEqual([`${base}/api/v2/events`]);
    expect(errors).toEqual([]);

    // A wrong password comes back to the form with the server's words.
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByLabel('User').fill('wall');
    await page.getByLabel('Password').fill('nope');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').waitFor({ timeout: 10_000 });
    expect(await page.getByRole('alert').textContent()).toContain('not valid');
    expect(await page.evaluate("sessionStorage.getItem('agentgate.wallboard')")).toBeNull();
    expect(await seriousViolations(page)).toEqual([]);

    // An API key instead of a password: kept the same way, sent as Bearer.
    const made = await createApiKey(h.services.store, { user: '6666', name: 'wallboard', functions: [], campaigns: [] }, h.clock.now());
    if (!made.ok) throw new Error(made.message);
    await page.getByLabel('User').fill('');
    await page.getByLabel('Password').fill('');
    await page.getByLabel('or an API key').fill(made.secret);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => card('1001').locator('.agent-status').textContent(), { timeout: 10_000 }).toBe('INCALL');
    expect(page.url()).toBe(`${base}/wallboard`);
    await context.close();
  });
});
