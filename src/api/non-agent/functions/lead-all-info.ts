/** lead_all_info (spec §7.20): every standard field of a lead, or of the leads with a phone number. */
import { LEAD_RECORD_COLUMNS, type LeadRecord } from '../../../domain/lead-record.js';
import type { Line } from '../../legacy/lines.js';
import { integer, LEAD_ID_MAX, params, text } from '../../parameters.js';
import { report, t1, t3 } from '../messages.js';
import type { NonAgentFunction } from '../non-agent-function.js';
import { levelAbove, READ_LEADS, VDC, VIEW_REPORTS } from '../permissions.js';
import { delimiter, REPORT_PARAMS } from '../report-format.js';
import { leadVisible } from '../scope.js';

export const leadAllInfo: NonAgentFunction = {
  name: 'lead_all_info',
  prelude: 'standard',
  requires: [VDC, READ_LEADS, VIEW_REPORTS, levelAbove(6)],
  params: params({
    lead_id: integer('The lead to show (it wins over phone_number).', { max: LEAD_ID_MAX }).optional(),
    phone_number: text('Or: the leads with this phone number, 6 to 19 digits (1000 at most, newest first).', 19).optional(),
    stage: text('The delimiter: csv, tab, newline or pipe (the default).', 10).optional(),
    header: REPORT_PARAMS.header,
  }),
  denied: (user) => t1('ERROR', 'lead_all_info USER DOES NOT HAVE PERMISSION TO GET LEAD INFO', [user, '0', '']),
  async run(call) {
    const { p, unit, rights } = call;
    const store = unit.store;
    const leadId = p.lead_id ?? '';
    const phone = p.phone_number ?? '';
    const notFound = t3('ERROR', 'lead_all_info LEAD NOT FOUND', [rights.user, leadId, phone]);
    let leads: LeadRecord[];
    if (leadId) leads = await store.leadAdmin.search('lead_id', [leadId], { limit: 1, order: 'lead_id' });
    else if (phone.length >= 6 && phone.length <= 19) leads = await store.leadAdmin.search('phone_number', [phone], { limit: 1000, order: 'lead_id' });
    else return { lines: [notFound] };
    if (leads.length === 0) return { lines: [notFound] };
    const dl = delimiter(p.stage, true);
    const lines: Line[] = [];
    let text = '';
    for (const lead of leads) {
      if (!(await leadVisible(call, lead))) {
        if (rights.listRestrict) lines.push(t3('ERROR', 'lead_all_info LIST NOT FOUND', [rights.user, leadId, phone]));
        continue;
      }
      if (p.header === 'YES') text += `${LEAD_RECORD_COLUMNS.join(dl)}\n`;
      text += `${LEAD_RECORD_COLUMNS.map((c) => lead[c]).join(dl)}\n`;
    }
    // VICIdial ends this line with the hidden lead's list: agentgate leaves the field empty.
    if (!text) return { lines: [...lines, t3('ERROR', 'lead_all_info LIST NOT FOUND', [rights.user, leadId, phone, ''])] };
    return { lines: [...lines, report('lead_all_info', text)] };
  },
};
