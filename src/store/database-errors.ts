/**
 * Which failures mean "the database cannot serve right now" — gone, killed,
 * restarting, out of connections, a lock wait or a deadlock — rather than a
 * fault in agentgate. The request that meets one changed nothing (its
 * transaction rolled back) and may simply be sent again.
 */

/** mysql2 error codes of a database that is away or busy (fatal connection errors aside). */
const MYSQL_UNAVAILABLE = new Set([
  'ER_CONNECTION_KILLED',
  'ER_QUERY_INTERRUPTED',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
  'ER_TOO_MANY_USER_CONNECTIONS',
  'ER_LOCK_DEADLOCK',
  'ER_LOCK_WAIT_TIMEOUT',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
]);

/** SQLite's: another connection (a second agentgate process, a backup) holds the lock too long. */
const SQLITE_UNAVAILABLE = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED']);

export function isDatabaseUnavailable(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { code, fatal } = err as { code?: unknown; fatal?: unknown };
  // mysql2 marks an error that broke the connection as fatal (a dead connection's next command has no code).
  if (fatal === true) return true;
  return typeof code === 'string' && (MYSQL_UNAVAILABLE.has(code) || SQLITE_UNAVAILABLE.has(code));
}
