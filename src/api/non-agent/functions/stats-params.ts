/**
 * What call_status_stats and call_dispo_report share: their parameter
 * checks, their time range, list parsing, natural ordering, and the campaigns
 * they may report (within the API user's allowed campaigns — VICIdial applies
 * no scope to either).
 */
import { sqlDateTime } from '../../../domain/clock.js';
import { customLine, type Line } from '../../legacy/lines.js';
import { text } from '../../parameters.js';
import { t1 } from '../messages.js';
import type { NonAgentCall } from '../non-agent-function.js';
import { campaignList, scopesOf } from '../scope.js';

export const natural = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
export const dashList = (v: string | undefined) => (v ?? '').split(/[-,|]/).filter(Boolean);
export const ALL = '---ALL---';

/** The period both reports cover. */
export const RANGE_PARAMS = {
  query_date: text('The first day, YYYY-MM-DD (today).', 10).optional(),
  query_time: text('When the first day starts, HH:MM:SS (00:00:00).', 8).optional(),
  end_date: text('The last day, YYYY-MM-DD (query_date).', 10).optional(),
  end_time: text('When the last day ends, HH:MM:SS (23:59:59).', 8).optional(),
};

export function missing(fn: string, what: string, source: string): Line[] {
  return [
    customLine('ERROR', `${fn} INVALID OR MISSING ${what}`, `ERROR: ${fn} INVALID OR MISSING ${what} - ${source}\n`),
    customLine('ERROR', 'Invalid Source', `ERROR: Invalid Source: |${source}|\n`),
  ];
}

/** The time range of query_date/query_time … end_date/end_time, or undefined when a part is not a date or time. */
export function range(call: NonAgentCall): { start: string; end: string } | undefined {
  const p = call.p;
  const today = sqlDateTime(call.unit.now).slice(0, 10);
  const date = p.query_date || today;
  const start = `${date} ${p.query_time || '00:00:00'}`;
  const end = `${p.end_date || date} ${p.end_time || '23:59:59'}`;
  const ok = (t: string) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(t);
  return ok(start) && ok(end) ? { start, end } : undefined;
}

export const denied = (user: string) => t1('ERROR', 'call_status_stats USER DOES NOT HAVE PERMISSION TO VIEW STATS', [user, '0', '']);

/** Requested campaign ids within scope; `all` tokens mean every campaign the user may see. */
export async function campaignsOf(call: NonAgentCall, value: string | undefined, allTokens: string[]): Promise<string[]> {
  const scope = campaignList((await scopesOf(call)).campaigns);
  const requested = dashList(value);
  const everything = (value ?? '').includes(ALL) || requested.some((r) => allTokens.includes(r));
  const ids = everything ? await call.unit.store.campaigns.allCampaignIds() : requested;
  return ids.filter((id) => !scope || scope.includes(id));
}
