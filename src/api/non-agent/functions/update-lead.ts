/**
 * update_lead (spec §7.17): find leads by lead id, vendor code or phone;
 * update, delete or report them; insert one when asked; callbacks and the hopper.
 */
import { sqlDateTime } from '../../../domain/clock.js';
import { EDITABLE_LEAD_COLUMNS, type LeadRecord } from '../../../domain/lead-record.js';
import { GmtLookup } from '../../../leads/gmt-lookup.js';
import type { Line } from '../../legacy/lines.js';
import { flag, integer, LEAD_ID_MAX, params, text } from '../../parameters.js';
import { t1, t4 } from '../messages.js';
import type { NonAgentCall, NonAgentFunction } from '../non-agent-function.js';
import { phpNumber } from '../report-format.js';
import { addAltPhones, addToHopper, callbackTargetProblem, callbackTime, createCallback, LEAD_EXTRA_PARAMS } from './lead-extras.js';
import { changeParams, LEAD_RIGHTS, requestedChanges, targetListRefusal, valueError } from './lead-changes.js';
import { digitsOnly, isYes, leadFieldsOf, searchedLists } from './lead-params.js';

async function hopperSteps(call: NonAgentCall, lead: LeadRecord | undefined, leadId: number): Promise<Line[]> {
  const { p, unit, rights } = call;
  const phone = p.phone_number ?? '';
  const out: Line[] = [];
  if (isYes(p.add_to_hopper) && p.remove_from_hopper !== 'Y') {
    if (await unit.store.leadAdmin.hopperRow(leadId)) out.push(t4('NOTICE', 'update_lead NOT ADDED TO HOPPER, LEAD IS ALREADY IN THE HOPPER', [phone, leadId, rights.user]));
    else if (!lead) out.push(t4('NOTICE', 'update_lead NOT ADDED TO HOPPER, LEAD NOT FOUND', [phone, leadId, rights.user]));
    else
      out.push(
        await addToHopper(call, 'update_lead', {
          leadId,
          listId: Number(lead.list_id),
          phone,
          gmt: Number(lead.gmt_offset_now),
          state: lead.state,
          vendorLeadCode: lead.vendor_lead_code,
        }),
      );
  }
  if (p.remove_from_hopper === 'Y') {
    const row = await unit.store.leadAdmin.hopperRow(leadId);
    if (!row) out.push(t4('NOTICE', 'update_lead NOT REMOVED FROM HOPPER, LEAD IS NOT IN THE HOPPER', [phone, leadId, rights.user]));
    else {
      const removed = await unit.store.leadAdmin.removeFromHopper(leadId);
      out.push(t4('NOTICE', removed > 0 ? 'update_lead REMOVED FROM HOPPER' : 'update_lead NOT REMOVED FROM HOPPER', [phone, leadId, row.status, rights.user]));
    }
  }
  return out;
}

export const updateLead: NonAgentFunction = {
  name: 'update_lead',
  prelude: 'standard',
  requires: LEAD_RIGHTS,
  params: params({
    ...changeParams(EDITABLE_LEAD_COLUMNS),
    lead_id: integer('Find the lead by its id.', { max: LEAD_ID_MAX }).optional(),
    vendor_lead_code: text('Find the lead by its vendor lead code (also set as the new one when found by another key).', 20).optional(),
    phone_number: text('Find the lead by its phone number, 6 to 18 digits (with update_phone_number=Y, the new number).', 18).optional(),
    search_method: text('Which keys to search by: LEAD_ID (the default), VENDOR_LEAD_CODE, PHONE_NUMBER, or several joined by _.', 60).optional(),
    search_location: text('LIST or CAMPAIGN (of list_id) narrows the search; SYSTEM (the default) searches every list.', 8).optional(),
    list_id: integer('The list (or its campaign) to search, with search_location.', { max: 99_999_999_999_999 }).optional(),
    records: integer('How many matching leads to act on (1).', { max: 1_000_000 }).optional(),
    update_phone_number: flag('Y: also change the phone number to phone_number.').optional(),
    list_exists_check: flag('Y: refuse a list_id_field that does not exist.').optional(),
    no_update: flag('Y: only report whether the lead exists.').optional(),
    delete_lead: flag('Y: delete the lead (and archive its callbacks).').optional(),
    reset_lead: flag('Y: reset the lead so it may be dialed again.').optional(),
    insert_if_not_found: flag('Y: add the lead when none is found.').optional(),
    force_entry_list_id: text('The custom-fields list to report for the lead found (no_update).', 14).optional(),
    callback: flag('Y: add or update a scheduled callback; REMOVE: delete its callbacks.', ['Y', 'REMOVE', 'N']).optional(),
    campaign_id: text('The campaign of the callback.', 8).optional(),
    custom_fields: flag('Y: store custom fields (agentgate has none: answered with a NOTICE).').optional(),
    tz_method: text("When adding: how the lead's time zone is found (POSTAL, TZCODE or NANPA; by area code otherwise).", 40).optional(),
    add_to_hopper: flag('Y: put the lead in the hopper to be dialed.').optional(),
    remove_from_hopper: flag('Y: take the lead out of the hopper (wins over add_to_hopper).').optional(),
    ...LEAD_EXTRA_PARAMS,
  }),
  denied: (user) => t1('ERROR', 'update_lead USER DOES NOT HAVE PERMISSION TO UPDATE LEADS IN THE SYSTEM', [user, '0', '']),
  async run(call) {
    const { p, unit, rights } = call;
    const store = unit.store;
    const user = rights.user;
    const leadIdText = p.lead_id ?? '';
    const vendor = p.vendor_lead_code ?? '';
    const phone = p.phone_number ?? '';
    const listIdText = digitsOnly(p.list_id);
    const listId = Number(listIdText) || 0;
    let method = p.search_method ?? '';
    if (method.length < 6) method = 'LEAD_ID';
    const byLead = method.includes('LEAD_ID') && leadIdText.length > 0;
    const byVendor = method.includes('VENDOR_LEAD_CODE') && vendor.length > 0;
    const byPhone = method.includes('PHONE_NUMBER') && phone.length >= 6 && phone.length <= 18;
    if (!byLead && !byVendor && !byPhone) return { lines: [t4('ERROR', 'update_lead NO VALID SEARCH METHOD', [user, method, leadIdText, vendor, phone])] };
    if (listId >= 99 && !(await call.listScope.allowsList(store, listId))) return { lines: [t4('ERROR', 'update_lead NOT AN ALLOWED LIST ID, SEARCH', [phone, listIdText])] };
    if (/Y/i.test(p.list_exists_check ?? '') && p.list_id_field && !(await store.campaigns.findList(Number(p.list_id_field))))
      return { lines: [t4('ERROR', 'update_lead NOT A DEFINED LIST ID, LIST EXISTS CHECK ENABLED', [phone, p.list_id_field])] };
    // agentgate: a lead cannot be moved into a list outside the API user's scope.
    const outside = await targetListRefusal(call, 'update_lead');
    if (outside) return { lines: [outside] };
    // The phone number changes only when asked; the custom-fields list not when custom fields are sent.
    const columns = EDITABLE_LEAD_COLUMNS.filter(
      (column) => (column !== 'phone_number' || p.update_phone_number === 'Y') && (column !== 'entry_list_id' || !isYes(p.custom_fields)),
    );
    const changes = requestedChanges(call, columns);
    const invalid = valueError('update_lead', user, changes);
    if (invalid) return { lines: [invalid] };

    const listIds = await searchedLists(store, p, listId, listIdText);
    const limit = Number(p.records) || 1;
    const search = { ...(listIds ? { listIds } : {}), limit, order: 'entry_date' as const };
    let found: LeadRecord[] = [];
    if (byLead) found = await store.leadAdmin.search('lead_id', [leadIdText], search);
    if (found.length === 0 && byVendor) found = await store.leadAdmin.search('vendor_lead_code', [vendor], search);
    if (found.length === 0 && byPhone) found = await store.leadAdmin.search('phone_number', [phone], search);
    const lines: Line[] = [];

    if (isYes(p.no_update)) {
      if (found.length === 0) return { lines: [t1('NOTICE', 'update_lead NO MATCHES FOUND IN THE SYSTEM', [user, leadIdText, vendor, phone])] };
      const first = found[0]!;
      const entryListId = p.force_entry_list_id || first.entry_list_id;
      lines.push(t1('NOTICE', 'update_lead LEADS FOUND IN THE SYSTEM', [user, leadIdText || first.lead_id, vendor, phone, first.list_id, entryListId]));
      lines.push(...(await hopperSteps(call, first, Number(first.lead_id))));
      return { lines };
    }

    if (found.length > 0) {
      for (const match of found) {
        const matchList = Number(match.list_id);
        // The lead's list is what the refusal protects: agentgate leaves it out of the line.
        if (matchList >= 99 && !(await call.listScope.allowsList(store, matchList)))
          return { lines: [...lines, t4('ERROR', 'update_lead NOT AN ALLOWED LIST ID, RESULTS', [''])] };
        const id = Number(match.lead_id);
        if (isYes(p.delete_lead)) {
          const [deleted, archived] = await store.leadAdmin.archiveCallbacks(id);
          const rows = await store.leadAdmin.delete(id);
          lines.push(t4('SUCCESS', `update_lead LEAD HAS BEEN DELETED ${deleted}|${archived}`, [user, id, rows, archived, archived, '']));
        } else if (Object.keys(changes).length > 0 || isYes(p.reset_lead)) {
          const rows = await store.leadAdmin.update([id], { ...changes, ...(isYes(p.reset_lead) ? { called_since_last_reset: 'N' } : {}) }, unit.now);
          lines.push(t4('SUCCESS', 'update_lead LEAD HAS BEEN UPDATED', [user, id, rows, '', '', '']));
        }
        if (p.callback === 'Y') {
          const existing = await store.leadAdmin.callbackIds(id);
          if (existing.length === 0) lines.push(await createCallback(call, 'update_lead', id, matchList));
          else {
            const cb: Record<string, string | number> = {};
            const when = p.callback_datetime ? callbackTime(p.callback_datetime, unit.now) : undefined;
            if (when) cb.callback_time = when;
            if (p.callback_status) cb.lead_status = p.callback_status;
            if (p.campaign_id) cb.campaign_id = p.campaign_id;
            if (p.list_id_field) cb.list_id = Number(p.list_id_field);
            if (p.callback_type) cb.recipient = p.callback_type === 'USERONLY' ? 'USERONLY' : 'ANYONE';
            if (p.callback_comments) cb.comments = p.callback_comments;
            if (p.callback_user) cb.user = p.callback_user;
            const invalid = await callbackTargetProblem(call, 'update_lead', id);
            if (invalid) lines.push(invalid);
            else if (Object.keys(cb).length === 0) lines.push(t4('NOTICE', 'update_lead SCHEDULED CALLBACK NOT UPDATED, NO FIELDS SPECIFIED', [id, '']));
            else {
              await store.leadAdmin.updateCallbacks(id, { ...cb, status: 'ACTIVE', entry_time: sqlDateTime(unit.now) });
              lines.push(
                t4('NOTICE', 'update_lead SCHEDULED CALLBACK UPDATED', [id, p.campaign_id ?? '', p.callback_datetime ?? '', p.callback_type ?? '', p.callback_user ?? '', p.callback_status ?? '']),
              );
            }
          }
        } else if (p.callback === 'REMOVE') {
          const [deleted, archived] = await store.leadAdmin.archiveCallbacks(id);
          lines.push(t4('NOTICE', 'update_lead SCHEDULED CALLBACK DELETED', [user, id, deleted, archived]));
        }
        if (isYes(p.custom_fields))
          lines.push(t4('NOTICE', 'update_lead CUSTOM FIELDS NOT ADDED, NO CUSTOM FIELDS DEFINED FOR THIS LIST', [phone, id, matchList]));
      }
      const first = found[0]!;
      lines.push(...(await hopperSteps(call, await store.leadAdmin.find(Number(first.lead_id)), Number(first.lead_id))));
      return { lines };
    }

    const insert = isYes(p.insert_if_not_found);
    lines.push(t1(insert ? 'NOTICE' : 'ERROR', 'update_lead NO MATCHES FOUND IN THE SYSTEM', [user, leadIdText, vendor, phone]));
    if (!insert) return { lines };
    const targetText = p.list_id_field || listIdText;
    const phoneCode = p.phone_code ?? '';
    if (phone.length < 6 || phone.length > 18 || !phoneCode || targetText.length < 3 || targetText.length > 14)
      return { lines: [...lines, t4('ERROR', 'update_lead INVALID DATA FOR LEAD INSERTION', [user, phone, phoneCode, targetText, p.insert_if_not_found ?? ''])] };
    const target = Number(targetText);
    if (!(await call.listScope.allowsList(store, target))) return { lines: [...lines, t4('ERROR', 'update_lead NOT AN ALLOWED LIST ID, INSERT', [phone, targetText])] };
    const fields = leadFieldsOf(call.p);
    const bad = valueError('update_lead', user, fields);
    if (bad) return { lines: [...lines, bad] };
    const gmt = await new GmtLookup().offset(
      store,
      { phoneCode, phoneNumber: phone, state: fields.state ?? '', postalCode: fields.postal_code ?? '', owner: fields.owner ?? '', tzMethod: p.tz_method ?? '' },
      unit.now,
    );
    const [leadId] = await store.leadAdmin.insertLeads(
      [
        {
          listId: target,
          status: p.status || 'NEW',
          user,
          phoneCode,
          phoneNumber: phone,
          gmtOffset: gmt ?? 0,
          entryListId: isYes(p.custom_fields) ? 0 : Number(p.entry_list_id) || 0,
          rank: Number.parseInt(p.rank ?? '', 10) || 0,
          fields,
        },
      ],
      unit.now,
    );
    lines.push(t4('SUCCESS', 'update_lead LEAD HAS BEEN ADDED', [phone, targetText, leadId!, gmt === undefined ? '' : phpNumber(gmt), user]));
    lines.push(...(await addAltPhones(call, 'update_lead', leadId!)));
    if (isYes(p.custom_fields)) lines.push(t4('NOTICE', 'update_lead CUSTOM FIELDS NOT ADDED, NO CUSTOM FIELDS DEFINED FOR THIS LIST', [phone, leadId!, targetText]));
    lines.push(...(await hopperSteps(call, await store.leadAdmin.find(leadId!), leadId!)));
    return { lines };
  },
};
