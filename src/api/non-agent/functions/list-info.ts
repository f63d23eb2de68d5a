/** list_info (spec §7.24): one list's summary, lead counts and dialable count. */
import { dialableNow } from '../../../domain/call-time.js';
import { parseSet } from '../../../domain/vicidial-sets.js';
import { flag, integer, params, text } from '../../parameters.js';
import { report, t1, t4 } from '../messages.js';
import type { NonAgentCall, NonAgentFunction } from '../non-agent-function.js';
import { delimiter, REPORT_PARAMS, table, wantsHeader } from '../report-format.js';
import { digitsOnly } from './lead-params.js';
import { LIST_RIGHTS } from './list-settings.js';
import { allowsCampaign } from '../scope.js';

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
  params: params({
    list_id: integer('The list, 2 to 14 digits.', { max: 99_999_999_999_999 }),
    leads_counts: flag('Y: add the number of leads and of NEW leads.').optional(),
    dialable_count: flag('Y: add the number of leads that may be dialed now.').optional(),
    list_name: text('Echoed in the "required fields" line, as VICIdial does.', 30).optional(),
    campaign_id: text('Echoed in the "required fields" line, as VICIdial does.', 8).optional(),
    ...REPORT_PARAMS,
  }),
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
