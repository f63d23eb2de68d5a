/**
 * /vicidial/non_agent_api.php: one request in VICIdial's order (spec §3):
 * filters, version and the teapot before login, the non-agent login (level 7
 * and up, lockout, counters), API List Restrict's group check, then the
 * function's prelude (source, allowed functions, permission) and the function.
 * The effect, the login bookkeeping and the audit rows commit in one transaction.
 */
import { ApiScope } from '../../access/api-scope.js';
import { auditReason, type AuthFailure, type Authenticator, type LoginPolicy } from '../../access/authenticate.js';
import { narrowedUser, resolveCaller } from '../../access/caller.js';
import type { RateLimits } from '../../access/rate-limits.js';
import type { ApiKey } from '../../domain/api-key.js';
import type { CredentialCache } from '../../access/credential-cache.js';
import { recordLoginFailure } from '../../access/lockout.js';
import type { Passwords } from '../../access/passwords.js';
import type { Unit, UnitRunner } from '../../store/unit-of-work.js';
import type { AuditTrail } from '../../audit/audit-trail.js';
import type { AdminRights } from '../../domain/admin-rights.js';
import { epochSeconds, sqlDateTime, type Clock } from '../../domain/clock.js';
import type { SystemSettings } from '../../domain/system-settings.js';
import type { UserGroup } from '../../domain/user.js';
import { functionAllowed } from '../../domain/vicidial-sets.js';
import type { FailureCodes } from '../../store/repositories/users.js';
import type { SettingsCache } from '../../store/settings-cache.js';
import type { Store } from '../../store/store.js';
import { customLine, type Line } from '../legacy/lines.js';
import { credentialConflictReply, rateLimitedReply, throttledReply } from '../legacy/throttled.js';
import type { LegacyRequest } from '../legacy/legacy-request.js';
import { auditEntry } from '../legacy/audit-entry.js';
import { filterNonAgentParams, type FilteredParams } from './input-filters.js';
import { invalidSource, t1 } from './messages.js';
import type { NonAgentCall, NonAgentFunction, NonAgentReply } from './non-agent-function.js';
import { unmet } from './permissions.js';
import { phpNumber } from './report-format.js';
import { NON_AGENT_BUILD, NON_AGENT_VERSION } from './version.js';

const COFFEE = new Set(['coffee', 'start_coffee', 'make_coffee', 'brew_coffee']);

/** VICIdial's REPORTS login: level 7 and up. A right password below it is not counted toward the lock. */
export const NON_AGENT_LOGIN: LoginPolicy = { minLevel: 7, countLowLevel: false };
const FAILURE_CODES: FailureCodes = { bad: 'aBAD', lock: 'aLOCK' };

/** The functions API List Restrict applies to (spec §3.5, and lead_status_search, which VICIdial's matrix also restricts). */
const LIST_RESTRICTED = new Set(['add_lead', 'update_lead', 'batch_update_lead', 'update_list', 'list_info', 'lead_search', 'lead_status_search']);

/** The fixed stand-in for the password VICIdial echoes in its login failure line. */
export const PASSWORD_PLACEHOLDER = '***';

export interface NonAgentApiDeps {
  readonly store: Store;
  readonly settings: SettingsCache;
  readonly runner: UnitRunner;
  readonly authenticator: Authenticator;
  readonly clock: Clock;
  readonly audit: AuditTrail;
  readonly functions: ReadonlyMap<string, NonAgentFunction>;
  /** add_user, copy_user and update_user hash passwords and void cached checks. */
  readonly passwords: Passwords;
  readonly credentialCache: CredentialCache;
  readonly rateLimits: RateLimits;
}

export class NonAgentApi {
  constructor(private readonly deps: NonAgentApiDeps) {}

  async handle(request: LegacyRequest): Promise<NonAgentReply> {
    const now = this.deps.clock.now();
    const settings = await this.deps.settings.current();
    const p = filterNonAgentParams(request.params, settings.useNonLatin);
    const fn = p.function ?? '';
    const user = p.user ?? '';

    if (fn === 'version') return this.answer(request, p, await this.version(now), now);
    if (COFFEE.has(fn)) {
      const text = `Coffee: ${fn}|Error 418 I'm a teapot`;
      return this.answer(request, p, { lines: [customLine('ERROR', "Error 418 I'm a teapot", text)], httpStatus: 418 }, now);
    }

    const credentials = { user, pass: p.pass ?? '', ip: request.remoteIp, apiKey: request.apiKey };
    const auth = await resolveCaller(this.deps.authenticator, this.deps.store, credentials, settings, now, { policy: NON_AGENT_LOGIN });
    if (!auth.ok && auth.reason === 'CONFLICT') return this.answer(request, p, credentialConflictReply(), now);
    // A key request acts as the key's user, narrowed by the key.
    const key = auth.key;
    if (!auth.ok) return this.loginFailed(request, p, auth, now, key);
    const apiUser = auth.account.profile.user;
    const params = key ? { ...p, user: apiUser } : p;

    const rate = this.deps.rateLimits.take({ user: apiUser, key }, now);
    if (!rate.allowed) return this.answer(request, params, rateLimitedReply(rate, apiUser), now, key);

    const rights = narrowedUser(await this.deps.store.users.findAdminRights(apiUser), key);
    let result: NonAgentReply | undefined;
    await this.deps.runner.run(async (unit) => {
      // A key is not a password login: it stamps its own last use, and leaves the password's counters alone.
      if (key) await unit.store.apiKeys.touch(key, now);
      else await unit.store.users.recordApiLogin(user, request.remoteIp, now);
      result = rights ? await this.dispatch(unit, request, params, rights, settings, key) : this.noFunction();
      await this.deps.audit.record(unit, auditEntry(request, params, result, p.agent_user ?? '', key));
    }, now);
    return result!;
  }

  private async dispatch(
    unit: Unit,
    request: LegacyRequest,
    p: FilteredParams,
    rights: AdminRights,
    settings: SystemSettings,
    key: ApiKey | undefined,
  ): Promise<NonAgentReply> {
    const fn = p.function ?? '';
    let groupRead: Promise<UserGroup | undefined> | undefined;
    const group = () => (groupRead ??= unit.store.users.findGroup(rights.group));

    let listScope = ApiScope.unrestricted();
    if (rights.listRestrict && LIST_RESTRICTED.has(fn)) {
      const found = await group();
      if (!found) return { lines: [t1('ERROR', 'user_group DOES NOT EXIST', [rights.user, rights.group, ''])] };
      listScope = ApiScope.forGroup(found, key);
    }

    const spec = this.deps.functions.get(fn);
    if (!spec) return this.noFunction();

    const refused = this.prelude(spec, p, rights);
    if (refused) return { lines: refused };
    const call: NonAgentCall = {
      p,
      rights,
      settings,
      unit,
      remoteIp: request.remoteIp,
      group,
      listScope,
      passwords: this.deps.passwords,
      forgetCredentials: (user) => this.deps.credentialCache.forget(user),
    };
    return spec.run(call);
  }

  /** Source, API Allowed Functions and the permission query, in the function's order (spec §3.3). */
  private prelude(spec: NonAgentFunction, p: FilteredParams, rights: AdminRights): Line[] | undefined {
    const user = rights.user;
    const source = p.source ?? '';
    const allowed = () =>
      functionAllowed(rights.allowedFunctions, spec.name)
        ? undefined
        : [t1('ERROR', 'auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION', [user, spec.name, ''])];
    const permitted = () => (unmet(spec.requires, rights) ? [spec.denied(user, p)] : undefined);
    switch (spec.prelude) {
      case 'standard':
        if (source.length < 2) return invalidSource(source);
        return allowed() ?? permitted();
      case 'permission-first':
        return permitted() ?? allowed();
      case 'parameters-first':
        return spec.parameters?.(p) ?? allowed() ?? permitted();
    }
  }

  private noFunction(): NonAgentReply {
    return { lines: [customLine('ERROR', 'NO FUNCTION SPECIFIED', 'ERROR: NO FUNCTION SPECIFIED\n')] };
  }

  /**
   * VICIdial's three failure lines, with the password replaced by a fixed
   * placeholder. Unlike VICIdial, the failure is audited (without the password).
   */
  private async loginFailed(request: LegacyRequest, p: FilteredParams, failure: AuthFailure, now: Date, key?: ApiKey): Promise<NonAgentReply> {
    // The line names the user sent (none with a key); the audit row names the key's user when the key is known.
    const user = p.user ?? '';
    const audited = key ? { ...p, user: key.user } : p;
    if (failure.reason === 'THROTTLED') return this.answer(request, audited, throttledReply(failure, user), now, key);
    let failureLine: Line;
    if (failure.reason === 'LOCK')
      failureLine = t1('ERROR', 'Too many login attempts, try again in 15 minutes', [user, 'LOCK', '']);
    else if (failure.reason === 'IPBLOCK')
      failureLine = customLine('ERROR', 'Your IP Address is not allowed', `ERROR: Your IP Address is not allowed: ${request.remoteIp}: ||IPBLOCK|\n`);
    else failureLine = t1('ERROR', 'Login incorrect, please try again', [user, PASSWORD_PLACEHOLDER, 'BAD', '']);
    const failed: NonAgentReply = { lines: [failureLine], auditDetail: `${user}|${auditReason(failure)}|` };
    await this.deps.runner.run(async (unit) => {
      if (failure.counted) await recordLoginFailure(unit.store, failure, { user, ip: request.remoteIp }, now, FAILURE_CODES);
      else if (failure.reason === 'IPBLOCK') await unit.store.users.recordLoginProblem(audited.user ?? '', 'IPBLOCK', 'aIPBLOCK');
      await this.deps.audit.record(unit, auditEntry(request, audited, failed, p.agent_user ?? '', key));
    }, now);
    return failed;
  }

  /** The version line (spec §7.1): answered before login. */
  private async version(now: Date): Promise<NonAgentReply> {
    const serverGmt = await this.deps.store.timeZones.activeServerGmt();
    const dst = webServerInDst(now);
    const tzNow =
      serverGmt === undefined
        ? phpNumber(-now.getTimezoneOffset() / 60)
        : dst
          ? phpNumber(Number.parseFloat(serverGmt) + 1)
          : serverGmt;
    const text =
      `VERSION: ${NON_AGENT_VERSION}|BUILD: ${NON_AGENT_BUILD}|DATE: ${sqlDateTime(now)}|EPOCH: ${epochSeconds(now)}` +
      `|DST: ${dst ? 1 : 0}|TZ: ${serverGmt ?? ''}|TZNOW: ${tzNow}|`;
    return { lines: [customLine('SUCCESS', 'version', `${text}\n`)], auditData: text };
  }

  private async answer(request: LegacyRequest, p: FilteredParams, result: NonAgentReply, now: Date, key?: ApiKey): Promise<NonAgentReply> {
    await this.deps.runner.run((unit) => this.deps.audit.record(unit, auditEntry(request, p, result, p.agent_user ?? '', key)), now);
    return result;
  }
}

/** PHP's date('I'): the web server's clock is in daylight saving time now. */
export function webServerInDst(now: Date): boolean {
  const year = now.getFullYear();
  const standard = Math.max(new Date(year, 0, 1).getTimezoneOffset(), new Date(year, 6, 1).getTimezoneOffset());
  return now.getTimezoneOffset() < standard;
}
