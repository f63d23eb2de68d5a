/**
 * The permission matrix: every API user (Agent API Access or API Only) with
 * what it may do and where, what the account is for, and the advice that
 * fits it (matrix-advice.ts).
 */
import { ALL_CAMPAIGNS, ALL_FUNCTIONS, campaignScope, parseSet } from '../domain/vicidial-sets.js';
import type { Clock } from '../domain/clock.js';
import type { RecordValues } from '../store/repositories/admin-records.js';
import type { Store } from '../store/store.js';
import type { Matrix, MatrixRow } from '../wire/admin.js';
import { matrixWarnings, roleOf } from './matrix-advice.js';

export type { Matrix, MatrixRow, MatrixWarning } from '../wire/admin.js';

const isApiUser = (v: RecordValues) => v.vdc_agent_api_access === '1' || v.api_only_user === '1';

/** `usersInGroups`: only API users of these user groups (an administrator's reach); all when undefined. */
export async function permissionMatrix(store: Store, clock: Clock, usersInGroups?: readonly string[]): Promise<Matrix> {
  const users = (await store.adminRecords.list('users', usersInGroups ? { within: { user_group: usersInGroups } } : {})).map((r) => r.values).filter(isApiUser);
  const groups = new Map((await store.adminRecords.list('userGroups')).map((r) => [String(r.values.user_group), String(r.values.allowed_campaigns ?? '')]));
  const sharedBox = [...groups.values()].some((campaigns) => !campaignScope(campaigns).all);
  const lastSuccess = await store.auditSearch.lastSuccess(users.map((u) => String(u.user)));
  const passwords = await store.passwordDates.all();

  const rows = users.map((v): MatrixRow => {
    const user = String(v.user);
    const functions = parseSet(String(v.api_allowed_functions ?? ''));
    const campaigns = groups.get(String(v.user_group));
    const level = Number(v.user_level);
    const apiOnly = v.api_only_user === '1';
    const dates = passwords.get(user);
    const row = {
      user,
      fullName: String(v.full_name ?? ''),
      active: v.active === 'Y',
      level,
      group: String(v.user_group ?? ''),
      role: roleOf({ level, apiOnly }),
      apiAccess: v.vdc_agent_api_access === '1',
      apiOnly,
      allowedFunctions: functions.includes(ALL_FUNCTIONS) ? [ALL_FUNCTIONS] : functions,
      listRestrict: v.api_list_restrict === '1',
      allowedCampaigns: campaigns === undefined ? [] : campaignScope(campaigns).all ? [ALL_CAMPAIGNS] : parseSet(campaigns),
      ...(lastSuccess.has(user) ? { lastSuccess: lastSuccess.get(user)! } : {}),
    };
    const warnings = matrixWarnings({
      ...row,
      allowsAll: row.allowedFunctions.includes(ALL_FUNCTIONS),
      sharedBox,
      createdAt: dates?.createdAt,
      passwordChanged: dates ? dates.changedAt !== undefined : undefined,
      now: clock.now(),
    });
    return { ...row, warnings };
  });
  return { sharedBox, rows };
}
