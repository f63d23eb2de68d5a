/**
 * The two example pages in Chromium, as a CRM runs them: served by the
 * example's own server (examples/serve-static.mjs) on another origin than
 * agentgate, which lists that origin in CORS_ORIGINS; the key handed over in
 * the address fragment, never a query string. Driven against a real
 * agentgate (the harness's app on a port): the screen pop follows agent
 * 1000's lead as it changes and writes a note the database then holds; the
 * buttons pause, resume, hang up and disposition, showing pending and
 * applied and the events that carry each command's id; a key without
 * external_hangup is refused on screen.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiKey } from '../../src/admin/api-keys.js';
import { seriousViolations } from '../support/accessibility.js';
import { describeBrowser, launchBrowser } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';
import { freePort } from '../support/server-process.js';
import { EXAMPLES, startExample, type ExampleProcess } from './example-process.js';

describeBrowser('the example pages, from their own origin', () => {
  let h: Harness;
  let browser: Browser;
  let pages: ExampleProcess;
  let origin: string;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    pages = startExample(process.execPath, [`${EXAMPLES}/serve-static.mjs`, '--port', '0', '--agentgate', base]);
    origin = (await pages.waitFor(/serving the example pages at (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
    h = await startHarness({ config: { corsOrigins: [origin] } });
    await h.app.listen({ port, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
    await pages?.stop();
  });

  async function keyFor(name: string, functions: string[]): Promise<string> {
    const made = await createApiKey(h.services.store, { user: '6666', name, functions, campaigns: ['TESTCAMP'] }, h.clock.now());
    if (!made.ok) throw new Error(made.message);
    return made.secret;
  }

  /** The page opened as run.mjs prints it: the key in the fragment. */
  async function open(example: string, key: string): Promise<{ page: Page; errors: string[] }> {
    const page = await (await browser.newContext()).newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    const fragment = new URLSearchParams({ server: base, agent: '1000', key });
    await page.goto(`${origin}/${example}/#${fragment}`);
    await expect.poll(() => page.locator('#link').textContent()).toBe('Live');
    // The key left the address bar at once and lives in this tab's storage only.
    expect(page.url()).toBe(`${origin}/${example}/`);
    expect(await page.evaluate(`sessionStorage.getItem('agentgate.example.${example}')`)).toContain(key);
    return { page, errors };
  }

  /** Agent 1000 logged in anew: PAUSED, no call, whatever a test before left. */
  async function freshSession() {
    await h.logout('1000');
    await h.login('1000', 'TESTCAMP');
  }

  it('the screen pop follows the lead on agent 1000’s screen and writes a note back', { timeout: 60_000 }, async () => {
    await freshSession();
    const { page, errors } = await open('screen-pop', await keyFor('screen-pop', ['lead_all_info', 'update_fields']));
    const title = page.locator('#lead-title');
    await expect.poll(() => page.locator('#agent-line').textContent()).toContain('is PAUSED');
    expect(await title.textContent()).toBe('No lead on screen');

    // A call brings lead 3: the page pops it, read with lead_all_info.
    await h.startCall('1000', { leadId: 3 });
    await expect.poll(() => title.textContent()).toBe('Grace Hopper — lead 3');
    expect(await page.locator('#agent-line').textContent()).toContain('is INCALL');
    expect(await page.locator('#lead-fields').textContent()).toContain('3125550103');
    expect(await seriousViolations(page)).toEqual([]);

    // The call ends and is dispositioned; the next call brings another lead, followed live.
    await h.endCall('1000');
    expect((await h.api({ agent_user: '1000', function: 'external_status', value: 'SALE' })).body).toMatch(/^SUCCESS/);
    await expect.poll(() => title.textContent()).toBe('No lead on screen');
    await h.startCall('1000', { leadId: 4 });
    await expect.poll(() => title.textContent()).toBe('Edsger Dijkstra — lead 4');

    // The note goes back with update_fields, the stream confirms it, and the database holds it.
    await page.getByLabel('Note on this lead').fill('Wants a callback after 5pm');
    await page.getByRole('button', { name: 'Save the note' }).click();
    await expect.poll(() => page.locator('#note-result').textContent()).toBe('Saved to lead 4; the event stream confirms it.');
    expect((await h.rows('vicidial_list', { lead_id: 4 }))[0]).toMatchObject({ comments: 'Wants a callback after 5pm' });
    await expect.poll(() => page.locator('#lead-fields').textContent()).toContain('Wants a callback after 5pm');

    // A change made elsewhere (another integration) shows at once too.
    expect((await h.api({ agent_user: '1000', function: 'update_fields', first_name: 'Edgar' })).body).toMatch(/^SUCCESS/);
    await expect.poll(() => title.textContent()).toBe('Edgar Dijkstra — lead 4');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the buttons pause, resume, hang up and disposition, with pending and applied from the stream', { timeout: 60_000 }, async () => {
    await freshSession();
    const { page, errors } = await open('buttons', await keyFor('buttons', ['external_pause', 'external_hangup', 'external_status']));
    const agentLine = page.locator('#agent-line');
    /** The newest command of that button. */
    const entry = (label: string) => page.locator('#commands li').filter({ has: page.locator('.label', { hasText: new RegExp(`^${label}$`) }) }).first();
    await expect.poll(() => agentLine.textContent()).toContain('is PAUSED');

    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => entry('Resume').getAttribute('class')).toBe('applied');
    await expect.poll(() => entry('Resume').locator('.seen').textContent()).toMatch(/^on the event stream: agent READY \(event \d+\)$/);
    expect((await h.agent('1000'))?.status).toBe('READY');
    await expect.poll(() => agentLine.textContent()).toContain('is READY');

    // On a call, a PAUSE waits for the disposition: pending, and its own event shows the agent still INCALL.
    await h.startCall('1000', { leadId: 2 });
    await expect.poll(() => agentLine.textContent()).toContain('is INCALL, lead 2 on screen');
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => entry('Pause').getAttribute('class')).toBe('pending');
    await expect.poll(() => entry('Pause').locator('.seen').textContent()).toContain('agent INCALL');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => entry('Hang up').getAttribute('class')).toBe('applied');
    await expect.poll(() => entry('Hang up').locator('.seen').textContent()).toContain('agent DISPO');

    // The disposition ends the call's wrap-up; the pending PAUSE then takes effect.
    await page.getByLabel('Disposition').selectOption('NI');
    await page.getByRole('button', { name: 'Set disposition' }).click();
    await expect.poll(() => entry('Disposition').locator('.seen').textContent()).toContain('disposition NI');
    expect(await entry('Disposition').getAttribute('class')).toBe('applied');
    await expect.poll(() => entry('Pause').getAttribute('class')).toBe('applied');
    expect(await entry('Pause').locator('.message').textContent()).toContain('took effect when the agent went PAUSED');
    await expect.poll(() => agentLine.textContent()).toContain('is PAUSED');
    expect((await h.agent('1000'))?.status).toBe('PAUSED');
    expect((await h.rows('vicidial_list', { lead_id: 2 }))[0]).toMatchObject({ status: 'NI' });
    expect(await seriousViolations(page)).toEqual([]);

    // Another key, typed into the form: it may pause and disposition, not hang up — and the page says so.
    await page.getByRole('button', { name: 'Disconnect' }).click();
    expect(await page.evaluate("sessionStorage.getItem('agentgate.example.buttons')")).toBeNull();
    await page.getByLabel('API key').fill(await keyFor('no-hangup', ['external_pause', 'external_status']));
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => page.locator('#link').textContent()).toBe('Live');
    await page.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => entry('Hang up').getAttribute('class')).toBe('refused');
    expect(await entry('Hang up').locator('.message').textContent()).toBe(
      'auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION (this key may not call external_hangup)',
    );

    // A key agentgate does not know: back to the form, with its words.
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByLabel('API key').fill('agk_AAAAAAAA_not-a-real-key');
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^agentgate refused the key: /);
    expect(await page.getByRole('button', { name: 'Connect' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
