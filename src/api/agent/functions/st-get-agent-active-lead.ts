/** st_get_agent_active_lead (agent-api.md §8.15): the lead on the screen of the agent with this CRM id. */
import { error, reply, success } from '../../legacy/lines.js';
import { params, text } from '../../parameters.js';
import type { AgentFunction } from '../agent-function.js';
import { agentScopeLine, leadScopeRefusal, notValid } from './shared.js';

export const stGetAgentActiveLead: AgentFunction = {
  name: 'st_get_agent_active_lead',
  target: 'none',
  deniedLayout: 'value',
  params: params({
    value: text("The agent's CRM id (its custom_three).", 100),
    vendor_id: text('The CRM team id (required, not used).', 100),
  }),
  gates: ['two_accounts', 'agent_logged_in', 'agent_scope', 'lead_scope'],
  validate(p) {
    if (!p.value || !p.vendor_id) return notValid('st_get_agent_active_lead', [p.value ?? '', p.vendor_id ?? '']);
    return undefined;
  },
  async run(call) {
    const { unit, apiUser } = call;
    const value = call.p.value ?? '';
    const matches = await unit.store.users.findByCustomThree(value);
    if (matches.length === 0) return reply(error('no user found', [value]));
    if (matches.length > 1) return reply(error('value matches more than one user', [value]));
    const user = matches[0]!;
    const audited = { auditAgentUser: user };
    // The agent found here is a target like any other: two accounts, and team scope.
    if (user === apiUser.user) {
      call.trace.fail('two_accounts', `CRM id ${value} is ${user}, the API user itself`, 'send commands from a separate API user account');
      return { lines: [error('API user and agent_user must be different accounts', [apiUser.user, user])], ...audited };
    }
    call.trace.pass('two_accounts', `CRM id ${value} is ${user}, another account`);
    const agent = await unit.store.liveAgents.find(user);
    if (!agent) {
      call.trace.fail('agent_logged_in', `${user} has no live agent session`, `log ${user} in to a campaign`, 'vicidial_live_agents.user');
      return { lines: [error('user not logged in', [user])], ...audited };
    }
    if (!call.scope.allowsCampaign(agent.campaignId)) {
      call.trace.fail(
        'agent_scope',
        `${user} is logged into ${agent.campaignId}, which is not in ${apiUser.group}'s allowed campaigns (API List Restrict is on)`,
        `add ${agent.campaignId} to ${apiUser.group}'s allowed campaigns, or turn off API List Restrict for ${apiUser.user}`,
        `vicidial_user_groups.allowed_campaigns (${apiUser.group})`,
      );
      return { lines: [agentScopeLine(user, apiUser.user)], ...audited };
    }
    call.trace.pass('agent_scope', call.scope.restricted ? `API List Restrict: ${call.scope.describe()}` : 'API List Restrict is off');
    const lead = agent.leadId > 0 ? await unit.store.leads.find(agent.leadId) : undefined;
    if (!lead) return { lines: [error('no active lead found', [user])], ...audited };
    const scoped = await leadScopeRefusal({ ...call, agentUser: user }, lead);
    if (scoped) return { lines: [scoped], ...audited };
    return {
      lines: [
        success('st_get_agent_active_lead lead found', [
          user,
          lead.phoneNumber,
          lead.leadId,
          lead.vendorLeadCode,
          lead.province,
          lead.securityPhrase,
          lead.sourceId,
        ]),
      ],
      ...audited,
    };
  },
};
