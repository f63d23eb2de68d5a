/**
 * Who is calling: the credential test of VICIdial's user_authorization(),
 * with its defects fixed (permissions.md §2, §10). It only decides; the
 * caller records a failure in the same transaction as the audit row.
 */
import type { SystemSettings } from '../domain/system-settings.js';
import type { UserAccount } from '../domain/user.js';
import type { Store } from '../store/store.js';
import type { CredentialCache } from './credential-cache.js';
import { isLocked } from './lockout.js';
import type { Passwords } from './passwords.js';

/**
 * Why a login failed — for the audit log only; the client always sees the
 * same line. `counted` failures raise the lock counter.
 */
export type AuthFailure =
  | { reason: 'NOUSER'; counted: false }
  | { reason: 'BAD' | 'LOCK' | 'INACTIVE' | 'LEVEL0'; counted: true }
  | { reason: 'IPBLOCK'; counted: false }
  /** A correct password below the policy's level, when the policy does not count it. */
  | { reason: 'LOWLEVEL'; counted: false };

export type AuthResult = { ok: true; account: UserAccount } | ({ ok: false } & AuthFailure);

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

export class Authenticator {
  constructor(
    private readonly passwords: Passwords,
    private readonly cache: CredentialCache,
  ) {}

  async authenticate(
    store: Store,
    credentials: Credentials,
    settings: SystemSettings,
    now: Date,
    options: AuthOptions = {},
  ): Promise<AuthResult> {
    const account = credentials.user ? await store.users.findAccount(credentials.user) : undefined;
    if (!account) {
      await this.passwords.decoy(credentials.pass);
      return { ok: false, reason: 'NOUSER', counted: false };
    }
    // A locked account fails whatever the password: no verification is spent on it.
    if (isLocked(account.counters, now)) return { ok: false, reason: 'LOCK', counted: true };

    const passwordOk = options.skipPassword || (await this.checkPassword(account, credentials.pass, settings, now));
    if (!passwordOk) return { ok: false, reason: 'BAD', counted: true };
    // VICIdial folds these into the credential query, so they count as failures too.
    if (!account.profile.active) return { ok: false, reason: 'INACTIVE', counted: true };
    const policy = options.policy ?? AGENT_API_LOGIN;
    if (account.profile.level < policy.minLevel)
      return policy.countLowLevel ? { ok: false, reason: 'LEVEL0', counted: true } : { ok: false, reason: 'LOWLEVEL', counted: false };

    if (!options.skipIpLists && (await this.ipBlocked(store, account, settings, credentials.ip))) return { ok: false, reason: 'IPBLOCK', counted: false };
    return { ok: true, account };
  }

  private async checkPassword(account: UserAccount, pass: string, settings: SystemSettings, now: Date): Promise<boolean> {
    const { user, securityStamp } = account.profile;
    if (pass.length === 0) return false;
    if (this.cache.verified(user, pass, securityStamp, now.getTime())) return true;
    const ok = await this.passwords.verify(pass, account.credentials, settings);
    if (ok) this.cache.remember(user, pass, securityStamp, now.getTime());
    return ok;
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
