/**
 * The admin console's layout and accessibility on every page: at 390 px (a
 * phone: the sections fold into a menu, nothing scrolls sideways) and at
 * 1400 px (the audit filters in one compact bar, no table clips a button),
 * with zero serious WCAG AA violations, a skip link, keyboard paths, and each
 * move to another page titled and announced.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { seriousViolations } from '../support/accessibility.js';
import { describeBrowser, launchBrowser } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

// Every page is checked twice over (two widths): minutes on a busy 2-core machine.
vi.setConfig({ testTimeout: 240_000 });

const PAGES = ['users', 'users/new', 'users/6668', 'groups', 'campaigns', 'statuses', 'settings', 'matrix', 'audit', 'explain', 'advisor/6666', 'changes'];
/**
 * The accessibility check runs on every page at 390 px, and at 1400 px only
 * where the wide layout differs in what it shows: the open navigation (users),
 * the filter bar (audit) and the widest table (matrix). The markup, names and
 * colours are the same at both widths; an axe run costs seconds each.
 */
const WIDE_CHECKED = new Set(['users', 'audit', 'matrix']);

describeBrowser('the admin console on a phone and on a wide screen', () => {
  let h: Harness;
  let browser: Browser;
  let base: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    h = await startHarness();
    base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    // Rows for the audit log, one with a long value, and a change for the change log.
    await h.api({ agent_user: '1000', function: 'external_pause', value: 'PAUSE' });
    await h.api({ user: '6668', agent_user: '1000', function: 'external_hangup', value: '1' });
    await h.api({ agent_user: '1000', function: 'update_fields', first_name: 'A'.repeat(30), value: `long-${'x'.repeat(200)}` });
    await h.api({ user: '6666', pass: 'wrong-password', agent_user: '1000', function: `external_${'z'.repeat(40)}` });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });
  afterEach(() => context?.close());

  async function open(width: number) {
    context = await browser.newContext({ viewport: { width, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (err) => {
      throw err;
    });
    await page.goto(`${base}/admin`);
    await page.locator('input[name=user]').fill('admin');
    await page.locator('input[name=pass]').fill('1234');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Users' }).waitFor();
  }

  async function visit(path: string) {
    await page.goto(`${base}/admin/${path}`);
    await page.locator('h2').first().waitFor();
    // The page's own data has arrived (its tables or forms are filled).
    await page.waitForLoadState('networkidle');
  }

  const sidewaysScroll = () => page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
  const focused = async () => (await page.locator(':focus').textContent()) ?? '';

  it('at 390 px the sections fold into a menu a keyboard can open, and no page scrolls sideways or fails the check', async () => {
    await open(390);
    const menu = page.getByRole('button', { name: 'Menu' });
    const audit = page.getByRole('link', { name: 'Audit log' });
    expect(await audit.isVisible()).toBe(false);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    await expect(focused()).resolves.toBe('Users');
    while ((await focused()) !== 'Audit log') await page.keyboard.press('Tab');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    // The menu folds again, and the focus is on the new page's heading.
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await audit.isVisible()).toBe(false);
    await expect.poll(focused).toBe('Audit log');

    for (const path of PAGES) {
      await visit(path);
      expect({ path, sideways: await sidewaysScroll() }).toEqual({ path, sideways: 0 });
      expect({ path, violations: await seriousViolations(page) }).toEqual({ path, violations: [] });
    }
  });

  it('at 1400 px the audit filters sit in one compact bar and no table clips its buttons, on every page', async () => {
    await open(1400);
    await visit('audit');
    const bar = await page.locator('form.filters').boundingBox();
    expect(bar!.height).toBeLessThan(150);
    const tops = await page.locator('form.filters .field').evaluateAll((fields) => fields.map((f) => Math.round(f.getBoundingClientRect().top)));
    expect(new Set(tops.slice(0, 6)).size).toBe(1);

    for (const path of PAGES) {
      await visit(path);
      const clipped = await page.locator('.table-scroll').evaluateAll(
        (boxes, viewport) =>
          boxes.flatMap((box) => {
            const edge = Math.min(box.getBoundingClientRect().right, viewport);
            return [...box.querySelectorAll('button')].filter((b) => b.getBoundingClientRect().right > edge + 0.5).map((b) => b.textContent);
          }),
        1400,
      );
      expect({ path, clipped }).toEqual({ path, clipped: [] });
      if (WIDE_CHECKED.has(path)) expect({ path, violations: await seriousViolations(page) }).toEqual({ path, violations: [] });
    }
  });

  it('a keyboard user skips to the content; each page change is titled and announced', async () => {
    await open(1400);
    await visit('users');
    await page.keyboard.press('Tab');
    await expect(focused()).resolves.toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('Users');
    await expect(page.title()).resolves.toBe('Users · agentgate admin');

    await page.getByRole('link', { name: 'Change log' }).click();
    await page.getByRole('heading', { name: 'Change log' }).waitFor();
    await expect.poll(() => page.title()).toBe('Change log · agentgate admin');
    await expect.poll(() => page.locator('.sr-only[role=status][aria-live=polite]').first().textContent()).toBe('Change log page');
    await expect.poll(focused).toBe('Change log');
  });
});
