/** in_group_status (spec §7.5): real-time counters of calls and agents for some in-groups. */
import { params, text, TEXT_WIDTH } from '../../parameters.js';
import { report, t1, t3 } from '../messages.js';
import type { NonAgentFunction } from '../non-agent-function.js';
import { levelAbove, VDC, VIEW_REPORTS } from '../permissions.js';
import { delimiter, REPORT_PARAMS, table, wantsHeader } from '../report-format.js';
import { callQueueScope, scopesOf } from '../scope.js';
import { countAgents, pipeList } from './agent-counters.js';

export const inGroupStatus: NonAgentFunction = {
  name: 'in_group_status',
  prelude: 'standard',
  requires: [VDC, VIEW_REPORTS, levelAbove(6)],
  params: params({
    in_groups: text('The in-groups to count, separated by |.', TEXT_WIDTH),
    ...REPORT_PARAMS,
  }),
  denied: (user) => t1('ERROR', 'in_group_status USER DOES NOT HAVE PERMISSION TO GET IN-GROUP INFO', [user, '0', '']),
  async run(call) {
    const { p, unit, rights } = call;
    const ingroups = pipeList(p.in_groups);
    if (ingroups.length === 0) return { lines: [t3('ERROR', 'in_group_status INVALID SEARCH PARAMETERS', [rights.user, p.in_groups ?? ''])] };
    const queueScope = await callQueueScope(call, await scopesOf(call));
    const ids = queueScope ? ingroups.filter((g) => queueScope.includes(g)) : ingroups;
    const calls = await unit.store.reports.liveCalls(ids);
    const users = await unit.store.reports.usersInInboundGroups(ingroups);
    const agents = await unit.store.reports.liveAgents({ users });
    const c = await countAgents(call, agents, 'C', new Set(calls.map((x) => x.callerId)));
    const waiting = calls.filter((x) => /LIVE/i.test(x.status)).length;
    const header = ['ingroups', 'total_calls', 'calls_waiting', 'agents_logged_in', 'agents_in_calls', 'agents_waiting', 'agents_paused', 'agents_in_dispo', 'agents_in_dial'];
    const row = [ingroups.join(' '), calls.length, waiting, c.loggedIn, c.inCalls, c.waiting, c.paused, c.dispo, c.dial];
    return { lines: [report('in_group_status', table(wantsHeader(p.header) ? header : undefined, [row], delimiter(p.stage)))] };
  },
};
