/** Every non-agent API function, by name (version is answered by the pipeline, before login). */
import { addLead } from './functions/add-lead.js';
import { agentStatsExport } from './functions/agent-stats-export.js';
import { agentStatus } from './functions/agent-status.js';
import { callDispoReport, callStatusStats } from './functions/call-stats.js';
import { callidInfo } from './functions/callid-info.js';
import { agentCampaigns, campaignsList, ingroupList, userDetails } from './functions/campaign-reports.js';
import { inGroupStatus, userGroupStatus } from './functions/group-status.js';
import { loggedInAgents } from './functions/logged-in-agents.js';
import type { NonAgentFunction } from './non-agent-function.js';

export const NON_AGENT_FUNCTIONS: readonly NonAgentFunction[] = [
  agentStatus,
  loggedInAgents,
  userGroupStatus,
  inGroupStatus,
  agentStatsExport,
  callidInfo,
  callStatusStats,
  callDispoReport,
  agentCampaigns,
  campaignsList,
  ingroupList,
  userDetails,
  addLead,
];

export function nonAgentFunctions(): ReadonlyMap<string, NonAgentFunction> {
  return new Map(NON_AGENT_FUNCTIONS.map((fn) => [fn.name, fn]));
}
