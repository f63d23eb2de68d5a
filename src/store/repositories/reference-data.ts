/**
 * Reference data into VICIdial's tables: phone and postal codes, call times,
 * scripts and phones (the demo seeds them; an administrator would).
 */
import type { ReferenceData } from '../../domain/reference-data.js';
import { fitRow } from '../schema/fit-row.js';
import type { TableName } from '../schema/database.js';
import type { Executor } from './executor.js';

export class ReferenceDataRepository {
  constructor(private readonly db: Executor) {}

  async add(data: ReferenceData): Promise<void> {
    const yn = (flag: boolean) => (flag ? 'Y' : 'N');
    await this.insert(
      'vicidial_phone_codes',
      (data.phoneCodes ?? []).map((p) => ({
        country_code: p.countryCode,
        country: p.country,
        areacode: p.areaCode,
        state: p.state,
        GMT_offset: p.gmtOffset,
        DST: yn(p.dst),
        DST_range: p.dstRange,
        geographic_description: p.description,
        tz_code: '',
      })),
    );
    await this.insert(
      'vicidial_postal_codes',
      (data.postalCodes ?? []).map((p) => ({
        postal_code: p.postalCode,
        state: p.state,
        GMT_offset: p.gmtOffset,
        DST: yn(p.dst),
        DST_range: p.dstRange,
        country: p.country,
        country_code: p.countryCode,
      })),
    );
    await this.insert(
      'vicidial_call_times',
      (data.callTimes ?? []).map((t) => ({ call_time_id: t.id, call_time_name: t.name, ct_default_start: t.defaultStart, ct_default_stop: t.defaultStop })),
    );
    await this.insert(
      'vicidial_scripts',
      (data.scripts ?? []).map((s) => ({ script_id: s.id, script_name: s.name, script_text: s.text ?? '', active: yn(s.active ?? true) })),
    );
    await this.insert('phones', (data.phones ?? []).map((p) => ({ extension: p.extension, login: p.login })));
  }

  private async insert(table: TableName, rows: Record<string, unknown>[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.insertInto(table).values(rows.map((row) => fitRow(table, row)) as never).execute();
  }
}
