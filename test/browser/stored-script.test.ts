/**
 * What held in the penetration test, kept held: markup stored in a lead's
 * fields, in a user's name, in a notification and in the change log reaches
 * the screens as text — shown literally, never made into elements or run.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { adminClient } from '../support/admin.js';
import { describeBrowser, launchBrowser } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

// Short enough for first_name (30 characters) on a strict MariaDB too.
const MARKUP = '<img src=x onerror=stored=1>';

describeBrowser('stored markup in the screens', () => {
  let h: Harness;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    h = await startHarness();
    base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  /** Shown as text, no element made of it, nothing run. */
  async function expectInert(page: Page) {
    expect(await page.locator('img[src=x]').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { stored?: number }).stored)).toBeUndefined();
  }

  it("the agent screen shows a lead's fields and a notification as text", async () => {
    // Written by another program sharing the database: no input filter on the way.
    await h.exec(`update vicidial_list set first_name = '${MARKUP.replaceAll("'", "''")}', comments = '${MARKUP}' where lead_id = 1`);
    await h.login('1001', 'TESTCAMP');
    const page = await browser.newPage();
    await page.goto(`${base}/agent`);
    await page.getByLabel('User').fill('1001');
    await page.getByLabel('Password').fill('1234');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('PAUSED');
    await h.startCall('1001', { leadId: 1 });
    await expect.poll(() => page.getByLabel('First name').inputValue()).toBe(MARKUP);
    // The campaign script fills in the lead's fields: as text too.
    await expect.poll(() => page.getByTestId('script').textContent()).toContain(MARKUP);
    await h.api({ agent_user: '1001', function: 'send_notification', recipient: '1001', recipient_type: 'USER', notification_text: MARKUP });
    await expect.poll(() => page.getByTestId('notice').filter({ hasText: MARKUP }).count()).toBe(1);
    await expectInert(page);
    await page.close();
  });

  it("the console shows a user's name and the change log as text", async () => {
    const admin = await adminClient(h);
    const { version } = (await admin.get('/api/v2/admin/users/6668')).json;
    expect((await admin.send('PATCH', '/api/v2/admin/users/6668', { version, changes: { full_name: MARKUP } })).status).toBe(200);

    const page = await browser.newPage();
    await page.goto(`${base}/admin`);
    await page.locator('input[name=user]').fill('admin');
    await page.locator('input[name=pass]').fill('1234');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await expect.poll(() => page.getByText(MARKUP, { exact: true }).count()).toBeGreaterThan(0);
    await expectInert(page);
    await page.getByRole('link', { name: 'Change log' }).click();
    await expect.poll(() => page.locator('ul.changed-fields li', { hasText: 'full_name' }).textContent()).toBe(`full_name: Wallboard (pause and status only) → ${MARKUP}`);
    await expectInert(page);
    await page.close();
  });
});
