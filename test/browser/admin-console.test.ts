/**
 * The admin console in Chromium, end to end against a real server: an
 * administrator grants and scopes API access, the agent API obeys at once,
 * explain shows why a request was refused, and the permission matrix is
 * photographed for the README (docs/permission-matrix.png).
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { explainRequest } from '../../src/api/agent/explain.js';
import { describeBrowser, launchBrowser } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';
import { ROOT } from '../support/server-process.js';

describeBrowser('the admin console in Chromium', () => {
  let h: Harness;
  let browser: Browser;
  let base: string;
  let page: Page;

  beforeAll(async () => {
    h = await startHarness();
    base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });
  beforeEach(async () => {
    await page?.close();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (err) => {
      throw err;
    });
  });

  const agentApi = async (params: Record<string, string>) =>
    (await fetch(`${base}/agc/api.php?${new URLSearchParams({ source: 'browsertest', ...params })}`)).text();

  async function login(user = 'admin', pass = '1234') {
    await page.goto(`${base}/admin`);
    await page.locator('input[name=user]').fill(user);
    await page.locator('input[name=pass]').fill(pass);
    await page.getByRole('button', { name: 'Log in' }).click();
  }

  async function openUser(user: string) {
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByRole('link', { name: user, exact: true }).click();
    await page.getByRole('heading', { name: `User ${user}` }).waitFor();
  }

  // First, while the demo data is as shipped: the screenshot is the README's picture of it.
  it('shows the permission matrix with its warnings (docs/permission-matrix.png)', async () => {
    await login();
    await page.getByRole('link', { name: 'Permission matrix' }).click();
    const row = page.locator('tr[data-user="6669"]');
    await row.waitFor();
    await expect(row.locator('td').nth(6).textContent()).resolves.toBe('OTHERCMP');
    await page.locator('tr[data-user="admin"] li[data-code=also-agent]').waitFor();
    await page.screenshot({ path: path.join(ROOT, 'docs/permission-matrix.png'), fullPage: true });
  });

  it('refuses API Only users and agents with a clear message', async () => {
    await login('6666');
    await expect(page.getByRole('alert').textContent()).resolves.toBe('6666 is an API Only account: it can use the APIs but cannot log in to a screen.');
    await page.locator('input[name=user]').fill('1001');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('1001 (user level 1) may not use the admin screen').waitFor();
  });

  it('grants Agent API Access to a new API user, restricts it to external_pause, and explains the refusal', async () => {
    await login();
    await page.getByRole('button', { name: 'New user' }).click();
    await page.locator('input[name=user]').fill('7100');
    await page.locator('input[name=full_name]').fill('CRM connector');
    await page.locator('input[name=pass]').fill('connector-pw');
    await page.locator('select[name=user_group]').selectOption('ADMIN');
    await page.locator('select[name=user_level]').selectOption('7');
    await page.locator('input[name=api_only_user]').check();
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByRole('heading', { name: 'User 7100' }).waitFor();

    // Without Agent API Access every call is refused.
    expect(await agentApi({ user: '7100', pass: 'connector-pw', agent_user: '1000', function: 'external_pause', value: 'PAUSE' })).toMatch(/^ERROR: Invalid Username\/Password/);

    await page.locator('input[name=vdc_agent_api_access]').check();
    await page.locator('fieldset[data-name=api_allowed_functions] input[value=external_pause]').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();

    const creds = { user: '7100', pass: 'connector-pw', agent_user: '1000' };
    expect(await agentApi({ ...creds, function: 'external_hangup', value: '1' })).toBe(
      'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 1|7100|external_hangup|ADMIN\n',
    );
    expect(await agentApi({ ...creds, function: 'external_pause', value: 'PAUSE' })).toMatch(/^SUCCESS: external_pause function set - PAUSE\|\d+\|1000\n$/);

    // One click from the refused request in the audit log to its explanation.
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.locator('input[name=apiUser]').fill('7100');
    await page.locator('select[name=result]').selectOption('ERROR');
    await page.getByRole('button', { name: 'Filter' }).click();
    const refused = page.locator('tr.refused', { hasText: 'external_hangup' });
    await refused.getByRole('button', { name: 'Explain' }).click();
    const failing = page.locator('li.gate[data-status=fail]');
    await failing.waitFor();
    expect(await failing.getAttribute('data-gate')).toBe('allowed_functions');
    await expect(failing.locator('.fix').textContent()).resolves.toBe("To allow it: add external_hangup to 7100's allowed functions");
    expect(await page.locator('li.gate[data-status=not-reached]').count()).toBeGreaterThan(0);
    await expect(page.locator('code.answer').textContent()).resolves.toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION');
  });

  it("makes API List Restrict set in the console refuse a lead command on another team's list", async () => {
    await h.login('1002', 'OTHERCMP');
    const ask = () => explainRequest(h.services.agentApi, h.services.agentFunctions, { user: '6666', agentUser: '1002', function: 'external_dial', leadId: '1' });
    expect((await ask()).gates.find((g) => g.gate === 'lead_scope')?.status).toBe('pass');

    await login();
    await openUser('6666');
    await page.locator('select[name=user_group]').selectOption('TEAM_B');
    await page.locator('input[name=api_list_restrict]').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();

    const dial = { user: '6666', pass: '1234', agent_user: '1002', function: 'external_dial', search: 'NO', preview: 'NO', focus: 'NO' };
    expect(await agentApi({ ...dial, lead_id: '1' })).toBe('ERROR: lead is in a list not allowed for this user - 1002|1||6666\n');
    expect(await agentApi({ ...dial, lead_id: '9' })).toMatch(/^SUCCESS: external_dial function set - 6175550201\|1002\|/);
  });

  it('shows a stale edit as refused, and keeps the other change', async () => {
    await login();
    await openUser('6668');
    await h.services.store.users.setCustomFour('6668', 'changed elsewhere');
    await page.locator('input[name=full_name]').fill('My edit');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').getByText('was changed by someone else after you opened it').waitFor();
    expect((await h.rows('vicidial_users', { user: '6668' }))[0]!.full_name).toBe('Wallboard (pause and status only)');
  });

  it('deactivates a user in one click, and refuses to deactivate the last administrator', async () => {
    await login();
    await openUser('6668');
    await page.getByRole('button', { name: 'Deactivate' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    expect(await agentApi({ user: '6668', pass: '1234', agent_user: '1000', function: 'external_pause', value: 'PAUSE' })).toMatch(/^ERROR: Invalid Username\/Password/);
    await openUser('admin');
    await page.getByRole('button', { name: 'Deactivate' }).click();
    await page.getByRole('alert').getByText('admin is the last active administrator').waitFor();
  });
});
