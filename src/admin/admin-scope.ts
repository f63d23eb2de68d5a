/**
 * What an administrator may administer, from its user group — the same rule
 * the non-agent API's add_user/update_user apply (domain/vicidial-sets.ts):
 * - users and user groups through admin_viewable_groups (' ---ALL--- ' or a
 *   value of 3 characters or fewer: every group);
 * - campaigns, and what hangs off a campaign (its lists, campaign statuses,
 *   pause codes), through allowed_campaigns (-ALL-CAMPAIGNS-: every campaign);
 * - what every team shares (system statuses, system settings): only an
 *   administrator who may administer every group and every campaign.
 * An administrator whose user group cannot be read administers nothing.
 */
import type { UserGroup } from '../domain/user.js';
import { campaignScope, groupScope, groupScopeAllows, parseSet, scopeAllows, type CampaignScope, type GroupScope } from '../domain/vicidial-sets.js';
import type { RecordValues } from '../store/repositories/admin-records.js';
import type { Store } from '../store/store.js';
import { AdminError } from './admin-error.js';
import type { RecordSection } from './schemas.js';
import type { FieldProblem } from './user-rules.js';

export interface AdminScope {
  /** The administrator's user group, for messages. */
  readonly group: string;
  readonly groups: GroupScope;
  readonly campaigns: CampaignScope;
}

const NOTHING = { all: false as const, groups: new Set<string>(), campaigns: new Set<string>() };

export function adminScope(groupName: string, group: UserGroup | undefined): AdminScope {
  if (!group) return { group: groupName, groups: NOTHING, campaigns: NOTHING };
  return { group: groupName, groups: groupScope(group.adminViewableGroups), campaigns: campaignScope(group.allowedCampaigns) };
}

export const mayAdministerGroup = (scope: AdminScope, group: string | null | undefined) => groupScopeAllows(scope.groups, group);
export const mayAdministerCampaign = (scope: AdminScope, campaignId: string | null | undefined) => scopeAllows(scope.campaigns, campaignId);
/** Every group and every campaign: the scope that may change what all teams share. */
export const administersAll = (scope: AdminScope) => scope.groups.all && scope.campaigns.all;

/** The groups a query must keep to, or undefined for all (for SQL filters). */
export const groupsWithin = (scope: AdminScope): readonly string[] | undefined => (scope.groups.all ? undefined : [...scope.groups.groups]);
export const campaignsWithin = (scope: AdminScope): readonly string[] | undefined => (scope.campaigns.all ? undefined : [...scope.campaigns.campaigns]);

/** The refusal for a record outside the scope: the same words as for one that does not exist, so existence does not leak. */
export const outOfReach = (what: string, scope: AdminScope) =>
  new AdminError(404, 'not-found', `${what} does not exist, or is outside what user group ${scope.group} may administer.`);

/**
 * What a user group record may hold when this administrator writes it: no
 * campaign and no group beyond its own reach (else a team administrator
 * could widen its own group to every campaign).
 */
export function groupGrantProblems(scope: AdminScope, values: RecordValues): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (values.allowed_campaigns !== undefined) {
    const wanted = campaignScope(String(values.allowed_campaigns ?? ''));
    const beyond = wanted.all ? (scope.campaigns.all ? [] : ['-ALL-CAMPAIGNS-']) : [...wanted.campaigns].filter((c) => !mayAdministerCampaign(scope, c));
    if (beyond.length > 0)
      problems.push({ field: 'allowed_campaigns', message: `You may allow only campaigns user group ${scope.group} may administer; not: ${beyond.join(', ')}.` });
  }
  if (values.admin_viewable_groups !== undefined) {
    const text = String(values.admin_viewable_groups ?? '');
    const wanted = groupScope(text);
    const every = /--ALL--/i.test(text) ? '---ALL---' : 'an empty list (every group, to VICIdial)';
    const beyond = wanted.all ? (scope.groups.all ? [] : [every]) : parseSet(text).filter((g) => !mayAdministerGroup(scope, g));
    if (beyond.length > 0)
      problems.push({ field: 'admin_viewable_groups', message: `You may name only user groups ${scope.group} may administer; not: ${beyond.join(', ')}.` });
  }
  return problems;
}

/** Problems with a user record this administrator writes: a group beyond its reach; API access beyond its campaigns. */
export function userGrantProblems(scope: AdminScope, before: RecordValues | undefined, after: RecordValues): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const group = after.user_group;
  if (group !== undefined && (!before || before.user_group !== group) && !mayAdministerGroup(scope, String(group ?? '')))
    problems.push({ field: 'user_group', message: `User group ${String(group)} is outside what user group ${scope.group} may administer.` });
  // Without API List Restrict an API user reaches every campaign's agents and leads: more than a team administrator holds.
  const unrestricted = after.vdc_agent_api_access === '1' && after.api_list_restrict !== '1';
  const newly = !before || before.vdc_agent_api_access !== '1' || before.api_list_restrict === '1';
  if (!scope.campaigns.all && unrestricted && newly)
    problems.push({
      field: 'api_list_restrict',
      message: `User group ${scope.group} may administer only some campaigns: an API user you give Agent API Access must keep to them (API List Restrict).`,
    });
  return problems;
}

/** Sections and the column that says whose a record is ('shared': every team's). */
const OWNER: Readonly<Record<RecordSection, 'user_group' | 'campaign_id' | 'shared'>> = {
  userGroups: 'user_group',
  campaigns: 'campaign_id',
  lists: 'campaign_id',
  campaignStatuses: 'campaign_id',
  pauseCodes: 'campaign_id',
  statuses: 'shared',
  systemSettings: 'shared',
};

const owns = (scope: AdminScope, column: 'user_group' | 'campaign_id', value: unknown) =>
  column === 'user_group' ? mayAdministerGroup(scope, String(value ?? '')) : mayAdministerCampaign(scope, String(value ?? ''));

/** The SQL filter that keeps a section's list to the scope (column → allowed values), or undefined for none. */
export function recordsWithin(scope: AdminScope, section: RecordSection): Readonly<Record<string, readonly string[]>> | undefined {
  const column = OWNER[section];
  if (column === 'shared') return undefined;
  const within = column === 'user_group' ? groupsWithin(scope) : campaignsWithin(scope);
  return within && { [column]: within };
}

export function mayReadRecord(scope: AdminScope, section: RecordSection, values: RecordValues): boolean {
  const column = OWNER[section];
  return column === 'shared' || owns(scope, column, values[column]);
}

/** Refuse a record written (as it would be after the write) beyond the administrator's reach. */
export function checkRecordWrite(scope: AdminScope, section: RecordSection, after: RecordValues, changes: RecordValues): void {
  const column = OWNER[section];
  if (column === 'shared') {
    if (!administersAll(scope))
      throw new AdminError(403, 'not-permitted', `${section} are shared by every team: only an administrator of every user group and campaign may change them.`);
    return;
  }
  const problems: FieldProblem[] = owns(scope, column, after[column])
    ? []
    : [{ field: column, message: `${String(after[column])} is outside what user group ${scope.group} may administer.` }];
  if (section === 'userGroups') problems.push(...groupGrantProblems(scope, changes));
  if (problems.length > 0)
    throw new AdminError(403, 'outside-your-reach', `That is outside what user group ${scope.group} may administer; see fields.`, Object.fromEntries(problems.map((p) => [p.field, p.message])));
}

/**
 * Refuse unless every named user is within the administrator's reach (explain,
 * the advisor). An administrator of every group may name a user that does not
 * exist (explain says so); any other gets the same refusal as for another team's.
 */
export async function requireUsersWithin(store: Store, scope: AdminScope, users: readonly (string | undefined)[]): Promise<void> {
  if (scope.groups.all) return;
  for (const name of users) {
    if (!name) continue;
    const user = await store.users.find(name);
    if (!user || !mayAdministerGroup(scope, user.group)) throw outOfReach(`User ${name}`, scope);
  }
}
