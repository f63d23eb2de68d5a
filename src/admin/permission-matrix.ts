/**
 * The permission matrix: every API user (Agent API Access or API Only) with
 * what it may do and where, and warnings for the set-ups that go wrong:
 * an API user that can also be an agent, ALL_FUNCTIONS without API List
 * Restrict on a box several teams share, an API user never used, and a
 * password never changed since the account was created.
 */
import { ALL_CAMPAIGNS, ALL_FUNCTIONS, campaignScope, parseSet } from '../domain/vicidial-sets.js';
import type { RecordValues } from '../store/repositories/admin-records.js';
import type { Store } from '../store/store.js';

export type WarningCode = 'also-agent' | 'all-functions-shared' | 'never-used' | 'password-unchanged';

export interface MatrixWarning {
  readonly code: WarningCode;
  readonly message: string;
}

export interface MatrixRow {
  readonly user: string;
  readonly fullName: string;
  readonly active: boolean;
  readonly level: number;
  readonly group: string;
  readonly apiAccess: boolean;
  readonly apiOnly: boolean;
  readonly allowedFunctions: readonly string[];
  readonly listRestrict: boolean;
  /** The group's allowed campaigns; [-ALL-CAMPAIGNS-] for all. */
  readonly allowedCampaigns: readonly string[];
  readonly lastSuccess?: string;
  readonly warnings: readonly MatrixWarning[];
}

export interface Matrix {
  /** More than one team: some user group is limited to some campaigns. */
  readonly sharedBox: boolean;
  readonly rows: readonly MatrixRow[];
}

const isApiUser = (v: RecordValues) => v.vdc_agent_api_access === '1' || v.api_only_user === '1';

/** `usersInGroups`: only API users of these user groups (an administrator's reach); all when undefined. */
export async function permissionMatrix(store: Store, usersInGroups?: readonly string[]): Promise<Matrix> {
  const users = (await store.adminRecords.list('users', usersInGroups ? { within: { user_group: usersInGroups } } : {})).map((r) => r.values).filter(isApiUser);
  const groups = new Map((await store.adminRecords.list('userGroups')).map((r) => [String(r.values.user_group), String(r.values.allowed_campaigns ?? '')]));
  const sharedBox = [...groups.values()].some((campaigns) => !campaignScope(campaigns).all);
  const lastSuccess = await store.auditSearch.lastSuccess(users.map((u) => String(u.user)));
  const passwords = await store.passwordDates.all();

  const rows = users.map((v): MatrixRow => {
    const user = String(v.user);
    const functions = parseSet(String(v.api_allowed_functions ?? ''));
    const campaigns = groups.get(String(v.user_group));
    const row = {
      user,
      fullName: String(v.full_name ?? ''),
      active: v.active === 'Y',
      level: Number(v.user_level),
      group: String(v.user_group ?? ''),
      apiAccess: v.vdc_agent_api_access === '1',
      apiOnly: v.api_only_user === '1',
      allowedFunctions: functions.includes(ALL_FUNCTIONS) ? [ALL_FUNCTIONS] : functions,
      listRestrict: v.api_list_restrict === '1',
      allowedCampaigns: campaigns === undefined ? [] : campaignScope(campaigns).all ? [ALL_CAMPAIGNS] : parseSet(campaigns),
      ...(lastSuccess.has(user) ? { lastSuccess: lastSuccess.get(user)! } : {}),
    };
    const warnings: MatrixWarning[] = [];
    if (row.apiAccess && !row.apiOnly)
      warnings.push({ code: 'also-agent', message: `${user} is not API Only: it can also log into a screen and be an agent. Make it API Only.` });
    if (row.apiAccess && row.allowedFunctions.includes(ALL_FUNCTIONS) && !row.listRestrict && sharedBox)
      warnings.push({
        code: 'all-functions-shared',
        message: `${user} has ALL_FUNCTIONS and no API List Restrict on a box several teams share: it can act on every team's agents and leads.`,
      });
    if (row.apiAccess && !row.lastSuccess)
      warnings.push({ code: 'never-used', message: `${user} has never made a successful API call: remove its access if nothing uses it.` });
    const dates = passwords.get(user);
    if (dates && !dates.changedAt)
      warnings.push({ code: 'password-unchanged', message: `${user}'s password has not changed since the account was created (${dates.createdAt}).` });
    return { ...row, warnings };
  });
  return { sharedBox, rows };
}
