/**
 * user_group_status and in_group_status (spec §7.4, §7.5): real-time counters
 * of calls and agents for some user groups or in-groups.
 */
import { countedStatus } from '../../../domain/sub-status.js';
import type { LiveAgentRow } from '../../../store/repositories/reports.js';
import { report, t1, t3 } from '../messages.js';
import type { NonAgentCall, NonAgentFunction } from '../non-agent-function.js';
import { levelAbove, VDC, VIEW_REPORTS } from '../permissions.js';
import { delimiter, table, wantsHeader } from '../report-format.js';
import { callQueueScope, groupScopeAllows, scopesOf } from '../scope.js';

const pipeList = (v: string | undefined) => (v ?? '').split('|').filter(Boolean);

interface Counters {
  loggedIn: number;
  inCalls: number;
  waiting: number;
  paused: number;
  dead: number;
  dispo: number;
  dial: number;
}

async function countAgents(call: NonAgentCall, agents: readonly LiveAgentRow[], variant: 'B' | 'C', callerIds: ReadonlySet<string>): Promise<Counters> {
  const store = call.unit.store;
  const scopes = await scopesOf(call);
  const users = await store.userAdmin.summaries(agents.map((a) => a.user));
  const calls = await store.reports.liveCalls();
  const c: Counters = { loggedIn: 0, inCalls: 0, waiting: 0, paused: 0, dead: 0, dispo: 0, dial: 0 };
  for (const agent of agents) {
    const user = users.get(agent.user);
    if (!user || !groupScopeAllows(scopes.groups, user.group)) continue;
    const liveCall = callerIds.has(agent.callerId) ? calls.find((x) => x.callerId === agent.callerId) : undefined;
    const status = countedStatus(
      {
        status: agent.status,
        leadId: agent.leadId,
        previewLeadId: agent.previewLeadId,
        onHookAgent: agent.onHookAgent,
        ringCallerId: agent.ringCallerId,
        comments: agent.comments,
        threeWay: false,
        parked: await store.reports.isParked(agent.callerId),
        liveCall,
      },
      variant,
    );
    c.loggedIn++;
    if (status === 'DEAD') c.dead++;
    if (status === 'DISPO') c.dispo++;
    if (status === 'PAUSED') c.paused++;
    if (/INCALL|DIAL|QUEUE|PARK/i.test(status)) c.inCalls++;
    if (/DIAL/.test(status)) c.dial++;
    if (/READY|CLOSER/.test(status)) c.waiting++;
  }
  return c;
}

export const userGroupStatus: NonAgentFunction = {
  name: 'user_group_status',
  prelude: 'standard',
  requires: [VDC, VIEW_REPORTS, levelAbove(6)],
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

export const inGroupStatus: NonAgentFunction = {
  name: 'in_group_status',
  prelude: 'standard',
  requires: [VDC, VIEW_REPORTS, levelAbove(6)],
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
