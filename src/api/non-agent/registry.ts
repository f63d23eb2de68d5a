/** Every non-agent API function, by name (version is answered by the pipeline, before login). */
import { addDncPhone } from './functions/add-dnc-phone.js';
import { addLead } from './functions/add-lead.js';
import { addList } from './functions/add-list.js';
import { addUser } from './functions/add-user.js';
import { agentCampaigns } from './functions/agent-campaigns.js';
import { agentStatsExport } from './functions/agent-stats-export.js';
import { agentStatus } from './functions/agent-status.js';
import { batchUpdateLead } from './functions/batch-update-lead.js';
import { callDispoReport } from './functions/call-dispo-report.js';
import { callStatusStats } from './functions/call-status-stats.js';
import { callidInfo } from './functions/callid-info.js';
import { campaignsList } from './functions/campaigns-list.js';
import { checkPhoneNumber } from './functions/check-phone-number.js';
import { copyUser } from './functions/copy-user.js';
import { deleteDncPhone } from './functions/delete-dnc-phone.js';
import { inGroupStatus } from './functions/in-group-status.js';
import { ingroupList } from './functions/ingroup-list.js';
import { leadAllInfo } from './functions/lead-all-info.js';
import { leadFieldInfo } from './functions/lead-field-info.js';
import { leadSearch } from './functions/lead-search.js';
import { leadStatusSearch } from './functions/lead-status-search.js';
import { listInfo } from './functions/list-info.js';
import { loggedInAgents } from './functions/logged-in-agents.js';
import { updateLead } from './functions/update-lead.js';
import { updateList } from './functions/update-list.js';
import { updateUser } from './functions/update-user.js';
import { userDetails } from './functions/user-details.js';
import { userGroupStatus } from './functions/user-group-status.js';
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

/** Names an administrator may put in API Allowed Functions for the non-agent API (plus version). */
export const NON_AGENT_FUNCTION_NAMES: readonly string[] = ['version', ...NON_AGENT_FUNCTIONS.map((fn) => fn.name)];
