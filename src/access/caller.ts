/**
 * Who is calling, for any route of any face: an API key (`Authorization:
 * Bearer`) or a user and password (parameters or HTTP Basic) — never both.
 * The one place that picks between them, so /agc/api.php,
 * /vicidial/non_agent_api.php and /api/v2 resolve callers alike.
 */
import { keyNarrowsCampaigns, narrowedFunctions, type ApiKey } from '../domain/api-key.js';
import type { SystemSettings } from '../domain/system-settings.js';
import type { Store } from '../store/store.js';
import type { AuthOptions, AuthResult, Authenticator } from './authenticate.js';

export interface CallerCredentials {
  readonly user: string;
  readonly pass: string;
  readonly ip: string;
  /** The Bearer token, when the request sent one. */
  readonly apiKey?: string | undefined;
}

/** The login's outcome, and the key it was made with (also when the key was refused, for the audit). */
export type CallerResult = (AuthResult | { ok: false; reason: 'CONFLICT' }) & { readonly key?: ApiKey };

/**
 * Both a key and a user or password: refused before anything is checked or
 * counted. Which credential was meant is not guessed.
 */
export function resolveCaller(
  authenticator: Authenticator,
  store: Store,
  credentials: CallerCredentials,
  settings: SystemSettings,
  now: Date,
  options: AuthOptions = {},
): Promise<CallerResult> {
  if (credentials.apiKey === undefined) return authenticator.authenticate(store, credentials, settings, now, options);
  if (credentials.user !== '' || credentials.pass !== '') return Promise.resolve({ ok: false, reason: 'CONFLICT' });
  return authenticator.authenticateKey(store, credentials.apiKey, credentials.ip, settings, now, options);
}

/**
 * The user as a key request sees it: its own API Allowed Functions narrowed
 * to the key's, and API List Restrict on when the key names campaigns (the
 * scope then narrows to them: ApiScope.forGroup with the key). Everything
 * else is the user's own, as it is now.
 */
export function narrowedUser<T extends { readonly allowedFunctions: string; readonly listRestrict: boolean } | undefined>(user: T, key: ApiKey | undefined): T {
  if (!key || !user) return user;
  return { ...user, allowedFunctions: narrowedFunctions(user.allowedFunctions, key), listRestrict: user.listRestrict || keyNarrowsCampaigns(key) };
}
