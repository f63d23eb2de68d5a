/**
 * An API key: a named credential of one API user that acts as that user and
 * never beyond. It may narrow the user further — to some of its allowed
 * functions, to some of its user group's campaigns, to a rate, to a date —
 * and it is checked against the user as the user is at every request.
 */
import { ALL_FUNCTIONS, campaignScope, parseSet, type CampaignScope } from './vicidial-sets.js';

export interface ApiKey {
  readonly id: number;
  readonly user: string;
  readonly name: string;
  /** The public part of the key, shown in lists so a key can be recognised. */
  readonly prefix: string;
  /** The functions the key may call; empty: every function the user may. */
  readonly functions: readonly string[];
  /** The campaigns the key may reach; empty: every campaign the user may. */
  readonly campaigns: readonly string[];
  /** Requests per second (a token bucket of this size), or undefined for no limit of its own. */
  readonly ratePerSecond: number | undefined;
  readonly expiresAt: Date | undefined;
  readonly createdAt: Date;
  readonly revokedAt: Date | undefined;
  readonly lastUsedAt: Date | undefined;
}

/** Why a key found by its digest may not be used now. */
export type KeyUnusable = 'revoked' | 'expired';

export function keyUnusable(key: ApiKey, now: Date): KeyUnusable | undefined {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return 'expired';
  return undefined;
}

/**
 * The API Allowed Functions a request made with `key` has: the user's own,
 * narrowed to the key's list. A key function the user no longer holds is
 * not in it, so it is refused like any function the user may not call.
 */
export function narrowedFunctions(userAllowed: string, key: ApiKey): string {
  if (key.functions.length === 0) return userAllowed;
  const own = parseSet(userAllowed);
  const kept = own.includes(ALL_FUNCTIONS) ? key.functions : key.functions.filter((fn) => own.includes(fn));
  // Never an empty set: VICIdial reads nothing as nothing, which is what is meant.
  return ` ${kept.join(' ')} `;
}

/**
 * The campaigns a request made with `key` may reach: those of the user
 * group's allowed campaigns that the key names. A campaign the group lost
 * is not in it.
 */
export function narrowedCampaigns(groupAllowed: CampaignScope, key: ApiKey): CampaignScope {
  if (key.campaigns.length === 0) return groupAllowed;
  const kept = key.campaigns.filter((c) => groupAllowed.all || groupAllowed.campaigns.has(c));
  return { all: false, campaigns: new Set(kept) };
}

export const KEY_NAME = /^[A-Za-z0-9_.-]{1,40}$/;

/** Does the key narrow the campaigns (so API List Restrict applies to its requests)? */
export const keyNarrowsCampaigns = (key: ApiKey): boolean => key.campaigns.length > 0;

/**
 * Why a key may not be created for a user as it is now; undefined when it
 * may. The same rules for the command line and the admin console.
 */
export function keyRequestProblem(
  request: { readonly name: string; readonly functions: readonly string[]; readonly campaigns: readonly string[]; readonly ratePerSecond?: number | undefined; readonly expiresAt?: Date | undefined },
  user: { readonly user: string; readonly active: boolean; readonly apiAccess: boolean; readonly allowedFunctions: string },
  groupAllowedCampaigns: string | undefined,
  knownFunctions: ReadonlySet<string>,
  now: Date,
): string | undefined {
  if (!KEY_NAME.test(request.name)) return 'a key name is 1 to 40 letters, digits, dots, dashes or underscores';
  const unknown = request.functions.filter((fn) => !knownFunctions.has(fn));
  if (unknown.length > 0) return `no API function is called ${unknown.join(', ')}`;
  if (!user.active) return `${user.user} is not active`;
  if (!user.apiAccess) return `${user.user} has no Agent API Access: a key acts as its user, and this user may not use the API`;
  const own = parseSet(user.allowedFunctions);
  if (own.length === 0) return `${user.user} has no API Allowed Functions: a key acts as its user, and this user may call no function`;
  if (!own.includes(ALL_FUNCTIONS)) {
    const beyond = request.functions.filter((fn) => !own.includes(fn));
    if (beyond.length > 0) return `${user.user} may not call ${beyond.join(', ')}: a key's functions must be among the user's API Allowed Functions (${own.join(' ')})`;
  }
  if (request.campaigns.length > 0) {
    if (groupAllowedCampaigns === undefined) return `${user.user}'s user group does not exist, so the key can be given no campaign`;
    const scope = campaignScope(groupAllowedCampaigns);
    const beyond = scope.all ? [] : request.campaigns.filter((c) => !scope.campaigns.has(c));
    if (beyond.length > 0)
      return `${user.user}'s user group does not allow campaign ${beyond.join(', ')}: a key's campaigns must be among its allowed campaigns (${scope.all ? 'all' : [...scope.campaigns].join(' ') || 'none'})`;
  }
  if (request.ratePerSecond !== undefined && (!Number.isInteger(request.ratePerSecond) || request.ratePerSecond < 1 || request.ratePerSecond > 100_000))
    return 'the rate must be a whole number of requests per second, from 1 to 100000';
  if (request.expiresAt && request.expiresAt.getTime() <= now.getTime()) return `the expiry ${request.expiresAt.toISOString()} is in the past: give a date to come`;
  return undefined;
}
