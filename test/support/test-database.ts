/**
 * The database a test runs on. By default SQLite (in memory, or a file for
 * process tests). With TEST_DATABASE_URL=mysql://root@127.0.0.1:3306 every
 * harness and test server gets a MariaDB/MySQL database of its own.
 *
 * Creating agentgate's ~60 tables costs seconds on InnoDB, and the suite
 * starts hundreds of harnesses, so databases are reused: each vitest worker
 * owns ag_db_<run>_<worker>_<n>, emptied (rows deleted, counters reset,
 * foreign tables and triggers dropped) in the background while the next
 * harness runs on another — the same empty database a fresh one would be.
 * Workers never share one, and global-setup.ts drops them all when the run
 * ends. A test about MySQL itself during a SQLite run gets a database of its
 * own, dropped when it is released. With TEST_DROPIN each worker keeps a pool
 * of VICIdial databases the same way (ag_db_<run>_<worker>v_<n>), made equal to
 * the run's drop-in template again after use (vicidial-copy.ts).
 */
import path from 'node:path';
import mysql from 'mysql2/promise';
import { inject } from 'vitest';
import { openDatabase } from '../../src/store/connect.js';
import { migrate } from '../../src/store/migrate.js';
import { tables } from '../../src/store/schema/database.js';
import { copyVicidialTemplate } from './vicidial-copy.js';

/** The server to create test databases on, or undefined: SQLite. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** Test databases start with this, so nothing else on a shared server is ever touched. */
export const TEST_DATABASE_PREFIX = 'ag_db_';

export const onMysql = TEST_DATABASE_URL?.startsWith('mysql://') ?? false;

/** Where tests about MySQL itself look for a server when the suite runs on SQLite. */
const DEFAULT_MYSQL_SERVER = 'mysql://root@127.0.0.1:3306';

/**
 * The MySQL server for tests that are about MySQL (faults, start-up
 * errors): TEST_DATABASE_URL's, or a local one. Undefined, with a loud
 * warning, only when none answers — CI always has one (.ci/run starts it).
 */
export async function mysqlServerForTests(options: { quiet?: boolean } = {}): Promise<string | undefined> {
  const server = onMysql ? TEST_DATABASE_URL! : (process.env.TEST_MYSQL_URL ?? DEFAULT_MYSQL_SERVER);
  try {
    await onServer(server, (c) => c.query('SELECT 1'));
    return server;
  } catch (err) {
    if (options.quiet) return undefined;
    console.warn(`\n*** SKIPPED: these tests need MySQL/MariaDB at ${server} (${(err as Error).message}); start it or set TEST_MYSQL_URL ***\n`);
    return undefined;
  }
}

export interface TestDatabase {
  /** The DATABASE_URL to give agentgate. */
  readonly url: string;
  /** The MySQL database name (undefined on SQLite). */
  readonly name: string | undefined;
  /** Its tables exist already: agentgate need not migrate it. */
  readonly migrated: boolean;
  /** Give it back (a no-op for SQLite). */
  release(): Promise<void>;
}

/** A mysql:// URL with this database (none: the server alone). */
export function mysqlUrl(server: string, database = ''): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  url.search = '';
  return url.toString();
}

/** Run statements on a MySQL server, outside any agentgate connection. */
export async function onServer<T>(server: string, work: (connection: mysql.Connection) => Promise<T>): Promise<T> {
  const connection = await mysql.createConnection(mysqlUrl(server));
  try {
    return await work(connection);
  } finally {
    await connection.end();
  }
}

/**
 * agentgate's own (empty, migrated) or a VICIdial database as the drop-in template holds it
 * (TEST_DROPIN, dropin-database.ts).
 */
export type DatabaseKind = 'agentgate' | 'vicidial';

/**
 * This worker's databases that are ready, or being made ready in the background:
 * while one harness runs, the database the previous one used is made ready
 * for the next, so a harness rarely waits for it.
 */
const spare: Record<DatabaseKind, Promise<string>[]> = { agentgate: [], vicidial: [] };
const made: Record<DatabaseKind, number> = { agentgate: 0, vicidial: 0 };
let unique = 0;

function runToken(): string {
  // Set by global-setup.ts; a run without it (a custom config) still gets names of its own.
  try {
    return inject('testDatabaseRun');
  } catch {
    return `solo${process.pid}`;
  }
}

/** The run's drop-in template (TEST_DROPIN): built once by global-setup.ts, copied for each harness. */
export const dropInTemplate = (run: string) => `${TEST_DATABASE_PREFIX}${run}_vtemplate`;

/**
 * Empty (and create and migrate, the first time) a database of this worker, in the background;
 * a VICIdial one is made equal to the run's drop-in template instead.
 */
export function prepare(server: string, name: string, kind: DatabaseKind = 'agentgate', template?: string): Promise<string> {
  const ready = onServer(server, async (c) => {
    if (kind === 'vicidial') {
      await copyVicidialTemplate(c, template ?? inject('dropInTemplate'), name);
      return name;
    }
    await c.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4`);
    const complete = await emptyDatabase(c, name);
    if (!complete) {
      const handle = await openDatabase(mysqlUrl(server, name));
      await migrate(handle.db, handle.dialect).finally(() => handle.close());
    }
    return name;
  });
  // Awaited later by the harness that takes it; never an unhandled rejection meanwhile.
  ready.catch(() => {});
  return ready;
}

/** The n-th database of a worker (VITEST_POOL_ID) in a run ('v' after the worker: a VICIdial one). */
export const workerDatabase = (run: string, worker: string, n: number, kind: DatabaseKind = 'agentgate') =>
  `${TEST_DATABASE_PREFIX}${run}_${worker}${kind === 'vicidial' ? 'v' : ''}_${n}`;
/** How many databases global-setup.ts makes ready for each worker before the tests start. */
export const DATABASES_PER_WORKER = 3;
const newName = (kind: DatabaseKind) => workerDatabase(runToken(), process.env.VITEST_POOL_ID ?? '0', made[kind]++, kind);
const uniqueName = () => `${TEST_DATABASE_PREFIX}${runToken()}_p${process.pid}_${unique++}`;
/** A database name of this run nobody else uses (global-setup.ts drops it when the run ends). */
export const testDatabaseName = (tag: string) => `${TEST_DATABASE_PREFIX}${runToken()}_${tag}${process.pid}_${unique++}`;

/**
 * A database for one harness or server: SQLite unless the suite runs on
 * MySQL or `mysqlServer` asks for one. `sqliteFile` is where a process test
 * keeps its SQLite file; without it SQLite runs in memory. A MySQL database
 * comes migrated and empty.
 */
export async function createTestDatabase(options: { sqliteFile?: string; mysqlServer?: string; vicidial?: boolean } = {}): Promise<TestDatabase> {
  const server = options.mysqlServer ?? (onMysql ? TEST_DATABASE_URL! : undefined);
  if (options.vicidial) return vicidialTestDatabase();
  if (!server) {
    const { sqliteFile } = options;
    return { url: sqliteFile ? `sqlite:${path.resolve(sqliteFile)}` : 'sqlite::memory:', name: undefined, migrated: false, release: async () => {} };
  }
  // Spare databases serve the suite's own harnesses only. A process test (the one that names a
  // SQLite file) gets one nobody reuses: a child process it started may outlive the test.
  const own = server === TEST_DATABASE_URL && !options.sqliteFile;
  if (own) return pooled(server, 'agentgate');
  const name = await prepare(server, uniqueName());
  return {
    url: mysqlUrl(server, name),
    name,
    migrated: true,
    release: once(() => onServer(server, async (c) => void (await c.query(`DROP DATABASE IF EXISTS \`${name}\``)))),
  };
}

/** A copy of the run's drop-in template, this worker's to reuse. */
function vicidialTestDatabase(): Promise<TestDatabase> {
  if (!onMysql) throw new Error('TEST_DROPIN=1 serves VICIdial databases: set TEST_DATABASE_URL=mysql://root@127.0.0.1:3306 too');
  return pooled(TEST_DATABASE_URL!, 'vicidial');
}

/** A database of this worker's pool, made ready again in the background when released. */
async function pooled(server: string, kind: DatabaseKind): Promise<TestDatabase> {
  const ready = spare[kind];
  const name = await (ready.shift() ?? prepare(server, newName(kind), kind));
  if (ready.length === 0) ready.push(prepare(server, newName(kind), kind));
  return { url: mysqlUrl(server, name), name, migrated: true, release: once(async () => void ready.push(prepare(server, name, kind))) };
}

const once = (release: () => Promise<void>) => {
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    await release();
  };
};

/**
 * Make a reused database what a new one would be once migrated: agentgate's
 * tables without rows and with their AUTO_INCREMENT counters back at 1, and
 * nothing a test added (tables, triggers). Returns whether every table exists.
 */
async function emptyDatabase(c: mysql.Connection, name: string): Promise<boolean> {
  await c.query(`USE \`${name}\``);
  const [triggers] = await c.query<mysql.RowDataPacket[]>('SELECT TRIGGER_NAME AS t FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?', [name]);
  for (const { t } of triggers) await c.query(`DROP TRIGGER \`${t}\``);
  const [existing] = await c.query<mysql.RowDataPacket[]>(
    'SELECT TABLE_NAME AS t, AUTO_INCREMENT AS counter FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?',
    [name],
  );
  const ours = existing.filter((row) => row.t in tables);
  for (const row of existing) if (!(row.t in tables)) await c.query(`DROP TABLE \`${row.t}\``);
  if (ours.length === 0) return false;
  const [filled] = await c.query<mysql.RowDataPacket[]>(
    ours.map((row) => `SELECT '${row.t}' AS t FROM \`${row.t}\` HAVING COUNT(*) > 0`).join(' UNION ALL '),
  );
  const withRows = new Set(filled.map((row) => row.t as string));
  for (const row of ours) {
    // TRUNCATE also resets the counter; a plain DELETE is cheaper where there is none to reset.
    if (Number(row.counter ?? 1) > 1) await c.query(`TRUNCATE TABLE \`${row.t}\``);
    else if (withRows.has(row.t)) await c.query(`DELETE FROM \`${row.t}\``);
  }
  return ours.length === Object.keys(tables).length;
}
