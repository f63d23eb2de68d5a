/**
 * What each API function is for, so the console can group API Allowed
 * Functions by purpose, search them by what they do, and offer presets for
 * the integrations people build most (agent-api.md §0, non-agent-api.md §0).
 */
import type { FunctionPreset, FunctionPurpose, PurposeGroup } from '../wire/admin.js';

export const PURPOSES: readonly PurposeGroup[] = [
  { id: 'all', label: 'Every function' },
  { id: 'session', label: 'Pause, resume and log out' },
  { id: 'calls', label: 'Calls and dispositions' },
  { id: 'leads-on-screen', label: "The lead on the agent's screen" },
  { id: 'agent-settings', label: 'Agent settings and information' },
  { id: 'reports', label: 'Reports (non-agent API)' },
  { id: 'leads-and-lists', label: 'Leads, lists and DNC (non-agent API)' },
  { id: 'users', label: 'Users (non-agent API)' },
];

/** Every function of both APIs: its purpose and what it does. A test checks that none is missing. */
export const FUNCTION_PURPOSES: Readonly<Record<string, readonly [FunctionPurpose, string]>> = {
  ALL_FUNCTIONS: ['all', 'every function of both APIs, including any added later'],
  // the agent API
  external_pause: ['session', 'pause or resume the agent'],
  pause_code: ['session', 'set the pause code of a paused agent'],
  logout: ['session', 'log the agent out'],
  external_dial: ['calls', 'dial a number or a lead for the agent'],
  preview_dial_action: ['calls', 'dial, skip or finish a previewed lead'],
  external_hangup: ['calls', "hang up the agent's call"],
  external_status: ['calls', 'set the disposition of the call'],
  transfer_conference: ['calls', 'transfer the call or add a third party'],
  park_call: ['calls', 'park the customer, or take the call back'],
  send_dtmf: ['calls', 'send touch-tone digits into the call'],
  recording: ['calls', 'start, stop or check call recording'],
  ra_call_control: ['calls', "hang up or transfer a remote agent's call"],
  call_agent: ['calls', "ring the agent's phone again"],
  audio_playback: ['calls', 'play an audio file into the call'],
  vm_message: ['calls', 'leave a prepared voicemail message'],
  force_fronter_leave_3way: ['calls', 'make a fronter leave a three-way call'],
  force_fronter_audio_stop: ['calls', "stop a fronter's audio"],
  st_get_agent_active_lead: ['leads-on-screen', "read the lead on the agent's screen (screen pop)"],
  update_fields: ['leads-on-screen', "change fields of the lead on the agent's screen"],
  refresh_panel: ['leads-on-screen', "reload the agent's lead panel or script"],
  switch_lead: ['leads-on-screen', 'switch the lead of a live inbound call'],
  external_add_lead: ['leads-on-screen', "add a lead to the agent's campaign"],
  change_ingroups: ['agent-settings', "change the in-groups the agent takes calls from"],
  set_timer_action: ['agent-settings', "set a timer action on the agent's screen"],
  send_notification: ['agent-settings', 'show a notification on agent screens'],
  webphone_url: ['agent-settings', "the agent's web phone address"],
  st_login_log: ['agent-settings', 'record a login of a CRM user'],
  calls_in_queue_count: ['agent-settings', 'how many calls wait in the queue'],
  webserver: ['agent-settings', "the server's version and uptime"],
  version: ['agent-settings', 'the API version (needs no login)'],
  // the non-agent API
  agent_status: ['reports', 'the live state of one agent'],
  logged_in_agents: ['reports', 'the agents logged in now'],
  user_group_status: ['reports', 'live counters per user group'],
  in_group_status: ['reports', 'live counters per in-group'],
  agent_stats_export: ['reports', "agents' activity over a period"],
  callid_info: ['reports', 'details of one call'],
  call_status_stats: ['reports', 'calls per campaign by hour and status (level 9)'],
  call_dispo_report: ['reports', 'dispositions per campaign (level 9)'],
  agent_campaigns: ['reports', 'the campaigns an agent may use'],
  campaigns_list: ['reports', 'a summary of the campaigns'],
  ingroup_list: ['reports', 'the active in-groups'],
  user_details: ['reports', "one user's name, group and level"],
  add_lead: ['leads-and-lists', 'add a lead, with duplicate and DNC checks'],
  update_lead: ['leads-and-lists', 'find, change or delete a lead'],
  batch_update_lead: ['leads-and-lists', 'change many leads at once'],
  lead_search: ['leads-and-lists', 'find leads by phone number or vendor code'],
  lead_all_info: ['leads-and-lists', 'every field of a lead'],
  lead_field_info: ['leads-and-lists', 'one field of a lead'],
  lead_status_search: ['leads-and-lists', 'leads with a status, called on a date'],
  check_phone_number: ['leads-and-lists', 'is a number valid, on DNC, dialable now'],
  list_info: ['leads-and-lists', "a list's summary and counts"],
  add_list: ['leads-and-lists', 'create a list'],
  update_list: ['leads-and-lists', 'change, reset or delete a list'],
  add_dnc_phone: ['leads-and-lists', 'add a number to a DNC list'],
  delete_dnc_phone: ['leads-and-lists', 'remove a number from a DNC list'],
  add_user: ['users', 'create a user'],
  update_user: ['users', 'change or delete a user'],
  copy_user: ['users', 'copy a user to a new id'],
};

/** Every preset makes an integration account: Agent API Access, API Only. */
const INTEGRATION = { vdc_agent_api_access: '1', api_only_user: '1' } as const;

export const PRESETS: readonly FunctionPreset[] = [
  {
    id: 'reporting',
    label: 'Read-only reporting',
    help: 'a wallboard or report tool: live agent and queue figures, nothing it can change (non-agent reports need view_reports and user level 7)',
    functions: ['agent_status', 'logged_in_agents', 'user_group_status', 'in_group_status', 'agent_stats_export', 'callid_info', 'user_details', 'calls_in_queue_count'],
    settings: { ...INTEGRATION, view_reports: '1', user_level: '7' },
  },
  {
    id: 'screen-pop',
    label: 'Screen pop',
    help: "a CRM that shows the lead on the agent's screen and writes back its fields (update_fields needs modify_leads)",
    functions: ['st_get_agent_active_lead', 'update_fields', 'refresh_panel'],
    settings: { ...INTEGRATION, modify_leads: '1' },
  },
  {
    id: 'buttons',
    label: 'Pause/resume buttons',
    help: "a CRM's buttons: pause, resume and set the call's disposition (add pause_code for pause codes)",
    functions: ['external_pause', 'external_status'],
    settings: { ...INTEGRATION },
  },
  {
    id: 'full',
    label: 'Full control',
    help: 'every function of both APIs; on a box several teams share, turn on API List Restrict too',
    functions: ['ALL_FUNCTIONS'],
    settings: { ...INTEGRATION },
  },
];
