/**
 * Browser tests drive the system Chromium with playwright-core. Where Chromium
 * is missing (a developer machine), the tests say so loudly and skip; CI
 * installs it (.ci/run), so there they always run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe, onTestFailed } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM_PATH);

/** `describe` for browser tests: skipped, with a warning, when there is no Chromium. */
export function describeBrowser(name: string, body: () => void): void {
  if (!hasChromium)
    console.warn(`\n*** SKIPPING browser tests "${name}": no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH) ***\n`);
  describe.skipIf(!hasChromium)(name, body);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Where a test saves a picture for docs/: there only on request (UPDATE_SCREENSHOT=1), otherwise a temp file. */
export function screenshotPath(docsName: string): string {
  return process.env.UPDATE_SCREENSHOT
    ? path.resolve(import.meta.dirname, '../../docs', docsName)
    : path.join(os.tmpdir(), `agentgate-${process.pid}-${docsName}`);
}

/**
 * What a page met (errors on its console, failed requests, answers of 400 and up, its WebSockets
 * opening and closing), printed only when the test fails: a browser test that times out on a CI
 * machine says what the screen was waiting for. Call it inside the test, once per page.
 */
export function printJournalOnFailure(page: Page): void {
  const started = Date.now();
  const journal: string[] = [];
  const note = (line: string) => journal.push(`${String(Date.now() - started).padStart(6)} ms  ${line}`);
  page.on('console', (m) => void (m.type() === 'error' || m.type() === 'warning' ? note(`console ${m.type()}: ${m.text()}`) : undefined));
  page.on('pageerror', (err) => note(`page error: ${err.message}`));
  page.on('requestfailed', (r) => note(`request failed: ${r.method()} ${r.url()} (${r.failure()?.errorText ?? 'no reason'})`));
  page.on('response', (r) => void (r.status() >= 400 ? note(`${r.status()} ${r.request().method()} ${r.url()}`) : undefined));
  page.on('websocket', (ws) => {
    note(`websocket opened: ${ws.url()}`);
    ws.on('close', () => note(`websocket closed: ${ws.url()}`));
  });
  onTestFailed(() => console.error(`\nwhat the page met before the failure (${page.url()}):\n${journal.join('\n') || '  nothing out of the ordinary'}\n`));
}
