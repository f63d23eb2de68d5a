/**
 * CREATE statements for a table declaration, in the SQLite or MySQL dialect.
 * Only our own declarations reach this code, never request data.
 */
import type { ColumnSpec, TableSpec } from './columns.js';

export type SqlDialect = 'sqlite' | 'mysql';

const quote = (value: string | number) =>
  typeof value === 'number' ? String(value) : `'${value.replaceAll("'", "''")}'`;

function sqliteType(spec: ColumnSpec): string {
  switch (spec.kind) {
    case 'integer':
      return 'INTEGER';
    case 'decimal':
      return 'REAL';
    default:
      return 'TEXT';
  }
}

function columnSql(name: string, spec: ColumnSpec, dialect: SqlDialect, inlinePk: boolean): string {
  const id = dialect === 'mysql' ? `\`${name}\`` : `"${name}"`;
  if (spec.autoIncrement) {
    return dialect === 'mysql'
      ? `${id} ${spec.mysqlType} NOT NULL AUTO_INCREMENT PRIMARY KEY`
      : `${id} INTEGER PRIMARY KEY AUTOINCREMENT`;
  }
  const parts = [id, dialect === 'mysql' ? spec.mysqlType : sqliteType(spec)];
  if (inlinePk && spec.primaryKey) parts.push('PRIMARY KEY');
  if (!spec.nullable) parts.push('NOT NULL');
  if (spec.defaultNow) {
    // Without VICIdial's ON UPDATE CURRENT_TIMESTAMP: agentgate writes its stamps itself, by its own
    // clock, and a login's counters must not move a record's modify_stamp on MySQL when they cannot on SQLite.
    parts.push(dialect === 'mysql' ? 'DEFAULT CURRENT_TIMESTAMP' : "DEFAULT (datetime('now','localtime'))");
  } else if (spec.defaultValue !== undefined && spec.defaultValue !== null) {
    parts.push(`DEFAULT ${quote(spec.defaultValue)}`);
  }
  return parts.join(' ');
}

/**
 * ALTER TABLE … ADD COLUMN for a column added to a declaration after its table
 * was created. SQLite cannot add a column whose default is an expression, so a
 * late TIMESTAMP column there starts out nullable.
 */
export function addColumnStatement(table: TableSpec, name: string, dialect: SqlDialect): string {
  const col = table.columns[name];
  if (!col) throw new Error(`${table.name}.${name} is not declared`);
  let spec = col.spec;
  if (dialect === 'sqlite' && spec.defaultNow) spec = { ...spec, defaultNow: false, nullable: true };
  const q = dialect === 'mysql' ? `\`${table.name}\`` : `"${table.name}"`;
  return `ALTER TABLE ${q} ADD COLUMN ${columnSql(name, spec, dialect, false)}`;
}

/**
 * MySQL tables compare text byte for byte, as SQLite does: a binary collation
 * makes user ids, keys, ORDER BY and unique indexes case-sensitive on both.
 * A NO PAD one (MariaDB's utf8mb4_nopad_bin, MySQL 8's utf8mb4_0900_bin) also
 * keeps 'a' and 'a ' apart; utf8mb4_bin is the fallback on older servers.
 */
export const MYSQL_COLLATIONS = ['utf8mb4_nopad_bin', 'utf8mb4_0900_bin', 'utf8mb4_bin'] as const;

export function createTableStatements(table: TableSpec, dialect: SqlDialect, collation: string = MYSQL_COLLATIONS[2]): string[] {
  const q = (n: string) => (dialect === 'mysql' ? `\`${n}\`` : `"${n}"`);
  const columns = Object.entries(table.columns).map(([name, col]) =>
    columnSql(name, col.spec, dialect, true),
  );
  if (table.primaryKey) columns.push(`PRIMARY KEY (${table.primaryKey.map(q).join(', ')})`);
  // InnoDB, where VICIdial has many MyISAM tables: agentgate needs transactions and row locks.
  const suffix = dialect === 'mysql' ? ` ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${collation}` : '';
  const statements = [`CREATE TABLE ${q(table.name)} (\n  ${columns.join(',\n  ')}\n)${suffix}`];
  for (const index of table.indexes ?? []) {
    // SQLite index names share one namespace per database; MySQL's are per table.
    const name = dialect === 'mysql' ? index.name : `${table.name}__${index.name}`;
    statements.push(
      `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${q(name)} ON ${q(table.name)} (${index.columns
        .map(q)
        .join(', ')})`,
    );
  }
  return statements;
}
