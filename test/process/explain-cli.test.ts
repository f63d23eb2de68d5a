/** `agentgate explain`, run as an administrator would run it. */
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Each case starts several Node processes one after the other: on a busy 2-core machine that takes more than 20 s.
vi.setConfig({ testTimeout: 60_000 });
import { runCli, tempDir } from '../support/server-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase | undefined;
afterAll(() => database?.release());

describe('agentgate explain', () => {
  it('prints every gate, the deciding one with its setting and fix, and the answer', async () => {
    database = await createTestDatabase({ sqliteFile: path.join(tempDir(), 'explain.db') });
    const env = { DATABASE_URL: database.url };
    await runCli(['seed-demo'], env);
    const out = await runCli(['explain', '--user', '6668', '--agent', '1000', '--function', 'external_dial'], env);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/PASS +Agent API Access/);
    expect(out.stdout).toMatch(/FAIL +API Allowed Functions +external_dial is not in 6668's API Allowed Functions/);
    expect(out.stdout).toContain("to allow it: add external_dial to 6668's allowed functions");
    expect(out.stdout).toMatch(/- +Agent is logged in +not reached/);
    expect(out.stdout).toContain('REFUSED: the request would get: ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION');
    expect(out.stdout).toContain('not checked: the password: explain never knows it');

    const json = JSON.parse((await runCli(['explain', '--user', '6667', '--agent', '1000', '--function', 'external_pause', '--json'], env)).stdout);
    expect(json.decidedBy).toMatchObject({ gate: 'api_access', fix: 'turn on Agent API Access for 6667' });
    expect((await runCli(['explain', '--user', '6666', '--function', 'external_pause', '--param', 'oops'], env)).code).toBe(2);
  });

  it('exits 0 when allowed, 1 when refused and 2 on a usage error, so scripts can test the answer', async () => {
    const env = { DATABASE_URL: `sqlite:${path.join(tempDir(), 'explain.db')}` };
    await runCli(['seed-demo'], env);
    const allowed = await runCli(['explain', '--user', '6666', '--agent', '1000', '--function', 'external_pause', '--value', 'PAUSE'], env);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('ALLOWED');
    const refused = await runCli(['explain', '--user', '6667', '--agent', '1000', '--function', 'external_pause', '--json'], env);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).allowed).toBe(false);
    const usage = await runCli(['explain', '--user', '6666'], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("required option '--function <name>' not specified");
    expect((await runCli(['explain', '--user', '6666', '--function', 'external_pause', '--no-such-flag'], env)).code).toBe(2);
    expect((await runCli(['--help'], env)).code).toBe(0);
  });
});
