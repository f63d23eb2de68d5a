/**
 * Making, listing and revoking API keys: the rules the command line and the
 * admin console share. A key is given only to a user who may use the API,
 * never with more than the user holds (functions, its group's campaigns),
 * never already expired; its secret is returned once and only its digest kept.
 */
import { generateApiKey } from '../access/api-key-format.js';
import { keyRequestProblem, type ApiKey } from '../domain/api-key.js';
import type { Store } from '../store/store.js';
import type { ApiKeyCreated, ApiKeyList, ApiKeyView } from '../wire/admin.js';
import type { AdminDeps } from './actor.js';
import { AdminError } from './admin-error.js';
import { mayAdministerCampaign, mayAdministerGroup, outOfReach } from './admin-scope.js';
import { requireSection } from './actor.js';
import { KNOWN_FUNCTIONS } from './catalog.js';
import type { Actor } from './change-log.js';

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
export type KeySummary = ApiKeyView;

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

/**
 * The console's keys of a user: only a user the administrator may
 * administer (else it reads as one that does not exist), changes only with
 * modify_users, a key's campaigns only within the administrator's own; each
 * creation and revocation is a vicidial_admin_log row (never the secret).
 */
export class ApiKeyAdmin {
  constructor(private readonly deps: Pick<AdminDeps, 'store' | 'clock'>) {}

  async list(actor: Actor, user: string): Promise<ApiKeyList> {
    await this.reachable(actor, user);
    const now = this.deps.clock.now();
    return { keys: (await this.deps.store.apiKeys.list(user)).map((k) => keySummary(k, now)) };
  }

  async create(actor: Actor, request: KeyRequest): Promise<ApiKeyCreated> {
    requireSection(actor, 'users');
    await this.reachable(actor, request.user);
    const beyond = request.campaigns.filter((c) => !mayAdministerCampaign(actor.scope, c));
    if (beyond.length > 0) throw new AdminError(400, 'invalid', `You may give a key only campaigns user group ${actor.scope.group} may administer; not: ${beyond.join(', ')}.`, { campaigns: `not yours to give: ${beyond.join(', ')}` });
    const now = this.deps.clock.now();
    return this.deps.store.transaction(async (store) => {
      const made = await createApiKey(store, request, now);
      if (!made.ok) throw new AdminError(made.kind === 'name-taken' ? 409 : 400, made.kind === 'name-taken' ? 'conflict' : 'invalid', made.message, { [made.kind === 'name-taken' ? 'name' : 'key']: made.message });
      const k = made.key;
      await this.log(store, actor, now, 'ADD', k.user, `API key ${k.name} created (agk_${k.prefix}_…; functions ${k.functions.join(' ') || 'all'}; campaigns ${k.campaigns.join(' ') || 'all'}; rate ${k.ratePerSecond ?? 'none'}; expires ${k.expiresAt?.toISOString() ?? 'never'})`);
      return { key: keySummary(k, now), secret: made.secret };
    });
  }

  async revoke(actor: Actor, user: string, name: string): Promise<ApiKeyView> {
    requireSection(actor, 'users');
    await this.reachable(actor, user);
    const now = this.deps.clock.now();
    return this.deps.store.transaction(async (store) => {
      const found = await store.apiKeys.find(user, name);
      if (!found) throw new AdminError(404, 'not-found', `${user} has no API key named ${name}.`);
      if (!(await store.apiKeys.revoke(user, name, now))) throw new AdminError(409, 'conflict', `API key ${name} of ${user} is already revoked.`);
      await this.log(store, actor, now, 'MODIFY', user, `API key ${name} revoked (agk_${found.prefix}_…)`);
      return keySummary({ ...found, revokedAt: now }, now);
    });
  }

  private async reachable(actor: Actor, user: string): Promise<void> {
    const found = await this.deps.store.users.find(user);
    if (!found || !mayAdministerGroup(actor.scope, found.group)) throw outOfReach(`User ${user}`, actor.scope);
  }

  private async log(store: Store, actor: Actor, now: Date, type: 'ADD' | 'MODIFY', user: string, description: string): Promise<void> {
    await store.adminLog.insert({ user: actor.user, ip: actor.ip, section: 'USERS', type, recordId: user, code: `ADMIN CONSOLE ${type} API KEY`, description, notes: '', now });
  }
}
