/**
 * `init --vicidial` and `serve --vicidial` on a VICIdial-shaped database:
 * init creates agentgate_* tables and touches nothing else (information_schema
 * and every table's checksum compared before and after), serve refuses with
 * one line and exit code 1 a database that is not VICIdial's or lacks
 * agentgate's tables, and starting it changes nothing of VICIdial's either
 * (its plain-text passwords stay as they are).
 */
import type mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '../../src/store/schema/database.js';
import { runCli, startServer } from '../support/server-process.js';
import { until } from '../support/until.js';
import { mysqlServerForTests, mysqlUrl, onServer, testDatabaseName } from '../support/test-database.js';
import { createVicidialDatabase, type VicidialDatabase } from '../support/vicidial-database.js';

const server = await mysqlServerForTests();
const OWN = Object.keys(tables).filter((name) => name.startsWith('agentgate_')).sort();

/** Everything of VICIdial's a change could show in: structure, engines and every row (CHECKSUM TABLE). */
async function vicidialSnapshot(c: mysql.Connection) {
  const [structure] = await c.query<mysql.RowDataPacket[]>(
    `SELECT c.TABLE_NAME, c.COLUMN_NAME, c.ORDINAL_POSITION, c.COLUMN_TYPE, c.IS_NULLABLE, c.COLUMN_DEFAULT, c.EXTRA, t.ENGINE, t.TABLE_COLLATION
     FROM information_schema.COLUMNS c JOIN information_schema.TABLES t USING (TABLE_SCHEMA, TABLE_NAME)
     WHERE c.TABLE_SCHEMA = DATABASE() AND c.TABLE_NAME NOT LIKE 'agentgate\\_%' ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION`,
  );
  const [indexes] = await c.query<mysql.RowDataPacket[]>(
    `SELECT TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX, COLUMN_NAME, NON_UNIQUE FROM information_schema.STATISTICS
     WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT LIKE 'agentgate\\_%' ORDER BY 1, 2, 3`,
  );
  const names = [...new Set(structure.map((r) => r.TABLE_NAME as string))];
  const [checksums] = await c.query<mysql.RowDataPacket[]>(`CHECKSUM TABLE ${names.map((n) => `\`${n}\``).join(', ')}`);
  return { structure, indexes, checksums };
}

async function ownTables(c: mysql.Connection): Promise<string[]> {
  const [rows] = await c.query<mysql.RowDataPacket[]>(
    "SELECT TABLE_NAME t FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'agentgate\\_%' ORDER BY 1",
  );
  return rows.map((r) => r.t as string);
}

describe.skipIf(!server)('agentgate on an existing VICIdial database', { timeout: 30_000 }, () => {
  let vicidial: VicidialDatabase;
  let notVicidial: string;
  beforeAll(async () => {
    vicidial = await createVicidialDatabase(server!);
    notVicidial = testDatabaseName('notvici');
    await onServer(server!, (c) => c.query(`CREATE DATABASE \`${notVicidial}\``));
  }, 60_000);
  afterAll(async () => {
    await vicidial?.drop();
    if (notVicidial) await onServer(server!, (c) => c.query(`DROP DATABASE IF EXISTS \`${notVicidial}\``));
  });

  const env = () => ({ DATABASE_URL: vicidial.url });

  it('refuses to serve before `init --vicidial`, with one line and exit code 1', async () => {
    const result = await runCli(['serve', '--vicidial'], env());
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^agentgate: agentgate's own tables are missing in MySQL .*: run `agentgate init --vicidial` once with the same DATABASE_URL\n$/);
    expect(await vicidial.on(ownTables)).toEqual([]);
  });

  it('refuses a database that is not VICIdial’s, in init and in serve, creating nothing there', async () => {
    for (const command of [['init', '--vicidial'], ['serve', '--vicidial']]) {
      const result = await runCli(command, { DATABASE_URL: mysqlUrl(server!, notVicidial) });
      expect(result.code, command.join(' ')).toBe(1);
      expect(result.stderr).toMatch(
        /^agentgate: MySQL .* does not look like a VICIdial database \(no vicidial_users, system_settings, vicidial_live_agents, vicidial_campaigns\): point DATABASE_URL at VICIdial's database \(usually asterisk\)\n$/,
      );
    }
    const left = await onServer(server!, async (c) => (await c.query<mysql.RowDataPacket[]>('SELECT COUNT(*) n FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?', [notVicidial]))[0]);
    expect(left[0]!.n).toBe(0);
  });

  it('refuses to start on VICIdial’s database without --vicidial (it would take it for its own)', async () => {
    const result = await runCli(['serve'], env());
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^agentgate: MySQL .* is a VICIdial database: start agentgate on it with --vicidial \(after `agentgate init --vicidial`\), which leaves VICIdial's tables and passwords as they are\n$/);
    expect(await vicidial.on(ownTables)).toEqual([]);
  });

  it('refuses --vicidial on SQLite and beside --demo', async () => {
    expect(await runCli(['serve', '--vicidial'], { DATABASE_URL: 'sqlite::memory:' })).toMatchObject({
      code: 1,
      stderr: "agentgate: --vicidial needs the VICIdial database on MySQL/MariaDB: set DATABASE_URL=mysql://user:password@host:3306/asterisk\n",
    });
    expect(await runCli(['serve', '--vicidial', '--demo'], env())).toMatchObject({
      code: 2,
      stderr: "agentgate: --demo and --vicidial do not go together: demo data never goes into VICIdial's database\n",
    });
  });

  it('`init --vicidial` creates only agentgate_* tables, twice without harm; serving changes nothing of VICIdial’s', async () => {
    const before = await vicidial.on(vicidialSnapshot);
    const first = await runCli(['init', '--vicidial'], env());
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`created ${OWN.length} agentgate_* tables`);
    expect(await vicidial.on(ownTables)).toEqual(OWN);
    const again = await runCli(['init', '--vicidial'], env());
    expect(again).toMatchObject({ code: 0, stdout: expect.stringContaining('agentgate_* tables already there') });
    expect(await vicidial.on(vicidialSnapshot)).toEqual(before);

    const node = await startServer(env(), ['serve', '--vicidial']);
    try {
      const version = await fetch(`${node.url}/agc/api.php?function=version`);
      expect(await version.text()).toMatch(/^VERSION: /);
      // The watcher of VICIdial's live tables runs under its lease; the call simulator never does.
      const leases = async () => (await vicidial.on((c) => c.query<mysql.RowDataPacket[]>('SELECT name FROM agentgate_leases')))[0].map((r) => r.name);
      await until(async () => (await leases()).length > 0, 'the watcher lease');
      expect(await leases()).toEqual(['vicidial-watcher']);
    } finally {
      await node.kill();
    }
    // No password upgraded, no column added, no row written by starting and stopping: only the
    // audit trail of the request, which goes to VICIdial's own tables as api.php writes it.
    const AUDIT = /\.(vicidial_api_log|vicidial_api_urls|vicidial_webservers|vicidial_urls)$/;
    const withoutAudit = (s: typeof before) => ({ ...s, checksums: s.checksums.filter((r) => !AUDIT.test(r.Table)) });
    const after = await vicidial.on(vicidialSnapshot);
    expect(withoutAudit(after)).toEqual(withoutAudit(before));
    const [logged] = await vicidial.on((c) => c.query<mysql.RowDataPacket[]>('SELECT function, result FROM vicidial_api_log'));
    expect(logged).toEqual([{ function: 'version', result: 'SUCCESS' }]);
    const [users] = await vicidial.on((c) => c.query<mysql.RowDataPacket[]>("SELECT pass, pass_hash FROM vicidial_users WHERE user = '6666'"));
    expect(users[0]).toEqual({ pass: '1234', pass_hash: '' });
  }, 60_000);
});
