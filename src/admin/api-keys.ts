/**
 * Making, listing and revoking API keys: the rules the command line and the
 * admin console share. A key is given only to a user who may use the API,
 * never with more than the user holds (functions, its group's campaigns),
 * never already expired; its secret is returned once and only its digest kept.
 */
import { generateApiKey } from '../access/api-key-format.js';
import { keyRequestProblem, type ApiKey } from '../domain/api-key.js';
import type { Store } from '../store/store.js';
import { KNOWN_FUNCTIONS } from './catalog.js';

export interface KeyRequest {
  readonly user: string;
  readonly name: string;
  readonly functions: readonly string[];
  readonly campaigns: readonly string[];
  readonly ratePerSecond?: number | undefined;
  readonly expiresAt?: Date | undefined;
}

export type KeyCreation =
  | { readonly ok: true; readonly key: ApiKey; /** The whole key: shown once, stored nowhere. */ readonly secret: string }
  | { readonly ok: false; readonly kind: 'no-user' | 'refused' | 'name-taken'; readonly message: string };

/** Turn a comma list into names (blank items dropped, duplicates once). */
export function listOption(text: string | undefined): string[] {
  return [...new Set((text ?? '').split(',').map((s) => s.trim()).filter(Boolean))];
}

export async function createApiKey(store: Store, request: KeyRequest, now: Date): Promise<KeyCreation> {
  const user = await store.users.find(request.user);
  if (!user) return { ok: false, kind: 'no-user', message: `there is no user ${request.user}` };
  const group = await store.users.findGroup(user.group);
  const problem = keyRequestProblem(request, user, group?.allowedCampaigns, KNOWN_FUNCTIONS, now);
  if (problem) return { ok: false, kind: 'refused', message: problem };
  const made = generateApiKey();
  const inserted = await store.apiKeys.insert({
    user: user.user,
    name: request.name,
    digest: made.digest,
    prefix: made.prefix,
    functions: request.functions,
    campaigns: request.campaigns,
    ratePerSecond: request.ratePerSecond,
    expiresAt: request.expiresAt,
    createdAt: now,
  });
  if (!inserted)
    return { ok: false, kind: 'name-taken', message: `${user.user} already has a key named ${request.name} (a revoked key keeps its name, so the audit trail stays unambiguous): choose another name` };
  const key = await store.apiKeys.find(user.user, request.name);
  return { ok: true, key: key!, secret: made.key };
}

/** What a key looks like to whoever lists it: never its secret or digest. */
export interface KeySummary {
  readonly user: string;
  readonly name: string;
  readonly prefix: string;
  readonly functions: readonly string[];
  readonly campaigns: readonly string[];
  readonly ratePerSecond: number | null;
  readonly expiresAt: string | null;
  readonly createdAt: string;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
  readonly state: 'active' | 'revoked' | 'expired';
}

export function keySummary(key: ApiKey, now: Date): KeySummary {
  const iso = (d: Date | undefined) => (d ? d.toISOString() : null);
  return {
    user: key.user,
    name: key.name,
    prefix: key.prefix,
    functions: key.functions,
    campaigns: key.campaigns,
    ratePerSecond: key.ratePerSecond ?? null,
    expiresAt: iso(key.expiresAt),
    createdAt: key.createdAt.toISOString(),
    revokedAt: iso(key.revokedAt),
    lastUsedAt: iso(key.lastUsedAt),
    state: key.revokedAt ? 'revoked' : key.expiresAt && key.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active',
  };
}

/**
 * A date given as YYYY-MM-DD (the end of that day, server time) or as an
 * ISO timestamp; undefined when it reads as neither.
 */
export function parseExpiry(text: string): Date | undefined {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 23, 59, 59) : new Date(text);
  if (Number.isNaN(date.getTime())) return undefined;
  if (day && (date.getMonth() !== Number(day[2]) - 1 || date.getDate() !== Number(day[3]))) return undefined;
  return date;
}
