/** lead_search, lead_all_info, lead_field_info and lead_status_search (spec §7.19–7.22). */
import { LEAD_RECORD_COLUMNS, type LeadRecord } from '../../../domain/lead-record.js';
import { campaignScope, scopeAllows } from '../../../domain/vicidial-sets.js';
import { tables } from '../../../store/schema/database.js';
import { customLine, type Line } from '../../legacy/lines.js';
import { report, t1, t3, t4 } from '../messages.js';
import type { NonAgentCall, NonAgentFunction } from '../non-agent-function.js';
import { levelAbove, MODIFY_LEADS, READ_LEADS, VDC, VIEW_REPORTS } from '../permissions.js';
import { delimiter } from '../report-format.js';
import { campaignList, scopesOf } from '../scope.js';
import { digitsOnly } from './lead-params.js';

/** Is the lead's list in a campaign the API user's group allows? */
async function leadVisible(call: NonAgentCall, lead: LeadRecord): Promise<boolean> {
  const list = await call.unit.store.campaigns.findList(Number(lead.list_id));
  return scopeAllows(campaignScope((await call.group())?.allowedCampaigns ?? ''), list?.campaignId ?? '');
}

const commaList = (v: string | undefined) => (v ?? '').split(',').filter(Boolean);

export const leadSearch: NonAgentFunction = {
  name: 'lead_search',
  prelude: 'standard',
  requires: [VDC, READ_LEADS, levelAbove(7)],
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
    let location = p.search_location ?? '';
    if (location.length < 4 || listId < 99 || listIdText.length < 3) location = 'SYSTEM';
    let listIds: number[] | undefined;
    if (location === 'LIST') listIds = [listId];
    else if (location === 'CAMPAIGN') {
      const list = await store.campaigns.findList(listId);
      listIds = list ? await store.campaigns.listIdsOfCampaign(list.campaignId) : [];
    }
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
    const header = p.header === 'YES' ? 'search_key|records_found|lead_ids\n' : '';
    return { lines: [report('lead_search', header + rows.join(''))] };
  },
};

export const leadAllInfo: NonAgentFunction = {
  name: 'lead_all_info',
  prelude: 'standard',
  requires: [VDC, READ_LEADS, VIEW_REPORTS, levelAbove(6)],
  denied: (user) => t1('ERROR', 'lead_all_info USER DOES NOT HAVE PERMISSION TO GET LEAD INFO', [user, '0', '']),
  async run(call) {
    const { p, unit, rights } = call;
    const store = unit.store;
    const leadId = p.lead_id ?? '';
    const phone = p.phone_number ?? '';
    const notFound = t3('ERROR', 'lead_all_info LEAD NOT FOUND', [rights.user, leadId, phone]);
    let leads: LeadRecord[] = [];
    if (leadId) leads = await store.leadAdmin.search('lead_id', [leadId], { limit: 1, order: 'lead_id' });
    else if (phone.length >= 6 && phone.length <= 19) leads = await store.leadAdmin.search('phone_number', [phone], { limit: 1000, order: 'lead_id' });
    else return { lines: [notFound] };
    if (leads.length === 0) return { lines: [notFound] };
    const dl = delimiter(p.stage, true);
    const lines: Line[] = [];
    let text = '';
    let lastList = '';
    for (const lead of leads) {
      if (!(await leadVisible(call, lead))) {
        lastList = lead.list_id;
        if (rights.listRestrict) lines.push(t3('ERROR', 'lead_all_info LIST NOT FOUND', [rights.user, leadId, phone]));
        continue;
      }
      if (p.header === 'YES') text += `${LEAD_RECORD_COLUMNS.join(dl)}\n`;
      text += `${LEAD_RECORD_COLUMNS.map((c) => lead[c]).join(dl)}\n`;
    }
    if (!text) return { lines: [...lines, t3('ERROR', 'lead_all_info LIST NOT FOUND', [rights.user, leadId, phone, lastList])] };
    return { lines: [...lines, report('lead_all_info', text)] };
  },
};

const LEAD_COLUMNS = new Set(Object.keys(tables.vicidial_list.columns));

export const leadFieldInfo: NonAgentFunction = {
  name: 'lead_field_info',
  prelude: 'standard',
  requires: [VDC, MODIFY_LEADS, levelAbove(6)],
  denied: (user) => t1('ERROR', 'lead_field_info USER DOES NOT HAVE PERMISSION TO GET LEAD INFO', [user, '0', '']),
  async run(call) {
    const { p, unit, rights } = call;
    const leadId = p.lead_id ?? '';
    const field = p.field_name ?? '';
    if (leadId.length < 1 || leadId.length > 11 || !field) return { lines: [t3('ERROR', 'lead_field_info INVALID SEARCH PARAMETERS', [rights.user, leadId, field])] };
    const [lead] = await unit.store.leadAdmin.search('lead_id', [leadId], { limit: 1, order: 'lead_id' });
    if (!lead) return { lines: [t3('ERROR', 'lead_field_info LEAD NOT FOUND', [rights.user, leadId])] };
    if (!(await leadVisible(call, lead))) return { lines: [t3('ERROR', 'lead_field_info LIST NOT FOUND', [rights.user, leadId, lead.list_id])] };
    // The field name is checked against the table's columns (VICIdial puts it into SQL and answers 500 for a bad one).
    if (p.custom_fields === 'Y' || !LEAD_COLUMNS.has(field)) return { lines: [t3('ERROR', 'lead_field_info LIST FIELD NOT FOUND', [rights.user, leadId])] };
    const value = (lead as unknown as Record<string, string>)[field] ?? (await unit.store.leadAdmin.rawColumn(Number(leadId), field));
    return { lines: [customLine('SUCCESS', 'lead_field_info', value)] };
  },
};

const STATUS_SEARCH_COLUMNS = ['lead_id', ...LEAD_RECORD_COLUMNS.filter((c) => c !== 'lead_id')];

export const leadStatusSearch: NonAgentFunction = {
  name: 'lead_status_search',
  prelude: 'standard',
  requires: [VDC, MODIFY_LEADS, levelAbove(6)],
  denied: (user) => t1('ERROR', 'lead_status_search USER DOES NOT HAVE PERMISSION TO GET LEAD INFO', [user, '0', '']),
  async run(call) {
    const { p, unit, rights } = call;
    const store = unit.store;
    const status = p.status ?? '';
    const date = p.date ?? '';
    const leadId = p.lead_id ?? '';
    const byStatus = status.length > 0 && date.length === 10;
    if (!byStatus && !leadId) return { lines: [t3('ERROR', 'lead_status_search INVALID SEARCH PARAMETERS', [rights.user, status, date, leadId])] };
    if (byStatus && !/^\d{4}-\d{2}-\d{2}$/.test(date)) return { lines: [t3('ERROR', 'lead_status_search INVALID SEARCH PARAMETERS', [rights.user, status, date, leadId])] };
    const campaigns = campaignList((await scopesOf(call)).campaigns);
    const ids = await store.reports.leadsWithCalls({ ...(byStatus ? { status, date } : { leadId: Number(leadId) || 0 }), ...(campaigns ? { campaigns } : {}) });
    let text = '';
    let n = 0;
    for (const id of ids) {
      const lead = await store.leadAdmin.find(id);
      if (!lead) continue;
      if (rights.listRestrict && !(await call.listScope.allowsList(store, Number(lead.list_id)))) continue;
      if (!rights.listRestrict && campaigns && !(await leadVisible(call, lead))) continue;
      n++;
      text += `;---------- START OF RECORD ${n} ----------\n`;
      for (const column of STATUS_SEARCH_COLUMNS) text += `${column} => ${(lead as unknown as Record<string, string>)[column]}\n`;
    }
    if (n === 0) return { lines: [t3('ERROR', 'lead_status_search NO RESULTS FOUND', [rights.user, leadId, status, ''])] };
    return { lines: [report('lead_status_search', text)] };
  },
};
