import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { describeBrowser, launchBrowser } from '../support/browser.js';

describeBrowser('the built pages load in Chromium', () => {
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

  it.each([
    ['/agent', 'agentgate agent screen', undefined],
    ['/admin', 'agentgate admin console', 'Log in'],
  ])('%s renders its React app', async (url, heading, button) => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${base}${url}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(heading);
    // The admin console starts at its login form (the session cookie is httpOnly).
    if (button) await page.getByRole('button', { name: button }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
