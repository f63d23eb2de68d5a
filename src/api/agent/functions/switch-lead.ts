/** switch_lead (agent-api.md §8.20): load another lead for the agent's live inbound call. */
import { customLine, error, reply, success } from '../../legacy/lines.js';
import { integer, LEAD_ID_MAX, params, text } from '../../parameters.js';
import type { AgentFunction } from '../agent-function.js';
import { hasTarget, leadScopeRefusal, notValid } from './shared.js';

export const switchLead: AgentFunction = {
  name: 'switch_lead',
  target: 'agent-or-alt',
  deniedLayout: 'lead_id',
  params: params({
    lead_id: integer('The lead to load for the inbound call (or send vendor_lead_code).', { max: LEAD_ID_MAX }).optional(),
    vendor_lead_code: text('The vendor lead code of the lead to load: the newest such lead; it wins over lead_id.', 20).optional(),
  }),
  gates: ['lead_scope'],
  validate(p) {
    const leadId = Number(p.lead_id ?? '0');
    if ((!(leadId > 0) && !p.vendor_lead_code) || !hasTarget(p, 1, 2))
      return notValid('switch_lead', [p.lead_id ?? '', p.vendor_lead_code ?? '', p.agent_user ?? '']);
    return undefined;
  },
  async run(call) {
    const { p, unit, agent, agentUser } = call;
    const callerId = agent.call?.callerId ?? '';
    if (agent.leadId < 1 || callerId.length <= 15) return reply(error('agent_user does not have a live call', [agentUser]));
    if (!callerId.startsWith('Y'))
      return reply(
        customLine('ERROR', 'agent call is not inbound', `ERROR: agent call is not inbound - ${agentUser}|${callerId}`),
      );
    const campaign = await unit.store.campaigns.find(agent.campaignId);
    if (!campaign) return reply(error('campaign not found', [agentUser, agent.campaignId]));
    if (campaign.agentLeadSearch !== 'LIVE_CALL_INBOUND' && campaign.agentLeadSearch !== 'LIVE_CALL_INBOUND_AND_MANUAL')
      return reply(error('campaign does not allow inbound lead search', [agentUser, campaign.id]));

    // As in api.php, a vendor_lead_code wins over lead_id.
    const vendorCode = p.vendor_lead_code ?? '';
    const lead = vendorCode
      ? await unit.store.leads.findNewestByVendorCode(vendorCode)
      : await unit.store.leads.find(Number(p.lead_id ?? '0'));
    if (!lead) return reply(error('switch-to lead not found', [agentUser, p.lead_id ?? '', vendorCode]));
    const scoped = await leadScopeRefusal(call, lead);
    if (scoped) return reply(scoped);

    const oldLeadId = agent.leadId;
    await call.commands.switchLead(unit, agent, lead);
    return reply(success('switch_lead function set', [agentUser, lead.leadId, lead.vendorLeadCode, campaign.id, `${oldLeadId}|`]));
  },
};
