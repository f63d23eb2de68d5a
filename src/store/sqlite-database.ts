/**
 * The embedded store: better-sqlite3 in WAL mode with synchronous=NORMAL. A
 * committed transaction survives the process being killed right after it
 * answers, which is the durability the audit trail needs.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { DatabaseHandle } from './database-handle.js';
import type { Database } from './schema/database.js';
import { runInTransactionsDirectly } from './repositories/templates.js';
import { WalCheckpointer } from './wal-checkpointer.js';
import { ImmediateSqliteDialect } from './sqlite-immediate.js';

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

export function openSqlite(location: string): DatabaseHandle {
  const memory = location === ':memory:';
  if (!memory) fs.mkdirSync(path.dirname(path.resolve(location)), { recursive: true });
  const sqlite = new SQLite(memory ? ':memory:' : location);
  if (!memory) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  // better-sqlite3 builds SQLite with a 16 MiB page cache, and the cache fills as the audit tables grow:
  // 11.5 MiB of a serve's peak RSS after 60,000 requests (heaptrack). A request touches a handful of
  // pages, and the kernel's page cache holds the rest of the file: 4 MiB measured as fast at 1 and 32
  // connections, and 7-12 MiB lower at the peak (issue 13's RSS target).
  sqlite.pragma('cache_size = -4000');
  // Checkpoints run in the background (wal-checkpointer.ts); this only bounds the log if that falls behind.
  let checkpointer: WalCheckpointer | undefined;
  if (!memory) {
    sqlite.pragma('wal_autocheckpoint = 20000');
    checkpointer = new WalCheckpointer(path.resolve(location));
  }
  const statements = withStatementCache(sqlite);
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: statements }) });
  // What Kysely's SqliteConnection.executeQuery does, for statements run below its executor.
  runInTransactionsDirectly(db, (sql, parameters) => {
    const statement = statements.prepare(sql);
    if (statement.reader) return { rows: statement.all(parameters) };
    const { changes, lastInsertRowid } = statement.run(parameters);
    return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
  });
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
