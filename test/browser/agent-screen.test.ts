/**
 * The agent screen in Chromium: log in, take a simulated call and see its
 * lead, a pause sent by API while on the call, update_fields on screen, the
 * disposition, logout by API, and an API Only user refused. The simulator runs
 * on virtual time, so the test moves it on instead of waiting.
 */
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_SIM_SETTINGS } from '../../src/domain/telephony.js';
import { describeBrowser, launchBrowser } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

/** The README's picture is rewritten only on request (UPDATE_SCREENSHOT=1 npm test); otherwise it goes to a temp file. */
const SCREENSHOT = process.env.UPDATE_SCREENSHOT
  ? path.resolve(import.meta.dirname, '../../docs/agent-screen.png')
  : path.join(os.tmpdir(), `agentgate-agent-screen-${process.pid}.png`);

describeBrowser('the agent screen', () => {
  let h: Harness;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    h = await startHarness();
    await h.services.store.telephony.saveSimSettings({
      ...DEFAULT_SIM_SETTINGS,
      targetId: 'TESTCAMP',
      targetType: 'CAMPAIGN',
      answerPercent: 100,
      ringMinSec: 2,
      ringMaxSec: 2,
      talkMinSec: 600,
      talkMaxSec: 600,
    });
    base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function logIn(page: Page, user: string) {
    await page.goto(`${base}/agent`);
    await page.getByLabel('User').fill(user);
    await page.getByLabel('Password').fill('1234');
    await page.getByRole('button', { name: 'Log in' }).click();
  }

  it('takes a call, shows the pending pause, the updated lead and the disposition, and logs out by API', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 820 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await logIn(page, '1001');
    await page.getByLabel('Campaign').selectOption('TESTCAMP');
    await page.getByLabel('TESTIN — Test inbound').check();
    await page.getByRole('button', { name: 'Start' }).click();
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('PAUSED');

    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('READY');
    await h.advance(3000); // the dialer places a call for 1001, which rings 2 s and is answered
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('INCALL');
    await expect.poll(() => page.getByTestId('lead-first_name').textContent()).toBe('Ada');
    await expect.poll(() => page.getByTestId('call').textContent()).toContain('answered');

    await h.api({ agent_user: '1001', function: 'update_fields', first_name: 'Augusta', city: 'London' });
    await expect.poll(() => page.getByTestId('lead-first_name').textContent()).toBe('Augusta');
    await expect.poll(() => page.getByTestId('lead-city').textContent()).toBe('London');

    await h.api({ agent_user: '1001', function: 'external_pause', value: 'PAUSE' });
    await expect.poll(() => page.getByTestId('pending').textContent()).toBe('PAUSE pending');
    await h.api({ agent_user: '1001', function: 'send_notification', recipient: '1001', recipient_type: 'USER', notification_text: 'Great call!' });
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Great call!' }).count()).toBe(1);
    await page.screenshot({ path: SCREENSHOT });

    await page.getByRole('button', { name: 'Hang up', exact: true }).click();
    await page.getByLabel('Disposition status').selectOption('SALE');
    await page.getByRole('button', { name: 'Submit disposition' }).click();
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('PAUSED');
    // The status comes with the event, the pending command with the state that follows it.
    await expect.poll(() => page.getByTestId('pending').count()).toBe(0);
    expect((await h.rows('vicidial_list', { lead_id: 1 }))[0]).toMatchObject({ status: 'SALE', first_name: 'Augusta' });

    await h.api({ agent_user: '1001', function: 'logout', value: 'LOGOUT' });
    await expect.poll(() => page.getByRole('button', { name: 'Log in' }).count()).toBe(1);
    await expect.poll(() => page.getByText('You were logged out by the API.').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a reload resumes the same session', async () => {
    await h.login('1002', 'OTHERCMP');
    const page = await browser.newPage();
    await logIn(page, '1002');
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('PAUSED');
    await page.reload();
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('PAUSED');
    await h.api({ agent_user: '1002', function: 'pause_code', value: 'BREAK' });
    await expect.poll(() => page.getByText('code BREAK').count()).toBe(1);
    await page.close();
  });

  it('refuses an API Only user at login with a clear message', async () => {
    const page = await browser.newPage();
    await logIn(page, '6666');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('API Only');
    expect(await page.getByLabel('Campaign').count()).toBe(0);
    await page.close();
  });
});
