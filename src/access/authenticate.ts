/**
 * Who is calling: the credential test of VICIdial's user_authorization(),
 * with its defects fixed (permissions.md §2, §10). It only decides; the
 * caller records a failure in the same transaction as the audit row
 * (recordLoginFailure).
 *
 * What it holds to, under any concurrency:
 * - once ten failures are counted, no password of the account is verified:
 *   each attempt reserves its place in the count in the database before its
 *   hash is checked (UsersRepository.claimLoginAttempt);
 * - every failure costs one hash, whatever failed — an unknown user, a
 *   locked or inactive account, an empty password — so timing tells nothing;
 * - the hashing clients can cause is bounded (LoginThrottle): a refusal comes
 *   at once, before any hash, and says when to try again;
 * - a password verified before is recognised from the credential cache,
 *   without hashing and without the throttle.
 */
import { keyUnusable, type ApiKey } from '../domain/api-key.js';
import type { SystemSettings } from '../domain/system-settings.js';
import type { UserAccount } from '../domain/user.js';
import type { Store } from '../store/store.js';
import type { CredentialCache } from './credential-cache.js';
import { apiKeyDigest, looksLikeApiKey } from './api-key-format.js';
import { isLocked, lockWindowStart } from './lockout.js';
import { LoginThrottle } from './login-throttle.js';
import type { Passwords } from './passwords.js';

/**
 * Why a login failed — for the audit log only; the client always sees the
 * same line, except for THROTTLED, which is about its address and says when
 * to try again. `counted` failures raise the lock counter; `reserved` ones
 * raised it before the password was checked.
 */
export type AuthFailure =
  | { reason: 'NOUSER'; counted: false }
  | { reason: 'BAD' | 'LOCK' | 'INACTIVE' | 'LEVEL0'; counted: true; reserved?: boolean }
  | { reason: 'IPBLOCK'; counted: false }
  /** A correct password below the policy's level, when the policy does not count it. */
  | { reason: 'LOWLEVEL'; counted: false }
  /** Refused before any check: the address spent its failure budget, or too many logins wait for a hash. */
  | { reason: 'THROTTLED'; counted: false; cause: 'address' | 'busy'; retryAfterSeconds: number }
  /**
   * An API key that may not be used: unknown, revoked, expired, or its user
   * no longer active or of a high enough level. Never counted toward the
   * user's lock: a key is not a guess at the password.
   */
  | { reason: 'BADKEY'; counted: false; why: KeyRefusal };

export type KeyRefusal = 'UNKNOWN' | 'REVOKED' | 'EXPIRED' | 'NOUSER' | 'INACTIVE' | 'LEVEL0' | 'LOWLEVEL';

export type AuthResult = { ok: true; account: UserAccount } | ({ ok: false } & AuthFailure);

/** The reason as the audit row records it: a refused key says why (BADKEY-REVOKED, BADKEY-EXPIRED…). */
export function auditReason(failure: AuthFailure): string {
  return failure.reason === 'BADKEY' ? `BADKEY-${failure.why}` : failure.reason;
}

/** A login with an API key: the key, when one was found (for the audit row, even when refused). */
export type KeyAuthResult = ({ ok: true; account: UserAccount } | ({ ok: false } & AuthFailure)) & { key?: ApiKey };

export interface Credentials {
  readonly user: string;
  readonly pass: string;
  readonly ip: string;
}

/**
 * What a login requires beyond the password. The agent API takes any level
 * above 0; the non-agent API VICIdial's REPORTS option, level 7 and up.
 */
export interface LoginPolicy {
  readonly minLevel: number;
  /** Whether a correct password below minLevel counts toward the lock (VICIdial counts it). */
  readonly countLowLevel: boolean;
}

export const AGENT_API_LOGIN: LoginPolicy = { minLevel: 1, countLowLevel: true };

/**
 * What `explain` leaves out: an administrator does not know the API user's
 * password, and may not know the address a request would come from.
 * Every other check runs exactly as for a request.
 */
export interface AuthOptions {
  readonly skipPassword?: boolean;
  readonly skipIpLists?: boolean;
  /** The login rules; the agent API's by default. */
  readonly policy?: LoginPolicy;
}

/** The failures that say the password was wrong or not tried: they spend the address's budget. */
const GUESS_FAILURES = new Set<AuthFailure['reason']>(['NOUSER', 'BAD', 'LOCK']);

export class Authenticator {
  constructor(
    private readonly passwords: Passwords,
    private readonly cache: CredentialCache,
    private readonly throttle = new LoginThrottle(),
  ) {}

  async authenticate(
    store: Store,
    credentials: Credentials,
    settings: SystemSettings,
    now: Date,
    options: AuthOptions = {},
  ): Promise<AuthResult> {
    const account = credentials.user ? await store.users.findAccount(credentials.user) : undefined;
    if (options.skipPassword) {
      if (!account) return { ok: false, reason: 'NOUSER', counted: false };
      if (isLocked(account.counters, now)) return { ok: false, reason: 'LOCK', counted: true };
      return this.afterPassword(store, account, credentials, settings, options);
    }
    if (account && !isLocked(account.counters, now) && this.knownGood(account, credentials.pass, now))
      return this.afterPassword(store, account, credentials, settings, options);

    const admission = await this.throttle.admit(credentials.ip, now);
    if (!admission.admitted) return { ok: false, reason: 'THROTTLED', counted: false, cause: admission.cause, retryAfterSeconds: admission.retryAfterSeconds };
    let result: AuthResult | undefined;
    try {
      result = await this.checkWithHash(store, account, credentials, settings, now, options);
      return result;
    } finally {
      admission.settle(!result || (!result.ok && GUESS_FAILURES.has(result.reason)) ? 'failure' : 'success');
    }
  }

  /**
   * A login with an API key: the key's own checks (known, not revoked, not
   * expired), then the user's as they are now (active, level, IP lists), as
   * after a right password. A wrong, revoked or expired key spends the
   * address's failure budget like a wrong password, but never the account's
   * lock: the lock protects the password, which a key does not guess. A key
   * of a locked account still works for the same reason.
   */
  async authenticateKey(store: Store, token: string, ip: string, settings: SystemSettings, now: Date, options: AuthOptions = {}): Promise<KeyAuthResult> {
    const refused = this.throttle.refusal(ip, now);
    if (refused) return { ok: false, reason: 'THROTTLED', counted: false, ...refused };
    const key = looksLikeApiKey(token) ? await store.apiKeys.findByDigest(apiKeyDigest(token)) : undefined;
    const unusable = key ? keyUnusable(key, now) : 'unknown';
    if (!key || unusable) {
      this.throttle.spend(ip, now);
      const why = unusable === 'revoked' ? 'REVOKED' : unusable === 'expired' ? 'EXPIRED' : 'UNKNOWN';
      return { ok: false, reason: 'BADKEY', counted: false, why, ...(key ? { key } : {}) };
    }
    const account = await store.users.findAccount(key.user);
    if (!account) return { ok: false, reason: 'BADKEY', counted: false, why: 'NOUSER', key };
    const result = await this.afterPassword(store, account, { user: key.user, pass: '', ip }, settings, options);
    if (result.ok || result.reason === 'IPBLOCK') return { ...result, key };
    const why = result.reason === 'INACTIVE' || result.reason === 'LEVEL0' || result.reason === 'LOWLEVEL' ? result.reason : 'INACTIVE';
    return { ok: false, reason: 'BADKEY', counted: false, why, key };
  }

  /** A password this node verified for the account as it is now. */
  private knownGood(account: UserAccount, pass: string, now: Date): boolean {
    const { user, securityStamp } = account.profile;
    return pass.length > 0 && this.cache.verified(user, pass, securityStamp, now.getTime());
  }

  /** Exactly one hash, whatever the outcome; the account's own only with a reserved attempt. */
  private async checkWithHash(
    store: Store,
    account: UserAccount | undefined,
    credentials: Credentials,
    settings: SystemSettings,
    now: Date,
    options: AuthOptions,
  ): Promise<AuthResult> {
    const { pass } = credentials;
    if (!account) {
      await this.passwords.decoy(pass);
      return { ok: false, reason: 'NOUSER', counted: false };
    }
    const user = account.profile.user;
    if (pass.length === 0) {
      await this.passwords.decoy(pass);
      return { ok: false, reason: 'BAD', counted: true };
    }
    // A locked account fails whatever the password: its own is never verified.
    if (isLocked(account.counters, now) || !(await store.users.claimLoginAttempt(user, now, lockWindowStart(now)))) {
      await this.passwords.decoy(pass);
      return { ok: false, reason: 'LOCK', counted: true };
    }
    if (!(await this.passwords.verify(pass, account.credentials, settings))) return { ok: false, reason: 'BAD', counted: true, reserved: true };
    await store.users.releaseLoginAttempt(user);
    this.cache.remember(user, pass, account.profile.securityStamp, now.getTime());
    return this.afterPassword(store, account, credentials, settings, options);
  }

  /** The checks VICIdial folds into the credential query, and the IP lists, once the password is right. */
  private async afterPassword(
    store: Store,
    account: UserAccount,
    credentials: Credentials,
    settings: SystemSettings,
    options: AuthOptions,
  ): Promise<AuthResult> {
    // VICIdial folds these into the credential query, so they count as failures too.
    if (!account.profile.active) return { ok: false, reason: 'INACTIVE', counted: true };
    const policy = options.policy ?? AGENT_API_LOGIN;
    if (account.profile.level < policy.minLevel)
      return policy.countLowLevel ? { ok: false, reason: 'LEVEL0', counted: true } : { ok: false, reason: 'LOWLEVEL', counted: false };

    if (!options.skipIpLists && (await this.ipBlocked(store, account, settings, credentials.ip))) return { ok: false, reason: 'IPBLOCK', counted: false };
    return { ok: true, account };
  }

  /** VICIdial's IP lists: the system blacklist, then the user group's API whitelist. */
  private async ipBlocked(store: Store, account: UserAccount, settings: SystemSettings, ip: string): Promise<boolean> {
    if (!settings.allowIpLists || account.profile.ignoreIpList) return false;
    const addresses = ipForms(ip);
    if (settings.systemIpBlacklist.length > 1 && (await store.settings.ipListContains(settings.systemIpBlacklist, addresses)))
      return true;
    const group = await store.users.findGroup(account.profile.group);
    const whitelist = group?.apiIpList ?? '';
    return whitelist.length > 1 && !(await store.settings.ipListContains(whitelist, addresses));
  }
}

/** The address and its class-C form (a.b.c.x), as VICIdial matches them. */
export function ipForms(ip: string): string[] {
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  const parts = v4.split('.');
  return parts.length === 4 ? [v4, `${parts[0]}.${parts[1]}.${parts[2]}.x`] : [v4];
}
