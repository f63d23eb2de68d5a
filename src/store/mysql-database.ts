/**
 * A MySQL or MariaDB server as agentgate's database: Kysely's MySQL dialect
 * on a mysql2 connection pool.
 *
 * Each connection is set up so that repositories see what they see on
 * SQLite: DATETIME/DATE/TIMESTAMP as 'YYYY-MM-DD HH:MM:SS' text, DECIMAL as
 * numbers, the process's UTC offset as the session time zone (so a column
 * defaulting to CURRENT_TIMESTAMP agrees with the times agentgate writes),
 * and READ COMMITTED: every statement reads the newest committed rows, and
 * read-modify-write paths lock what they change (atomic updates, FOR UPDATE).
 */
import type { Pool, PoolConnection, PoolOptions } from 'mysql2';
import { CompiledQuery, Kysely, MysqlDialect, type DatabaseConnection, type MysqlPool } from 'kysely';
import { DatabaseConnectError, DatabaseUrlError, type DatabaseHandle } from './database-handle.js';
import type { Database } from './schema/database.js';

export interface MysqlTarget {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  /** The pool size: at most this many connections at once. */
  readonly connectionLimit: number;
  readonly socketPath?: string;
}

export const DEFAULT_POOL_SIZE = 10;
const PARAMETERS = new Set(['connectionLimit', 'socketPath']);

/** mysql://user:password@host:port/database?connectionLimit=20 (user and password URL-encoded). */
export function parseMysqlUrl(url: string): MysqlTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseUrlError('DATABASE_URL is not a valid URL: use mysql://user:password@host:3306/database');
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!database || database.includes('/'))
    throw new DatabaseUrlError('DATABASE_URL must name the database: mysql://user:password@host:3306/database');
  for (const name of parsed.searchParams.keys())
    if (!PARAMETERS.has(name)) throw new DatabaseUrlError(`DATABASE_URL parameter ${name} is not known (use connectionLimit or socketPath)`);
  const limit = parsed.searchParams.get('connectionLimit');
  const connectionLimit = limit === null ? DEFAULT_POOL_SIZE : Number(limit);
  if (!Number.isInteger(connectionLimit) || connectionLimit < 1 || connectionLimit > 1000)
    throw new DatabaseUrlError('DATABASE_URL connectionLimit must be a whole number from 1 to 1000');
  const port = parsed.port ? Number(parsed.port) : 3306;
  const socketPath = parsed.searchParams.get('socketPath');
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database,
    connectionLimit,
    ...(socketPath ? { socketPath } : {}),
  };
}

/** Where a target points, for logs and messages: never the password. */
export function describeMysql(target: MysqlTarget): string {
  const where = target.socketPath ?? `${target.host}:${target.port}`;
  return `MySQL ${target.user ? `${target.user}@` : ''}${where}/${target.database}`;
}

/** The session time zone that makes CURRENT_TIMESTAMP read as this process's local time. */
function localOffset(now = new Date()): string {
  const minutes = -now.getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function poolOptions(target: MysqlTarget): PoolOptions {
  return {
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    database: target.database,
    ...(target.socketPath ? { socketPath: target.socketPath } : {}),
    connectionLimit: target.connectionLimit,
    enableKeepAlive: true,
    connectTimeout: 10_000,
    charset: 'utf8mb4',
    dateStrings: true,
    decimalNumbers: true,
    // Prepared statements are kept per connection; the server's max_prepared_stmt_count
    // (16382 by default) is shared by every connection of every node.
    maxPreparedStatements: 100,
  };
}

/** Run once on every new connection of the pool. */
async function setUpSession(connection: DatabaseConnection): Promise<void> {
  await connection.executeQuery(CompiledQuery.raw(`SET SESSION time_zone = '${localOffset()}'`));
  await connection.executeQuery(CompiledQuery.raw('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED'));
}

/** One clear line for a connection that failed at start (never the password). */
export function connectFailure(target: MysqlTarget, err: unknown): DatabaseConnectError {
  const { code, message } = (err ?? {}) as { code?: string; message?: string };
  const where = describeMysql(target);
  const reason =
    code === 'ER_ACCESS_DENIED_ERROR' || code === 'ER_DBACCESS_DENIED_ERROR'
      ? 'access denied: check the user name and password in DATABASE_URL'
      : code === 'ER_BAD_DB_ERROR'
        ? `database ${target.database} does not exist: create it first (CREATE DATABASE ${target.database} CHARACTER SET utf8mb4)`
        : code === 'ECONNREFUSED'
          ? 'connection refused: is the server running and listening there?'
          : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
            ? `host ${target.host} not found`
            : code === 'ETIMEDOUT'
              ? 'no answer from the server (timed out)'
              : (message ?? String(err)).replace(/\s+/g, ' ').slice(0, 200);
  return new DatabaseConnectError(`cannot connect to ${where}: ${reason}`);
}

type Callback = (err: Error | null, result?: unknown) => void;

/**
 * The pool as Kysely sees it, with each connection's statements run as
 * server-side prepared statements (mysql2's execute, cached per connection)
 * when they have parameters — values never pass through client-side
 * escaping, whatever the server's sql_mode (NO_BACKSLASH_ESCAPES), and the
 * benchmark measured them ahead of plain queries — and errors stripped of
 * their SQL text: mysql2 puts the statement with its values there, and
 * errors reach the logs.
 */
function kyselyPool(pool: Pool): MysqlPool {
  const wrapped = new WeakMap<PoolConnection, object>();
  const wrap = (connection: PoolConnection) => {
    let facade = wrapped.get(connection);
    if (!facade) {
      facade = {
        query(sql: string, parameters: unknown[], callback: Callback) {
          const done: Callback = (err, result) => {
            if (err) delete (err as { sql?: string }).sql;
            callback(err, result);
          };
          if (parameters.length > 0) connection.execute(sql, parameters as never, done);
          else connection.query(sql, parameters, done);
        },
        release: () => connection.release(),
      };
      wrapped.set(connection, facade);
    }
    return facade;
  };
  return {
    getConnection: (callback) => pool.getConnection((err, connection) => callback(err, err ? (undefined as never) : (wrap(connection) as never))),
    end: (callback) => pool.end(callback),
  };
}

export async function openMysql(target: MysqlTarget): Promise<DatabaseHandle> {
  // Loaded here, not at start: an embedded (SQLite) node never pays for the driver.
  const { createPool } = await import('mysql2');
  const pool: Pool = createPool(poolOptions(target));
  const db = new Kysely<Database>({ dialect: new MysqlDialect({ pool: kyselyPool(pool), onCreateConnection: setUpSession }) });
  try {
    // Fail at start, with the reason, rather than on the first request.
    await db.executeQuery(CompiledQuery.raw('SELECT 1'));
  } catch (err) {
    await db.destroy().catch(() => {});
    throw connectFailure(target, err);
  }
  return {
    db,
    dialect: 'mysql',
    description: describeMysql(target),
    close: () => db.destroy(),
  };
}
