/**
 * The admin console in Chromium, end to end against a real server: an
 * administrator creates a restricted API user in one form, the agent API
 * obeys at once, explain shows why a request was refused (and what it cannot
 * judge), the audit filters survive Back, tightening asks first. Every screen
 * state reached passes the accessibility check. The permission matrix and the
 * new-user form are photographed for the README (UPDATE_SCREENSHOT=1).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { explainRequest } from '../../src/api/explain.js';
import { seriousViolations } from '../support/accessibility.js';
import { describeBrowser, launchBrowser, printJournalOnFailure, screenshotPath } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

// Each accessibility check walks the whole page: on a busy 2-core machine a test takes tens of seconds.
vi.setConfig({ testTimeout: 90_000 });

describeBrowser('the admin console in Chromium', () => {
  let h: Harness;
  let browser: Browser;
  let base: string;
  let context: BrowserContext;
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
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (err) => {
      throw err;
    });
    printJournalOnFailure(page);
  });
  afterEach(() => context?.close());

  const agentApi = async (params: Record<string, string>) =>
    (await fetch(`${base}/agc/api.php?${new URLSearchParams({ source: 'browsertest', ...params })}`)).text();

  /** The project's bar: no serious or critical WCAG AA violation on any state a test reaches. */
  const accessible = async () => expect(await seriousViolations(page)).toEqual([]);

  async function login(user = 'admin', pass = '1234') {
    await page.goto(`${base}/admin`);
    await page.locator('input[name=user]').fill(user);
    await page.locator('input[name=pass]').fill(pass);
    await page.getByRole('button', { name: 'Log in' }).click();
    // Until the answer is in: a test that navigates next would abort the login, its session cookie never set.
    await page.getByRole('button', { name: 'Log out' }).or(page.getByRole('alert')).first().waitFor();
  }

  async function openUser(user: string) {
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByRole('link', { name: user, exact: true }).click();
    await page.getByRole('heading', { name: `User ${user}` }).waitFor();
  }

  // First, while the demo data is as shipped: the screenshot is the README's picture of it.
  it('shows the permission matrix with advice that fits each account (docs/permission-matrix.png)', async () => {
    await login();
    await page.getByRole('link', { name: 'Permission matrix' }).click();
    const row = page.locator('tr[data-user="6669"]');
    await row.waitFor();
    await expect(row.locator('td').nth(7).textContent()).resolves.toBe('OTHERCMP');
    // The administrator is told nothing that would lock it out of the console, and a new account is only "not used yet".
    const admin = page.locator('tr[data-user="admin"]');
    await expect(admin.locator('td[data-role]').textContent()).resolves.toBe('console administrator');
    await admin.locator('li[data-code=administrator-api-access].note').waitFor();
    expect(await admin.textContent()).not.toMatch(/Make it API Only|remove its access/);
    expect(await page.locator('li[data-code=never-used]').count()).toBe(0);
    await page.locator('tr[data-user="6666"] li[data-code=not-used-yet]').waitFor();
    await accessible();
    await page.screenshot({ path: screenshotPath('permission-matrix.png'), fullPage: true });
  });

  it('refuses API Only users and agents with a clear message', async () => {
    await login('6666');
    await expect(page.getByRole('alert').textContent()).resolves.toBe('6666 is an API Only account: it can use the APIs but cannot log in to a screen.');
    await accessible();
    await page.locator('input[name=user]').fill('1001');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('1001 (user level 1) may not use the admin screen').waitFor();
  });

  it('creates "an API user for a CRM that may only pause, resume and set dispositions for TESTCAMP" in one form (docs/new-user-form.png)', async () => {
    await h.login('1002', 'OTHERCMP');
    await login();
    await page.getByRole('button', { name: 'New user' }).click();
    await page.getByRole('heading', { name: 'New user' }).waitFor();
    await page.locator('input[name=user]').fill('7200');
    await page.locator('input[name=full_name]').fill('CRM buttons');
    await page.locator('input[name=pass]').fill('crm-buttons-pw');

    // A preset: the functions, Agent API Access and API Only in one click.
    await page.getByRole('button', { name: 'Pause/resume buttons' }).click();
    const picker = page.locator('fieldset[data-name=api_allowed_functions]');
    expect(await picker.locator('input[type=checkbox]:checked').evaluateAll((boxes) => boxes.map((b) => b.getAttribute('value')))).toEqual([
      'external_pause',
      'external_status',
    ]);
    expect(await page.locator('input[name=vdc_agent_api_access]').isChecked()).toBe(true);
    expect(await page.locator('input[name=api_only_user]').isChecked()).toBe(true);
    // Search by what a function does, not only by its name.
    await picker.getByLabel('Search functions').fill('disposition');
    expect(await picker.locator('.purpose input[type=checkbox]').evaluateAll((boxes) => boxes.map((b) => b.getAttribute('value')))).toEqual([
      'external_status',
      'call_dispo_report',
    ]);
    await picker.getByLabel('Search functions').fill('');

    // The user group, created in place, allowing TESTCAMP only.
    await page.getByRole('button', { name: 'New group…' }).click();
    const creator = page.getByRole('group', { name: 'New user group' });
    await creator.getByLabel('Group id').fill('CRM_TC');
    await creator.getByLabel('Group name').fill('CRM on TESTCAMP');
    await creator.locator('input[value=TESTCAMP]').check();
    await creator.getByRole('button', { name: 'Create group' }).click();
    await expect.poll(() => page.locator('select[name=user_group]').inputValue()).toBe('CRM_TC');

    // API List Restrict, explained next to its switch with the group's campaigns.
    const restrict = page.locator('input[name=api_list_restrict]');
    const explained = async () => page.locator(`#${await restrict.getAttribute('aria-describedby')}`).textContent();
    await expect(explained()).resolves.toContain('Off: 7200 may act on agents, leads and lists of every campaign');
    await restrict.check();
    await expect(explained()).resolves.toBe('On: 7200 may act only on agents logged into TESTCAMP, and on leads and lists of TESTCAMP (the campaigns group CRM_TC allows).');
    await accessible();
    await page.screenshot({ path: screenshotPath('new-user-form.png'), fullPage: true });

    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByRole('heading', { name: 'User 7200' }).waitFor();
    const creds = { user: '7200', pass: 'crm-buttons-pw' };
    expect(await agentApi({ ...creds, agent_user: '1000', function: 'external_pause', value: 'PAUSE' })).toMatch(/^SUCCESS: external_pause function set - PAUSE\|\d+\|1000\n$/);
    expect(await agentApi({ ...creds, agent_user: '1002', function: 'external_pause', value: 'PAUSE' })).toBe(
      'ERROR: agent_user is in a campaign not allowed for this user - 1002||7200\n',
    );
    expect(await agentApi({ ...creds, agent_user: '1000', function: 'external_hangup', value: '1' })).toBe(
      'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 1|7200|external_hangup|CRM_TC\n',
    );
    expect((await h.rows('vicidial_users', { user: '7200' }))[0]).toMatchObject({ api_only_user: '1', modify_same_user_level: '0', user_group: 'CRM_TC' });

    // The change log shows the new user as a summary, not its every column.
    await page.getByRole('link', { name: 'Change log' }).click();
    const added = page.locator('tr[data-change=ADD][data-record="7200"]');
    await added.waitFor();
    const summary = await added.locator('td').nth(5).locator(':scope > span').textContent();
    expect(summary).toBe(
      "added: full_name 'CRM buttons'; user_level '1'; user_group 'CRM_TC'; active 'Y'; vdc_agent_api_access '1'; api_only_user '1'; api_list_restrict '1'; api_allowed_functions ' external_pause external_status '; password set",
    );
    expect(await added.locator('details').getAttribute('open')).toBeNull();
    await accessible();
    await h.logout('1002');
  });

  it('shows the password rule before submit, and keeps an unticked box unticked (bug: modify_same_user_level=1)', async () => {
    await login();
    await page.getByRole('button', { name: 'New user' }).click();
    const password = page.locator('input[name=pass]');
    const rule = page.locator(`#${(await password.getAttribute('aria-describedby'))!.split(' ').at(-1)}`);
    await expect(rule.textContent()).resolves.toBe('At least 6 characters.');

    await page.locator('input[name=user]').fill('7300');
    await page.locator('input[name=full_name]').fill('Short password');
    await page.locator('select[name=user_group]').selectOption('ADMIN');
    await password.fill('abc');
    await page.getByRole('button', { name: 'Create user' }).click();
    // Refused before it is sent: the field is marked, described and focused (so it is in view).
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.locator(':focus').getAttribute('name')).toBe('pass');
    const described = (await password.getAttribute('aria-describedby'))!.split(' ');
    await expect(page.locator(`#${described[0]}`).textContent()).resolves.toBe('at least 6 characters');
    await expect(page.title()).resolves.toBe('Error: New user · agentgate admin');
    expect(await h.rows('vicidial_users', { user: '7300' })).toEqual([]);
    await accessible();

    await password.fill('long-enough');
    expect(await page.locator('input[name=modify_same_user_level]').isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByRole('heading', { name: 'User 7300' }).waitFor();
    expect((await h.rows('vicidial_users', { user: '7300' }))[0]).toMatchObject({ modify_same_user_level: '0', view_reports: '0', modify_users: '0' });
  });

  it('explains a refused request from the audit log, and Back keeps the filters', async () => {
    await h.api({ user: '6668', agent_user: '1000', function: 'external_hangup', value: '1' });
    await login();
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.locator('input[name=apiUser]').fill('6668');
    await page.locator('select[name=result]').selectOption('ERROR');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => page.url()).toMatch(/\/admin\/audit\?apiUser=6668&result=ERROR$/);
    const refused = page.locator('tr.refused', { hasText: 'external_hangup' });
    await refused.waitFor();
    await accessible();
    await refused.getByRole('button', { name: 'Explain' }).click();

    const failing = page.locator('li.gate[data-status=fail]');
    await failing.waitFor();
    expect(await failing.getAttribute('data-gate')).toBe('allowed_functions');
    await expect(failing.locator('.fix').textContent()).resolves.toBe("To allow it: add external_hangup to 6668's allowed functions");
    expect(await page.locator('li.gate[data-status=not-reached]').count()).toBeGreaterThan(0);
    await expect(page.locator('code.answer').textContent()).resolves.toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION');
    await expect(page.title()).resolves.toBe('Refused: Explain · agentgate admin');
    await accessible();

    await page.goBack();
    await refused.waitFor();
    expect(await page.locator('input[name=apiUser]').inputValue()).toBe('6668');
    expect(await page.locator('select[name=result]').inputValue()).toBe('ERROR');
    expect(await page.locator('tbody tr').count()).toBe(await page.locator('tbody tr.refused').count());
  });

  it('never shows "Allowed" for a request refused for its password: it shows the logged refusal and what explain cannot judge', async () => {
    await h.api({ user: '6666', pass: 'not-the-password', agent_user: '1000', function: 'external_pause', value: 'PAUSE' });
    await login();
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.locator('input[name=apiUser]').fill('6666');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.locator('tr.refused', { hasText: 'Invalid Username/Password' }).getByRole('button', { name: 'Explain' }).click();

    const outcome = page.locator('.logged-outcome');
    await outcome.waitFor();
    await expect(outcome.locator('.outcome').textContent()).resolves.toBe("refused: the password is not 6666's");
    await expect(outcome.textContent()).resolves.toContain('Explain cannot judge this refusal: it never knows the password.');
    const verdict = page.locator('.explanation .verdict');
    expect(await verdict.getAttribute('data-verdict')).toBe('open');
    expect(await verdict.textContent()).not.toMatch(/^Allowed/);
    await expect(page.locator('.not-checked').textContent()).resolves.toContain('the password: explain never knows it');
    await expect(page.title()).resolves.toBe('Logged as refused: Explain · agentgate admin');
    await accessible();
  });

  it('previews "tighten to what is used" and asks before it applies; with nothing to change it offers nothing', async () => {
    await h.login('1002', 'OTHERCMP');
    await h.api({ user: '6669', agent_user: '1002', function: 'external_pause', value: 'PAUSE' });
    await login();
    expect((await h.lastLog()).result).toBe('SUCCESS');
    await page.goto(`${base}/admin/advisor/6669`);
    // The advice, or the problem the page met loading it (said in the failure, not a bare timeout).
    await page.locator('.advice, .problem').first().waitFor();
    expect(await page.locator('.problem').allTextContents()).toEqual([]);
    await page.getByRole('button', { name: 'Tighten to what is used…' }).click();
    const dialog = page.getByRole('dialog', { name: "Tighten 6669's API Allowed Functions?" });
    await dialog.waitFor();
    await expect(dialog.locator('#tighten-what').textContent()).resolves.toBe('From ALL_FUNCTIONS to external_pause.');
    await accessible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await h.rows('vicidial_users', { user: '6669' }))[0]!.api_allowed_functions).toBe(' ALL_FUNCTIONS ');

    await page.getByRole('button', { name: 'Tighten to what is used…' }).click();
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('status').getByText('6669 may now call only: external_pause.').waitFor();
    expect((await h.rows('vicidial_users', { user: '6669' }))[0]!.api_allowed_functions).toBe(' external_pause ');
    await expect(page.locator('.nothing-to-do').textContent()).resolves.toBe('Nothing to tighten: 6669 may call exactly what it used.');
    expect(await page.getByRole('button', { name: 'Tighten to what is used…' }).count()).toBe(0);
    await h.logout('1002');
  });

  it("makes API List Restrict set in the console refuse a lead command on another team's list", async () => {
    await h.login('1002', 'OTHERCMP');
    const ask = () => explainRequest(h.services, { user: '6666', agentUser: '1002', function: 'external_dial', leadId: '1' });
    expect((await ask()).gates.find((g) => g.gate === 'lead_scope')?.status).toBe('pass');

    await login();
    await openUser('6666');
    await page.locator('select[name=user_group]').selectOption('TEAM_B');
    await page.locator('input[name=api_list_restrict]').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    await expect(page.title()).resolves.toBe('Saved: User 6666 · agentgate admin');

    const dial = { user: '6666', pass: '1234', agent_user: '1002', function: 'external_dial', search: 'NO', preview: 'NO', focus: 'NO' };
    expect(await agentApi({ ...dial, lead_id: '1' })).toBe('ERROR: lead is in a list not allowed for this user - 1002|1||6666\n');
    expect(await agentApi({ ...dial, lead_id: '9' })).toMatch(/^SUCCESS: external_dial function set - 6175550201\|1002\|/);
    await h.logout('1002');
  });

  it('shows a stale edit as refused, and keeps the other change', async () => {
    await login();
    await openUser('6668');
    await h.services.store.users.setCustomFour('6668', 'changed elsewhere');
    await page.locator('input[name=full_name]').fill('My edit');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').getByText('was changed by someone else after you opened it').waitFor();
    expect((await h.rows('vicidial_users', { user: '6668' }))[0]!.full_name).toBe('Wallboard (pause and status only)');
    await accessible();
  });

  it('makes an API key on the user page, shown once with a copy button, and revokes it', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    await login();
    await openUser('6666');
    const keys = page.getByRole('region', { name: 'API keys' });
    await keys.getByLabel('Key name').fill('wallboard');
    await keys.getByLabel('Functions (comma list)').fill('external_pause');
    await keys.getByRole('button', { name: 'Create key' }).click();
    const secretBox = keys.getByLabel(/Key wallboard: copy it now/);
    await secretBox.waitFor();
    const secret = await secretBox.inputValue();
    expect(secret).toMatch(/^agk_[A-Za-z0-9]{8}_/);
    await keys.getByRole('button', { name: 'Copy' }).click();
    await keys.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(secret);
    // Earlier tests change 6666's scope: ask the server who the key is, which depends on nothing else.
    const withKey = async () => (await fetch(`${base}/api/v2/me`, { headers: { authorization: `Bearer ${secret}` } })).status;
    expect(await withKey()).toBe(200);
    await keys.getByRole('cell', { name: 'external_pause' }).waitFor();
    await accessible();
    await keys.getByRole('button', { name: 'Revoke key wallboard' }).click();
    await keys.getByRole('cell', { name: 'revoked' }).waitFor();
    expect(await withKey()).toBe(401);
    // Shown once: the page reloaded shows the key, never its secret.
    await page.reload();
    await page.getByRole('region', { name: 'API keys' }).getByRole('cell', { name: 'wallboard' }).waitFor();
    expect(await page.content()).not.toContain(secret.slice(13));
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
