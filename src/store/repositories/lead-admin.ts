/**
 * Leads as the non-agent API and the bulk loader handle them: inserting one
 * or thousands at a time, duplicate candidates, searches, updates, deletes,
 * the hopper, callbacks and their archive, alternate phones.
 */
import { sql, type Selectable } from 'kysely';
import { sqlDateTime } from '../../domain/clock.js';
import type { DuplicateCandidate, DuplicateMatch } from '../../domain/duplicate-check.js';
import { LEAD_RECORD_COLUMNS, LEAD_TEXT_FIELDS, type EditableLeadColumn, type LeadRecord, type NewLeadRecord } from '../../domain/lead-record.js';
import { tables, type Database } from '../schema/database.js';
import { fitRow } from '../schema/fit-row.js';
import { dialectOf } from './dialect.js';
import type { Executor } from './executor.js';
import { ONE_ROW } from './one-row.js';
import { inList, listSize, runCompiled, runTemplate } from './templates.js';

type ListRow = Selectable<Database['vicidial_list']>;

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** DECIMAL(4,2) as MySQL prints it ('-5.00'). */
const decimal2 = (v: unknown) => (v === null || v === undefined || v === '' ? '0.00' : Number(v).toFixed(2));

export function toLeadRecord(row: ListRow): LeadRecord {
  const out: Record<string, string> = { entry_date: text(row.entry_date) };
  for (const column of LEAD_RECORD_COLUMNS) out[column] = text(row[column]);
  out.gmt_offset_now = decimal2(row.gmt_offset_now);
  return out as unknown as LeadRecord;
}

/**
 * A new lead's columns. The first ones are always written; an optional one
 * only when some lead of the statement has a value for it — the others keep
 * their column default (NULL for text, 'U', 'N', 0). Binding only the columns
 * a load uses makes bulk inserts about half again as fast (34 columns against 16).
 */
const ALWAYS = ['entry_date', 'modify_date', 'status', 'user', 'list_id', 'gmt_offset_now', 'phone_code', 'phone_number', 'last_local_call_time'] as const;
const OPTIONAL = [...LEAD_TEXT_FIELDS, 'rank', 'entry_list_id'] as const;
type InsertColumn = (typeof ALWAYS)[number] | (typeof OPTIONAL)[number];

/** A lead's value for a column; undefined when the lead has none (and the column default applies). */
function valueOf(lead: NewLeadRecord, column: InsertColumn, stamp: string): string | number | null | undefined {
  switch (column) {
    case 'entry_date':
    case 'modify_date':
    case 'last_local_call_time':
      return stamp;
    case 'status':
      return lead.status.slice(0, 6);
    case 'user':
      return lead.user.slice(0, 20);
    case 'list_id':
      return lead.listId;
    case 'gmt_offset_now':
      return lead.gmtOffset;
    case 'phone_code':
      return lead.phoneCode.slice(0, 10);
    case 'phone_number':
      return lead.phoneNumber.slice(0, 18);
    case 'rank':
      return lead.rank || undefined;
    case 'entry_list_id':
      return lead.entryListId || undefined;
    case 'gender': {
      const g = lead.fields.gender;
      return g === 'M' || g === 'F' ? g : undefined;
    }
    default:
      // Callers have refused over-long field values already (leadValueProblem).
      return lead.fields[column] || undefined;
  }
}

const TEXT_COLUMNS: ReadonlySet<string> = new Set(LEAD_TEXT_FIELDS);

/**
 * The optional columns some lead of `part` has a value for, in OPTIONAL's
 * order. Read from each lead's own fields, not by asking every lead for every
 * column: add_lead fills two or three of thirty.
 */
function filledColumns(part: readonly NewLeadRecord[], stamp: string): InsertColumn[] {
  const filled = new Set<string>();
  for (const lead of part) {
    for (const field of Object.keys(lead.fields)) if (TEXT_COLUMNS.has(field) && valueOf(lead, field as InsertColumn, stamp) !== undefined) filled.add(field);
    if (valueOf(lead, 'rank', stamp) !== undefined) filled.add('rank');
    if (valueOf(lead, 'entry_list_id', stamp) !== undefined) filled.add('entry_list_id');
  }
  return OPTIONAL.filter((column) => filled.has(column));
}

/**
 * What a lead without a value gets in a column another lead of the same
 * statement fills: the column's own default, so a lead reads the same
 * whichever statement inserted it (empty text fields are NULL, as VICIdial's
 * nullable columns allow; PHP and agentgate read NULL as '').
 */
const listColumns = tables.vicidial_list.columns as Record<string, { spec: { defaultValue: string | number | null | undefined } }>;
function defaultOf(column: InsertColumn): string | number | null {
  return listColumns[column]?.spec.defaultValue ?? null;
}

/** SQLite allows 32,766 bound values per statement; stay well under it. */
const MAX_KEYS = 500;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const insertSqlCache = new WeakMap<object, Map<string, string>>();

export type LeadSearchKey = 'lead_id' | 'vendor_lead_code' | 'phone_number';

export class LeadAdminRepository {
  private readonly mysql: boolean;

  constructor(private readonly db: Executor) {
    this.mysql = dialectOf(db) === 'mysql';
  }

  /**
   * Insert leads in as few statements as possible (one per 400 rows);
   * returns their lead_ids in order. Ids of one multi-row INSERT are
   * consecutive: SQLite's inside a transaction, InnoDB's because it hands a
   * multi-row INSERT of known size its ids in one block (with the default
   * auto_increment_increment of 1).
   */
  async insertLeads(leads: readonly NewLeadRecord[], now: Date): Promise<number[]> {
    const stamp = sqlDateTime(now);
    const ids: number[] = [];
    for (const part of chunks(leads, 400)) {
      const columns: InsertColumn[] = [...ALWAYS, ...filledColumns(part, stamp)];
      // Parameters in row-major column order, as the compiled multi-row INSERT binds them.
      const parameters: unknown[] = [];
      for (const lead of part) for (const column of columns) parameters.push(valueOf(lead, column, stamp) ?? defaultOf(column));
      const result = await runCompiled(this.db, this.insertSql(columns, part.length), parameters);
      // SQLite reports the last id of a multi-row INSERT, MySQL the first.
      const first = this.mysql ? Number(result.insertId) : Number(result.insertId) - part.length + 1;
      for (let i = 0; i < part.length; i++) ids.push(first + i);
    }
    return ids;
  }

  /** The INSERT of `rows` leads into `columns`, compiled by Kysely once per shape and dialect. */
  private insertSql(columns: readonly InsertColumn[], rows: number): string {
    const adapter = this.db.getExecutor().adapter;
    let byShape = insertSqlCache.get(adapter);
    if (!byShape) insertSqlCache.set(adapter, (byShape = new Map()));
    const key = `${rows}:${columns.join(',')}`;
    let text = byShape.get(key);
    if (!text) {
      const placeholder = Object.fromEntries(columns.map((c) => [c, null]));
      const compiled = this.db
        .insertInto('vicidial_list')
        .values(Array.from({ length: rows }, () => placeholder) as never)
        .compile();
      if (compiled.parameters.length !== rows * columns.length) throw new Error('unexpected INSERT layout');
      byShape.set(key, (text = compiled.sql));
    }
    return text;
  }

  /** Stored leads that may duplicate `keys` under a match kind, in `listIds` (all lists when undefined). */
  async duplicateCandidates(
    match: DuplicateMatch,
    keys: readonly string[],
    listIds: readonly number[] | undefined,
    enteredSince: Date | undefined,
  ): Promise<DuplicateCandidate[]> {
    const out: DuplicateCandidate[] = [];
    if (keys.length === 0 || (listIds && listIds.length === 0)) return out;
    const since = enteredSince && sqlDateTime(enteredSince);
    const listsSize = listIds && listSize(listIds.length);
    for (const part of chunks([...new Set(keys)], MAX_KEYS)) {
      const size = listSize(part.length);
      const { rows } = await runTemplate(
        this.db,
        `leadAdmin.duplicates:${match}:${size}:${listsSize ?? 'all'}:${since ? 'since' : 'ever'}`,
        (arg) => {
          let q = this.db.selectFrom('vicidial_list').select(['lead_id', 'list_id', 'phone_number', 'alt_phone', 'title', 'first_name', 'last_name']);
          const wanted = inList(arg, 'keys', size);
          if (match === 'TITLEALTPHONE') q = q.where('alt_phone', 'in', wanted);
          else if (match === 'PHONEALT') q = q.where((eb) => eb.or([eb('phone_number', 'in', wanted), eb('alt_phone', 'in', wanted)]));
          else q = q.where('phone_number', 'in', wanted);
          if (listsSize) q = q.where('list_id', 'in', inList(arg, 'lists', listsSize));
          if (since) q = q.where('entry_date', '>', arg('since'));
          return q;
        },
        { keys: part, lists: listIds, since },
      );
      for (const r of rows)
        out.push({
          leadId: Number(r.lead_id),
          listId: Number(r.list_id),
          phoneNumber: text(r.phone_number),
          altPhone: text(r.alt_phone),
          title: text(r.title),
          firstName: text(r.first_name),
          lastName: text(r.last_name),
        });
    }
    return out;
  }

  /** The numbers among `phones` on the system DNC list (exact numbers and NNNXXXXXXX area-code entries). */
  async systemDncHits(phones: readonly string[]): Promise<Set<string>> {
    const hits = new Set<string>();
    for (const part of chunks([...new Set(phones)], MAX_KEYS)) {
      const size = listSize(part.length);
      const { rows } = await runTemplate(
        this.db,
        `leadAdmin.systemDnc:${size}`,
        (arg) => this.db.selectFrom('vicidial_dnc').select('phone_number').where('phone_number', 'in', inList(arg, 'phones', size)),
        { phones: part },
      );
      for (const r of rows) hits.add(r.phone_number);
    }
    return hits;
  }

  async campaignDncHits(phones: readonly string[], campaignId: string): Promise<Set<string>> {
    const hits = new Set<string>();
    for (const part of chunks([...new Set(phones)], MAX_KEYS)) {
      const size = listSize(part.length);
      const { rows } = await runTemplate(
        this.db,
        `leadAdmin.campaignDnc:${size}`,
        (arg) =>
          this.db
            .selectFrom('vicidial_campaign_dnc')
            .select('phone_number')
            .where('campaign_id', '=', arg('campaign'))
            .where('phone_number', 'in', inList(arg, 'phones', size)),
        { phones: part, campaign: campaignId },
      );
      for (const r of rows) hits.add(r.phone_number);
    }
    return hits;
  }

  async find(leadId: number): Promise<LeadRecord | undefined> {
    if (!Number.isSafeInteger(leadId) || leadId < 1) return undefined;
    const row = await this.db.selectFrom('vicidial_list').selectAll().where('lead_id', '=', leadId).executeTakeFirst();
    return row && toLeadRecord(row);
  }

  /** One column of a lead, as text; `column` must be a vicidial_list column (the caller checks). */
  async rawColumn(leadId: number, column: string): Promise<string> {
    const row = await this.db.selectFrom('vicidial_list').select(sql.ref(column).as('v')).where('lead_id', '=', leadId).executeTakeFirst();
    return text(row?.v);
  }

  /** Leads by one key, newest entry first (update_lead), or newest lead_id first (lead_search). */
  async search(
    key: LeadSearchKey,
    values: readonly string[],
    options: { listIds?: readonly number[]; limit: number; order: 'entry_date' | 'lead_id' },
  ): Promise<LeadRecord[]> {
    if (values.length === 0 || (options.listIds && options.listIds.length === 0)) return [];
    let q = this.db.selectFrom('vicidial_list').selectAll();
    q = key === 'lead_id' ? q.where('lead_id', 'in', values.map((v) => Number(v) || 0)) : q.where(key, 'in', values);
    if (options.listIds) q = q.where('list_id', 'in', options.listIds);
    const rows = await q.orderBy(options.order, 'desc').orderBy('lead_id', 'desc').limit(options.limit).execute();
    return rows.map(toLeadRecord);
  }

  /** Set columns on leads; returns the number of rows changed. */
  async update(leadIds: readonly number[], changes: Partial<Record<EditableLeadColumn | 'called_since_last_reset', string | number>>, now: Date): Promise<number> {
    if (leadIds.length === 0) return 0;
    const set: Record<string, unknown> = { ...fitRow('vicidial_list', changes as Record<string, unknown>), modify_date: sqlDateTime(now) };
    for (const numeric of ['list_id', 'called_count', 'rank', 'entry_list_id', 'gmt_offset_now'])
      if (numeric in set) set[numeric] = Number.parseFloat(String(set[numeric])) || 0;
    if ('date_of_birth' in set && !set.date_of_birth) set.date_of_birth = null;
    let total = 0;
    for (const part of chunks(leadIds, MAX_KEYS)) {
      const result = await this.db.updateTable('vicidial_list').set(set).where('lead_id', 'in', part).executeTakeFirst();
      total += Number(result.numUpdatedRows);
    }
    return total;
  }

  async delete(leadId: number): Promise<number> {
    const result = await this.db.deleteFrom('vicidial_list').where('lead_id', '=', leadId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteByList(listId: number): Promise<number> {
    const result = await this.db.deleteFrom('vicidial_list').where('list_id', '=', listId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** update_list reset_list: every lead of the list dialable again. */
  async resetList(listId: number, now: Date): Promise<number> {
    // modify_date written, as MySQL's ON UPDATE would, so SQLite reads the same.
    const result = await this.db
      .updateTable('vicidial_list')
      .set({ called_since_last_reset: 'N', modify_date: sqlDateTime(now) })
      .where('list_id', '=', listId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  // --- the hopper ---

  async hopperRow(leadId: number): Promise<{ hopperId: number; status: string } | undefined> {
    const row = await this.db.selectFrom('vicidial_hopper').select(['hopper_id', 'status']).where('lead_id', '=', leadId).executeTakeFirst();
    return row && { hopperId: Number(row.hopper_id), status: row.status };
  }

  async addToHopper(entry: {
    leadId: number;
    campaignId: string;
    listId: number;
    gmtOffset: number;
    state: string;
    priority: number;
    vendorLeadCode: string;
  }): Promise<number> {
    const result = await this.db
      .insertInto('vicidial_hopper')
      .values(
        fitRow('vicidial_hopper', {
          lead_id: entry.leadId,
          campaign_id: entry.campaignId,
          status: 'READY' as const,
          user: '',
          list_id: entry.listId,
          gmt_offset_now: entry.gmtOffset,
          state: entry.state,
          priority: entry.priority,
          source: 'P',
          vendor_lead_code: entry.vendorLeadCode,
        }),
      )
      .executeTakeFirstOrThrow();
    return Number(result.insertId);
  }

  /** Remove a lead from the hopper unless it is being worked (INCALL, DONE, HOLD, DNC). */
  async removeFromHopper(leadId: number): Promise<number> {
    const result = await this.db
      .deleteFrom('vicidial_hopper')
      .where('lead_id', '=', leadId)
      .where('status', 'not in', ['INCALL', 'DONE', 'HOLD', 'DNC'])
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteHopperForList(listId: number, campaignId: string): Promise<void> {
    await this.db.deleteFrom('vicidial_hopper').where('list_id', '=', listId).where('campaign_id', '=', campaignId).execute();
  }

  // --- callbacks ---

  async callbackIds(leadId: number): Promise<number[]> {
    const rows = await this.db.selectFrom('vicidial_callbacks').select('callback_id').where('lead_id', '=', leadId).execute();
    return rows.map((r) => Number(r.callback_id));
  }

  async updateCallbacks(leadId: number, changes: Record<string, string | number>): Promise<number> {
    const result = await this.db
      .updateTable('vicidial_callbacks')
      .set(fitRow('vicidial_callbacks', changes) as never)
      .where('lead_id', '=', leadId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Copy a lead's callbacks to the archive, then delete them; returns [deleted, archived]. */
  async archiveCallbacks(leadId: number): Promise<[number, number]> {
    const archived = await sql`INSERT INTO vicidial_callbacks_archive (callback_id, lead_id, list_id, campaign_id, status, entry_time, callback_time, modify_date, user, recipient, comments, user_group, lead_status)
      SELECT callback_id, lead_id, list_id, campaign_id, status, entry_time, callback_time, modify_date, user, recipient, comments, user_group, lead_status
      FROM vicidial_callbacks WHERE lead_id = ${leadId}`.execute(this.db);
    const deleted = await this.db.deleteFrom('vicidial_callbacks').where('lead_id', '=', leadId).executeTakeFirst();
    return [Number(deleted.numDeletedRows), Number(archived.numAffectedRows ?? 0)];
  }

  // --- alternate phones ---

  async insertAltPhones(leadId: number, phones: readonly { phoneCode: string; phoneNumber: string; note: string }[]): Promise<number> {
    let count = 0;
    for (const [i, p] of phones.entries()) {
      await this.db
        .insertInto('vicidial_list_alt_phones')
        .values(
          fitRow('vicidial_list_alt_phones', {
            lead_id: leadId,
            phone_code: p.phoneCode,
            phone_number: p.phoneNumber,
            alt_phone_note: p.note,
            alt_phone_count: i + 1,
          }),
        )
        .execute();
      count++;
    }
    return count;
  }

  // --- counts for list_info ---

  async countByList(listId: number, status?: string): Promise<number> {
    let q = this.db.selectFrom('vicidial_list').select(sql<number>`count(*)`.as('n')).where('list_id', '=', listId);
    if (status) q = q.where('status', '=', status);
    return Number((await q.executeTakeFirstOrThrow()).n);
  }

  /** Leads not called since the last reset, with a dialable status, grouped by offset and state. */
  async dialableCandidates(listId: number, statuses: readonly string[]): Promise<{ gmtOffset: number; state: string; n: number }[]> {
    if (statuses.length === 0) return [];
    const rows = await this.db
      .selectFrom('vicidial_list')
      .select(['gmt_offset_now', 'state', sql<number>`count(*)`.as('n')])
      .where('list_id', '=', listId)
      .where('called_since_last_reset', '=', 'N')
      .where('status', 'in', statuses)
      .groupBy(['gmt_offset_now', 'state'])
      .execute();
    return rows.map((r) => ({ gmtOffset: Number(r.gmt_offset_now), state: r.state ?? '', n: Number(r.n) }));
  }

  // --- bulk-load checkpoints (agentgate_lead_loads) ---

  /** The newest load of this file into this list. */
  async findLoad(fileKey: string, listId: number): Promise<LeadLoad | undefined> {
    const row = await this.db
      .selectFrom('agentgate_lead_loads')
      .selectAll()
      .where('file_key', '=', fileKey)
      .where('list_id', '=', listId)
      .orderBy('load_id', 'desc')
      .limit(ONE_ROW)
      .executeTakeFirst();
    return (
      row && {
        loadId: Number(row.load_id),
        startedAt: row.started_at,
        finishedAt: row.finished_at ?? undefined,
        lastLine: Number(row.last_line),
        bytesDone: Number(row.bytes_done),
        inserted: Number(row.inserted),
        duplicates: Number(row.duplicates),
        invalid: Number(row.invalid),
      }
    );
  }

  async startLoad(fileKey: string, listId: number, now: Date): Promise<number> {
    const result = await this.db
      .insertInto('agentgate_lead_loads')
      .values(fitRow('agentgate_lead_loads', { file_key: fileKey, list_id: listId, started_at: sqlDateTime(now) }))
      .executeTakeFirstOrThrow();
    return Number(result.insertId);
  }

  /** Record a committed batch: called in the batch's own transaction. */
  async advanceLoad(loadId: number, progress: Omit<LeadLoad, 'loadId' | 'startedAt' | 'finishedAt'>): Promise<void> {
    await this.db
      .updateTable('agentgate_lead_loads')
      .set({
        last_line: progress.lastLine,
        bytes_done: progress.bytesDone,
        inserted: progress.inserted,
        duplicates: progress.duplicates,
        invalid: progress.invalid,
      })
      .where('load_id', '=', loadId)
      .execute();
  }

  async finishLoad(loadId: number, now: Date): Promise<void> {
    await this.db.updateTable('agentgate_lead_loads').set({ finished_at: sqlDateTime(now) }).where('load_id', '=', loadId).execute();
  }
}

export interface LeadLoad {
  readonly loadId: number;
  readonly startedAt: string;
  readonly finishedAt: string | undefined;
  readonly lastLine: number;
  readonly bytesDone: number;
  readonly inserted: number;
  readonly duplicates: number;
  readonly invalid: number;
}
