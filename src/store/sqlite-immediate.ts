/**
 * Kysely's SQLite dialect with transactions that take the write lock when
 * they begin (BEGIN IMMEDIATE) instead of at their first write.
 *
 * With one process it makes no difference: the one connection runs one
 * transaction at a time. With several processes on one file (two nodes, or
 * the CLI beside a server), a deferred transaction that has read and then
 * writes after another process committed fails at once with "database is
 * locked" (its snapshot is stale, so waiting cannot help); an immediate one
 * waits for the lock (busy_timeout) and then reads fresh rows.
 */
import { CompiledQuery, SqliteDialect, type DatabaseConnection, type Driver } from 'kysely';

export class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}
