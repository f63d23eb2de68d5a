/**
 * What an agent may log into from its screen, as VICIdial's agent login
 * allows it: the campaigns of its user group's allowed_campaigns (the list
 * vdc_db_query.php's LogiNCamPaigns offers; a group that cannot be read allows
 * none), and of that campaign's in-groups any when the agent may choose them
 * (agent_choose_ingroups=1), otherwise only its default in-groups
 * (vicidial_users.closer_campaigns).
 */
import { campaignScope, parseSet, scopeAllows } from './vicidial-sets.js';

export interface AgentLoginRights {
  /** The user group's allowed_campaigns; undefined when the group does not exist. */
  readonly allowedCampaigns: string | undefined;
  /** agent_choose_ingroups. */
  readonly choosesIngroups: boolean;
  /** closer_campaigns: the agent's default in-groups. */
  readonly defaultIngroups: string;
}

export function mayLogIntoCampaign(rights: AgentLoginRights, campaignId: string): boolean {
  return scopeAllows(campaignScope(rights.allowedCampaigns ?? ''), campaignId);
}

/** The campaign's in-groups this agent may take, in the campaign's order. */
export function ingroupsOffered<T extends { readonly id: string }>(rights: AgentLoginRights, campaignIngroups: readonly T[]): T[] {
  if (rights.choosesIngroups) return [...campaignIngroups];
  const defaults = new Set(parseSet(rights.defaultIngroups));
  return campaignIngroups.filter((g) => defaults.has(g.id));
}
