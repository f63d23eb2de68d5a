/** What opening a database gives, whatever its dialect, and the two ways opening one fails. */
import type { Kysely } from 'kysely';
import type { Database } from './schema/database.js';
import type { SqlDialect } from './schema/ddl.js';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: SqlDialect;
  /** A label for logs and the CLI, never containing credentials. */
  readonly description: string;
  close(): Promise<void>;
}

/** DATABASE_URL cannot be understood: the user must correct it. */
export class DatabaseUrlError extends Error {}

/** The database a well-formed DATABASE_URL names could not be reached, or refused the login. */
export class DatabaseConnectError extends Error {}
