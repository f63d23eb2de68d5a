/**
 * What add_lead and update_lead do after a lead exists: alternate phones,
 * the hopper, scheduled callbacks (spec §4.6, §4.9, §4.10).
 */
import { dialableNow } from '../../../domain/call-time.js';
import { isSqlDateTime, sqlDateTime } from '../../../domain/clock.js';
import type { Line } from '../../legacy/lines.js';
import { flag, integer, text } from '../../parameters.js';
import { t4 } from '../messages.js';
import type { NonAgentCall } from '../non-agent-function.js';
import { phpNumber } from '../report-format.js';
import { allowsCampaign, allowsUserGroup } from '../scope.js';
import { hopperPriority, isYes } from './lead-params.js';

/** The parameters of these steps (campaign_id aside: each function says what else it picks). */
export const LEAD_EXTRA_PARAMS = {
  multi_alt_phones: text('More phone numbers for the lead: number_code_note entries separated by !.', 2000).optional(),
  hopper_local_call_time_check: flag('Y: add the lead to the hopper only when it may be called now.').optional(),
  hopper_priority: integer("The lead's priority in the hopper, -99 to 99 (0).", { min: -99, max: 99 }).optional(),
  callback_datetime: text('When to call back: YYYY-MM-DD HH:MM:SS, NOW, or a number of days such as 3DAYS.', 19).optional(),
  callback_type: text('USERONLY for a callback to callback_user only; ANYONE (the default) for any agent.', 8).optional(),
  callback_user: text('The agent a USERONLY callback is for.', 20).optional(),
  callback_status: text('The status the lead takes when the callback is due (CALLBK).', 6).optional(),
  callback_comments: text('Comments for the callback.', 255).optional(),
};

/** multi_alt_phones: `number_code_note!number_code_note…`, recorded when longer than 5 characters. */
export async function addAltPhones(call: NonAgentCall, fn: string, leadId: number): Promise<Line[]> {
  const value = call.p.multi_alt_phones ?? '';
  if (value.length <= 5) return [];
  const phones = value.split('!').map((record) => {
    const [phoneNumber = '', phoneCode, note = ''] = record.split('_');
    return { phoneNumber, phoneCode: phoneCode || '1', note };
  });
  const n = await call.unit.store.leadAdmin.insertAltPhones(leadId, phones);
  return [t4('NOTICE', `${fn} MULTI-ALT-PHONE NUMBERS LOADED`, [n, leadId, call.rights.user])];
}

/** Is the lead dialable now under its list's (or campaign's) local call time? 1 or 0, as VICIdial prints it. */
export async function dialableFlag(call: NonAgentCall, listId: number, gmt: number, state: string): Promise<number> {
  const store = call.unit.store;
  const list = await store.campaigns.findList(listId);
  const listCallTime = await store.campaigns.listCallTime(listId);
  const campaign = list ? await store.campaigns.campaignCallTime(list.campaignId) : undefined;
  const id = listCallTime && listCallTime.toLowerCase() !== 'campaign' ? listCallTime : (campaign ?? '');
  const base = await store.timeZones.callTime(id);
  if (!base) return 0;
  const stateRule = await store.timeZones.stateCallTime(base.stateCallTimeIds, state);
  return dialableNow(stateRule ?? base, gmt, call.unit.now) ? 1 : 0;
}

/** add_to_hopper for a lead (spec §4.6). */
export async function addToHopper(
  call: NonAgentCall,
  fn: string,
  lead: { leadId: number; listId: number; phone: string; gmt: number; state: string; vendorLeadCode: string },
): Promise<Line> {
  const { p, unit, rights } = call;
  if (isYes(p.hopper_local_call_time_check)) {
    const dialable = await dialableFlag(call, lead.listId, lead.gmt, lead.state);
    if (!dialable) return t4('NOTICE', `${fn} NOT ADDED TO HOPPER, OUTSIDE OF LOCAL TIME`, [lead.phone, lead.leadId, phpNumber(lead.gmt), dialable, rights.user]);
  }
  const list = await unit.store.campaigns.findList(lead.listId);
  const hopperId = await unit.store.leadAdmin.addToHopper({
    leadId: lead.leadId,
    campaignId: list?.campaignId ?? '',
    listId: lead.listId,
    gmtOffset: lead.gmt,
    state: lead.state,
    priority: hopperPriority(p.hopper_priority),
    vendorLeadCode: lead.vendorLeadCode,
  });
  return t4('NOTICE', `${fn} ADDED TO HOPPER`, [lead.phone, lead.leadId, hopperId, rights.user]);
}

/** callback_datetime: NOW, nDAYS, or a date and time given as is; undefined when it names no moment. */
export function callbackTime(value: string, now: Date): string | undefined {
  if (value === 'NOW') return sqlDateTime(now);
  if (/\dDAYS$/i.test(value)) return sqlDateTime(new Date(now.getTime() + Number(value.replace(/\D/g, '')) * 86_400_000));
  const spaced = value.replace('+', ' ');
  return isSqlDateTime(spaced) ? spaced : undefined;
}

/**
 * The campaign and user a callback would go to, when the request names them:
 * each must exist and be in the API user's scope — a campaign its group
 * allows, a user of a group it may see (agentgate: VICIdial books callbacks
 * into any campaign, for any user). A NOTICE when not; the lead stays.
 */
export async function callbackTargetProblem(call: NonAgentCall, fn: string, leadId: number, creating = false): Promise<Line | undefined> {
  const { p, unit } = call;
  const campaignId = p.campaign_id ?? '';
  const added = creating ? 'ADDED' : 'UPDATED';
  if ((creating || campaignId) && (!campaignId || !(await unit.store.campaigns.exists(campaignId)) || !(await allowsCampaign(call, campaignId))))
    return t4('NOTICE', `${fn} SCHEDULED CALLBACK NOT ${added}, CAMPAIGN NOT VALID`, [leadId, campaignId]);
  const cbUser = p.callback_user ?? '';
  if (creating ? p.callback_type === 'USERONLY' : !!cbUser) {
    const agent = cbUser ? await unit.store.users.find(cbUser) : undefined;
    if (!agent || !(await allowsUserGroup(call, agent.group)))
      return t4('NOTICE', `${fn} SCHEDULED CALLBACK NOT ${added}, USER NOT VALID`, [leadId, campaignId, cbUser, p.callback_type ?? '']);
  }
  return undefined;
}

/** A new scheduled callback for a lead (spec §4.9). */
export async function createCallback(call: NonAgentCall, fn: string, leadId: number, listId: number, leadStatus?: string): Promise<Line> {
  const { p, unit } = call;
  const campaignId = p.campaign_id ?? '';
  const datetime = p.callback_datetime ?? '';
  const invalid = await callbackTargetProblem(call, fn, leadId, true);
  if (invalid) return invalid;
  const type = p.callback_type === 'USERONLY' ? 'USERONLY' : 'ANYONE';
  const cbUser = p.callback_user ?? '';
  const userGroup = type === 'USERONLY' ? ((await unit.store.users.find(cbUser))?.group ?? '') : '';
  const when = callbackTime(datetime, unit.now);
  // agentgate: a time that is not a moment is refused instead of stored as 0000-00-00.
  if (!when) return t4('NOTICE', `${fn} SCHEDULED CALLBACK NOT ADDED, CALLBACK DATETIME NOT VALID`, [leadId, campaignId, datetime]);
  const status = p.callback_status || 'CALLBK';
  await unit.store.leads.insertCallback({
    leadId,
    listId,
    campaignId,
    callbackTime: when,
    user: type === 'USERONLY' ? cbUser : '',
    userGroup,
    recipient: type,
    comments: p.callback_comments ?? '',
    leadStatus: leadStatus ?? status,
    now: unit.now,
  });
  return t4('NOTICE', `${fn} SCHEDULED CALLBACK ADDED`, [leadId, campaignId, datetime, p.callback_type ?? '', cbUser, status]);
}
