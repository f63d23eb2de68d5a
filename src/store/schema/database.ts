/**
 * Every table agentgate knows, by its VICIdial name, and the Kysely Database
 * type derived from the same declarations.
 */
import * as agentgate from './agentgate-tables.js';
import type { RowType, TableSpec } from './columns.js';
import * as calls from './call-tables.js';
import * as campaign from './campaign-tables.js';
import * as live from './live-tables.js';
import * as nonAgent from './non-agent-tables.js';
import * as users from './users-tables.js';

export const tables = {
  vicidial_users: users.vicidialUsers,
  vicidial_user_groups: users.vicidialUserGroups,
  system_settings: users.systemSettings,
  vicidial_ip_list_entries: users.vicidialIpListEntries,
  vicidial_campaigns: campaign.vicidialCampaigns,
  vicidial_lists: campaign.vicidialLists,
  vicidial_list: campaign.vicidialList,
  vicidial_statuses: campaign.vicidialStatuses,
  vicidial_campaign_statuses: campaign.vicidialCampaignStatuses,
  vicidial_pause_codes: campaign.vicidialPauseCodes,
  vicidial_inbound_groups: campaign.vicidialInboundGroups,
  vicidial_dnc: campaign.vicidialDnc,
  vicidial_campaign_dnc: campaign.vicidialCampaignDnc,
  vicidial_callbacks: campaign.vicidialCallbacks,
  vicidial_hopper: campaign.vicidialHopper,
  groups_alias: campaign.groupsAlias,
  vicidial_live_agents: live.vicidialLiveAgents,
  vicidial_auto_calls: live.vicidialAutoCalls,
  vicidial_manual_dial_queue: live.vicidialManualDialQueue,
  live_channels: live.liveChannels,
  live_sip_channels: live.liveSipChannels,
  vicidial_live_inbound_agents: live.vicidialLiveInboundAgents,
  vicidial_inbound_group_agents: live.vicidialInboundGroupAgents,
  vicidial_user_closer_log: live.vicidialUserCloserLog,
  vicidial_lead_messages: live.vicidialLeadMessages,
  vicidial_agent_notifications: live.vicidialAgentNotifications,
  recording_log: live.recordingLog,
  vicidial_admin_log: live.vicidialAdminLog,
  vicidial_api_log: live.vicidialApiLog,
  vicidial_api_urls: live.vicidialApiUrls,
  vicidial_webservers: live.vicidialWebservers,
  vicidial_urls: live.vicidialUrls,
  agentgate_user_passwords: agentgate.agentgateUserPasswords,
  agentgate_web_sessions: agentgate.agentgateWebSessions,
  agentgate_events: agentgate.agentgateEvents,
  agentgate_agent_sequences: agentgate.agentgateAgentSequences,
  agentgate_leases: agentgate.agentgateLeases,
  agentgate_command_waits: agentgate.agentgateCommandWaits,
  agentgate_api_keys: agentgate.agentgateApiKeys,
  agentgate_api_log_keys: agentgate.agentgateApiLogKeys,
  vicidial_log: calls.vicidialLog,
  vicidial_closer_log: calls.vicidialCloserLog,
  vicidial_agent_log: calls.vicidialAgentLog,
  vicidial_manager: calls.vicidialManager,
  vicidial_session_data: calls.vicidialSessionData,
  vicidial_3way_press_multi: calls.vicidial3wayPressMulti,
  agentgate_simulator: calls.agentgateSimulator,
  vicidial_log_extended: nonAgent.vicidialLogExtended,
  vicidial_did_log: nonAgent.vicidialDidLog,
  vicidial_inbound_dids: nonAgent.vicidialInboundDids,
  vicidial_list_alt_phones: nonAgent.vicidialListAltPhones,
  vicidial_dnc_log: nonAgent.vicidialDncLog,
  vicidial_callbacks_archive: nonAgent.vicidialCallbacksArchive,
  vicidial_campaign_agents: nonAgent.vicidialCampaignAgents,
  vicidial_phone_codes: nonAgent.vicidialPhoneCodes,
  vicidial_postal_codes: nonAgent.vicidialPostalCodes,
  vicidial_nanpa_prefix_codes: nonAgent.vicidialNanpaPrefixCodes,
  vicidial_call_times: nonAgent.vicidialCallTimes,
  vicidial_state_call_times: nonAgent.vicidialStateCallTimes,
  servers: nonAgent.servers,
  vicidial_user_log: nonAgent.vicidialUserLog,
  vicidial_scripts: nonAgent.vicidialScripts,
  phones: nonAgent.phones,
  phones_alias: nonAgent.phonesAlias,
  parked_channels: nonAgent.parkedChannels,
  agentgate_lead_loads: nonAgent.agentgateLeadLoads,
} as const;

type Tables = typeof tables;
export type TableName = keyof Tables;

export type Database = {
  [K in TableName]: RowType<Tables[K]['columns']>;
};

export function tableSpec(name: TableName): TableSpec {
  return tables[name];
}
