/**
 * Permissions flow downwards: whoever makes a user (copy_user here; the admin
 * console's grant rule in admin/user-rules.ts reads the same) grants nothing it
 * does not hold itself:
 * - no 0/1 permission flag, no Agent API Access, no modify_leads it lacks;
 * - no API function beyond its own API Allowed Functions (ALL_FUNCTIONS only
 *   if it has it);
 * - under API List Restrict itself, no API user without it;
 * - an API Only account mints no account that may log into the admin console
 *   (user level 8 and up without API Only): that would be its own way around
 *   API Only.
 * Rows are user records as stored (vicidial_users columns, as text or numbers).
 */
import { ALL_FUNCTIONS, parseSet } from './vicidial-sets.js';

/** The 0/1 permission flags of a user record. */
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

export type UserValues = Readonly<Record<string, unknown>>;

const text = (v: UserValues, field: string) => String(v[field] ?? '');
const holds = (v: UserValues, field: string) => text(v, field) !== '' && text(v, field) !== '0';

/** The fields of `granted` (a new user record) that give more than `actor` holds; empty when none. */
export function grantsBeyond(actor: UserValues, granted: UserValues): string[] {
  const beyond: string[] = [];
  for (const field of [...PERMISSION_FLAGS, 'vdc_agent_api_access', 'modify_leads']) if (holds(granted, field) && !holds(actor, field)) beyond.push(field);

  // API functions mean something only to a user that may call an API: Agent API Access, or the non-agent login's level 7.
  const usesApis = holds(granted, 'vdc_agent_api_access') || Number(granted.user_level ?? 0) >= 7;
  const own = parseSet(text(actor, 'api_allowed_functions'));
  if (usesApis && !own.includes(ALL_FUNCTIONS) && parseSet(text(granted, 'api_allowed_functions')).some((f) => !own.includes(f)))
    beyond.push('api_allowed_functions');

  if (text(actor, 'api_list_restrict') === '1' && text(granted, 'api_list_restrict') !== '1' && holds(granted, 'vdc_agent_api_access'))
    beyond.push('api_list_restrict');
  if (text(actor, 'api_only_user') === '1' && text(granted, 'api_only_user') !== '1' && Number(granted.user_level ?? 0) >= 8) beyond.push('api_only_user');
  return beyond;
}
