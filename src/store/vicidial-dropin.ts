/**
 * An existing VICIdial database used as a drop-in (`serve --vicidial`).
 *
 * VICIdial's tables belong to VICIdial: agentgate never creates, alters or
 * migrates them. Its own data lives in agentgate_* tables, which
 * `init --vicidial` creates and nothing else. Before serving, the database is
 * checked to be VICIdial's (the tables and columns agentgate reads and
 * writes exist) and to hold agentgate's tables, so a wrong DATABASE_URL
 * fails at start with one line rather than on the first request.
 */
import { sql } from 'kysely';
import { DatabaseConnectError, type DatabaseHandle } from './database-handle.js';
import { migrate, type MigrationReport } from './migrate.js';
import { tables } from './schema/database.js';

/** The database cannot be served as a drop-in: the message says what to do. Exit code 1. */
export class VicidialDatabaseError extends DatabaseConnectError {}

export const OWN_TABLE_PREFIX = 'agentgate_';
export const isOwnTable = (name: string): boolean => name.startsWith(OWN_TABLE_PREFIX);

/** Tables whose absence says "this is not VICIdial" rather than "an older VICIdial". */
const VICIDIAL_MARKERS = ['vicidial_users', 'system_settings', 'vicidial_live_agents', 'vicidial_campaigns'];

type Columns = Map<string, Set<string>>;

/**
 * The columns of the tables agentgate declares, as the database has them. Only those: VICIdial has
 * ~400 tables, and reading all of information_schema's columns costs seconds whenever they are not
 * in the server's table cache (a few ms for these). Nothing on SQLite (requireVicidial refuses it).
 */
async function columnsByTable(database: DatabaseHandle): Promise<Columns> {
  const found: Columns = new Map();
  if (database.dialect !== 'mysql') return found;
  const { rows } = await sql<{ t: string; c: string }>`SELECT TABLE_NAME AS t, COLUMN_NAME AS c FROM information_schema.COLUMNS
    WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN (${sql.join(Object.keys(tables))})`.execute(database.db);
  for (const { t, c } of rows) found.set(t, (found.get(t) ?? new Set<string>()).add(c));
  return found;
}

/** What agentgate declares of a table that the database lacks: the table, or its missing columns. */
function missing(found: Columns, own: boolean): string[] {
  const problems: string[] = [];
  for (const table of Object.values(tables)) {
    if (isOwnTable(table.name) !== own) continue;
    const columns = found.get(table.name);
    if (!columns) {
      problems.push(table.name);
      continue;
    }
    const absent = Object.keys(table.columns).filter((name) => !columns.has(name));
    if (absent.length > 0) problems.push(`${table.name}.(${absent.join(', ')})`);
  }
  return problems;
}

const list = (items: string[]) => (items.length > 5 ? `${items.slice(0, 5).join(', ')} and ${items.length - 5} more` : items.join(', '));

/** Refuse a database that is not VICIdial's, or not a VICIdial agentgate can read (too old). */
function requireVicidial(database: DatabaseHandle, found: Columns): void {
  if (database.dialect !== 'mysql')
    throw new VicidialDatabaseError('--vicidial needs the VICIdial database on MySQL/MariaDB: set DATABASE_URL=mysql://user:password@host:3306/asterisk');
  const markers = VICIDIAL_MARKERS.filter((name) => !found.has(name));
  if (markers.length > 0)
    throw new VicidialDatabaseError(
      `${database.description} does not look like a VICIdial database (no ${markers.join(', ')}): point DATABASE_URL at VICIdial's database (usually asterisk)`,
    );
  const absent = missing(found, false);
  if (absent.length > 0)
    throw new VicidialDatabaseError(`${database.description} lacks what agentgate reads of VICIdial 2.14: ${list(absent)}; upgrade VICIdial's schema first`);
}

/** `init --vicidial`: check the database is VICIdial's, then create or complete agentgate's own tables, and only those. */
export async function prepareDropIn(database: DatabaseHandle): Promise<MigrationReport> {
  requireVicidial(database, await columnsByTable(database));
  return migrate(database.db, database.dialect, { only: isOwnTable });
}

/** `serve --vicidial`: the database is VICIdial's and `init --vicidial` has run; changes nothing. */
export async function verifyDropIn(database: DatabaseHandle): Promise<void> {
  const found = await columnsByTable(database);
  requireVicidial(database, found);
  const absent = missing(found, true);
  if (absent.length > 0)
    throw new VicidialDatabaseError(
      `agentgate's own tables are missing in ${database.description} (${list(absent)}): run \`agentgate init --vicidial\` once with the same DATABASE_URL`,
    );
}

/**
 * Tables VICIdial has and agentgate never creates: their presence says a database is VICIdial's.
 * Started there without --vicidial, agentgate would treat it as its own (hash its users' plain
 * passwords, act on sessions VICIdial owns), so it refuses.
 */
const VICIDIAL_ONLY = ['vicidial_conferences', 'vicidial_campaign_stats'];

export async function refuseVicidialWithoutFlag(database: DatabaseHandle): Promise<void> {
  if (database.dialect !== 'mysql') return;
  // One cheap query: every start on MySQL runs it.
  const { rows } = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN (${sql.join(VICIDIAL_ONLY)})`.execute(database.db);
  if (Number(rows[0]?.n) === VICIDIAL_ONLY.length)
    throw new VicidialDatabaseError(
      `${database.description} is a VICIdial database: start agentgate on it with --vicidial (after \`agentgate init --vicidial\`), which leaves VICIdial's tables and passwords as they are`,
    );
}
