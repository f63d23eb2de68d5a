/** Every non-agent API function, by name (version is answered by the pipeline, before login). */
import { addLead } from './functions/add-lead.js';
import { checkPhoneNumber } from './functions/check-phone-number.js';
import { addDncPhone, deleteDncPhone } from './functions/dnc-phone.js';
import { leadAllInfo, leadFieldInfo, leadSearch, leadStatusSearch } from './functions/lead-reads.js';
import { batchUpdateLead, updateLead } from './functions/lead-updates.js';
import { addList, listInfo, updateList } from './functions/lists.js';
import { addUser, copyUser, updateUser } from './functions/users.js';
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
  updateLead,
  batchUpdateLead,
  leadSearch,
  leadAllInfo,
  leadFieldInfo,
  leadStatusSearch,
  checkPhoneNumber,
  listInfo,
  addList,
  updateList,
  addDncPhone,
  deleteDncPhone,
  addUser,
  updateUser,
  copyUser,
];

export function nonAgentFunctions(): ReadonlyMap<string, NonAgentFunction> {
  return new Map(NON_AGENT_FUNCTIONS.map((fn) => [fn.name, fn]));
}
