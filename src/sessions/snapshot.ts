import { phaseOf, type LiveAgent } from '../domain/live-agent.js';
import { parseSet } from '../domain/vicidial-sets.js';
import type { SessionSnapshot } from '../events/session-events.js';

/** The session as screens and wallboards see it. */
export function snapshotOf(agent: LiveAgent): SessionSnapshot {
  const phase = phaseOf(agent);
  const onCallOrDispo = phase === 'on-call' || phase === 'disposition';
  const pause = agent.commands.pause;
  return {
    user: agent.user,
    campaignId: agent.campaignId,
    status: agent.status,
    phase,
    leadId: agent.leadId,
    previewLeadId: agent.previewLeadId,
    call: agent.call && agent.call.callerId.length > 15 ? { callerId: agent.call.callerId, kind: agent.call.kind } : null,
    pauseCode: agent.pauseCode,
    pending: onCallOrDispo ? (pause === 'LOGOUT' ? 'LOGOUT' : pause.startsWith('PAUSE!') ? 'PAUSE' : null) : null,
    ingroups: parseSet(agent.closerCampaigns),
    since: (agent.lastStateChange ?? new Date(0)).toISOString(),
    callsToday: agent.callsToday,
  };
}
