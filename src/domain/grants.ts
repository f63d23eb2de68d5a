/**
 * Permissions flow downwards: whoever makes or changes a user (copy_user, the
 * admin console through admin/user-rules.ts) grants nothing it does not hold
 * itself:
 * - no 0/1 permission flag, no Agent API Access, no modify_leads it lacks;
 * - no API function beyond its own API Allowed Functions (ALL_FUNCTIONS only
 *   if it has it);
 * - under API List Restrict itself, no API user without it;
 * - what a user already had is no grant, but a user that only now may call an
 *   API gets all of its API functions anew;
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

/** May this record call an API? (Agent API Access, or the non-agent login's level 7.) API functions mean nothing to others. */
const usesApis = (v: UserValues) => holds(v, 'vdc_agent_api_access') || Number(v.user_level ?? 0) >= 7;

/**
 * The API functions `after` may call that `actor` may not: those added by the
 * change (all of them when the record is new, or only now may call an API).
 */
export function functionsBeyond(actor: UserValues, after: UserValues, before?: UserValues): string[] {
  const own = parseSet(text(actor, 'api_allowed_functions'));
  if (own.includes(ALL_FUNCTIONS) || !usesApis(after)) return [];
  const had = new Set(before && usesApis(before) ? parseSet(text(before, 'api_allowed_functions')) : []);
  return parseSet(text(after, 'api_allowed_functions')).filter((f) => !had.has(f) && !own.includes(f));
}

/**
 * The fields of `after` that give more than `actor` holds; empty when none.
 * `before` is the record as it was for an edit (what it already had is no
 * grant), undefined for a new record.
 */
export function grantsBeyond(actor: UserValues, after: UserValues, before?: UserValues): string[] {
  const newlyOn = (field: string) => holds(after, field) && (!before || text(before, field) !== text(after, field));
  const beyond = [...PERMISSION_FLAGS, 'vdc_agent_api_access', 'modify_leads'].filter((field) => newlyOn(field) && !holds(actor, field));
  if (functionsBeyond(actor, after, before).length > 0) beyond.push('api_allowed_functions');

  const apiUser = (v: UserValues) => holds(v, 'vdc_agent_api_access');
  const unrestrictedApiUser = (v: UserValues) => apiUser(v) && text(v, 'api_list_restrict') !== '1';
  if (text(actor, 'api_list_restrict') === '1' && unrestrictedApiUser(after) && !(before && unrestrictedApiUser(before))) beyond.push('api_list_restrict');

  const consoleAccount = (v: UserValues) => text(v, 'api_only_user') !== '1' && Number(v.user_level ?? 0) >= 8;
  if (text(actor, 'api_only_user') === '1' && consoleAccount(after) && !(before && consoleAccount(before))) beyond.push('api_only_user');
  return beyond;
}
