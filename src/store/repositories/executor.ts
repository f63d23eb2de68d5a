import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema/database.js';

/** A database handle or an open transaction: repositories work on either. */
export type Executor = Kysely<Database> | Transaction<Database>;
