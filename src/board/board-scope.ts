/**
 * What a stream caller may see: agents and calls of the campaigns its scope
 * allows (ApiScope: API List Restrict's rule, as for commands), and the
 * in-groups that such a campaign takes calls from.
 */
import type { ApiScope } from '../access/api-scope.js';

export interface BoardScope {
  /** Equal for callers who see the same (what they are sent can then be worked out once for all of them). */
  readonly key: string;
  allowsCampaign(campaignId: string): boolean;
  /** `takenBy`: the campaigns whose agents take this in-group's calls. */
  allowsIngroup(takenBy: readonly string[]): boolean;
}

export function boardScope(scope: ApiScope): BoardScope {
  return {
    key: scope.describe(),
    allowsCampaign: (campaignId) => scope.allowsCampaign(campaignId),
    allowsIngroup: (takenBy) => !scope.restricted || takenBy.some((c) => scope.allowsCampaign(c)),
  };
}
