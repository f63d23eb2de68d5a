/**
 * lead_field_info (spec §7.21): one field of a lead, without a newline. The
 * field name is checked against vicidial_list's columns, never put into SQL.
 */
import { isLeadColumn } from '../../../store/lead-columns.js';
import { customLine } from '../../legacy/lines.js';
import { flag, integer, LEAD_ID_MAX, params, text } from '../../parameters.js';
import { t1, t3 } from '../messages.js';
import type { NonAgentFunction } from '../non-agent-function.js';
import { levelAbove, MODIFY_LEADS, VDC } from '../permissions.js';
import { leadVisible } from '../scope.js';

export const leadFieldInfo: NonAgentFunction = {
  name: 'lead_field_info',
  prelude: 'standard',
  requires: [VDC, MODIFY_LEADS, levelAbove(6)],
  params: params({
    lead_id: integer('The lead to read.', { max: LEAD_ID_MAX }),
    field_name: text('The lead column to read, such as first_name.', 64),
    custom_fields: flag('Y: read a custom field (agentgate has none: refused).').optional(),
  }),
  denied: (user) => t1('ERROR', 'lead_field_info USER DOES NOT HAVE PERMISSION TO GET LEAD INFO', [user, '0', '']),
  async run(call) {
    const { p, unit, rights } = call;
    const leadId = p.lead_id ?? '';
    const field = p.field_name ?? '';
    if (leadId.length < 1 || leadId.length > 11 || !field) return { lines: [t3('ERROR', 'lead_field_info INVALID SEARCH PARAMETERS', [rights.user, leadId, field])] };
    const [lead] = await unit.store.leadAdmin.search('lead_id', [leadId], { limit: 1, order: 'lead_id' });
    if (!lead) return { lines: [t3('ERROR', 'lead_field_info LEAD NOT FOUND', [rights.user, leadId])] };
    // VICIdial names the hidden lead's list here: agentgate leaves the field empty.
    if (!(await leadVisible(call, lead))) return { lines: [t3('ERROR', 'lead_field_info LIST NOT FOUND', [rights.user, leadId, ''])] };
    // The field name is checked against the table's columns (VICIdial puts it into SQL and answers 500 for a bad one).
    if (p.custom_fields === 'Y' || !isLeadColumn(field)) return { lines: [t3('ERROR', 'lead_field_info LIST FIELD NOT FOUND', [rights.user, leadId])] };
    const value = (lead as unknown as Record<string, string>)[field] ?? (await unit.store.leadAdmin.rawColumn(Number(leadId), field));
    return { lines: [customLine('SUCCESS', 'lead_field_info', value)] };
  },
};
