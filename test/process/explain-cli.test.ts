/** `agentgate explain`, run as an administrator would run it. */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/PASS +Agent API Access/);
    expect(out.stdout).toMatch(/FAIL +API Allowed Functions +external_dial is not in 6668's API Allowed Functions/);
    expect(out.stdout).toContain("to allow it: add external_dial to 6668's allowed functions");
    expect(out.stdout).toMatch(/- +Agent is logged in +not reached/);
    expect(out.stdout).toContain('REFUSED: the request would get: ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION');

    const json = JSON.parse((await runCli(['explain', '--user', '6667', '--agent', '1000', '--function', 'external_pause', '--json'], env)).stdout);
    expect(json.decidedBy).toMatchObject({ gate: 'api_access', fix: 'turn on Agent API Access for 6667' });
    expect((await runCli(['explain', '--user', '6666', '--function', 'external_pause', '--param', 'oops'], env)).code).toBe(2);
  });
});
