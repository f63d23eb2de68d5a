/**
 * What the admin console offers: the function names of both APIs for API
 * Allowed Functions (from their registries, in one list as VICIdial's admin
 * page has it), the permission flags an administrator can grant, and which
 * flag each section of the console needs (VICIdial's admin rules).
 */
import { AGENT_FUNCTION_NAMES } from '../api/agent/registry.js';
import { NON_AGENT_FUNCTION_NAMES } from '../api/non-agent/registry.js';
import { ALL_FUNCTIONS } from '../domain/vicidial-sets.js';
import type { FunctionApi, FunctionChoice } from '../wire/admin.js';
import { FUNCTION_PURPOSES } from './function-purposes.js';

/** "all functions" first, then every name once, marked with the API(s) that implement it and what it is for. */
export function functionChoices(): FunctionChoice[] {
  const agent = new Set(AGENT_FUNCTION_NAMES);
  const nonAgent = new Set(NON_AGENT_FUNCTION_NAMES);
  const names = [...new Set([...agent, ...nonAgent])].sort();
  const apiOf = (name: string): FunctionApi => (agent.has(name) && nonAgent.has(name) ? 'both' : agent.has(name) ? 'agent' : 'non-agent');
  return [{ name: ALL_FUNCTIONS, api: 'all' as const }, ...names.map((name) => ({ name, api: apiOf(name) }))].map((c) => {
    const [purpose, summary] = FUNCTION_PURPOSES[c.name] ?? ['agent-settings', ''];
    return { ...c, purpose, summary };
  });
}

export const KNOWN_FUNCTIONS: ReadonlySet<string> = new Set(functionChoices().map((c) => c.name));

/** The 0/1 permission flags the console edits; an administrator grants only those it holds. */
export const PERMISSION_FLAGS = [
  'view_reports',
  'modify_users',
  'delete_users',
  'modify_usergroups',
  'modify_campaigns',
  'modify_lists',
  'delete_lists',
  'load_leads',
  'modify_statuses',
  'delete_from_dnc',
  'change_agent_campaign',
  'modify_same_user_level',
  'custom_fields_modify',
  'export_reports',
  'download_lists',
  'modify_servers',
] as const;

export type PermissionFlag = (typeof PERMISSION_FLAGS)[number];

/** What each flag lets an API user or administrator do, for the form. */
export const FLAG_HELP: Readonly<Record<PermissionFlag, string>> = {
  view_reports: 'reports; the non-agent API report and lookup functions',
  modify_users: 'edit users (console, add_user/update_user/copy_user)',
  delete_users: 'delete users',
  modify_usergroups: 'edit user groups',
  modify_campaigns: 'edit campaigns and pause codes; set_timer_action',
  modify_lists: 'edit lists; list_info, add_list, update_list, DNC',
  delete_lists: 'delete lists',
  load_leads: 'load leads',
  modify_statuses: 'edit statuses',
  delete_from_dnc: 'delete_dnc_phone',
  change_agent_campaign: "change_ingroups (change an agent's in-groups)",
  modify_same_user_level: 'manage users of its own level',
  custom_fields_modify: 'custom list fields',
  export_reports: 'export reports',
  download_lists: 'download lists',
  modify_servers: 'system settings (with user level 9)',
};

/** The sections of the console and the flag each needs to change anything (viewing needs level 8). */
export const SECTION_FLAG = {
  users: 'modify_users',
  userGroups: 'modify_usergroups',
  campaigns: 'modify_campaigns',
  pauseCodes: 'modify_campaigns',
  lists: 'modify_lists',
  statuses: 'modify_statuses',
  campaignStatuses: 'modify_statuses',
  systemSettings: 'modify_servers',
} as const satisfies Record<string, PermissionFlag>;

export type Section = keyof typeof SECTION_FLAG;

/** vicidial_admin_log.event_section for each section. */
export const LOG_SECTION: Readonly<Record<Section, string>> = {
  users: 'USERS',
  userGroups: 'USERGROUPS',
  campaigns: 'CAMPAIGNS',
  pauseCodes: 'CAMPAIGNS',
  lists: 'LISTS',
  statuses: 'STATUSES',
  campaignStatuses: 'STATUSES',
  systemSettings: 'SYSTEMSETTINGS',
};
