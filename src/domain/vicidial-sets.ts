/**
 * VICIdial stores sets in text columns: a leading space, items separated by
 * spaces, and often a trailing " -" (" TEST_IN SALESLINE -"). These helpers
 * are the one place that reads and writes that format.
 */

export function parseSet(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\s+/)
    .filter((item) => item.length > 0 && item !== '-');
}

/** ' A B -' — the layout VICIdial's admin pages write. */
export function formatSet(items: Iterable<string>): string {
  const list = [...items];
  return list.length === 0 ? ' -' : ` ${list.join(' ')} -`;
}

export const ALL_CAMPAIGNS = '-ALL-CAMPAIGNS-';
export const ALL_FUNCTIONS = 'ALL_FUNCTIONS';

/** The campaigns a user group allows; `all` when it holds -ALL-CAMPAIGNS-. */
export type CampaignScope = { readonly all: true } | { readonly all: false; readonly campaigns: ReadonlySet<string> };

export function campaignScope(allowedCampaigns: string | null | undefined): CampaignScope {
  // VICIdial tests for "-ALL" case-insensitively, which matches -ALL-CAMPAIGNS-.
  if (allowedCampaigns && /-ALL/i.test(allowedCampaigns)) return { all: true };
  return { all: false, campaigns: new Set(parseSet(allowedCampaigns)) };
}

export function scopeAllows(scope: CampaignScope, campaignId: string | null | undefined): boolean {
  if (scope.all) return true;
  return !!campaignId && scope.campaigns.has(campaignId);
}

/**
 * API Allowed Functions: ' external_pause external_status ' or ' ALL_FUNCTIONS '.
 * Set membership on whitespace-split items, which agrees with VICIdial's
 * substring test for every value its admin page can produce.
 */
export function functionAllowed(allowedFunctions: string | null | undefined, fn: string): boolean {
  const items = parseSet(allowedFunctions);
  return items.includes(ALL_FUNCTIONS) || items.includes(fn);
}

/**
 * The user groups an administrator may see (admin_viewable_groups, ' G1 G2 -'):
 * every group when it holds ---ALL--- (any case) or is 3 characters or fewer;
 * otherwise the listed groups, plus objects owned by ---ALL--- or by no group.
 */
export type GroupScope = { readonly all: true } | { readonly all: false; readonly groups: ReadonlySet<string> };

export function groupScope(adminViewableGroups: string | null | undefined): GroupScope {
  const text = adminViewableGroups ?? '';
  if (/--ALL--/i.test(text) || text.length <= 3) return { all: true };
  return { all: false, groups: new Set([...parseSet(text), '---ALL---', '']) };
}

export function groupScopeAllows(scope: GroupScope, group: string | null | undefined): boolean {
  return scope.all || scope.groups.has(group ?? '');
}
