/**
 * The one command of each example (examples/run.mjs), as a person runs it:
 * it starts a demo agentgate, makes the key, runs the example, and Ctrl-C
 * stops everything it started. The buttons page is opened at the printed
 * address in Chromium; events-to-csv writes the command run.mjs sends;
 * migrate-to-key runs its own sample and the printed lines.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeBrowser, launchBrowser } from '../support/browser.js';
import { requireBuild, tempDir } from '../support/server-process.js';
import { EXAMPLES, startExample, type ExampleProcess } from './example-process.js';

const RUN = path.join(EXAMPLES, 'run.mjs');

/** Whether anything still answers at this address. */
const answers = (url: string) =>
  fetch(url).then(
    () => true,
    () => false,
  );

async function stopped(run: ExampleProcess, agentgate: string): Promise<void> {
  expect(await run.stop('SIGINT')).toBe(0);
  expect(await answers(agentgate)).toBe(false);
}

describeBrowser('node examples/run.mjs buttons', () => {
  it('prints the page address with the key in its fragment, and the page drives the demo agent', { timeout: 60_000 }, async () => {
    requireBuild();
    const run = startExample(process.execPath, [RUN, 'buttons']);
    const browser = await launchBrowser();
    try {
      const agentgate = (await run.waitFor(/agentgate \(demo data\): (\S+)/))[1]!;
      const address = (await run.waitFor(/^ {2}(http:\/\/127\.0\.0\.1:\d+\/buttons\/#server=\S+&agent=1000&key=agk_\S+)$/m))[1]!;
      const page = await browser.newPage();
      await page.goto(address);
      await expect.poll(() => page.locator('#link').textContent()).toBe('Live');
      expect(page.url()).toBe(address.slice(0, address.indexOf('#')));
      await expect.poll(() => page.locator('#agent-line').textContent()).toContain('is PAUSED');
      await page.getByRole('button', { name: 'Resume' }).click();
      await expect.poll(() => page.locator('#commands li').first().locator('.seen').textContent()).toMatch(/agent READY/);
      expect(await page.locator('#commands li').first().getAttribute('class')).toBe('applied');
      await stopped(run, agentgate);
    } finally {
      await browser.close();
      await run.stop();
    }
  });
});

describe('node examples/run.mjs events-to-csv and migrate-to-key', () => {
  it('events-to-csv: writes the demo’s events, the command it sends among them, until Ctrl-C', { timeout: 60_000 }, async () => {
    requireBuild();
    const dir = tempDir();
    const file = path.join(dir, 'events.csv');
    const run = startExample(process.execPath, [RUN, 'events-to-csv', file]);
    try {
      const agentgate = (await run.waitFor(/agentgate \(demo data\): (\S+)/))[1]!;
      const commandId = (await run.waitFor(/resumed by command ([0-9a-f-]{36})/))[1]!;
      await expect.poll(() => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '')).toMatch(new RegExp(`,1000,agent,READY,0,${commandId}\r\n`));
      await stopped(run, agentgate);
      expect(run.output()).toMatch(/events-to-csv: stopped; \d+ rows written to /);
      expect(fs.readFileSync(file, 'utf8').startsWith('time,agent,event,status,lead,command_id\r\n')).toBe(true);
    } finally {
      await run.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('migrate-to-key: migrates its sample URLs and runs the printed lines, then stops by itself', { timeout: 60_000 }, async () => {
    requireBuild();
    const run = startExample(process.execPath, [RUN, 'migrate-to-key']);
    expect(await run.exited, run.output()).toBe(0);
    const out = run.output();
    const printed = out.slice(out.indexOf('$ examples/migrate-to-key.sh'));
    expect(printed).toMatch(/\nAGENTGATE_KEY=agk_\S+\n/);
    expect(printed.split('$ bash')[0]).not.toMatch(/pass=/);
    expect(out).toMatch(/SUCCESS: external_pause function set - RESUME\|\d+\|1000\nSUCCESS: external_pause function set - PAUSE\|\d+\|1000\nVERSION: /);
  });
});
