import { MysqlAdapter } from 'kysely';
import type { SqlDialect } from '../schema/ddl.js';
import type { Executor } from './executor.js';

/** The dialect an executor speaks, from its adapter: repositories that must differ ask here. */
export function dialectOf(db: Executor): SqlDialect {
  return db.getExecutor().adapter instanceof MysqlAdapter ? 'mysql' : 'sqlite';
}

/**
 * Whether a read that precedes a write should lock its rows (SELECT … FOR
 * UPDATE): inside a transaction on MySQL, where transactions run side by
 * side. On SQLite a transaction holds the one connection, so nothing else
 * can change the rows it read before it commits.
 */
export function locksOnRead(db: Executor): boolean {
  return db.isTransaction && dialectOf(db) === 'mysql';
}
