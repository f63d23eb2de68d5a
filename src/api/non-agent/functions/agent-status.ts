/** agent_status (spec §7.2): the real-time state of one agent. */
import { subStatus, type SubStatusFacts } from '../../../domain/sub-status.js';
import type { LiveAgentRow, LiveCallRow } from '../../../store/repositories/reports.js';
import type { Store } from '../../../store/store.js';
import { flag, params, text } from '../../parameters.js';
import { report, t1, t3 } from '../messages.js';
import type { NonAgentFunction } from '../non-agent-function.js';
import { levelAbove, VDC, VIEW_REPORTS } from '../permissions.js';
import { delimiter, REPORT_PARAMS, table, wantsHeader } from '../report-format.js';
import { groupScopeAllows, scopesOf } from '../scope.js';

/** What the sub-status rules read of a session (spec §4.8), with its call and whether its lead is in a 3-way call. */
export async function sessionFacts(store: Store, agent: LiveAgentRow, liveCall: LiveCallRow | undefined, threeWay: boolean): Promise<SubStatusFacts> {
  return {
    status: agent.status,
    leadId: agent.leadId,
    previewLeadId: agent.previewLeadId,
    onHookAgent: agent.onHookAgent,
    ringCallerId: agent.ringCallerId,
    comments: agent.comments,
    threeWay,
    parked: await store.reports.isParked(agent.callerId),
    liveCall,
  };
}

/** The sub-status of a session and the lead it shows (a previewed lead counts), shared with logged_in_agents. */
export async function liveDetails(store: Store, agent: LiveAgentRow): Promise<{ subStatus: string; leadId: number; pauseCode: string }> {
  const liveCall = (await store.reports.liveCalls()).find((c) => c.callerId === agent.callerId && agent.callerId !== '');
  const threeWay = agent.leadId > 0 && (await store.reports.incallSessionsOnLead(agent.leadId)) > 1;
  const value = subStatus(await sessionFacts(store, agent, liveCall, threeWay));
  return {
    subStatus: value,
    leadId: value === 'PREVIEW' ? agent.previewLeadId : agent.leadId,
    pauseCode: await store.reports.pauseCodeOf(agent.agentLogId),
  };
}

export const agentStatus: NonAgentFunction = {
  name: 'agent_status',
  prelude: 'standard',
  requires: [VDC, VIEW_REPORTS, levelAbove(6)],
  params: params({
    agent_user: text('The agent to report on.', 20),
    include_ip: flag("YES: add the IP address of the agent's last login.", ['YES', 'NO']).optional(),
    ...REPORT_PARAMS,
  }),
  denied: (user) => t1('ERROR', 'agent_status USER DOES NOT HAVE PERMISSION TO GET AGENT INFO', [user, '0', '']),
  async run(call) {
    const { p, unit, rights } = call;
    const store = unit.store;
    const agentUser = p.agent_user ?? '';
    if (!agentUser || agentUser.length > 99) return { lines: [t3('ERROR', 'agent_status INVALID SEARCH PARAMETERS', [rights.user, agentUser])] };
    const { groups } = await scopesOf(call);
    const user = await store.userAdmin.summary(agentUser);
    if (!user || !groupScopeAllows(groups, user.group)) return { lines: [t3('ERROR', 'agent_status AGENT NOT FOUND', [rights.user, agentUser])] };
    const [agent] = await store.reports.liveAgents({ user: agentUser });
    if (!agent) return { lines: [t3('ERROR', 'agent_status AGENT NOT LOGGED IN', [rights.user, agentUser])] };

    const details = await liveDetails(store, agent);
    const lead = details.leadId > 0 ? await store.leadAdmin.find(details.leadId) : undefined;
    const liveCall = (await store.reports.liveCalls()).find((c) => c.callerId === agent.callerId && agent.callerId !== '');
    const phone = liveCall && liveCall.phoneNumber.length > 3 ? liveCall.phoneNumber : (lead?.phone_number ?? '');
    const includeIp = p.include_ip === 'YES';
    const dl = delimiter(p.stage);
    const header = [
      'status', 'callerid', 'lead_id', 'campaign_id', 'calls_today', 'full_name', 'user_group', 'user_level', 'pause_code',
      'real_time_sub_status', 'phone_number', 'vendor_lead_code', 'session_id', ...(includeIp ? ['computer_ip'] : []),
    ];
    const row: (string | number)[] = [
      agent.status, agent.callerId, details.leadId, agent.campaignId, agent.callsToday, user.fullName, user.group, user.level,
      details.pauseCode, details.subStatus, phone, lead?.vendor_lead_code ?? '', agent.confExten,
    ];
    if (includeIp) {
      // agentgate reads the newest LOGIN (VICIdial's query looks for one older than two days).
      const ip = await store.reports.lastLoginIp(agentUser);
      if (ip.length > 3) row.push(ip);
    }
    return { lines: [report('agent_status', table(wantsHeader(p.header) ? header : undefined, [row], dl))] };
  },
};
