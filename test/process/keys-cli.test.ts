/** `agentgate keys create|list|revoke`, run as a user would run it, against the server's own database. */
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { runCli, tempDir } from '../support/server-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

// Several Node processes one after the other, on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

let database: TestDatabase;
let h: Harness | undefined;
afterAll(async () => {
  await h?.close();
  await database?.release();
});

describe('agentgate keys', () => {
  it('creates a key printed alone on its last line, lists it without its secret, and revokes it', async () => {
    database = await createTestDatabase({ sqliteFile: path.join(tempDir(), 'keys.db') });
    const env = { DATABASE_URL: database.url };
    // The server, on the same database (seeding in-process: one Node process fewer).
    h = await startHarness({ databaseUrl: database.url });

    const created = await runCli(['keys', 'create', '--user', '6666', '--name', 'crm', '--functions', 'external_pause,external_status', '--rate', '20', '--expires', '2030-01-31'], env);
    expect(created.code).toBe(0);
    const lines = created.stdout.trimEnd().split('\n');
    const key = lines.at(-1)!;
    expect(key).toMatch(/^agk_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(lines[0]).toContain('key crm of 6666');

    const refused = await runCli(['keys', 'create', '--user', '6668', '--name', 'wide', '--functions', 'external_hangup'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/agentgate: cannot make a key for 6668: 6668 may not call external_hangup: a key's functions must be among the user's API Allowed Functions/);

    // The server takes the key at once.
    const call = () =>
      h!.app.inject({ url: '/agc/api.php?source=crm&agent_user=1000&function=external_pause&value=PAUSE', headers: { authorization: `Bearer ${key}` } });
    expect((await call()).body).toMatch(/^SUCCESS: external_pause function set - PAUSE\|\d+\|1000\n$/);

    const listed = await runCli(['keys', 'list', '--user', '6666'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^6666 +crm +agk_${key.slice(4, 12)}_… active +functions=external_pause,external_status campaigns=\\(all\\) rate=20 `));
    expect(listed.stdout).not.toContain(key.slice(13));

    expect(await runCli(['keys', 'revoke', '--user', '6666', '--name', 'crm'], env)).toMatchObject({ code: 0, stdout: 'key crm of 6666 is revoked\n' });
    expect((await call()).body).toBe('ERROR: Invalid Username/Password: |||0|0||\n');
  });
});
