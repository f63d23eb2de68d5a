/** batch_update_lead (spec §7.18): one update applied to many lead ids. */
import type { LeadRecord } from '../../../domain/lead-record.js';
import { flag, integer, params, text, TEXT_WIDTH } from '../../parameters.js';
import { t1, t4 } from '../messages.js';
import type { NonAgentFunction } from '../non-agent-function.js';
import { BATCH_COLUMNS, changeParams, LEAD_RIGHTS, requestedChanges, targetListRefusal, valueError } from './lead-changes.js';
import { isYes } from './lead-params.js';

export const batchUpdateLead: NonAgentFunction = {
  name: 'batch_update_lead',
  prelude: 'standard',
  requires: LEAD_RIGHTS,
  params: params({
    lead_ids: text('The leads to update, comma-separated.', TEXT_WIDTH),
    records: integer('How many of them to update at most (1000).', { max: 1_000_000 }).optional(),
    list_exists_check: flag('Y: refuse a list_id_field that does not exist.').optional(),
    reset_lead: flag('Y: reset the leads so they may be dialed again.').optional(),
    ...changeParams(BATCH_COLUMNS),
  }),
  denied: (user) => t1('ERROR', 'batch_update_lead USER DOES NOT HAVE PERMISSION TO UPDATE LEADS IN THE SYSTEM', [user, '0', '']),
  async run(call) {
    const { p, unit, rights } = call;
    const store = unit.store;
    const user = rights.user;
    const ids = (p.lead_ids ?? '').split(',').filter((v) => /^\d{1,11}$/.test(v));
    if (ids.length === 0) return { lines: [t4('ERROR', 'batch_update_lead NO LEADS DEFINED', [user, ''])] };
    const listField = p.list_id_field ?? '';
    const outside = await targetListRefusal(call, 'batch_update_lead');
    if (outside) return { lines: [outside] };
    if (/Y/i.test(p.list_exists_check ?? '') && listField && !(await store.campaigns.findList(Number(listField))))
      return { lines: [t4('ERROR', 'batch_update_lead NOT A DEFINED LIST ID, LIST EXISTS CHECK ENABLED', [user, listField])] };
    const changes = requestedChanges(call, BATCH_COLUMNS);
    const invalid = valueError('batch_update_lead', user, changes);
    if (invalid) return { lines: [invalid] };
    const limit = Number(p.records) || 1000;
    let found = await store.leadAdmin.search('lead_id', ids, { limit, order: 'lead_id' });
    // agentgate: with API List Restrict an empty allowed set matches nothing (VICIdial then filters nothing).
    if (call.listScope.restricted) {
      const kept: LeadRecord[] = [];
      for (const lead of found) if (await call.listScope.allowsList(store, Number(lead.list_id))) kept.push(lead);
      found = kept;
    }
    if (found.length === 0) return { lines: [t1('ERROR', 'batch_update_lead NO MATCHES FOUND IN THE SYSTEM', [user, p.lead_ids ?? ''])] };
    if (Object.keys(changes).length === 0 && !isYes(p.reset_lead))
      return { lines: [t4('NOTICE', 'batch_update_lead NO UPDATES DEFINED', [user, found.length])] };
    const foundIds = found.map((l) => Number(l.lead_id));
    const rows = await store.leadAdmin.update(foundIds, { ...changes, ...(isYes(p.reset_lead) ? { called_since_last_reset: 'N' } : {}) }, unit.now);
    return { lines: [t4('SUCCESS', 'batch_update_lead LEADS HAVE BEEN UPDATED', [user, rows, found.length, foundIds.join(',')])] };
  },
};
