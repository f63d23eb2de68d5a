/**
 * examples/events-to-csv.mjs against a real agentgate process: rows appear
 * for the commands sent, with their command_id; when the server restarts, the
 * script resumes with Last-Event-ID (no second snapshot, no row twice, none
 * lost); Ctrl-C ends it cleanly with every row on disk. A refused key stops it
 * with the server's words.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startServer, tempDir, type ServerProcess } from '../support/server-process.js';
import { EXAMPLES, startExample } from './example-process.js';

const COLUMNS = 'time,agent,event,status,lead,command_id';

describe('examples/events-to-csv.mjs', () => {
  let dir: string;
  let env: Record<string, string>;
  let server: ServerProcess;
  /** The server's address, the same after its restart. */
  let base: string;

  async function key(args: string[]): Promise<string> {
    const made = await runCli(['keys', 'create', ...args], env);
    expect(made.code, made.stderr).toBe(0);
    return made.stdout.trim().split('\n').at(-1)!;
  }

  async function pause(commandKey: string, value: 'PAUSE' | 'RESUME'): Promise<string> {
    const res = await fetch(`${base}/api/v2/agent/external_pause`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${commandKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ agent_user: '1000', value }),
    });
    const body = (await res.json()) as { command_id: string; state: string };
    expect(body.state).toBe('applied');
    return body.command_id;
  }

  beforeAll(async () => {
    dir = tempDir();
    // The simulator off: the rows are the test's commands, nothing else.
    env = { DATABASE_URL: `sqlite:${path.join(dir, 'agentgate.db')}`, SIMULATOR: 'off' };
    server = await startServer(env);
    base = server.url;
  });
  afterAll(async () => {
    await server?.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes a row per event with its command_id, resumes after the server restarts, and stops on Ctrl-C', { timeout: 60_000 }, async () => {
    const csvKey = await key(['--user', '6667', '--name', 'csv']);
    const commandKey = await key(['--user', '6666', '--name', 'commands', '--functions', 'external_pause']);
    const file = path.join(dir, 'events.csv');
    const script = startExample(process.execPath, [path.join(EXAMPLES, 'events-to-csv.mjs'), file, '--server', base], { AGENTGATE_KEY: csvKey });
    try {
      const rows = () => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\r\n').filter(Boolean) : []);
      const rowOf = (commandId: string) => rows().filter((r) => r.endsWith(`,${commandId}`));

      await expect.poll(() => rows()).toEqual([COLUMNS, expect.stringMatching(/^\S+,1000,snapshot,PAUSED,0,$/)]);
      const resume = await pause(commandKey, 'RESUME');
      await expect.poll(() => rowOf(resume)).toEqual([expect.stringMatching(new RegExp(`^[^,]+,1000,agent,READY,0,${resume}$`))]);

      // The server goes away and comes back on the same port; a command is sent as soon as it is up.
      await server.kill();
      await script.waitFor(/reconnecting/);
      server = await startServer({ ...env, PORT: new URL(base).port });
      const paused = await pause(commandKey, 'PAUSE');
      await expect.poll(() => rowOf(paused), { timeout: 15_000 }).toEqual([expect.stringMatching(/,1000,agent,PAUSED,0,/)]);
      // Resumed from its last event: no second snapshot, nothing twice.
      expect(rows().filter((r) => r.includes(',snapshot,'))).toHaveLength(1);
      expect(rowOf(resume)).toHaveLength(1);
      expect(rows().filter((r) => r === COLUMNS)).toHaveLength(1);

      const count = rows().length - 1;
      expect(await script.stop('SIGINT')).toBe(0);
      expect(script.output()).toContain(`stopped; ${count} rows written to ${file}`);
      expect(fs.readFileSync(file, 'utf8').endsWith('\r\n')).toBe(true);
    } finally {
      await script.stop();
    }
  });

  it('stops with the server’s words when the key is refused, and says how to run it without one', async () => {
    const refused = startExample(process.execPath, [path.join(EXAMPLES, 'events-to-csv.mjs'), path.join(dir, 'no.csv'), '--server', base], { AGENTGATE_KEY: 'agk_AAAAAAAA_not-a-key' });
    try {
      expect(await refused.exited).toBe(2);
      expect(refused.output()).toMatch(/events-to-csv: agentgate refused the key \(401 [a-z-]+\): /);
    } finally {
      await refused.stop();
    }

    const keyless = startExample(process.execPath, [path.join(EXAMPLES, 'events-to-csv.mjs'), path.join(dir, 'no.csv')], { AGENTGATE_KEY: '' });
    expect(await keyless.exited).toBe(2);
    expect(keyless.output()).toContain('set AGENTGATE_KEY to an API key');
  });
});
