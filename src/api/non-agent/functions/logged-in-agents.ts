/** logged_in_agents (spec §7.3): every logged-in agent the API user may see. */
import { flag, params, text, TEXT_WIDTH } from '../../parameters.js';
import { report, t1, t3 } from '../messages.js';
import type { NonAgentFunction } from '../non-agent-function.js';
import { levelAbove, VDC, VIEW_REPORTS } from '../permissions.js';
import { delimiter, REPORT_PARAMS, table, wantsHeader } from '../report-format.js';
import { campaignList, groupScopeAllows, scopesOf } from '../scope.js';
import { liveDetails } from './agent-status.js';

const pipeList = (v: string | undefined) => (v ?? '').split('|').filter(Boolean);

export const loggedInAgents: NonAgentFunction = {
  name: 'logged_in_agents',
  prelude: 'standard',
  requires: [VDC, VIEW_REPORTS, levelAbove(6)],
  params: params({
    campaigns: text('Only agents logged into these campaigns, separated by |.', TEXT_WIDTH).optional(),
    user_groups: text('Only agents of these user groups, separated by |.', TEXT_WIDTH).optional(),
    show_sub_status: flag('YES: add each agent\'s pause code and sub-status.', ['YES', 'NO']).optional(),
    agent_user: text('Echoed in the "no logged in agents" line, as VICIdial does.', 20).optional(),
    ...REPORT_PARAMS,
  }),
  denied: (user) => t1('ERROR', 'logged_in_agents USER DOES NOT HAVE PERMISSION TO GET AGENT INFO', [user, '0', '']),
  async run(call) {
    const { p, unit, rights } = call;
    const store = unit.store;
    const scopes = await scopesOf(call);
    const allowed = campaignList(scopes.campaigns);
    const requested = pipeList(p.campaigns);
    const campaigns = requested.length > 0 ? requested.filter((c) => !allowed || allowed.includes(c)) : allowed;
    const userGroups = pipeList(p.user_groups);
    const agents = await store.reports.liveAgents(campaigns ? { campaigns } : {});
    const users = await store.userAdmin.summaries(agents.map((a) => a.user));
    const sub = p.show_sub_status === 'YES';
    const rows: (string | number)[][] = [];
    for (const agent of agents) {
      const user = users.get(agent.user);
      if (!user || !groupScopeAllows(scopes.groups, user.group)) continue;
      if (userGroups.length > 0 && !userGroups.includes(user.group)) continue;
      const row: (string | number)[] = [agent.user, agent.campaignId, agent.confExten, agent.status, agent.leadId, agent.callerId, agent.callsToday, user.fullName, user.group, user.level];
      if (sub) {
        const details = await liveDetails(store, agent);
        row[4] = details.leadId;
        row.push(details.pauseCode, details.subStatus);
      }
      rows.push(row);
    }
    if (rows.length === 0) return { lines: [t3('ERROR', 'logged_in_agents NO LOGGED IN AGENTS', [rights.user, p.agent_user ?? ''])] };
    const header = ['user', 'campaign_id', 'session_id', 'status', 'lead_id', 'callerid', 'calls_today', 'full_name', 'user_group', 'user_level', ...(sub ? ['pause_code', 'sub_status'] : [])];
    return { lines: [report('logged_in_agents', table(wantsHeader(p.header) ? header : undefined, rows, delimiter(p.stage)))] };
  },
};
