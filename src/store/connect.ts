/**
 * Open the database named by DATABASE_URL:
 *
 * - `sqlite:<path>` or `sqlite::memory:` — the embedded store (sqlite-database.ts);
 * - `mysql://user:password@host:port/database` (or `mariadb://`) — a MySQL or
 *   MariaDB server through a connection pool (mysql-database.ts). Parameters:
 *   `connectionLimit` (the pool size, default 10) and `socketPath`.
 *
 * Which dialect a database speaks is known only inside src/store/.
 */
import { DatabaseUrlError, type DatabaseHandle } from './database-handle.js';
import { openMysql, parseMysqlUrl, type MysqlTarget } from './mysql-database.js';
import { openSqlite } from './sqlite-database.js';

export { DatabaseConnectError, DatabaseUrlError, type DatabaseHandle } from './database-handle.js';

export type DatabaseTarget = { readonly dialect: 'sqlite'; readonly location: string } | ({ readonly dialect: 'mysql' } & MysqlTarget);

export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('sqlite:')) {
    const location = url.slice('sqlite:'.length);
    if (!location) throw new DatabaseUrlError('DATABASE_URL sqlite: needs a file path or :memory:');
    return { dialect: 'sqlite', location };
  }
  if (url.startsWith('mysql://') || url.startsWith('mariadb://')) return { dialect: 'mysql', ...parseMysqlUrl(url) };
  throw new DatabaseUrlError(
    `DATABASE_URL must start with sqlite: (for example sqlite:./data/agentgate.db) or mysql:// (mysql://user:password@host:3306/agentgate), got "${url.split(':')[0]}:"`,
  );
}

export async function openDatabase(url: string): Promise<DatabaseHandle> {
  const target = parseDatabaseUrl(url);
  return target.dialect === 'sqlite' ? openSqlite(target.location) : openMysql(target);
}
