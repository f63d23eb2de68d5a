/**
 * Browser tests drive the system Chromium with playwright-core. Where Chromium
 * is missing (a developer machine), the tests say so loudly and skip; CI
 * installs it (.ci/run), so there they always run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { describe } from 'vitest';

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
