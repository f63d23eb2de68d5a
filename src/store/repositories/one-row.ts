import { sql } from 'kysely';

/**
 * LIMIT 1 written as a literal. Kysely binds limits as parameters, and with a
 * bound LIMIT SQLite reads a wide row three to four times slower (measured on
 * vicidial_live_agents: about 75 µs against 22 µs) — on every request.
 */
export const ONE_ROW = sql.lit(1);
