/** The command line, run as a user would run it. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Each case starts several Node processes one after the other: on a busy 2-core machine that takes more than 20 s.
vi.setConfig({ testTimeout: 60_000 });
import { describeMysql, parseMysqlUrl } from '../../src/store/mysql-database.js';
import { AGENTGATE_VERSION } from '../../src/app/version.js';
import { CLI, runCli, startServer, tempDir, type ServerProcess } from '../support/server-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const servers: ServerProcess[] = [];
const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const s of servers) await s.kill('SIGKILL');
  for (const d of databases) await d.release();
});

/** A new database (a SQLite file, or a MariaDB database with TEST_DATABASE_URL) and how agentgate names it. */
async function newDatabase(name: string): Promise<{ env: { DATABASE_URL: string }; label: string }> {
  const file = path.join(tempDir(), name);
  const database = await createTestDatabase({ sqliteFile: file });
  databases.push(database);
  return { env: { DATABASE_URL: database.url }, label: database.name ? describeMysql(parseMysqlUrl(database.url)) : `SQLite ${file}` };
}

describe('agentgate CLI', () => {
  it('runs as the `agentgate` command, through its shebang line', async () => {
    // npm makes a package's bin executable when it installs it; so does this.
    fs.chmodSync(CLI, 0o755);
    const { stdout } = await promisify(execFile)(CLI, ['--version']);
    expect(stdout).toBe(`${AGENTGATE_VERSION}\n`);
  });

  it('init creates an empty database; seed-demo fills it once; agent login and logout work', async () => {
    const { env, label } = await newDatabase('cli.db');
    expect(await runCli(['init'], env)).toMatchObject({ code: 0, stdout: `database ready: ${label}\n` });
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
    expect(await runCli(['agent', 'logout', '1001'], env)).toMatchObject({ code: 2, stderr: `agentgate: database ${label}\nagentgate: 1001 is not logged in\n` });
  });

  it('refuses to log in an API Only user or an unknown campaign, with the reason', async () => {
    const { env, label } = await newDatabase('cli.db');
    await runCli(['seed-demo'], env);
    expect(await runCli(['agent', 'login', '6666', '--campaign', 'TESTCAMP'], env)).toMatchObject({
      code: 2,
      stderr: `agentgate: database ${label}\nagentgate: cannot log 6666 in: user 6666 is an API Only user and cannot log in as an agent\n`,
    });
    expect(await runCli(['agent', 'login', '1001', '--campaign', 'NOPE'], env)).toMatchObject({
      code: 2,
      stderr: `agentgate: database ${label}\nagentgate: cannot log 1001 in: campaign NOPE does not exist\n`,
    });
  });

  it('never creates an empty database by accident: run elsewhere, a command names the file it did not find', async () => {
    const elsewhere = fs.realpathSync(tempDir());
    const expected = path.join(elsewhere, 'data/agentgate.db');
    for (const args of [['explain', '--user', '6668', '--agent', '1000', '--function', 'external_dial'], ['agent', 'list'], ['sim', 'show']]) {
      const result = await runCli(args, { DATABASE_URL: undefined }, elsewhere);
      expect(result).toMatchObject({
        code: 2,
        stdout: '',
        stderr: `agentgate: no database at ${expected}: create it with \`agentgate init\` (or \`agentgate serve --demo\`), or point DATABASE_URL or --database-url at yours\n`,
      });
    }
    expect(fs.existsSync(path.join(elsewhere, 'data'))).toBe(false);
  });

  it('says on every command which database it used', async () => {
    const file = path.join(tempDir(), 'which.db');
    const env = { DATABASE_URL: `sqlite:${file}` };
    expect((await runCli(['init'], env)).stdout).toBe(`database ready: SQLite ${file}\n`);
    for (const args of [['agent', 'list'], ['sim', 'show'], ['explain', '--user', '6666', '--function', 'version']])
      expect((await runCli(args, env)).stderr).toBe(`agentgate: database SQLite ${file}\n`);
  });

  it('explains a bad DATABASE_URL in one line', async () => {
    const result = await runCli(['init'], { DATABASE_URL: 'postgres://x' });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'agentgate: DATABASE_URL must start with sqlite: (for example sqlite:./data/agentgate.db) or mysql:// (mysql://user:password@host:3306/agentgate), got "postgres:"\n',
    );
  });

  it('serve --demo seeds a new database, prints the demo accounts, and answers the README example', async () => {
    const server = await startServer((await newDatabase('serve.db')).env);
    servers.push(server);
    expect(server.output()).toContain('Demo accounts (password 1234 for all):');
    const res = await fetch(`${server.url}/agc/api.php?source=test&user=6666&pass=1234&agent_user=1000&function=external_pause&value=PAUSE`);
    expect(await res.text()).toMatch(/^SUCCESS: external_pause function set - PAUSE\|\d{10}\|1000\n$/);
  });
});
