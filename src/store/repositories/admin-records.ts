/**
 * The rows the admin console edits, as plain records with a version.
 *
 * A record kind names its table, its key and the columns an administrator
 * may change; the rest of the code knows kinds only by name ('users',
 * 'campaigns'…). The version is a digest of the whole row, so an edit made
 * from a stale copy — by another administrator, another agentgate node or a
 * VICIdial admin page on a shared database — is detected whatever it changed,
 * even within the same second (modify_stamp has one-second resolution).
 * Secret columns count toward the version but never leave the store.
 */
import { createHash } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import { tables, type TableName } from '../schema/database.js';
import { fitRow } from '../schema/fit-row.js';
import type { SqlDialect } from '../schema/ddl.js';
import type { Executor } from './executor.js';

export type RecordKindName = 'users' | 'userGroups' | 'campaigns' | 'lists' | 'statuses' | 'campaignStatuses' | 'pauseCodes' | 'systemSettings';

interface RecordKind {
  readonly table: TableName;
  /** Columns that identify a row (empty: the single-row system_settings). */
  readonly key: readonly string[];
  readonly orderBy: readonly string[];
  /** Never returned: they count toward the version only. */
  readonly hidden?: readonly string[];
  /** Columns a text search looks in. */
  readonly search?: readonly string[];
  /** The columns a list of these records shows (all when not given); a record read alone has them all. */
  readonly summary?: readonly string[];
  /** Bookkeeping no administrator edits (login counters): left out of the version, so a login does not make an edit stale. */
  readonly volatile?: readonly string[];
}

const KINDS: Record<RecordKindName, RecordKind> = {
  users: {
    table: 'vicidial_users',
    key: ['user'],
    orderBy: ['user'],
    hidden: ['pass', 'pass_hash', 'phone_pass'],
    search: ['user', 'full_name', 'user_group'],
    summary: ['user', 'full_name', 'user_level', 'user_group', 'active', 'vdc_agent_api_access', 'api_only_user', 'api_allowed_functions', 'api_list_restrict'],
    volatile: [
      'failed_login_count',
      'last_login_date',
      'last_ip',
      'failed_login_attempts_today',
      'failed_login_count_today',
      'failed_last_ip_today',
      'failed_last_type_today',
    ],
  },
  userGroups: { table: 'vicidial_user_groups', key: ['user_group'], orderBy: ['user_group'] },
  campaigns: { table: 'vicidial_campaigns', key: ['campaign_id'], orderBy: ['campaign_id'] },
  lists: { table: 'vicidial_lists', key: ['list_id'], orderBy: ['list_id'] },
  statuses: { table: 'vicidial_statuses', key: ['status'], orderBy: ['status'] },
  campaignStatuses: { table: 'vicidial_campaign_statuses', key: ['campaign_id', 'status'], orderBy: ['campaign_id', 'status'] },
  pauseCodes: { table: 'vicidial_pause_codes', key: ['campaign_id', 'pause_code'], orderBy: ['campaign_id', 'pause_code'] },
  // pass_key is the legacy static bcrypt salt (permissions.md §2.1): a secret.
  systemSettings: { table: 'system_settings', key: [], orderBy: [], hidden: ['pass_key'] },
};

export type RecordValue = string | number | null;
export type RecordValues = Readonly<Record<string, RecordValue>>;
export type RecordKey = Readonly<Record<string, string | number>>;

export interface VersionedRecord {
  readonly values: RecordValues;
  readonly version: string;
}

export type RecordUpdate =
  | { readonly status: 'updated'; readonly before: RecordValues; readonly after: RecordValues; readonly version: string }
  | { readonly status: 'stale'; readonly current: VersionedRecord }
  | { readonly status: 'missing' };

function versionOf(row: Record<string, unknown>, volatile: readonly string[] = []): string {
  const columns = Object.keys(row).filter((k) => !volatile.includes(k));
  const canonical = JSON.stringify(columns.sort().map((k) => [k, row[k] instanceof Date ? (row[k] as Date).toISOString() : row[k]]));
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 22);
}

/**
 * TIMESTAMP columns (modify_stamp): on a VICIdial database MySQL moves them
 * on every UPDATE of the row (ON UPDATE CURRENT_TIMESTAMP), a login's
 * counters included, so they stay out of the version.
 */
function autoStamped(table: TableName): string[] {
  const columns = tables[table].columns as Record<string, { spec: { kind: string } }>;
  return Object.keys(columns).filter((name) => columns[name]!.spec.kind === 'timestamp');
}

export class AdminRecordsRepository {
  constructor(
    private readonly db: Executor,
    private readonly dialect: SqlDialect,
  ) {}

  /** `within`: column → the values it may hold ('' also admits NULL); an administrator's reach. */
  async list(
    kindName: RecordKindName,
    options: { search?: string; where?: RecordKey; within?: Readonly<Record<string, readonly string[]>>; limit?: number; summary?: boolean } = {},
  ): Promise<VersionedRecord[]> {
    const kind = KINDS[kindName];
    const conditions: RawBuilder<unknown>[] = Object.entries(options.where ?? {}).map(([c, v]) => sql`${sql.ref(c)} = ${v}`);
    for (const [c, values] of Object.entries(options.within ?? {})) {
      const orNull = values.includes('') ? sql` OR ${sql.ref(c)} IS NULL` : sql``;
      conditions.push(values.length === 0 ? sql`1 = 0` : sql`(${sql.ref(c)} IN (${sql.join([...values])})${orNull})`);
    }
    if (options.search && kind.search) {
      // '!' escapes: a backslash literal reads differently in MySQL and SQLite.
      // lower() on both sides: SQLite's LIKE ignores case, a binary collation on MySQL would not.
      const like = `%${options.search.toLowerCase().replace(/[!%_]/g, (m) => `!${m}`)}%`;
      conditions.push(sql`(${sql.join(kind.search.map((c) => sql`lower(${sql.ref(c)}) LIKE ${like} ESCAPE '!'`), sql` OR `)})`);
    }
    const where = conditions.length > 0 ? sql` WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
    const order = kind.orderBy.length > 0 ? sql` ORDER BY ${sql.join(kind.orderBy.map((c) => sql.ref(c)))}` : sql``;
    const limit = options.limit ? sql` LIMIT ${options.limit}` : sql``;
    const result = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(kind.table)}${where}${order}${limit}`.execute(this.db);
    return result.rows.map((row) => this.shown(kind, row, options.summary));
  }

  async get(kindName: RecordKindName, key: RecordKey): Promise<VersionedRecord | undefined> {
    const kind = KINDS[kindName];
    const row = await this.row(kind, key, false);
    return row && this.shown(kind, row);
  }

  async insert(kindName: RecordKindName, values: RecordValues): Promise<VersionedRecord> {
    const kind = KINDS[kindName];
    const fitted = fitRow(kind.table, { ...values });
    const columns = Object.keys(fitted);
    await sql`INSERT INTO ${sql.table(kind.table)} (${sql.join(columns.map((c) => sql.ref(c)))}) VALUES (${sql.join(columns.map((c) => fitted[c]))})`.execute(this.db);
    const key = Object.fromEntries(kind.key.map((c) => [c, values[c] as string | number]));
    return (await this.get(kindName, key))!;
  }

  /**
   * Compare and set: the change applies only when the row is still the
   * version the administrator read. Run it inside a transaction; on MySQL
   * the row is locked between the read and the write.
   */
  async update(kindName: RecordKindName, key: RecordKey, version: string, changes: RecordValues): Promise<RecordUpdate> {
    const kind = KINDS[kindName];
    const row = await this.row(kind, key, true);
    if (!row) return { status: 'missing' };
    const current = this.shown(kind, row);
    if (current.version !== version) return { status: 'stale', current };
    const fitted = fitRow(kind.table, { ...changes });
    const sets = Object.entries(fitted).map(([c, v]) => sql`${sql.ref(c)} = ${v}`);
    if (sets.length > 0) await sql`UPDATE ${sql.table(kind.table)} SET ${sql.join(sets)}${this.whereKey(kind, key)}`.execute(this.db);
    const after = this.shown(kind, (await this.row(kind, key, false))!);
    return { status: 'updated', before: current.values, after: after.values, version: after.version };
  }

  async delete(kindName: RecordKindName, key: RecordKey, version: string): Promise<RecordUpdate> {
    const kind = KINDS[kindName];
    const row = await this.row(kind, key, true);
    if (!row) return { status: 'missing' };
    const current = this.shown(kind, row);
    if (current.version !== version) return { status: 'stale', current };
    await sql`DELETE FROM ${sql.table(kind.table)}${this.whereKey(kind, key)}`.execute(this.db);
    return { status: 'updated', before: current.values, after: {}, version: '' };
  }

  private whereKey(kind: RecordKind, key: RecordKey): RawBuilder<unknown> {
    if (kind.key.length === 0) return sql``;
    return sql` WHERE ${sql.join(kind.key.map((c) => sql`${sql.ref(c)} = ${key[c] ?? null}`), sql` AND `)}`;
  }

  private async row(kind: RecordKind, key: RecordKey, lock: boolean): Promise<Record<string, unknown> | undefined> {
    const forUpdate = lock && this.dialect === 'mysql' ? sql` FOR UPDATE` : sql``;
    const result = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(kind.table)}${this.whereKey(kind, key)} LIMIT 1${forUpdate}`.execute(this.db);
    return result.rows[0];
  }

  private shown(kind: RecordKind, row: Record<string, unknown>, summary = false): VersionedRecord {
    const hidden = new Set(kind.hidden ?? []);
    const wanted = summary && kind.summary ? new Set(kind.summary) : undefined;
    const values: Record<string, RecordValue> = {};
    for (const [column, value] of Object.entries(row))
      if (!hidden.has(column) && (!wanted || wanted.has(column))) values[column] = value instanceof Date ? value.toISOString() : (value as RecordValue);
    return { values, version: versionOf(row, [...(kind.volatile ?? []), ...autoStamped(kind.table)]) };
  }
}

/** The members of an ENUM column, as its declaration lists them (the console's choices). */
export function columnChoices(kindName: RecordKindName, column: string): [string, ...string[]] {
  const spec = (tables[KINDS[kindName].table].columns as Record<string, { spec: { mysqlType: string } }>)[column]?.spec;
  const members = [...(spec?.mysqlType.matchAll(/'([^']*)'/g) ?? [])].map((m) => m[1]!);
  if (!spec?.mysqlType.startsWith('ENUM') || members.length === 0) throw new Error(`${kindName}.${column} is not an ENUM column`);
  return members as [string, ...string[]];
}
