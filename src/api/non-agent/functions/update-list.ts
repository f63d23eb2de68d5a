/** update_list (spec §7.26): change, reset or delete a list, or delete its leads. */
import { sqlDateTime } from '../../../domain/clock.js';
import type { Line } from '../../legacy/lines.js';
import { flag, integer, params, text } from '../../parameters.js';
import { t1, t4 } from '../messages.js';
import type { NonAgentFunction, NonAgentReply } from '../non-agent-function.js';
import { DELETE_LISTS, MODIFY_LEADS } from '../permissions.js';
import { addList } from './add-list.js';
import { adminLog } from './admin-log.js';
import { digitsOnly, isYes } from './lead-params.js';
import { LIST_RIGHTS, LIST_SETTINGS_PARAMS, listSettings } from './list-settings.js';
import { allowsCampaign } from '../scope.js';

export const updateList: NonAgentFunction = {
  name: 'update_list',
  prelude: 'standard',
  requires: LIST_RIGHTS,
  params: params({
    list_id: integer('The list to change, 2 to 14 digits.', { max: 99_999_999_999_999 }),
    list_name: text('A new name, 6 to 30 characters.', 30).optional(),
    campaign_id: text('Move the list to this campaign.', 8).optional(),
    active: flag('Y or N: whether the list is active.').optional(),
    insert_if_not_found: flag('Y: create the list (as add_list does) when it does not exist.').optional(),
    reset_list: flag('Y: reset the list so its leads may be dialed again.').optional(),
    delete_list: flag('Y: delete the list (needs delete_lists).').optional(),
    delete_leads: flag("Y: delete the list's leads (needs delete_lists and modify_leads).").optional(),
    custom_fields_add: flag('Y: add a custom field (agentgate has none: answered with a NOTICE).').optional(),
    custom_fields_update: flag('Y: change a custom field (agentgate has none: answered with a NOTICE).').optional(),
    custom_fields_delete: flag('Y: delete a custom field (agentgate has none: answered with a NOTICE).').optional(),
    custom_fields_copy: text('A list to copy custom fields from (agentgate has none: answered with a NOTICE).', 14).optional(),
    ...LIST_SETTINGS_PARAMS,
  }),
  denied: (user) => t1('ERROR', 'update_list USER DOES NOT HAVE PERMISSION TO UPDATE LISTS', [user, '0']),
  async run(call): Promise<NonAgentReply> {
    const { p, unit, rights } = call;
    const store = unit.store;
    const listIdText = digitsOnly(p.list_id);
    if (listIdText.length < 2 || listIdText.length > 14)
      return { lines: [t1('ERROR', 'update_list YOU MUST USE ALL REQUIRED FIELDS', [rights.user, listIdText, p.list_name ?? '', p.campaign_id ?? ''])] };
    const listId = Number(listIdText);
    if (!(await call.listScope.allowsList(store, listId))) return { lines: [t4('ERROR', 'update_list NOT AN ALLOWED LIST ID', [listIdText])] };
    const list = await store.campaigns.listRow(listId);
    if (!list || !(await allowsCampaign(call, list.campaign_id ?? ''))) {
      if (isYes(p.insert_if_not_found)) {
        const lines: Line[] = [t1('NOTICE', 'update_list LIST DOES NOT EXIST, SENDING TO add_list FUNCTION', [rights.user, listIdText])];
        const added = await addList.run(call);
        return { lines: [...lines, ...added.lines] };
      }
      return { lines: [t1('ERROR', 'update_list LIST DOES NOT EXIST', [rights.user, listIdText])] };
    }
    const lines: Line[] = [];
    if ([p.custom_fields_add, p.custom_fields_update, p.custom_fields_delete].some((v) => v === 'Y') || (p.custom_fields_copy ?? '').length >= 2)
      lines.push(t4('NOTICE', 'update_list CUSTOM FIELDS ARE NOT SUPPORTED BY AGENTGATE', [rights.user, listIdText, '']));

    const changes: Record<string, string> = {};
    if (p.campaign_id) {
      // agentgate: the new campaign must be one the API user's group allows (VICIdial only checks it exists).
      if (!(await store.campaigns.exists(p.campaign_id)) || !(await allowsCampaign(call, p.campaign_id)))
        return { lines: [...lines, t1('ERROR', 'update_list CAMPAIGN DOES NOT EXIST, THIS IS AN OPTIONAL FIELD', [rights.user, p.campaign_id])] };
      changes.campaign_id = p.campaign_id;
    }
    const settings = await listSettings(call, 'update_list', true);
    if (settings.error) return { lines: [...lines, settings.error] };
    Object.assign(changes, settings.changes);
    if (Object.keys(changes).length === 0) lines.push(t1('NOTICE', 'update_list NO UPDATES DEFINED', [rights.user, '']));
    else {
      if (changes.campaign_id && changes.campaign_id !== list.campaign_id) await store.leadAdmin.deleteHopperForList(listId, list.campaign_id ?? '');
      await store.campaigns.updateList(listId, { ...changes, list_changedate: sqlDateTime(unit.now) });
      await adminLog(call, { section: 'LISTS', type: 'MODIFY', recordId: listIdText, code: 'ADMIN API UPDATE LIST', description: `changed ${Object.keys(changes).join(' ')}`, notes: '' });
      lines.push(t4('SUCCESS', 'update_list LIST HAS BEEN UPDATED', [rights.user, listIdText]));
    }
    if (isYes(p.reset_list)) {
      const limit = Number(list.daily_reset_limit);
      const today = Number(list.resets_today);
      if (limit > today || limit < 0) {
        await store.campaigns.updateList(listId, { resets_today: today + 1, list_changedate: sqlDateTime(unit.now) });
        const reset = await store.leadAdmin.resetList(listId, unit.now);
        await adminLog(call, { section: 'LISTS', type: 'RESET', recordId: listIdText, code: 'ADMIN API RESET LIST', description: 'called_since_last_reset=N for every lead', notes: '' });
        lines.push(t4('NOTICE', 'update_list LEADS IN LIST HAVE BEEN RESET', [rights.user, listIdText, reset]));
      } else {
        await adminLog(call, { section: 'LISTS', type: 'RESET', recordId: listIdText, code: 'ADMIN API RESET LIST FAILED', description: 'daily reset limit reached', notes: '' });
        lines.push(t4('NOTICE', `update_list LIST RESET FAILED, daily reset limit reached: ${today} / ${limit}`, [rights.user, listIdText]));
      }
    }
    if (isYes(p.delete_list)) {
      if (!DELETE_LISTS.holds(call.rights)) return { lines: [...lines, t1('NOTICE', 'update_list USER DOES NOT HAVE PERMISSION TO DELETE LISTS', [rights.user, '0'])] };
      const rows = await store.campaigns.deleteList(listId);
      await adminLog(call, { section: 'LISTS', type: 'DELETE', recordId: listIdText, code: 'ADMIN API DELETE LIST', description: 'list deleted', notes: '' });
      lines.push(t4('NOTICE', 'update_list LIST HAS BEEN DELETED', [rights.user, listIdText, rows]));
    }
    if (isYes(p.delete_leads)) {
      if (!DELETE_LISTS.holds(call.rights) || !MODIFY_LEADS.holds(call.rights))
        return { lines: [...lines, t1('NOTICE', 'update_list USER DOES NOT HAVE PERMISSION TO DELETE LEADS', [rights.user, '0'])] };
      const rows = await store.leadAdmin.deleteByList(listId);
      await adminLog(call, { section: 'LISTS', type: 'DELETE', recordId: listIdText, code: 'ADMIN API DELETE LEADS', description: 'every lead of the list deleted', notes: '' });
      lines.push(t4('NOTICE', 'update_list LEADS IN LIST HAVE BEEN DELETED', [rights.user, listIdText, rows]));
    }
    return { lines };
  },
};
