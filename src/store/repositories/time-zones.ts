/**
 * Time-zone and call-time reference data: phone codes, postal codes, NANPA
 * prefixes, call times and the first active server's offset.
 */
import { sql } from 'kysely';
import { parsePipeList, type CallTime, type CallWindow } from '../../domain/call-time.js';
import type { Executor } from './executor.js';
import { ONE_ROW } from './one-row.js';
import { runTemplate } from './templates.js';

export interface ZoneRow {
  readonly gmtOffset: string;
  readonly dst: string;
  readonly dstRange: string;
}

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

const zone = (row: { GMT_offset: string | null; DST: string | null; DST_range?: string | null } | undefined): ZoneRow | undefined =>
  row && { gmtOffset: row.GMT_offset ?? '', dst: row.DST ?? 'N', dstRange: row.DST_range ?? '' };

export class TimeZonesRepository {
  constructor(private readonly db: Executor) {}

  /** servers.local_gmt of the first active server, as stored ('-5.00'). */
  async activeServerGmt(): Promise<string | undefined> {
    const row = await this.db.selectFrom('servers').select('local_gmt').where('active', '=', 'Y').limit(ONE_ROW).executeTakeFirst();
    return row ? (row.local_gmt ?? '') : undefined;
  }

  async byPostalCode(postal: string): Promise<ZoneRow | undefined> {
    const row = await this.db
      .selectFrom('vicidial_postal_codes')
      .select(['GMT_offset', 'DST', 'DST_range'])
      .where('country_code', '=', 1)
      // VICIdial's postal table is upper case; SQLite's LIKE would ignore case, MySQL's binary collation not.
      .where('postal_code', 'like', `${postal.toUpperCase().replace(/[%_\\]/g, '')}%`)
      .limit(ONE_ROW)
      .executeTakeFirst();
    return zone(row);
  }

  /** Rows of a tz_code (TZCODE method): the offset of the first, the first non-empty DST range (newest first). */
  async byTzCode(tzCode: string, countryCode: string): Promise<ZoneRow | undefined> {
    const rows = await this.db
      .selectFrom('vicidial_phone_codes')
      .select(['GMT_offset', 'DST_range'])
      .where('tz_code', '=', tzCode)
      .where('country_code', '=', Number(countryCode) || 0)
      .orderBy('DST_range', 'desc')
      .execute();
    if (rows.length === 0) return undefined;
    return { gmtOffset: rows[0]!.GMT_offset ?? '', dst: 'N', dstRange: rows.find((r) => r.DST_range)?.DST_range ?? '' };
  }

  async byNanpa(areacode: string, prefix: string): Promise<ZoneRow | undefined> {
    const row = await this.db
      .selectFrom('vicidial_nanpa_prefix_codes')
      .select(['GMT_offset', 'DST'])
      .where('areacode', '=', areacode)
      .where('prefix', '=', prefix)
      .limit(ONE_ROW)
      .executeTakeFirst();
    return row && { gmtOffset: row.GMT_offset ?? '', dst: row.DST ?? 'N', dstRange: row.DST === 'Y' ? 'SSM-FSN' : '' };
  }

  // The lookups add_lead runs for every lead are query templates (templates.ts): built once, not per request.

  async byAreacode(countryCode: string, areacode: string): Promise<ZoneRow | undefined> {
    const { rows } = await runTemplate(
      this.db,
      'timeZones.byAreacode',
      (arg) => this.phoneCodes().where('country_code', '=', arg('country')).where('areacode', '=', arg('areacode')).limit(ONE_ROW),
      { country: Number(countryCode) || 0, areacode },
    );
    return zone(rows[0]);
  }

  async byState(countryCode: string, state: string): Promise<ZoneRow | undefined> {
    const { rows } = await runTemplate(
      this.db,
      'timeZones.byState',
      (arg) => this.phoneCodes().where('country_code', '=', arg('country')).where('state', '=', arg('state')).limit(ONE_ROW),
      { country: Number(countryCode) || 0, state },
    );
    return zone(rows[0]);
  }

  async firstOfCountry(countryCode: string): Promise<ZoneRow | undefined> {
    const { rows } = await runTemplate(
      this.db,
      'timeZones.firstOfCountry',
      (arg) => this.phoneCodes().where('country_code', '=', arg('country')).limit(ONE_ROW),
      { country: Number(countryCode) || 0 },
    );
    return zone(rows[0]);
  }

  /** The state of a North American area code (lookup_state). */
  async stateOfAreacode(countryCode: string, areacode: string): Promise<string | undefined> {
    const { rows } = await runTemplate(
      this.db,
      'timeZones.stateOfAreacode',
      (arg) =>
        this.db
          .selectFrom('vicidial_phone_codes')
          .select('state')
          .where('country_code', '=', arg('country'))
          .where('areacode', '=', arg('areacode'))
          .limit(ONE_ROW),
      { country: Number(countryCode) || 0, areacode },
    );
    return rows[0]?.state ?? undefined;
  }

  private phoneCodes() {
    return this.db.selectFrom('vicidial_phone_codes').select(['GMT_offset', 'DST', 'DST_range']);
  }

  async nanpaRowCount(): Promise<number> {
    const row = await this.db.selectFrom('vicidial_nanpa_prefix_codes').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async callTime(id: string): Promise<CallTime | undefined> {
    const row = await this.db.selectFrom('vicidial_call_times').selectAll().where('call_time_id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const r = row as unknown as Record<string, number | null>;
    const days: CallWindow[] = DAYS.map((d) => ({ start: Number(r[`ct_${d}_start`] ?? 0), stop: Number(r[`ct_${d}_stop`] ?? 0) }));
    return {
      id: row.call_time_id,
      defaultWindow: { start: Number(row.ct_default_start), stop: Number(row.ct_default_stop) },
      days,
      stateCallTimeIds: parsePipeList(row.ct_state_call_times),
    };
  }

  /** The first state rule among `ids` for `state`, as a call time that replaces the base one. */
  async stateCallTime(ids: readonly string[], state: string): Promise<CallTime | undefined> {
    if (ids.length === 0 || !state) return undefined;
    const row = await this.db
      .selectFrom('vicidial_state_call_times')
      .selectAll()
      .where('state_call_time_id', 'in', ids)
      .where('state_call_time_state', '=', state)
      .limit(ONE_ROW)
      .executeTakeFirst();
    if (!row) return undefined;
    const r = row as unknown as Record<string, number | null>;
    return {
      id: row.state_call_time_id,
      defaultWindow: { start: Number(row.sct_default_start), stop: Number(row.sct_default_stop) },
      days: DAYS.map((d) => ({ start: Number(r[`sct_${d}_start`] ?? 0), stop: Number(r[`sct_${d}_stop`] ?? 0) })),
      stateCallTimeIds: [],
    };
  }
}
