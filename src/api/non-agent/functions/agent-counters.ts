/**
 * The agent counters of user_group_status and in_group_status (spec §4.8,
 * variants B and C): logged in, in calls, waiting, paused, dead, dispo, dial.
 */
import { countedStatus } from '../../../domain/sub-status.js';
import type { LiveAgentRow } from '../../../store/repositories/reports.js';
import type { NonAgentCall } from '../non-agent-function.js';
import { sessionFacts } from './agent-status.js';
import { groupScopeAllows, scopesOf } from '../scope.js';

export const pipeList = (v: string | undefined) => (v ?? '').split('|').filter(Boolean);

export interface Counters {
  loggedIn: number;
  inCalls: number;
  waiting: number;
  paused: number;
  dead: number;
  dispo: number;
  dial: number;
}

export async function countAgents(call: NonAgentCall, agents: readonly LiveAgentRow[], variant: 'B' | 'C', callerIds: ReadonlySet<string>): Promise<Counters> {
  const store = call.unit.store;
  const scopes = await scopesOf(call);
  const users = await store.userAdmin.summaries(agents.map((a) => a.user));
  const calls = await store.reports.liveCalls();
  const c: Counters = { loggedIn: 0, inCalls: 0, waiting: 0, paused: 0, dead: 0, dispo: 0, dial: 0 };
  for (const agent of agents) {
    const user = users.get(agent.user);
    if (!user || !groupScopeAllows(scopes.groups, user.group)) continue;
    const liveCall = callerIds.has(agent.callerId) ? calls.find((x) => x.callerId === agent.callerId) : undefined;
    const status = countedStatus(await sessionFacts(store, agent, liveCall, false), variant);
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
