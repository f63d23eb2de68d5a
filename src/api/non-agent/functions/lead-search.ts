/** lead_search (spec §7.19): lead ids by phone numbers, vendor codes or lead ids. */
import type { LeadRecord } from '../../../domain/lead-record.js';
import { integer, params, text, TEXT_WIDTH } from '../../parameters.js';
import { report, t1, t4 } from '../messages.js';
import type { NonAgentFunction } from '../non-agent-function.js';
import { levelAbove, READ_LEADS, VDC } from '../permissions.js';
import { digitsOnly, searchedLists } from './lead-params.js';
import { REPORT_PARAMS } from '../report-format.js';

const commaList = (v: string | undefined) => (v ?? '').split(',').filter(Boolean);

export const leadSearch: NonAgentFunction = {
  name: 'lead_search',
  prelude: 'standard',
  requires: [VDC, READ_LEADS, levelAbove(7)],
  params: params({
    phone_number: text('Phone numbers to look for, comma-separated (6 to 18 digits each).', TEXT_WIDTH).optional(),
    vendor_lead_code: text('Vendor lead codes to look for, comma-separated.', TEXT_WIDTH).optional(),
    lead_id: text('Lead ids to look for, comma-separated.', TEXT_WIDTH).optional(),
    lead_ids: text('More lead ids to look for, comma-separated.', TEXT_WIDTH).optional(),
    search_method: text('Which keys to search by: PHONE_NUMBER (the default), VENDOR_LEAD_CODE, LEAD_ID, or several joined by _.', 60).optional(),
    search_location: text('LIST or CAMPAIGN (of list_id) narrows the search; SYSTEM (the default) searches every list.', 8).optional(),
    list_id: integer('The list (or its campaign) to search, with search_location.', { max: 99_999_999_999_999 }).optional(),
    records: integer('How many leads per key at most (1000).', { max: 1_000_000 }).optional(),
    header: REPORT_PARAMS.header,
  }),
  denied: (user) => t1('ERROR', 'lead_search USER DOES NOT HAVE PERMISSION TO SEARCH FOR LEADS', [user, '0', '']),
  async run(call) {
    const { p, unit, rights } = call;
    const store = unit.store;
    const method = p.search_method || 'PHONE_NUMBER';
    const leadIds = [...commaList(p.lead_id), ...commaList(p.lead_ids)].filter((v) => /^\d{1,11}$/.test(v));
    const vendors = commaList(p.vendor_lead_code);
    const phones = commaList(p.phone_number).filter((v) => v.length >= 6 && v.length <= 18);
    const useLead = method.includes('LEAD_ID') && leadIds.length > 0;
    const useVendor = method.includes('VENDOR_LEAD_CODE') && vendors.length > 0;
    const usePhone = method.includes('PHONE_NUMBER') && phones.length > 0;
    if (!useLead && !useVendor && !usePhone)
      return {
        lines: [t4('ERROR', 'lead_search NO VALID SEARCH METHOD', [rights.user, method, `${p.lead_id ?? ''}(${useLead ? 1 : 0})`, `${p.vendor_lead_code ?? ''}(${useVendor ? 1 : 0})`, `${p.phone_number ?? ''}(${usePhone ? 1 : 0})`])],
      };
    const listIdText = digitsOnly(p.list_id);
    const listId = Number(listIdText) || 0;
    if (listId >= 99 && !(await call.listScope.allowsList(store, listId))) return { lines: [t4('ERROR', 'lead_search NOT AN ALLOWED LIST ID', [p.phone_number ?? '', listIdText])] };
    const listIds = await searchedLists(store, p, listId, listIdText);
    const limit = Number(p.records) || 1000;
    // agentgate: with API List Restrict, a SYSTEM search sees only the allowed lists too.
    const keep = async (leads: LeadRecord[]) => {
      if (!call.listScope.restricted) return leads;
      const out: LeadRecord[] = [];
      for (const lead of leads) if (await call.listScope.allowsList(store, Number(lead.list_id))) out.push(lead);
      return out;
    };
    const rows: string[] = [];
    let any = false;
    for (const [use, key, values] of [
      [useLead, 'lead_id', leadIds],
      [useVendor, 'vendor_lead_code', vendors],
      [usePhone, 'phone_number', phones],
    ] as const) {
      if (!use || any) continue;
      const found: [string, LeadRecord[]][] = [];
      for (const value of values) found.push([value, await keep(await store.leadAdmin.search(key, [value], { ...(listIds ? { listIds } : {}), limit, order: 'lead_id' }))]);
      if (found.some(([, leads]) => leads.length > 0)) {
        any = true;
        for (const [value, leads] of found) rows.push(`${value}|${leads.length}|${leads.map((l) => l.lead_id).join('-')}\n`);
      }
    }
    if (!any) return { lines: [t1('ERROR', 'lead_search NO MATCHES FOUND IN THE SYSTEM', [rights.user, p.lead_id ?? '', p.vendor_lead_code ?? '', p.phone_number ?? ''])] };
    // VICIdial's header as it prints it: the delimiter it means to put between the names is never set.
    const header = p.header === 'YES' ? 'search_keyrecords_foundlead_ids\n' : '';
    return { lines: [report('lead_search', header + rows.join(''))] };
  },
};
