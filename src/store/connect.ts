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
import { Kysely } from 'kysely';
import type { Database } from './schema/database.js';
import type { SqlDialect } from './schema/ddl.js';
import { ImmediateSqliteDialect } from './sqlite-immediate.js';
import { WalCheckpointer } from './wal-checkpointer.js';

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

/**
 * better-sqlite3 behind Kysely, with prepared statements kept and reused:
 * Kysely prepares every query anew, and on the hot path that costs more than
 * running it. Statements run synchronously, so sharing one is safe.
 */
function withStatementCache(sqlite: SQLite.Database, max = 1000) {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SQLite.Statement {
      let statement = statements.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
        if (statements.size > max) statements.delete(statements.keys().next().value!);
      }
      return statement;
    },
  };
}

export function openDatabase(url: string): DatabaseHandle {
  const { location } = parseDatabaseUrl(url);
  const memory = location === ':memory:';
  if (!memory) fs.mkdirSync(path.dirname(path.resolve(location)), { recursive: true });
  const sqlite = new SQLite(memory ? ':memory:' : location);
  if (!memory) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  // Checkpoints run in the background (wal-checkpointer.ts); this only bounds the log if that falls behind.
  let checkpointer: WalCheckpointer | undefined;
  if (!memory) {
    sqlite.pragma('wal_autocheckpoint = 20000');
    checkpointer = new WalCheckpointer(path.resolve(location));
  }
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    dialect: 'sqlite',
    description: memory ? 'SQLite in memory' : `SQLite ${path.resolve(location)}`,
    async close() {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}
