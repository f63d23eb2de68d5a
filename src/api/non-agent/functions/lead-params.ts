/** Reading lead fields and lead options from a non-agent request. */
import { LEAD_TEXT_FIELDS, type LeadRecordColumn } from '../../../domain/lead-record.js';
import type { Store } from '../../../store/store.js';
import type { FilteredParams } from '../input-filters.js';

/** `--BLANK--` sets a field to '' (spec §7.15). */
export const blank = (v: string | undefined) => (v === '--BLANK--' ? '' : (v ?? ''));

export function leadFieldsOf(p: FilteredParams): Partial<Record<LeadRecordColumn, string>> {
  const out: Partial<Record<LeadRecordColumn, string>> = {};
  for (const f of LEAD_TEXT_FIELDS) if (p[f] !== undefined) out[f] = blank(p[f]);
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

/**
 * The lists a lead search covers (search_location, spec §7.17, §7.19): LIST
 * or CAMPAIGN of a valid list_id, else SYSTEM (every list: undefined).
 */
export async function searchedLists(store: Store, p: FilteredParams, listId: number, listIdText: string): Promise<number[] | undefined> {
  let location = p.search_location ?? '';
  if (location.length < 4 || listId < 99 || listIdText.length < 3) location = 'SYSTEM';
  if (location === 'LIST') return [listId];
  if (location !== 'CAMPAIGN') return undefined;
  const list = await store.campaigns.findList(listId);
  return list ? store.campaigns.listIdsOfCampaign(list.campaignId) : [];
}
