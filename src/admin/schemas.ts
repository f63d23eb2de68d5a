/**
 * What an administrator may send for each record, checked on the server with
 * a clear message per field. Choices of ENUM columns come from the schema's
 * own declarations, so the console can never offer a value the column refuses.
 */
import { z } from 'zod';
import { columnChoices, type RecordKindName } from '../store/repositories/admin-records.js';
import { ALL_CAMPAIGNS, ALL_FUNCTIONS, formatSet } from '../domain/vicidial-sets.js';
import { KNOWN_FUNCTIONS, PERMISSION_FLAGS } from './catalog.js';

const choice = (kind: RecordKindName, column: string) => {
  const members = columnChoices(kind, column);
  return z.enum(members, { error: `choose one of ${members.join(', ')}` });
};
const flag = z.enum(['0', '1'], { error: 'must be 0 or 1' });
const id = (what: string, max: number, min = 2) =>
  z.string().regex(new RegExp(`^[0-9A-Za-z_-]{${min},${max}}$`), `${what}: ${min} to ${max} letters, digits, - or _`);
const name = (max: number) => z.string().trim().min(1, 'enter a name').max(max, `at most ${max} characters`);
/** A VICIdial set column (' A B -') from a list of ids. */
const idSet = (what: string) => z.array(id(what, 20, 1), { error: `a list of ${what}s` }).max(500).transform((items) => formatSet(items));

/** ' a b ': API Allowed Functions as VICIdial's admin page stores it (permissions.md §3). */
export const allowedFunctions = z
  .array(z.string(), { error: 'a list of function names' })
  .max(200)
  .superRefine((names, ctx) => {
    const unknown = names.filter((n) => !KNOWN_FUNCTIONS.has(n));
    if (unknown.length > 0) ctx.addIssue({ code: 'custom', message: `not a function of either API: ${unknown.join(', ')}` });
  })
  .transform((names) => formatFunctions(names));

export function formatFunctions(names: readonly string[]): string {
  const unique = names.includes(ALL_FUNCTIONS) ? [ALL_FUNCTIONS] : [...new Set(names)];
  return unique.length === 0 ? '' : ` ${unique.join(' ')} `;
}

const flags = Object.fromEntries(PERMISSION_FLAGS.map((f) => [f, flag])) as Record<(typeof PERMISSION_FLAGS)[number], typeof flag>;

export const userFields = z
  .object({
    full_name: name(50),
    user_level: z.coerce.number({ error: 'a number from 1 to 9' }).int().min(1, 'user level 1 to 9').max(9, 'user level 1 to 9'),
    user_group: id('user group', 20),
    active: z.enum(['Y', 'N'], { error: 'Y or N' }),
    vdc_agent_api_access: flag,
    api_only_user: flag,
    api_list_restrict: flag,
    api_allowed_functions: allowedFunctions,
    modify_leads: choice('users', 'modify_leads'),
    agentcall_manual: choice('users', 'agentcall_manual'),
    custom_three: z.string().max(100, 'at most 100 characters').regex(/^[0-9A-Za-z]*$/, 'letters and digits only (it is matched as alt_user)'),
    ...flags,
  })
  .strict();

/** The rule a password set in the console must meet; the form shows it before anyone submits. */
export const PASSWORD_RULE = { minLength: 6, maxLength: 100 } as const;
const password = z
  .string()
  .min(PASSWORD_RULE.minLength, `at least ${PASSWORD_RULE.minLength} characters`)
  .max(PASSWORD_RULE.maxLength, `at most ${PASSWORD_RULE.maxLength} characters`);

export const userCreate = userFields
  .partial()
  .extend({ user: id('user id', 20), pass: password, full_name: name(50), user_group: id('user group', 20) })
  .strict();

export const userUpdate = z
  .object({ version: z.string().min(1, 'send the version you edited'), changes: userFields.partial().extend({ pass: password.optional() }).strict() })
  .strict();

const groupFields = z
  .object({
    group_name: name(40),
    allowed_campaigns: z
      .array(z.string())
      .max(500)
      .transform((items) => (items.includes(ALL_CAMPAIGNS) ? ` ${ALL_CAMPAIGNS} -` : formatSet(items))),
    admin_viewable_groups: z
      .array(z.string())
      .max(500)
      .transform((items) => (items.includes('---ALL---') ? ' ---ALL--- ' : formatSet(items))),
    api_ip_list: z.string().max(30, 'at most 30 characters'),
  })
  .strict();

const campaignFields = z
  .object({
    campaign_name: name(40),
    active: choice('campaigns', 'active'),
    dial_method: choice('campaigns', 'dial_method'),
    auto_dial_level: z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, 'a number such as 0, 1 or 2.5'),
    campaign_allow_inbound: choice('campaigns', 'campaign_allow_inbound'),
    closer_campaigns: idSet('in-group'),
    dial_statuses: idSet('status'),
    manual_dial_list_id: z.coerce.number({ error: 'a list id' }).int().min(0),
    api_manual_dial: choice('campaigns', 'api_manual_dial'),
    manual_preview_dial: choice('campaigns', 'manual_preview_dial'),
    alt_number_dialing: choice('campaigns', 'alt_number_dialing'),
    agent_lead_search: choice('campaigns', 'agent_lead_search'),
    use_other_campaign_dnc: z.string().max(8),
    default_xfer_group: z.string().max(20),
    scheduled_callbacks: choice('campaigns', 'scheduled_callbacks'),
  })
  .strict();

const listFields = z.object({ list_name: name(30), campaign_id: id('campaign', 8), active: choice('lists', 'active') }).strict();

const statusFields = z
  .object({ status_name: name(30), selectable: choice('statuses', 'selectable'), scheduled_callback: choice('statuses', 'scheduled_callback') })
  .strict();

const pauseCodeFields = z.object({ pause_code_name: name(30), billable: choice('pauseCodes', 'billable') }).strict();

const settingsFields = z
  .object({
    vdc_agent_api_active: choice('systemSettings', 'vdc_agent_api_active'),
    agent_notifications: choice('systemSettings', 'agent_notifications'),
    outbound_cid_any: choice('systemSettings', 'outbound_cid_any'),
    allow_ip_lists: choice('systemSettings', 'allow_ip_lists'),
  })
  .strict();

/** For each record kind other than users: the key fields of a new record and the editable fields. */
export const RECORD_SCHEMAS = {
  userGroups: { key: z.object({ user_group: id('user group', 20) }), fields: groupFields },
  campaigns: { key: z.object({ campaign_id: id('campaign id', 8) }), fields: campaignFields },
  lists: { key: z.object({ list_id: z.coerce.number({ error: 'a list id' }).int().min(1, 'a positive number').max(99999999999999) }), fields: listFields },
  statuses: { key: z.object({ status: id('status', 6, 1) }), fields: statusFields },
  campaignStatuses: { key: z.object({ campaign_id: id('campaign id', 8), status: id('status', 6, 1) }), fields: statusFields },
  pauseCodes: { key: z.object({ campaign_id: id('campaign id', 8), pause_code: id('pause code', 6, 1) }), fields: pauseCodeFields },
  systemSettings: { key: z.object({}), fields: settingsFields },
} as const;

export type RecordSection = keyof typeof RECORD_SCHEMAS;
