/** user_group_status (spec §7.4): real-time counters of calls and agents for some user groups. */
import { params, text } from '../../parameters.js';
import { report, t1, t3 } from '../messages.js';
import type { NonAgentFunction } from '../non-agent-function.js';
import { levelAbove, VDC, VIEW_REPORTS } from '../permissions.js';
import { delimiter, REPORT_PARAMS, table, wantsHeader } from '../report-format.js';
import { callQueueScope, scopesOf } from '../scope.js';
import { countAgents, pipeList } from './agent-counters.js';

export const userGroupStatus: NonAgentFunction = {
  name: 'user_group_status',
  prelude: 'standard',
  requires: [VDC, VIEW_REPORTS, levelAbove(6)],
  params: params({
    user_groups: text('The user groups to count, separated by |.', 9999),
    ...REPORT_PARAMS,
  }),
  denied: (user) => t1('ERROR', 'user_group_status USER DOES NOT HAVE PERMISSION TO GET USER GROUP INFO', [user, '0', '']),
  async run(call) {
    const { p, unit, rights } = call;
    const groups = pipeList(p.user_groups);
    if (groups.length === 0 || (p.user_groups ?? '').length > 9999)
      return { lines: [t3('ERROR', 'user_group_status INVALID SEARCH PARAMETERS', [rights.user, p.user_groups ?? ''])] };
    const calls = await unit.store.reports.liveCalls(await callQueueScope(call, await scopesOf(call)));
    const users = await unit.store.userAdmin.summaries((await unit.store.reports.liveAgents()).map((a) => a.user));
    const agents = (await unit.store.reports.liveAgents()).filter((a) => groups.includes(users.get(a.user)?.group ?? '\u0000'));
    const c = await countAgents(call, agents, 'B', new Set(calls.map((x) => x.callerId)));
    const waiting = calls.filter((x) => /LIVE/i.test(x.status)).length;
    const header = ['usergroups', 'calls_waiting', 'agents_logged_in', 'agents_in_calls', 'agents_waiting', 'agents_paused', 'agents_in_dead_calls', 'agents_in_dispo', 'agents_in_dial'];
    const row = [groups.join(' '), waiting, c.loggedIn, c.inCalls, c.waiting, c.paused, c.dead, c.dispo, c.dial];
    return { lines: [report('user_group_status', table(wantsHeader(p.header) ? header : undefined, [row], delimiter(p.stage)))] };
  },
};
