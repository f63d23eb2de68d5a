/**
 * VICIdial's lookup_gmt_api (spec §4.4): a lead's UTC offset now, from its
 * postal code, owner time-zone code, NANPA prefix or area code, plus one hour
 * while its DST rule is in effect. Results are cached per lookup key: a load
 * of a million leads asks for a few hundred distinct area codes.
 */
import { currentOffset, parseOffset } from '../domain/dst-rules.js';
import type { ZoneRow } from '../store/repositories/time-zones.js';
import type { Store } from '../store/store.js';

export interface GmtInput {
  readonly phoneCode: string;
  readonly phoneNumber: string;
  readonly state: string;
  readonly postalCode: string;
  readonly owner: string;
  readonly tzMethod: string;
}

const CACHE_LIMIT = 50_000;

function zoneOffset(zone: ZoneRow | undefined, now: Date): number | undefined {
  const standard = parseOffset(zone?.gmtOffset);
  if (zone === undefined || standard === undefined) return undefined;
  return currentOffset(standard, zone.dstRange, now);
}

export class GmtLookup {
  private readonly cache = new Map<string, ZoneRow | null>();

  /** The offset in hours, or undefined when no reference row matches (VICIdial then stores 0). */
  async offset(store: Store, input: GmtInput, now: Date): Promise<number | undefined> {
    const key = this.key(input);
    const zone = this.cache.has(key) ? (this.cache.get(key) ?? undefined) : await this.zone(store, input, key);
    return zoneOffset(zone, now);
  }

  /**
   * The offset from the cache alone, with no query: `miss` when this lookup
   * has not been made yet. Lets a batch of leads skip a promise per lead.
   */
  cachedOffset(input: GmtInput, now: Date): number | undefined | 'miss' {
    const key = this.key(input);
    if (!this.cache.has(key)) return 'miss';
    return zoneOffset(this.cache.get(key) ?? undefined, now);
  }

  private key(input: GmtInput): string {
    const method = input.tzMethod;
    const usePostal = method.includes('POSTAL') && input.postalCode.length > 4 && input.phoneCode === '1';
    const useTzCode = method === 'TZCODE' && input.owner.length > 1;
    const useNanpa = method.includes('NANPA');
    return [
      input.phoneCode,
      input.phoneNumber.slice(0, 3),
      usePostal ? input.postalCode : '',
      useTzCode ? input.owner : '',
      useNanpa ? input.phoneNumber.slice(3, 6) : '',
      input.phoneCode === '61' ? input.state : '',
      method,
    ].join('|');
  }

  private async zone(store: Store, input: GmtInput, key: string): Promise<ZoneRow | undefined> {
    const area = input.phoneNumber.slice(0, 3);
    const prefix = input.phoneNumber.slice(3, 6);
    const method = input.tzMethod;
    const usePostal = method.includes('POSTAL') && input.postalCode.length > 4 && input.phoneCode === '1';
    const useTzCode = method === 'TZCODE' && input.owner.length > 1;
    const useNanpa = method.includes('NANPA') && area.length === 3 && prefix.length === 3;
    const tz = store.timeZones;
    let found: ZoneRow | undefined;
    if (usePostal) found = await tz.byPostalCode(input.postalCode);
    if (useTzCode) found = (await tz.byTzCode(input.owner, input.phoneCode)) ?? found;
    if (useNanpa) found = (await tz.byNanpa(area, prefix)) ?? found;
    if (!found) {
      if (input.phoneCode === '1' || input.phoneCode === '52') found = await tz.byAreacode(input.phoneCode, area);
      else if (input.phoneCode === '61') found = await tz.byState(input.phoneCode, input.state);
      found ??= await tz.firstOfCountry(input.phoneCode);
    }
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, found ?? null);
    return found;
  }
}
