/**
 * force_fronter_leave_3way and force_fronter_audio_stop (agent-api.md §8.24,
 * §8.25) act on the "fronter": the other agent on the same lead (a closer's
 * three-way call), the one whose call started first.
 */
import type { LiveAgent } from '../../../domain/live-agent.js';
import { error, type Line } from '../../legacy/lines.js';
import { choice, integer, LEAD_ID_MAX } from '../../parameters.js';
import type { AgentCall } from '../agent-function.js';
import { hasTarget, notValid } from './shared.js';

const FRONTER_VALUE_NAMES = ['LOCAL_ONLY', 'LOCAL_AND_CCC', 'CCC_REMOTE'] as const;
export const FRONTER_VALUES = new Set<string>(FRONTER_VALUE_NAMES);

/** The parameters both functions take. */
export const FRONTER_PARAMS = {
  value: choice(FRONTER_VALUE_NAMES, "LOCAL_ONLY or LOCAL_AND_CCC: act on the fronter of agent_user's lead; CCC_REMOTE: of lead_id's (no cross-cluster link is made)."),
  lead_id: integer('CCC_REMOTE: the lead whose fronter is meant.', { max: LEAD_ID_MAX }).optional(),
};

export function validateFronter(name: string) {
  return (p: AgentCall['p']): Line | undefined => {
    const value = p.value ?? '';
    if (!FRONTER_VALUES.has(value) || !hasTarget(p, 1, 2)) return notValid(name, [value, p.agent_user ?? '']);
    return undefined;
  };
}

/** CCC_REMOTE comes from another cluster: its agent_user is not logged in here. */
export const skipsLoggedIn = (p: AgentCall['p']) => p.value === 'CCC_REMOTE';

/**
 * The fronter, or the line that refuses. The lead is agent_user's (or lead_id
 * for CCC_REMOTE). agentgate has no cross-cluster (CCC) links, so a fronter
 * that is not on this system is never found.
 */
export async function findFronter(call: AgentCall): Promise<LiveAgent | Line> {
  const { p, unit, agentUser } = call;
  const remote = p.value === 'CCC_REMOTE';
  const leadId = remote ? Number(p.lead_id ?? 0) : ((await unit.store.liveAgents.find(agentUser))?.leadId ?? 0);
  if (!(leadId > 0)) return error('agent_user is not on a phone call', [agentUser]);
  const [fronter] = await unit.store.liveAgents.othersOnLead(leadId, agentUser);
  if (!fronter) return error('no fronter found', [agentUser]);
  // A fronter outside the API user's campaigns is one it cannot see: its user and campaign stay unsaid.
  if (!call.scope.allowsCampaign(fronter.campaignId)) {
    call.trace.fail('agent_scope', `the fronter ${fronter.user} is in ${fronter.campaignId}, not allowed to ${call.apiUser.user}`);
    return error('no fronter found', [agentUser]);
  }
  return fronter;
}
