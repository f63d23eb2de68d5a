/**
 * The agent screen in Chromium, as a new agent meets it: log in, the
 * campaign picker, ready, a call (its card, lead form, script, a pending
 * pause and who asked for it), the disposition with a callback, paused;
 * the 3-way call and its confirmation; a manual dial from a pause; logging
 * yourself out; the phone layout (390 px) and a keyboard-only path. Every
 * screen state reached is checked with axe (WCAG 2.2 AA, no serious
 * violation). The simulator runs on virtual time: the test moves it on.
 */
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { DEFAULT_SIM_SETTINGS } from '../../src/domain/telephony.js';
import { seriousViolations } from '../support/accessibility.js';
import { describeBrowser, launchBrowser, printJournalOnFailure, screenshotPath } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

/** In the page, before the app: new-call alerts are recorded (the desktop notifications shown, the tones played). */
const RECORD_ALERTS = `
  window.__alerts = { notifications: [], tones: 0 };
  const Shown = window.Notification;
  window.Notification = class extends Shown {
    constructor(title, options) {
      window.__alerts.notifications.push({ title, body: (options && options.body) || '' });
      super(title, options);
    }
  };
  const oscillator = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function () {
    window.__alerts.tones++;
    return oscillator.call(this);
  };
`;
interface Alerts {
  notifications: { title: string; body: string }[];
  tones: number;
}

/** In the page: how far it scrolls sideways, and the visible controls that stick out of the viewport. */
const MEASURE_WIDTH = `(() => {
  const width = document.documentElement.clientWidth;
  const clipped = [...document.querySelectorAll('button, input, select, textarea, a')]
    .filter((el) => el.offsetParent !== null)
    .map((el) => ({ text: (el.textContent || el.getAttribute('aria-label') || el.id).trim(), r: el.getBoundingClientRect() }))
    .filter(({ r }) => r.width > 0 && (r.left < -1 || r.right > width + 1))
    .map(({ text }) => text);
  return { scroll: document.documentElement.scrollWidth - width, clipped };
})()`;

const WIDE = { width: 1400, height: 1000 };
/** A journey through many screen states, each checked with axe, on a 2-core machine. */
const JOURNEY_MS = 180_000;
const PHONE = { width: 390, height: 844 };

describeBrowser('the agent screen', () => {
  let h: Harness;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];

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
  // Each test's pages close with it: an open page keeps its socket, its timers and its clock running.
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  /** A page in its own context (axe needs one), with notifications allowed and new-call alerts recorded. */
  async function open(viewport = WIDE): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport, permissions: ['notifications'] });
    contexts.push(context);
    await context.addInitScript({ content: RECORD_ALERTS });
    await context.clock.install();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    printJournalOnFailure(page);
    return { page, errors };
  }

  const status = (page: Page) => page.getByTestId('status').textContent();
  const live = (page: Page) => page.locator('.status-bar [role=status]').textContent();
  const alerts = (page: Page) => page.evaluate<Alerts>('window.__alerts');
  const focused = (page: Page) => page.locator('*:focus');

  async function accessible(page: Page, state: string) {
    expect(await seriousViolations(page), `axe: ${state}`).toEqual([]);
  }

  /** Nothing scrolls sideways, and every visible button lies within the viewport's width. */
  async function fitsWidth(page: Page, state: string) {
    const overflow = await page.evaluate<{ scroll: number; clipped: string[] }>(MEASURE_WIDTH);
    expect(overflow, `layout: ${state}`).toEqual({ scroll: 0, clipped: [] });
  }

  /** Hold the screen socket's opening until the returned function is called. */
  async function holdSocket(page: Page): Promise<() => void> {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.routeWebSocket('**/api/v2/agent/stream', async (ws) => {
      await held;
      ws.connectToServer();
    });
    return release;
  }

  async function logIn(page: Page, user: string, pass = '1234') {
    await page.goto(`${base}/agent`);
    await page.getByLabel('User').fill(user);
    await page.getByLabel('Password').fill(pass);
    await page.getByRole('button', { name: 'Log in' }).click();
  }

  it('a call from ready to paused: call card, lead form, script, who asked for the pause, the disposition with a callback', async () => {
    const { page, errors } = await open();
    await page.goto(`${base}/agent`);
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await expect.poll(() => page.title()).toBe('Log in · agentgate agent');
    await accessible(page, 'login');

    await logIn(page, '1001');
    // The campaign picker starts at the first campaign the agent may use (the list is in id order).
    await expect.poll(() => page.getByLabel('Campaign', { exact: true }).inputValue()).toBe('OTHERCMP');
    await accessible(page, 'campaign picker');
    await page.getByLabel('Campaign', { exact: true }).selectOption('TESTCAMP');
    await page.getByLabel('TESTIN — Test inbound').check();
    await page.getByRole('button', { name: 'Start' }).click();
    await expect.poll(() => status(page)).toBe('PAUSED');
    await expect.poll(() => page.title()).toBe('PAUSED · 1001 · agentgate agent');
    await expect.poll(() => page.getByText('You are paused: press Resume to take calls.').count()).toBe(1);
    await expect.poll(() => page.getByTestId('callback-count').textContent()).toBe('0');
    await accessible(page, 'paused');

    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => status(page)).toBe('READY');
    await expect.poll(() => page.getByTestId('announcer').textContent()).toBe('Ready for calls');
    await accessible(page, 'ready');

    await h.advance(3000); // the dialer places a call for 1001, which rings 2 s and is answered
    await expect.poll(() => status(page)).toBe('INCALL');
    // The call card names the customer's number and the campaign — not the call's internal id.
    await expect.poll(() => page.getByTestId('call').textContent()).toBe('Outbound call to 3125550101');
    expect(await page.getByTestId('call-queue').textContent()).toBe('Campaign TESTCAMP — Test campaign (auto dial)');
    expect(await page.getByTestId('talk-time').textContent()).toMatch(/^Talk time \d+:\d\d$/);
    await expect.poll(() => page.getByTestId('script').textContent()).toContain('Hello, may I speak with Ada Lovelace?');
    await expect.poll(() => page.getByTestId('announcer').textContent()).toBe('On a call with 3125550101');
    // A new call rings: a tone and a desktop notification.
    await expect.poll(async () => (await alerts(page)).notifications).toEqual([{ title: 'New call: 3125550101', body: 'Campaign TESTCAMP — Test campaign (auto dial)' }]);
    expect((await alerts(page)).tones).toBeGreaterThan(0);
    // Leave-3-way and third-party controls appear only with a third party.
    expect(await page.getByRole('button', { name: /Leave 3-way/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Hang up third party' }).count()).toBe(0);
    await accessible(page, 'in call');

    // The lead form: a change by API shows at once; the agent's own edit is saved with update_fields' rules.
    await h.api({ agent_user: '1001', function: 'update_fields', first_name: 'Augusta' });
    await expect.poll(() => page.getByLabel('First name').inputValue()).toBe('Augusta');
    await expect.poll(() => page.getByTestId('script').textContent()).toContain('speak with Augusta Lovelace?');
    await page.getByLabel('City').fill('London;');
    await page.getByRole('button', { name: 'Save lead' }).click();
    const cityError = page.locator('#lead-city-error');
    await expect.poll(() => cityError.textContent()).toBe('city cannot contain these characters: ;.');
    expect(await page.getByLabel('City').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('City').getAttribute('aria-describedby')).toBe('lead-city-error');
    await page.getByLabel('City').fill('London');
    expect(await cityError.count()).toBe(0); // the error goes as the field changes
    await page.getByRole('button', { name: 'Save lead' }).click();
    await expect.poll(() => page.getByTestId('notice').filter({ hasText: 'Lead saved.' }).count()).toBe(1);
    expect((await h.rows('vicidial_list', { lead_id: 1 }))[0]).toMatchObject({ first_name: 'Augusta', city: 'London' });

    // A pause sent by API waits for the end of the call, and says who asked for it.
    await h.api({ agent_user: '1001', function: 'external_pause', value: 'PAUSE' });
    await expect.poll(() => page.getByTestId('pending').textContent()).toBe('Pause after this call — asked by 6666 (Integration API user) through the agent API');
    expect(await page.getByLabel('Stay paused after this call').isChecked()).toBe(true);

    // A notice can be dismissed; one left alone fades away.
    await h.api({ agent_user: '1001', function: 'send_notification', recipient: '1001', recipient_type: 'USER', notification_text: 'Nice call' });
    await h.api({ agent_user: '1001', function: 'send_notification', recipient: '1001', recipient_type: 'USER', notification_text: 'Keep going' });
    await expect.poll(() => page.getByTestId('notice').filter({ hasText: 'Keep going' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Dismiss: Nice call' }).click();
    expect(await page.getByTestId('notice').filter({ hasText: 'Nice call' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Record' }).click();
    await expect.poll(() => page.getByTestId('recording').textContent()).toMatch(/Recording \d{8}-\d{6}_1001/);
    await page.screenshot({ path: screenshotPath('agent-screen.png') });
    await page.clock.runFor(8500);
    await expect.poll(() => page.getByTestId('notice').count()).toBe(0);

    // The customer is gone: WRAP-UP, not PAUSED; the recording ended with the call.
    await page.getByRole('button', { name: 'Hang up', exact: true }).click();
    await expect.poll(() => status(page)).toBe('WRAP-UP');
    await expect.poll(() => page.getByTestId('recording').count()).toBe(0);
    expect(await page.getByTestId('wrapup-time').textContent()).toMatch(/^Wrap-up \d+:\d\d$/);
    expect(await page.getByTestId('pending').textContent()).toContain('Pause after this call');
    await accessible(page, 'disposition');

    // The agent undoes the API's pause, then asks for one itself.
    await page.getByLabel('Stay paused after this call').uncheck();
    await expect.poll(() => page.getByTestId('pending').count()).toBe(0);
    expect(await page.getByText('After this call you will be READY.').count()).toBe(1);
    await h.advance(1000); // a second later: an API PAUSE and the agent's own in the same second read as the API's
    await page.getByLabel('Stay paused after this call').check();
    await expect.poll(() => page.getByTestId('pending').textContent()).toBe('Pause after this call — asked by you');

    // Number key 3 is CALLBK (A, B, CALLBK…); the callback needs a date, said at the date field.
    await page.locator('body').press('3');
    expect(await page.getByRole('radio', { name: /CALLBK/ }).isChecked()).toBe(true);
    await page.getByLabel('Date', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Save disposition' }).click();
    await expect.poll(() => page.locator('#callback-at-error').textContent()).toContain('CALLBK is a callback: choose its date and time.');
    expect(await page.getByLabel('Date', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await accessible(page, 'disposition with a callback error');
    await page.getByLabel('Date', { exact: true }).fill('2026-11-29');
    expect(await page.locator('#callback-at-error').count()).toBe(0);
    await page.getByLabel('Time', { exact: true }).fill('14:30');
    await page.getByLabel('Callback comment').fill('after the meeting');
    await page.getByRole('button', { name: 'Save disposition' }).click();
    await expect.poll(() => page.getByTestId('notice').filter({ hasText: 'Disposition saved: CALLBK — Call back, callback 2026-11-29 14:30.' }).count()).toBe(1);
    await expect.poll(() => status(page)).toBe('PAUSED');
    expect(await page.getByTestId('pending').count()).toBe(0);
    expect((await h.rows('vicidial_callbacks', { lead_id: 1 }))[0]).toMatchObject({ callback_time: '2026-11-29 14:30:00', recipient: 'USERONLY', user: '1001', comments: 'after the meeting' });
    await expect.poll(() => page.getByTestId('callback-count').textContent()).toBe('1');
    expect(await page.getByText('Augusta Lovelace · 3125550101').count()).toBe(1);
    await accessible(page, 'paused after the call');

    // The next call starts clean: no recording line, no old notices.
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => status(page)).toBe('READY'); // the dialer places a call only for a READY agent
    await h.advance(3000);
    await expect.poll(() => status(page)).toBe('INCALL');
    expect(await page.getByTestId('recording').count()).toBe(0);
    await page.reload();
    await expect.poll(() => status(page)).toBe('INCALL');
    expect(await page.getByTestId('recording').count()).toBe(0);
    expect(errors).toEqual([]);
  }, JOURNEY_MS);

  it('the 3-way call: its controls appear with the third party, and leaving it asks first', async () => {
    const { page, errors } = await open();
    await logIn(page, '1000'); // the demo logged 1000 into TESTCAMP
    await expect.poll(() => status(page)).toBe('PAUSED');
    await h.startCall('1000', { leadId: 2, kind: 'INBOUND' });
    await expect.poll(() => page.getByTestId('call').textContent()).toBe('Inbound call from 3125550102');
    expect(await page.getByTestId('call-queue').textContent()).toBe('In-group TESTIN — Test inbound');
    expect(await page.getByRole('button', { name: /Leave 3-way/ }).count()).toBe(0);

    await page.getByRole('radio', { name: 'Number' }).check();
    await page.getByRole('textbox', { name: 'Number' }).fill('312 555 9999');
    await page.getByRole('button', { name: '3-way call' }).click();
    // The simulator's clock moves only once the server has placed the call: advanced earlier, the ring would never end.
    await expect.poll(() => page.getByTestId('third-party').textContent()).toBe('3-way call: 3125559999 (ringing)');
    await h.advance(3000);
    await expect.poll(() => page.getByTestId('third-party').textContent()).toBe('3-way call: 3125559999 (connected)');
    expect(await page.getByRole('button', { name: 'Blind transfer' }).count()).toBe(0);
    await accessible(page, '3-way call');

    await page.getByRole('button', { name: 'Leave 3-way…' }).click();
    expect(await page.getByText('3125559999 stays on the line with the customer').count()).toBe(1);
    await expect.poll(() => focused(page).textContent()).toBe('Leave the 3-way call');
    await accessible(page, 'leave 3-way confirmation');
    await page.getByRole('button', { name: 'Stay on the call' }).click();
    expect(await status(page)).toBe('INCALL');
    await page.getByRole('button', { name: 'Leave 3-way…' }).click();
    await page.getByRole('button', { name: 'Leave the 3-way call' }).click();
    await expect.poll(() => status(page)).toBe('WRAP-UP');
    await page.getByRole('radio', { name: /XFER/ }).check();
    await page.getByRole('button', { name: 'Save disposition' }).click();
    await expect.poll(() => status(page)).toBe('READY'); // TESTCAMP dials: the agent takes calls again
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => status(page)).toBe('PAUSED');
    expect(errors).toEqual([]);
  }, JOURNEY_MS);

  it('a manual dial from a pause code: DIALING while it rings, and the agent stays paused after it unless it unticks', async () => {
    const { page, errors } = await open();
    await logIn(page, '1000');
    await expect.poll(() => status(page)).toBe('PAUSED');
    // The session shows before its WebSocket opens; a command sent earlier is answered "not connected".
    await expect.poll(() => live(page)).toBe('Live');
    await page.getByLabel('Pause code').selectOption('BREAK');
    await expect.poll(() => page.getByTestId('pause-code').textContent()).toBe('code BREAK');

    await page.getByLabel('Number to dial').fill('12ab');
    await page.getByRole('button', { name: 'Dial', exact: true }).click();
    await expect.poll(() => page.locator('#dial-number-error').textContent()).toContain('digits only');
    expect(await page.getByLabel('Number to dial').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Number to dial').fill('3125550104');
    expect(await page.locator('#dial-number-error').count()).toBe(0);
    await page.getByRole('button', { name: 'Dial', exact: true }).click();
    await expect.poll(() => status(page)).toBe('DIALING');
    expect(await page.getByTestId('call').textContent()).toBe('Dialing 3125550104…');
    expect(await page.getByLabel('Stay paused after this call').isChecked()).toBe(true);
    expect(await page.getByText('You stay paused when this call is done.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Park customer' }).count()).toBe(0);
    await accessible(page, 'ringing');
    await h.advance(2000);
    await expect.poll(() => status(page)).toBe('INCALL');
    expect((await alerts(page)).notifications).toEqual([]); // the agent's own dial does not ring at it

    await page.getByRole('button', { name: 'Hang up', exact: true }).click();
    await page.getByRole('radio', { name: /NI/ }).check();
    await page.getByRole('button', { name: 'Save disposition' }).click();
    await expect.poll(() => status(page)).toBe('PAUSED');

    await page.getByLabel('Number to dial').fill('3125550105');
    await page.getByRole('button', { name: 'Dial', exact: true }).click();
    await expect.poll(() => status(page)).toBe('DIALING');
    await page.getByLabel('Stay paused after this call').uncheck();
    await expect.poll(() => page.getByText('After this call you will be READY.').count()).toBe(1);
    await page.getByRole('button', { name: 'Hang up', exact: true }).click();
    await page.getByRole('radio', { name: /NI/ }).check();
    await page.getByRole('button', { name: 'Save disposition' }).click();
    await expect.poll(() => status(page)).toBe('READY');
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => status(page)).toBe('PAUSED');
    expect(errors).toEqual([]);
  }, JOURNEY_MS);

  it('logging yourself out says so, and the message goes at the next login attempt', async () => {
    const { page } = await open();
    await logIn(page, '1000');
    await expect.poll(() => status(page)).toBe('PAUSED');
    await page.getByRole('button', { name: 'Log out' }).click();
    await expect.poll(() => page.getByText('You logged out.').count()).toBe(1);
    expect(await page.getByText('logged out by the API').count()).toBe(0);
    expect(await h.agent('1000')).toBeUndefined();
    await logIn(page, '1000', 'wrong');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Login incorrect');
    expect(await page.getByText('You logged out.').count()).toBe(0);

    await h.login('1000', 'TESTCAMP');
    await logIn(page, '1000');
    await expect.poll(() => status(page)).toBe('PAUSED');
    // Watching: the screen's socket is open, so the logout's own event tells why (the next test covers a closed one).
    await expect.poll(() => live(page)).toBe('Live');
    await h.api({ agent_user: '1000', function: 'logout', value: 'LOGOUT' });
    await expect.poll(() => page.getByText('You were logged out through the agent API (by a supervisor or an integration).').count()).toBe(1);

    // The screen's login ended elsewhere (here its cookie signed out from another tab): the server closes
    // the socket at its next push, and the screen asks for a login instead of reconnecting once a second.
    await h.login('1000', 'TESTCAMP');
    await logIn(page, '1000');
    await expect.poll(() => status(page)).toBe('PAUSED');
    await expect.poll(() => live(page)).toBe('Live');
    const signOut = await page.context().request.post(`${base}/api/v2/auth/logout?screen=agent`, { headers: { origin: base } });
    expect(signOut.ok()).toBe(true);
    await h.api({ agent_user: '1000', function: 'external_pause', value: 'RESUME' });
    await expect.poll(() => page.getByText('Your login has ended', { exact: false }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Log in' }).count()).toBe(1);
    await h.api({ agent_user: '1000', function: 'logout', value: 'LOGOUT' });
  }, JOURNEY_MS);

  it('the logout event names its cause even when the state that follows arrives at once', async () => {
    const { page } = await open();
    // The server sends the session.ended event, then a state without a session; here they reach the page
    // back to back, before the screen has re-rendered for the first.
    await page.routeWebSocket('**/api/v2/agent/stream', (ws) => {
      const server = ws.connectToServer();
      let held: string | undefined;
      server.onMessage((message) => {
        const text = String(message);
        if (text.includes('"session.ended"')) return void (held = text);
        if (held && text.includes('"type":"state"')) {
          ws.send(held);
          held = undefined;
        }
        ws.send(text);
      });
    });
    await h.login('1000', 'TESTCAMP');
    await logIn(page, '1000');
    await expect.poll(() => live(page)).toBe('Live');
    await h.api({ agent_user: '1000', function: 'logout', value: 'LOGOUT' });
    await expect.poll(() => page.getByText('You were logged out through the agent API (by a supervisor or an integration).').count()).toBe(1);
  });

  it("a login that ended before the screen's socket opened sends it to the login, not into reconnecting forever", async () => {
    const { page } = await open();
    // The socket's first opening is held back until the login has ended: then it is refused at the upgrade.
    const release = await holdSocket(page);
    await h.login('1000', 'TESTCAMP');
    await logIn(page, '1000');
    await expect.poll(() => status(page)).toBe('PAUSED');
    expect((await page.context().request.post(`${base}/api/v2/auth/logout?screen=agent`, { headers: { origin: base } })).ok()).toBe(true);
    release();
    await expect.poll(() => page.getByText('Your login has ended', { exact: false }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Log in' }).count()).toBe(1);
    await h.api({ agent_user: '1000', function: 'logout', value: 'LOGOUT' });
  });

  it('a command sent while the socket is still opening waits for it instead of failing', async () => {
    const { page } = await open();
    const release = await holdSocket(page);
    await h.login('1000', 'TESTCAMP');
    await logIn(page, '1000');
    await expect.poll(() => status(page)).toBe('PAUSED'); // the login's state, before the socket is open
    await page.getByRole('button', { name: 'Resume' }).click();
    await new Promise((r) => setTimeout(r, 300));
    expect(await page.getByText('Not connected to the server', { exact: false }).count()).toBe(0);
    release();
    await expect.poll(() => status(page)).toBe('READY');
    await h.api({ agent_user: '1000', function: 'logout', value: 'LOGOUT' });
  });

  it('a session that ended while the screen was not connected sends it to the login when it reconnects', async () => {
    const { page } = await open();
    // The first socket goes nowhere (a network that dropped it): the logout's event never reaches the screen.
    let dropped: WebSocketRoute | undefined;
    await page.routeWebSocket('**/api/v2/agent/stream', (ws) => {
      if (dropped) return void ws.connectToServer();
      dropped = ws;
    });
    await h.login('1000', 'TESTCAMP');
    await logIn(page, '1000');
    await expect.poll(() => status(page)).toBe('PAUSED');
    await expect.poll(() => dropped !== undefined).toBe(true);
    await h.api({ agent_user: '1000', function: 'logout', value: 'LOGOUT' });
    await dropped!.close();
    // It reconnects a second later and is told the state: no session. It no longer shows "Loading…" forever.
    await expect.poll(() => page.getByText('Your session ended while this screen was not connected: log in again.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Log in' }).count()).toBe(1);
  });

  it('fits a phone (390 px): no sideways scroll, every control reachable, in every state', async () => {
    const { page, errors } = await open(PHONE);
    await page.goto(`${base}/agent`);
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await fitsWidth(page, 'login');
    await accessible(page, 'login (phone)');
    await h.login('1000', 'TESTCAMP');
    await logIn(page, '1000');
    await expect.poll(() => status(page)).toBe('PAUSED');
    await fitsWidth(page, 'paused');
    await h.startCall('1000', { leadId: 3 });
    await expect.poll(() => status(page)).toBe('INCALL');
    await fitsWidth(page, 'in call');
    await accessible(page, 'in call (phone)');
    await page.screenshot({ path: screenshotPath('agent-screen-phone.png') });
    await page.getByRole('button', { name: 'Hang up', exact: true }).click();
    await expect.poll(() => status(page)).toBe('WRAP-UP');
    await page.getByRole('radio', { name: /APPTBK/ }).check();
    await fitsWidth(page, 'disposition with a callback');
    await accessible(page, 'disposition (phone)');
    await page.getByRole('radio', { name: /SALE/ }).check();
    await page.getByRole('button', { name: 'Save disposition' }).click();
    await expect.poll(() => status(page)).toBe('READY');
    await fitsWidth(page, 'ready');
    expect(errors).toEqual([]);
  }, JOURNEY_MS);

  it('works from the keyboard alone: skip link, login, campaign, dial, hang up, disposition by number key', async () => {
    const { page, errors } = await open();
    await page.goto(`${base}/agent`);
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await focused(page).textContent()).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await focused(page).getAttribute('id')).toBe('main');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1002');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1234');
    await page.keyboard.press('Enter');
    await page.getByLabel('Campaign', { exact: true }).waitFor();
    await expect.poll(() => page.getByLabel('Campaign', { exact: true }).inputValue()).toBe('OTHERCMP'); // the campaign of 1002's group
    await page.getByLabel('Campaign', { exact: true }).focus();
    await page.keyboard.press('Tab');
    expect(await focused(page).textContent()).toBe('Start');
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page)).toBe('PAUSED');
    // OTHERCMP does not send calls: no Resume to press, and the screen says why.
    expect(await page.getByRole('button', { name: 'Resume' }).count()).toBe(0);
    expect(await page.getByText('This campaign does not send calls').count()).toBe(1);

    await page.getByLabel('Number to dial').focus();
    await page.keyboard.type('6175550201');
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page)).toBe('DIALING'); // it rings until the simulator's time moves on
    await page.getByRole('button', { name: 'Hang up', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page)).toBe('WRAP-UP');
    await page.locator('body').press('8'); // A, B, CALLBK, DC, DNC, N, NI, SALE
    expect(await focused(page).inputValue()).toBe('SALE');
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page)).toBe('PAUSED');
    expect((await h.rows('vicidial_list', { lead_id: 9 }))[0]).toMatchObject({ status: 'SALE' });
    expect(errors).toEqual([]);
  }, JOURNEY_MS);

  it('a reload resumes the same session', async () => {
    await h.login('1002', 'OTHERCMP');
    const { page } = await open();
    await logIn(page, '1002');
    await expect.poll(() => status(page)).toBe('PAUSED');
    await page.reload();
    await expect.poll(() => status(page)).toBe('PAUSED');
    await h.api({ agent_user: '1002', function: 'pause_code', value: 'BREAK' });
    await expect.poll(() => page.getByTestId('pause-code').textContent()).toBe('code BREAK');
  }, JOURNEY_MS);

  it('refuses an API Only user at login with a clear message', async () => {
    const { page } = await open();
    await logIn(page, '6666');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('API Only');
    expect(await page.getByLabel('Campaign', { exact: true }).count()).toBe(0);
  }, JOURNEY_MS);
});
