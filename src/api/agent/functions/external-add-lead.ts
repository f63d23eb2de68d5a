/**
 * external_add_lead (agent-api.md §8.9): add a lead to the manual-dial list
 * of the agent's campaign, after the optional DNC checks. The agent's screen
 * is not touched.
 */
import { LEAD_FIELDS, type LeadFields } from '../../../domain/lead.js';
import { error, success, type Line, type Reply } from '../../legacy/lines.js';
import { flag, params, text } from '../../parameters.js';
import { leadFieldParams } from '../../lead-field-params.js';
import type { AgentFunction } from '../agent-function.js';
import { hasTarget, listScopeRefusal, notValid } from './shared.js';

/** Request parameters copied into the new lead (gmt_offset_now is documented but not stored). */
const COPIED = LEAD_FIELDS.filter((f) => f !== 'gmt_offset_now' && f !== 'phone_number' && f !== 'phone_code');
const yes = (v: string | undefined) => v === 'YES' || v === 'Y';

function phoneOf(p: Readonly<Record<string, string>>): string {
  const value = p.value ?? '';
  const phoneNumber = p.phone_number ?? '';
  return !value && phoneNumber.length >= 2 ? phoneNumber : value;
}

export const externalAddLead: AgentFunction = {
  name: 'external_add_lead',
  target: 'agent-or-alt',
  deniedLayout: 'value',
  params: params({
    value: text('The phone number of the new lead (or send phone_number).', 18).optional(),
    phone_number: text('The phone number of the new lead, when value is empty.', 18).optional(),
    phone_code: text('The country calling code of the number (1 for North America).', 10),
    dnc_check: flag('YES or Y: refuse a number on the system DNC list.', ['YES', 'Y', 'NO', 'N']).optional(),
    campaign_dnc_check: flag("YES or Y: refuse a number on the campaign's DNC list.", ['YES', 'Y', 'NO', 'N']).optional(),
    vendor_id: text("The lead's vendor lead code (wins over vendor_lead_code).", 20).optional(),
    ...leadFieldParams(COPIED),
  }),
  gates: ['list_scope'],
  effectiveValue: phoneOf,
  validate(p) {
    const phone = phoneOf(p);
    if ((p.phone_code ?? '').length < 1 || phone.length < 2 || !hasTarget(p, 2, 2))
      return notValid('external_add_lead', [phone, p.phone_code ?? '', p.agent_user ?? '', p.alt_user ?? '']);
    return undefined;
  },
  async run(call) {
    const { p, unit, agent, agentUser } = call;
    const phone = phoneOf(p);
    // api.php replaces <value> by phone_number, so vicidial_api_log.value is the phone (permissions.md §9.1).
    const reply = (...lines: Line[]): Reply => ({ lines, auditValue: phone });
    const campaign = await unit.store.campaigns.find(agent.campaignId);
    if (!campaign) return reply(error('campaign manual dial list undefined', [phone, '', agentUser]));
    const listId = campaign.manualDialListId;

    // Both hits are reported; the log's data is that of the last line (phone, or phone|campaign).
    const hits: Line[] = [];
    let hitData = '';
    if (yes(p.dnc_check) && (await unit.store.leads.inSystemDnc(phone))) {
      hits.push(error('add_lead PHONE NUMBER IN DNC', [phone, agentUser]));
      hitData = phone;
    }
    const dncCampaign = campaign.useOtherCampaignDnc || campaign.id;
    if (yes(p.campaign_dnc_check) && (await unit.store.leads.inCampaignDnc(phone, dncCampaign))) {
      hits.push(error('add_lead PHONE NUMBER IN CAMPAIGN DNC', [phone, campaign.id, agentUser]));
      hitData = `${phone}|${campaign.id}`;
    }
    if (hits.length > 0) return { ...reply(...hits), auditData: hitData };

    const scoped = await listScopeRefusal(call, listId, phone);
    if (scoped) return reply(scoped);

    const fields: LeadFields & { phone_number: string } = { phone_number: phone, phone_code: p.phone_code ?? '' };
    for (const name of COPIED) if (p[name] !== undefined) fields[name] = p[name];
    if (p.vendor_id) fields.vendor_lead_code = p.vendor_id;

    const leadId = await unit.store.leads.insert({ listId, status: 'NEW', user: call.apiUser.user, now: unit.now, fields });
    return {
      ...reply(success('lead added', [phone, campaign.id, listId, leadId, agentUser])),
      auditData: `${phone}|${listId}|${leadId}`,
    };
  },
};
