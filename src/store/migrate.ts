/**
 * Bring a database we own up to the declared schema.
 *
 * The declarations in schema/ are the single source of truth, so migrating is
 * additive and idempotent: create each missing table (with its indexes) and
 * add each missing column. Nothing is ever dropped or altered in place, which
 * makes it safe to run on every start. A VICIdial database used as a drop-in
 * is never migrated: its schema belongs to VICIdial.
 */
import { sql, type Kysely } from 'kysely';
import { tables, type Database } from './schema/database.js';
import { addColumnStatement, createTableStatements, MYSQL_COLLATIONS, type SqlDialect } from './schema/ddl.js';

export interface MigrationReport {
  createdTables: string[];
  addedColumns: string[];
}

export interface MigrateOptions {
  /** Only the tables this accepts (the drop-in creates agentgate_* tables and touches nothing else). */
  readonly only?: (table: string) => boolean;
}

export async function migrate(db: Kysely<Database>, dialect: SqlDialect, options: MigrateOptions = {}): Promise<MigrationReport> {
  const report: MigrationReport = { createdTables: [], addedColumns: [] };
  const collation = dialect === 'mysql' ? await mysqlCollation(db) : undefined;
  const existing = new Map(
    (await db.introspection.getTables()).map((t) => [t.name, new Set(t.columns.map((col) => col.name))]),
  );
  await db.transaction().execute(async (trx) => {
    for (const table of Object.values(tables)) {
      if (options.only && !options.only(table.name)) continue;
      const columns = existing.get(table.name);
      if (!columns) {
        for (const statement of createTableStatements(table, dialect, collation)) await sql.raw(statement).execute(trx);
        report.createdTables.push(table.name);
        continue;
      }
      for (const name of Object.keys(table.columns)) {
        if (columns.has(name)) continue;
        await sql.raw(addColumnStatement(table, name, dialect)).execute(trx);
        report.addedColumns.push(`${table.name}.${name}`);
      }
    }
  });
  return report;
}

/** The first of the binary collations (best first) that this server knows. */
async function mysqlCollation(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ name: string }>`SELECT COLLATION_NAME AS name FROM information_schema.COLLATIONS WHERE COLLATION_NAME IN (${sql.join([...MYSQL_COLLATIONS])})`.execute(db);
  const known = new Set(rows.map((r) => r.name));
  return MYSQL_COLLATIONS.find((name) => known.has(name)) ?? MYSQL_COLLATIONS[2];
}
