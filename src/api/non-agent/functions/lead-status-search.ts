/**
 * lead_status_search (spec §7.22): leads with a call of some status on a day,
 * record by record. Only leads the API user may see: calls of its allowed
 * campaigns, inbound calls of the in-groups it may see (VICIdial does not
 * scope those), and leads whose list is in an allowed campaign — with or
 * without API List Restrict.
 */
import { LEAD_RECORD_COLUMNS } from '../../../domain/lead-record.js';
import { integer, LEAD_ID_MAX, params, text } from '../../parameters.js';
import { report, t1, t3 } from '../messages.js';
import type { NonAgentFunction } from '../non-agent-function.js';
import { levelAbove, MODIFY_LEADS, VDC } from '../permissions.js';
import { callQueueScope, campaignList, leadVisible, scopesOf } from '../scope.js';

const STATUS_SEARCH_COLUMNS = ['lead_id', ...LEAD_RECORD_COLUMNS.filter((c) => c !== 'lead_id')];

export const leadStatusSearch: NonAgentFunction = {
  name: 'lead_status_search',
  prelude: 'standard',
  requires: [VDC, MODIFY_LEADS, levelAbove(6)],
  params: params({
    status: text('The status of the calls to look for (with date).', 6).optional(),
    date: text('The day of the calls, YYYY-MM-DD (with status).', 10).optional(),
    lead_id: integer('Or: the lead whose calls to look for.', { max: LEAD_ID_MAX }).optional(),
  }),
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
    const scopes = await scopesOf(call);
    const campaigns = campaignList(scopes.campaigns);
    const queues = await callQueueScope(call, scopes);
    const ids = await store.reports.leadsWithCalls({
      ...(byStatus ? { status, date } : { leadId: Number(leadId) || 0 }),
      ...(campaigns ? { campaigns } : {}),
      ...(queues ? { inboundQueues: queues } : {}),
    });
    let text = '';
    let n = 0;
    for (const id of ids) {
      const lead = await store.leadAdmin.find(id);
      if (!lead) continue;
      if (campaigns && !(await leadVisible(call, lead))) continue;
      n++;
      text += `;---------- START OF RECORD ${n} ----------\n`;
      for (const column of STATUS_SEARCH_COLUMNS) text += `${column} => ${(lead as unknown as Record<string, string>)[column]}\n`;
    }
    if (n === 0) return { lines: [t3('ERROR', 'lead_status_search NO RESULTS FOUND', [rights.user, leadId, status, ''])] };
    return { lines: [report('lead_status_search', text)] };
  },
};
