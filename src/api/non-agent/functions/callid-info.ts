/**
 * callid_info (spec §7.7): customer talk time and details of one call by its
 * caller code. agentgate answers CALL NOT FOUND for a call of a campaign or
 * in-group the API user may not see (VICIdial applies no scope).
 */
import { flag, params, text } from '../../parameters.js';
import { report, t1, t3 } from '../messages.js';
import type { NonAgentFunction } from '../non-agent-function.js';
import { levelAbove, VDC, VIEW_REPORTS } from '../permissions.js';
import { delimiter, REPORT_PARAMS, table, wantsHeader } from '../report-format.js';
import { callQueueScope, scopesOf } from '../scope.js';

const PREFIX = /^(Y|J|V|M|DC|S|LP|VH|XL)/;

export const callidInfo: NonAgentFunction = {
  name: 'callid_info',
  prelude: 'standard',
  requires: [VDC, VIEW_REPORTS, levelAbove(6)],
  params: params({
    call_id: text('The caller code of the call: 18 to 39 characters starting with Y, J, V, M, DC, S, LP, VH or XL.', 39),
    detail: flag('YES: add the date, phone, type, campaign, list, status and user of the call.', ['YES', 'NO']).optional(),
    agent_user: text('Echoed in the "not found" lines, as VICIdial does.', 20).optional(),
    ...REPORT_PARAMS,
  }),
  denied: (user) => t1('ERROR', 'callid_info USER DOES NOT HAVE PERMISSION TO GET CALL INFO', [user, '0', '']),
  async run(call) {
    const { p, unit, rights } = call;
    const store = unit.store;
    const callId = p.call_id ?? '';
    if (callId.length < 18 || callId.length > 39 || !PREFIX.test(callId)) return { lines: [t3('ERROR', 'callid_info INVALID SEARCH PARAMETERS', [rights.user, callId])] };
    const notFound = { lines: [t3('ERROR', 'callid_info CALL NOT FOUND', [rights.user, p.agent_user ?? ''])] };
    const extended = await store.reports.logExtendedByCallerCode(callId);
    if (!extended) return notFound;
    const uniqueId = extended.uniqueid;
    const leadId = Number(extended.lead_id ?? 0);
    const inbound = /^(Y|J|LP|VH)/.test(callId);
    const type = inbound ? 'INBOUND' : callId.startsWith('V') ? 'OUTBOUND_AUTO' : callId.startsWith('M') ? 'OUTBOUND_MANUAL' : 'OUTBOUND_OTHER';
    const log = inbound ? await store.reports.inboundCall(uniqueId, leadId, extended.call_date ?? '') : await store.reports.outboundCall(uniqueId, leadId);
    if (!log) return { lines: [t3('ERROR', 'callid_info CALL LOG NOT FOUND', [rights.user, p.agent_user ?? ''])] };
    const visible = await callQueueScope(call, await scopesOf(call));
    if (visible && !visible.includes(log.campaign_id ?? '')) return notFound;
    const custtime = await store.reports.customerSeconds(uniqueId, leadId, log.user ?? '');
    const detail = p.detail === 'YES';
    const header = ['call_id', 'custtime', ...(detail ? ['call_date', 'phone', 'call_type', 'campaign_id', 'list_id', 'status', 'user'] : [])];
    const row = [callId, custtime, ...(detail ? [log.call_date ?? '', log.phone_number ?? '', type, log.campaign_id ?? '', String(log.list_id ?? ''), log.status ?? '', log.user ?? ''] : [])];
    return { lines: [report('callid_info', table(wantsHeader(p.header) ? header : undefined, [row], delimiter(p.stage)))] };
  },
};
