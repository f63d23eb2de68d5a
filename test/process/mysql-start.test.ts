/**
 * Starting on a MySQL/MariaDB DATABASE_URL that cannot be used: one clear
 * line naming the reason (never the password) and exit code 1; a URL that
 * cannot be understood is a usage error (exit code 2), as for SQLite.
 */
import { describe, expect, it } from 'vitest';
import { freePort, runCli } from '../support/server-process.js';
import { mysqlServerForTests } from '../support/test-database.js';

const server = await mysqlServerForTests();

describe('agentgate on a MySQL URL it cannot use', () => {
  it('names an unreachable server', async () => {
    const port = await freePort();
    const result = await runCli(['init'], { DATABASE_URL: `mysql://agent:s3cret@127.0.0.1:${port}/agentgate` });
    expect(result).toMatchObject({
      code: 1,
      stdout: '',
      stderr: `agentgate: cannot connect to MySQL agent@127.0.0.1:${port}/agentgate: connection refused: is the server running and listening there?\n`,
    });
  });

  it('explains a URL without a database or with an unknown parameter', async () => {
    expect(await runCli(['init'], { DATABASE_URL: 'mysql://root@127.0.0.1:3306' })).toMatchObject({
      code: 2,
      stderr: 'agentgate: DATABASE_URL must name the database: mysql://user:password@host:3306/database\n',
    });
    expect(await runCli(['init'], { DATABASE_URL: 'mysql://root@127.0.0.1:3306/agentgate?poolSize=3' })).toMatchObject({
      code: 2,
      stderr: 'agentgate: DATABASE_URL parameter poolSize is not known (use connectionLimit or socketPath)\n',
    });
    expect(await runCli(['init'], { DATABASE_URL: 'mysql://root@127.0.0.1:3306/agentgate?connectionLimit=0' })).toMatchObject({
      code: 2,
      stderr: 'agentgate: DATABASE_URL connectionLimit must be a whole number from 1 to 1000\n',
    });
  });

  describe.skipIf(!server)('with a server', () => {
    const host = () => new URL(server!).host;

    it('refuses wrong credentials without printing them', async () => {
      const result = await runCli(['init'], { DATABASE_URL: `mysql://ag_db_nobody:wrong-pass@${host()}/ag_db_none` });
      expect(result).toMatchObject({
        code: 1,
        stderr: `agentgate: cannot connect to MySQL ag_db_nobody@${host()}/ag_db_none: access denied: check the user name and password in DATABASE_URL\n`,
      });
      expect(result.stderr + result.stdout).not.toContain('wrong-pass');
    });

    it('names a database that does not exist', async () => {
      const url = new URL(server!);
      url.pathname = '/ag_db_missing';
      const result = await runCli(['init'], { DATABASE_URL: url.toString() });
      expect(result).toMatchObject({
        code: 1,
        stderr: `agentgate: cannot connect to MySQL ${url.username ? `${url.username}@` : ''}${host()}/ag_db_missing: database ag_db_missing does not exist: create it first (CREATE DATABASE ag_db_missing CHARACTER SET utf8mb4)\n`,
      });
    });
  });
});
