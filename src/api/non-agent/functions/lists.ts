/** list_info, add_list and update_list (spec §7.24–7.26). */
import { dialableNow } from '../../../domain/call-time.js';
import { sqlDateTime } from '../../../domain/clock.js';
import { campaignScope, parseSet, scopeAllows } from '../../../domain/vicidial-sets.js';
import { isRealDate } from '../../../leads/lead-values.js';
import type { Line } from '../../legacy/lines.js';
import { report, t1, t4 } from '../messages.js';
import type { NonAgentCall, NonAgentFunction, NonAgentReply } from '../non-agent-function.js';
import { DELETE_LISTS, levelAbove, MODIFY_LEADS, MODIFY_LISTS, VDC } from '../permissions.js';
import { delimiter, table, wantsHeader } from '../report-format.js';
import { adminLog } from './admin-log.js';
import { blank, digitsOnly, isYes } from './lead-params.js';

const LIST_RIGHTS = [VDC, MODIFY_LISTS, levelAbove(7)];
const TZ_METHODS = ['COUNTRY_AND_AREA_CODE', 'POSTAL_CODE', 'NANPA_PREFIX', 'OWNER_TIME_ZONE_CODE'];
const XFER = [
  ['xferconf_one', 'xferconf_a_number', 'ONE'],
  ['xferconf_two', 'xferconf_b_number', 'TWO'],
  ['xferconf_three', 'xferconf_c_number', 'THREE'],
  ['xferconf_four', 'xferconf_d_number', 'FOUR'],
  ['xferconf_five', 'xferconf_e_number', 'FIVE'],
] as const;

async function allowsCampaign(call: NonAgentCall, campaignId: string): Promise<boolean> {
  return scopeAllows(campaignScope((await call.group())?.allowedCampaigns ?? ''), campaignId);
}

/** Web form addresses arrive URL-encoded when they hold "://" (spec §7.25 step 8). */
function webForm(value: string): string {
  if (value === '--BLANK--') return '';
  if (!value.includes('%3A%2F%2F')) return value;
  try {
    return decodeURIComponent(value).replaceAll(' ', '+');
  } catch {
    return value;
  }
}

/** The leads of a list that could be dialled now (simplified dialable_count: no holidays or lead filters). */
async function dialableCount(call: NonAgentCall, listId: number, campaignId: string, localCallTime: string): Promise<number> {
  const store = call.unit.store;
  const [campaign] = await store.campaigns.campaignRows({ ids: [campaignId] });
  if (!campaign) return 0;
  const statuses = parseSet(campaign.dial_statuses);
  if (statuses.length === 0) return 0;
  const callTimeId = localCallTime && localCallTime.toLowerCase() !== 'campaign' ? localCallTime : campaign.local_call_time;
  const base = await store.timeZones.callTime(callTimeId);
  if (!base) return 0;
  let n = 0;
  for (const group of await store.leadAdmin.dialableCandidates(listId, statuses)) {
    const rule = (await store.timeZones.stateCallTime(base.stateCallTimeIds, group.state)) ?? base;
    if (dialableNow(rule, group.gmtOffset, call.unit.now)) n += group.n;
  }
  return n;
}

export const listInfo: NonAgentFunction = {
  name: 'list_info',
  prelude: 'standard',
  requires: LIST_RIGHTS,
  denied: (user) => t1('ERROR', 'list_info USER DOES NOT HAVE PERMISSION TO MODIFY LISTS', [user, '0']),
  async run(call) {
    const { p, unit, rights } = call;
    const listIdText = p.list_id ?? '';
    if (listIdText.length < 2 || listIdText.length > 14)
      return { lines: [t1('ERROR', 'list_info YOU MUST USE ALL REQUIRED FIELDS', [rights.user, listIdText, p.list_name ?? '', p.campaign_id ?? ''])] };
    const listId = Number(digitsOnly(listIdText));
    if (!(await call.listScope.allowsList(unit.store, listId))) return { lines: [t4('ERROR', 'list_info NOT AN ALLOWED LIST ID', [listIdText])] };
    const list = await unit.store.campaigns.listRow(listId);
    if (!list || String(list.list_id) !== listIdText || !(await allowsCampaign(call, list.campaign_id ?? '')))
      return { lines: [t1('ERROR', 'list_info LIST DOES NOT EXIST', [rights.user, listIdText])] };
    const counts = p.leads_counts === 'Y';
    const dialable = p.dialable_count === 'Y';
    const header = [
      'list_id', 'list_name', 'campaign_id', 'active', 'list_changedate', 'list_lastcalldate', 'expiration_date', 'resets_today',
      ...(counts ? ['all_leads_count', 'new_leads_count'] : []),
      ...(dialable ? ['dialable_count'] : []),
    ];
    const row: (string | number)[] = [
      list.list_id, list.list_name ?? '', list.campaign_id ?? '', list.active ?? '', list.list_changedate ?? '', list.list_lastcalldate ?? '',
      list.expiration_date, list.resets_today,
    ];
    if (counts) row.push(await unit.store.leadAdmin.countByList(listId), await unit.store.leadAdmin.countByList(listId, 'NEW'));
    // VICIdial always ends the row with the dialable-count field, empty when not asked for.
    row.push(dialable ? await dialableCount(call, listId, list.campaign_id ?? '', list.local_call_time) : '');
    return { lines: [report('list_info', table(wantsHeader(p.header) ? header : undefined, [row], delimiter(p.stage)))] };
  },
};

/** The optional list settings add_list and update_list share, checked in VICIdial's order. */
async function listSettings(call: NonAgentCall, fn: string, forUpdate: boolean): Promise<{ changes: Record<string, string>; error?: Line }> {
  const { p, unit, rights } = call;
  const store = unit.store;
  const err = (reason: string, value: string) => ({ changes: {}, error: t1('ERROR', `${fn} ${reason}, THIS IS AN OPTIONAL FIELD`, [rights.user, value]) });
  const changes: Record<string, string> = {};
  if (p.script) {
    if (forUpdate && p.script === '--BLANK--') changes.agent_script_override = '';
    else if (!(await store.campaigns.scriptExists(p.script))) return err('SCRIPT DOES NOT EXIST', p.script);
    else changes.agent_script_override = p.script;
  }
  if (p.drop_inbound_group) {
    if (forUpdate && p.drop_inbound_group === '--BLANK--') changes.drop_inbound_group_override = '';
    else if (!(await store.campaigns.findInboundGroup(p.drop_inbound_group))) return err('IN-GROUP DOES NOT EXIST', p.drop_inbound_group);
    else changes.drop_inbound_group_override = p.drop_inbound_group;
  }
  if (forUpdate && p.list_name !== undefined && p.list_name !== '') {
    if (p.list_name.length < 6 || p.list_name.length > 30) return err('LIST NAME MUST BE FROM 6 TO 30 CHARACTERS', p.list_name);
    changes.list_name = p.list_name;
  }
  if (forUpdate && p.active) {
    if (p.active !== 'Y' && p.active !== 'N') return err('ACTIVE MUST BE Y OR N', p.active);
    changes.active = p.active;
  }
  if (p.outbound_cid) {
    if (forUpdate && (p.outbound_cid.length < 6 || p.outbound_cid.length > 18)) return err('OUTBOUND CID MUST BE FROM 6 TO 18 DIGITS', p.outbound_cid);
    changes.campaign_cid_override = p.outbound_cid;
  }
  if (p.am_message) {
    if (p.am_message.length > 100) return err('ANSWERING MACHINE MESSAGE MUST LESS THAN 101 DIGITS', p.am_message);
    changes.am_message_exten_override = p.am_message;
  }
  if (p.reset_time) {
    if (forUpdate ? p.reset_time.length < 4 : p.reset_time.length < 4) return err('RESET TIME IS NOT VALID', p.reset_time);
    changes.reset_time = p.reset_time;
  }
  if ((p.expiration_date ?? '').length > 9) {
    // agentgate: a date that is not a date is refused (VICIdial stores 0000-00-00), and reset_time is kept.
    if (!isRealDate(p.expiration_date!)) return err('EXPIRATION DATE IS NOT VALID', p.expiration_date!);
    changes.expiration_date = p.expiration_date!;
  } else if (!forUpdate) changes.expiration_date = '2099-12-31';
  for (const name of ['web_form_address', 'web_form_address_two', 'web_form_address_three'] as const)
    if (p[name]) changes[name] = webForm(p[name]);
  if (p.list_description) changes.list_description = blank(p.list_description);
  if (p.tz_method) {
    if (!TZ_METHODS.includes(p.tz_method)) return err('TIME ZONE METHOD IS NOT VALID', p.tz_method);
    changes.time_zone_setting = p.tz_method;
  }
  if (p.local_call_time) {
    if (p.local_call_time !== 'campaign' && !(await store.campaigns.callTimeExists(p.local_call_time))) return err('LOCAL CALL TIME DOES NOT EXIST', p.local_call_time);
    changes.local_call_time = p.local_call_time;
  }
  for (const [param, column, word] of XFER) {
    const value = p[param];
    if (!value) continue;
    if (value.length > 50) return err(`TRANSFER CONF OVERRIDE ${word} IS NOT VALID`, value);
    changes[column] = blank(value);
  }
  return { changes };
}

export const addList: NonAgentFunction = {
  name: 'add_list',
  prelude: 'standard',
  requires: LIST_RIGHTS,
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

export const updateList: NonAgentFunction = {
  name: 'update_list',
  prelude: 'standard',
  requires: LIST_RIGHTS,
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
        const reset = await store.leadAdmin.resetList(listId);
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
