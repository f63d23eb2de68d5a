/** agent_campaigns (spec §7.10): the campaigns and in-groups an agent may take, by the agent's own group. */
import { campaignScope, parseSet, scopeAllows } from '../../../domain/vicidial-sets.js';
import { flag, params, text } from '../../parameters.js';
import { report, t1, t3 } from '../messages.js';
import type { NonAgentFunction } from '../non-agent-function.js';
import { levelAbove, MODIFY_USERS, VDC, VIEW_REPORTS } from '../permissions.js';
import { delimiter, REPORT_PARAMS, table, wantsHeader } from '../report-format.js';
import { groupScopeAllows, scopesOf } from '../scope.js';

export const agentCampaigns: NonAgentFunction = {
  name: 'agent_campaigns',
  prelude: 'standard',
  requires: [VDC, VIEW_REPORTS, levelAbove(7), MODIFY_USERS],
  params: params({
    agent_user: text('The agent whose campaigns and in-groups to list.', 20),
    campaign_id: text('Only this campaign.', 8).optional(),
    ignore_agentdirect: flag('Y: leave out the AGENTDIRECT in-groups.').optional(),
    ...REPORT_PARAMS,
  }),
  denied: (user) => t1('ERROR', 'agent_campaigns USER DOES NOT HAVE PERMISSION TO GET AGENT INFO', [user, '0', '']),
  async run(call) {
    const { p, unit, rights } = call;
    const store = unit.store;
    const agentUser = p.agent_user ?? '';
    const { groups } = await scopesOf(call);
    const agent = agentUser ? await store.userAdmin.summary(agentUser) : undefined;
    if (!agent || !groupScopeAllows(groups, agent.group)) return { lines: [t1('ERROR', 'agent_campaigns AGENT USER DOES NOT EXIST', [rights.user, agentUser])] };
    const agentScope = campaignScope((await store.users.findGroup(agent.group))?.allowedCampaigns ?? '');
    const campaigns = (await store.campaigns.campaignRows({ activeOnly: true, ...(p.campaign_id ? { campaignId: p.campaign_id } : {}) })).filter((c) =>
      scopeAllows(agentScope, c.campaign_id),
    );
    if (campaigns.length === 0) return { lines: [t3('ERROR', 'agent_campaigns THIS AGENT USER HAS NO AVAILABLE CAMPAIGNS', [agentUser, rights.user, ''])] };
    const closers = new Set(campaigns.flatMap((c) => parseSet(c.closer_campaigns)));
    const ingroups = (await store.campaigns.inboundGroupRows({ activeOnly: true }))
      .filter((g) => closers.has(g.group_id))
      .filter((g) => !(p.ignore_agentdirect === 'Y' && g.group_id.startsWith('AGENTDIRECT')));
    const header = ['user', 'allowed_campaigns_list', 'allowed_ingroups_list'];
    const row = [agentUser, campaigns.map((c) => c.campaign_id).join('-'), ingroups.map((g) => g.group_id).join('-')];
    return { lines: [report('agent_campaigns', table(wantsHeader(p.header) ? header : undefined, [row], delimiter(p.stage)))] };
  },
};
