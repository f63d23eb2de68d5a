/**
 * Phone-number validation of add_lead and check_phone_number (spec §4.1),
 * in VICIdial's order. The reference lookups are cached: area codes and
 * NANPA prefixes repeat across a load.
 */
import type { Store } from '../store/store.js';

export interface PhoneChecks {
  readonly usacanPrefix: boolean;
  readonly usacanAreacode: boolean;
  readonly nanpaPrefix: boolean;
}

export type PhoneProblem =
  | 'INVALID PHONE NUMBER LENGTH'
  | 'INVALID PHONE NUMBER PREFIX'
  | 'INVALID PHONE NUMBER AREACODE'
  | 'INVALID PHONE NUMBER NANPA AREACODE PREFIX';

export class PhoneValidator {
  private readonly areacodes = new Map<string, boolean>();
  private readonly prefixes = new Map<string, boolean>();

  /** The checks that need no reference data: length and prefix. */
  static basicProblem(phone: string, checks: PhoneChecks): PhoneProblem | undefined {
    if (phone.length < 6 || phone.length > 16) return 'INVALID PHONE NUMBER LENGTH';
    if (checks.usacanPrefix && Number(phone[3]) < 2) return 'INVALID PHONE NUMBER PREFIX';
    return undefined;
  }

  async problem(store: Store, phone: string, checks: PhoneChecks): Promise<PhoneProblem | undefined> {
    const basic = PhoneValidator.basicProblem(phone, checks);
    if (basic || (!checks.usacanAreacode && !checks.nanpaPrefix)) return basic;
    const area = phone.slice(0, 3);
    if (checks.usacanAreacode && !(await this.areacodeKnown(store, area))) return 'INVALID PHONE NUMBER AREACODE';
    if (checks.nanpaPrefix && !(await this.prefixKnown(store, area, phone.slice(3, 6)))) return 'INVALID PHONE NUMBER NANPA AREACODE PREFIX';
    return undefined;
  }

  private async areacodeKnown(store: Store, area: string): Promise<boolean> {
    let known = this.areacodes.get(area);
    if (known === undefined) this.areacodes.set(area, (known = !!(await store.timeZones.byAreacode('1', area))));
    return known;
  }

  private async prefixKnown(store: Store, area: string, prefix: string): Promise<boolean> {
    const key = `${area}${prefix}`;
    let known = this.prefixes.get(key);
    if (known === undefined) this.prefixes.set(key, (known = !!(await store.timeZones.byNanpa(area, prefix))));
    return known;
  }
}

/** NANPA options need the prefix table loaded: VICIdial disables them below 10 rows (§4.1 step 0). */
export const NANPA_MIN_ROWS = 10;
