/** The command line, run as a user would run it. */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startServer, tempDir, type ServerProcess } from '../support/server-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const servers: ServerProcess[] = [];
const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const s of servers) await s.kill('SIGKILL');
  for (const d of databases) await d.release();
});

/** DATABASE_URL for a new database (a SQLite file, or a MariaDB database with TEST_DATABASE_URL). */
async function newDatabase(name: string): Promise<{ DATABASE_URL: string }> {
  const database = await createTestDatabase({ sqliteFile: path.join(tempDir(), name) });
  databases.push(database);
  return { DATABASE_URL: database.url };
}

describe('agentgate CLI', () => {
  it('init creates an empty database; seed-demo fills it once; agent login and logout work', async () => {
    const env = await newDatabase('cli.db');
    expect(await runCli(['init'], env)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^database ready: (SQLite|MySQL) /) });
    const seeded = await runCli(['seed-demo'], env);
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain('6666');
    const again = await runCli(['seed-demo'], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('agentgate: the database already has users; demo data goes only into a new database (use another DATABASE_URL)\n');

    expect(await runCli(['agent', 'login', '1001', '--campaign', 'TESTCAMP'], env)).toMatchObject({
      code: 0,
      stdout: '1001 is logged into TESTCAMP (PAUSED)\n',
    });
    const list = await runCli(['agent', 'list'], env);
    expect(list.stdout).toMatch(/^1000 +TESTCAMP +PAUSED +paused\n1001 +TESTCAMP +PAUSED +paused\n$/);
    expect(await runCli(['agent', 'logout', '1001'], env)).toMatchObject({ code: 0, stdout: '1001 is logged out\n' });
    expect(await runCli(['agent', 'logout', '1001'], env)).toMatchObject({ code: 2, stderr: 'agentgate: 1001 is not logged in\n' });
  });

  it('refuses to log in an API Only user or an unknown campaign, with the reason', async () => {
    const env = await newDatabase('cli.db');
    await runCli(['seed-demo'], env);
    expect(await runCli(['agent', 'login', '6666', '--campaign', 'TESTCAMP'], env)).toMatchObject({
      code: 2,
      stderr: 'agentgate: cannot log 6666 in: user 6666 is an API Only user and cannot log in as an agent\n',
    });
    expect(await runCli(['agent', 'login', '1001', '--campaign', 'NOPE'], env)).toMatchObject({
      code: 2,
      stderr: 'agentgate: cannot log 1001 in: campaign NOPE does not exist\n',
    });
  });

  it('explains a bad DATABASE_URL in one line', async () => {
    const result = await runCli(['init'], { DATABASE_URL: 'postgres://x' });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'agentgate: DATABASE_URL must start with sqlite: (for example sqlite:./data/agentgate.db) or mysql:// (mysql://user:password@host:3306/agentgate), got "postgres:"\n',
    );
  });

  it('serve --demo seeds a new database, prints the demo accounts, and answers the README example', async () => {
    const server = await startServer(await newDatabase('serve.db'));
    servers.push(server);
    expect(server.output()).toContain('Demo accounts (password 1234 for all):');
    const res = await fetch(`${server.url}/agc/api.php?source=test&user=6666&pass=1234&agent_user=1000&function=external_pause&value=PAUSE`);
    expect(await res.text()).toMatch(/^SUCCESS: external_pause function set - PAUSE\|\d{10}\|1000\n$/);
  });
});
