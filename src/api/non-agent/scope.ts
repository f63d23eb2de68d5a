/**
 * The API user's user-group scope in reports and admin functions (spec §3.6):
 * allowed_campaigns for campaigns and what hangs off them, and
 * admin_viewable_groups for users and in-groups. agentgate applies them also
 * where VICIdial forgets to (agent_stats_export, callid_info,
 * call_status_stats, call_dispo_report, a SYSTEM lead_search).
 */
import type { LeadRecord } from '../../domain/lead-record.js';
import { campaignScope, groupScope, groupScopeAllows, scopeAllows, type CampaignScope, type GroupScope } from '../../domain/vicidial-sets.js';
import type { NonAgentCall } from './non-agent-function.js';

export interface Scopes {
  readonly campaigns: CampaignScope;
  readonly groups: GroupScope;
}

export async function scopesOf(call: NonAgentCall): Promise<Scopes> {
  const group = await call.group();
  return { campaigns: campaignScope(group?.allowedCampaigns ?? ''), groups: groupScope(group?.adminViewableGroups ?? '') };
}

/** Is this one of the campaigns the API user's group allows? (A campaign it may not use is treated as one that does not exist.) */
export async function allowsCampaign(call: NonAgentCall, campaignId: string): Promise<boolean> {
  return scopeAllows(campaignScope((await call.group())?.allowedCampaigns ?? ''), campaignId);
}

/** May the API user's group see this list: is it in an allowed campaign (spec §3.6)? An unknown list is not visible. */
export async function listVisible(call: NonAgentCall, listId: number): Promise<boolean> {
  const list = await call.unit.store.campaigns.findList(listId);
  return !!list && (await allowsCampaign(call, list.campaignId));
}

/** May the API user's group see this lead: is its list in an allowed campaign? */
export const leadVisible = (call: NonAgentCall, lead: LeadRecord): Promise<boolean> => listVisible(call, Number(lead.list_id));

/** May the API user's group see users of this user group (admin_viewable_groups)? */
export async function allowsUserGroup(call: NonAgentCall, group: string): Promise<boolean> {
  return groupScopeAllows(groupScope((await call.group())?.adminViewableGroups ?? ''), group);
}

/** The campaigns the API user may see, or undefined for all of them. */
export function campaignList(scope: CampaignScope): string[] | undefined {
  return scope.all ? undefined : [...scope.campaigns];
}

/**
 * The campaign and in-group ids whose calls the API user may see: allowed
 * campaigns plus in-groups owned by viewable user groups; undefined for all.
 */
export async function callQueueScope(call: NonAgentCall, scopes: Scopes): Promise<string[] | undefined> {
  if (scopes.campaigns.all) return undefined;
  const ingroups = await call.unit.store.campaigns.inboundGroupRows();
  return [...scopes.campaigns.campaigns, ...ingroups.filter((g) => groupScopeAllows(scopes.groups, g.user_group)).map((g) => g.group_id)];
}

export { groupScopeAllows, scopeAllows };
