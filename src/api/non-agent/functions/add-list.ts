/** add_list (spec §7.25): create a list in a campaign the API user's group allows. */
import { sqlDateTime } from '../../../domain/clock.js';
import { flag, integer, params, text } from '../../parameters.js';
import { t1, t4 } from '../messages.js';
import type { NonAgentFunction } from '../non-agent-function.js';
import { adminLog } from './admin-log.js';
import { digitsOnly } from './lead-params.js';
import { LIST_RIGHTS, LIST_SETTINGS_PARAMS, listSettings } from './list-settings.js';
import { allowsCampaign } from '../scope.js';

export const addList: NonAgentFunction = {
  name: 'add_list',
  prelude: 'standard',
  requires: LIST_RIGHTS,
  params: params({
    list_id: integer('The new list\'s id, 2 to 14 digits.', { max: 99_999_999_999_999 }),
    list_name: text('The list\'s name, 2 to 30 characters.', 30),
    campaign_id: text('The campaign the list belongs to.', 8),
    active: flag('Y: the list is active (N by default).').optional(),
    custom_fields_copy: text('A list to copy custom fields from (agentgate has none: refused).', 14).optional(),
    ...LIST_SETTINGS_PARAMS,
  }),
  denied: (user) => t1('ERROR', 'add_list USER DOES NOT HAVE PERMISSION TO ADD LISTS', [user, '0']),
  async run(call) {
    const { p, unit, rights } = call;
    const store = unit.store;
    const listIdText = digitsOnly(p.list_id);
    const name = p.list_name ?? '';
    const campaignId = p.campaign_id ?? '';
    if (listIdText.length < 2 || listIdText.length > 14 || name.length < 2 || name.length > 30 || campaignId.length < 1 || campaignId.length > 8)
      return { lines: [t1('ERROR', 'add_list YOU MUST USE ALL REQUIRED FIELDS', [rights.user, listIdText, name, campaignId])] };
    if (!(await store.campaigns.exists(campaignId)) || !(await allowsCampaign(call, campaignId)))
      return { lines: [t1('ERROR', 'add_list CAMPAIGN DOES NOT EXIST', [rights.user, campaignId])] };
    const listId = Number(listIdText);
    if (await store.campaigns.findList(listId)) return { lines: [t1('ERROR', 'add_list LIST ALREADY EXISTS', [rights.user, listIdText])] };
    if (p.reset_time && p.reset_time.length < 4) return { lines: [t1('ERROR', 'add_list RESET TIME IS NOT VALID, THIS IS AN OPTIONAL FIELD', [rights.user, p.reset_time])] };
    if (p.custom_fields_copy && p.custom_fields_copy.length >= 2)
      return { lines: [t1('ERROR', 'add_list CUSTOM FIELDS LIST ID TO COPY FROM DOES NOT EXIST, THIS IS AN OPTIONAL FIELD', [rights.user, listIdText, p.custom_fields_copy, '0'])] };
    const settings = await listSettings(call, 'add_list', false);
    if (settings.error) return { lines: [settings.error] };
    await store.campaigns.insertList({
      list_id: listId,
      list_name: name,
      campaign_id: campaignId,
      active: p.active === 'Y' ? 'Y' : 'N',
      list_changedate: sqlDateTime(unit.now),
      ...settings.changes,
    } as never);
    await adminLog(call, { section: 'LISTS', type: 'ADD', recordId: listIdText, code: 'ADMIN API ADD LIST', description: `list ${listIdText} added to ${campaignId}`, notes: `list: ${listIdText}|${campaignId}||` });
    return { lines: [t4('SUCCESS', 'add_list LIST HAS BEEN ADDED', [rights.user, listIdText, name, campaignId])] };
  },
};
