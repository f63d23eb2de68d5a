/** user_details (spec §7.13): name, group, level and state of one user within the viewable groups. */
import { params, text } from '../../parameters.js';
import { report, t1, t3 } from '../messages.js';
import type { NonAgentFunction } from '../non-agent-function.js';
import { levelAbove, VDC, VIEW_REPORTS } from '../permissions.js';
import { delimiter, REPORT_PARAMS, table, wantsHeader } from '../report-format.js';
import { groupScopeAllows, scopesOf } from '../scope.js';

export const userDetails: NonAgentFunction = {
  name: 'user_details',
  prelude: 'standard',
  requires: [VDC, VIEW_REPORTS, levelAbove(6)],
  params: params({
    agent_user: text('The user to describe.', 20),
    ...REPORT_PARAMS,
  }),
  denied: (user) => t1('ERROR', 'user_details USER DOES NOT HAVE PERMISSION TO GET USER DETAILS', [user, '0', '']),
  async run(call) {
    const { p, unit, rights } = call;
    const agentUser = p.agent_user ?? '';
    if (!agentUser) return { lines: [t3('ERROR', 'user_details INVALID SEARCH PARAMETERS', [rights.user, agentUser])] };
    const { groups } = await scopesOf(call);
    const user = await unit.store.userAdmin.summary(agentUser);
    if (!user || !groupScopeAllows(groups, user.group)) return { lines: [t3('ERROR', 'user_details USER NOT FOUND', [rights.user, agentUser])] };
    const header = ['user', 'full_name', 'user_group', 'user_level', 'active'];
    const row = [agentUser, user.fullName, user.group, user.level, user.active];
    return { lines: [report('user_details', table(wantsHeader(p.header) ? header : undefined, [row], delimiter(p.stage)))] };
  },
};
