/** Reading lead fields and lead options from a non-agent request. */
import type { LeadRecordColumn } from '../../../domain/lead-record.js';
import type { FilteredParams } from '../input-filters.js';

/** The standard text fields add_lead copies from the request (gmt_offset_now is always looked up). */
export const ADD_LEAD_FIELDS = [
  'vendor_lead_code', 'source_id', 'title', 'first_name', 'middle_initial', 'last_name', 'address1', 'address2',
  'address3', 'city', 'state', 'province', 'postal_code', 'country_code', 'gender', 'date_of_birth', 'alt_phone', 'email',
  'security_phrase', 'comments', 'owner',
] as const satisfies readonly LeadRecordColumn[];

/** `--BLANK--` sets a field to '' (spec §7.15). */
export const blank = (v: string | undefined) => (v === '--BLANK--' ? '' : (v ?? ''));

export function leadFieldsOf(p: FilteredParams): Partial<Record<LeadRecordColumn, string>> {
  const out: Partial<Record<LeadRecordColumn, string>> = {};
  for (const f of ADD_LEAD_FIELDS) if (p[f] !== undefined) out[f] = blank(p[f]);
  return out;
}

/** list_id: the generic filter keeps letters, these functions keep only digits. */
export const digitsOnly = (v: string | undefined) => (v ?? '').replace(/[^0-9]/g, '');

export const isYes = (v: string | undefined) => v === 'Y';

/** hopper_priority: empty → 0, clamped to −99…99 (spec §2.2). */
export function hopperPriority(v: string | undefined): number {
  const n = Number.parseInt(v ?? '', 10);
  return Number.isFinite(n) ? Math.max(-99, Math.min(99, n)) : 0;
}
