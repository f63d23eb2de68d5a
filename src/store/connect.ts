/**
 * Open the database named by DATABASE_URL.
 *
 * `sqlite:<path>` (or `sqlite::memory:`) uses better-sqlite3 in WAL mode with
 * synchronous=NORMAL: a committed transaction survives the process being
 * killed right after it answers, which is the durability the audit trail needs.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema/database.js';
import type { SqlDialect } from './schema/ddl.js';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: SqlDialect;
  /** A label for logs and the CLI, never containing credentials. */
  readonly description: string;
  close(): Promise<void>;
}

export class DatabaseUrlError extends Error {}

export function parseDatabaseUrl(url: string): { dialect: SqlDialect; location: string } {
  if (url.startsWith('sqlite:')) {
    const location = url.slice('sqlite:'.length);
    if (!location) throw new DatabaseUrlError('DATABASE_URL sqlite: needs a file path or :memory:');
    return { dialect: 'sqlite', location };
  }
  if (url.startsWith('mysql://') || url.startsWith('mariadb://')) {
    throw new DatabaseUrlError(
      'MySQL/MariaDB support is not built yet; use sqlite:./data/agentgate.db (the default)',
    );
  }
  throw new DatabaseUrlError(
    `DATABASE_URL must start with sqlite: (for example sqlite:./data/agentgate.db), got "${url.split(':')[0]}:"`,
  );
}

export function openDatabase(url: string): DatabaseHandle {
  const { location } = parseDatabaseUrl(url);
  const memory = location === ':memory:';
  if (!memory) fs.mkdirSync(path.dirname(path.resolve(location)), { recursive: true });
  const sqlite = new SQLite(memory ? ':memory:' : location);
  if (!memory) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    dialect: 'sqlite',
    description: memory ? 'SQLite in memory' : `SQLite ${path.resolve(location)}`,
    close: () => db.destroy(),
  };
}
