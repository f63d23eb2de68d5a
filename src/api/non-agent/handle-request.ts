/**
 * /vicidial/non_agent_api.php: one request in VICIdial's order (spec §3):
 * filters, version and the teapot before login, the non-agent login (level 7
 * and up, lockout, counters), API List Restrict's group check, then the
 * function's prelude (source, allowed functions, permission) and the function.
 * The effect, the login bookkeeping and the audit rows commit in one transaction.
 *
 * Every gate reports to the trace, so explain (pipeline-mode.ts) works here as
 * it does for the agent API: the same code, the password unchecked, nothing
 * written. The prelude's gates run in the order the function declares
 * (PRELUDE_GATES).
 */
import { ApiScope } from '../../access/api-scope.js';
import { credentialFailureWords } from '../../access/auth-explained.js';
import { auditReason, type AuthFailure, type Authenticator, type LoginPolicy } from '../../access/authenticate.js';
import type { GateTrace } from '../../access/gate-trace.js';
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
import { explainMode, inUnit, rateRefusal, requestMode, teapot, type Decision, type ExplainedReply, type ExplainOptions, type PipelineMode } from '../pipeline-mode.js';
import { credentialConflictReply, throttledReply } from '../legacy/throttled.js';
import type { LegacyRequest } from '../legacy/legacy-request.js';
import { auditEntry } from '../legacy/audit-entry.js';
import { filterNonAgentParams, type FilteredParams } from './input-filters.js';
import { LIST_RESTRICTED } from './gate-order.js';
import { invalidSource, t1 } from './messages.js';
import { PRELUDE_GATES, type NonAgentCall, type NonAgentFunction, type NonAgentReply } from './non-agent-function.js';
import { unmet } from './permissions.js';
import { phpNumber } from './report-format.js';
import { NON_AGENT_BUILD, NON_AGENT_VERSION } from './version.js';

/** VICIdial's REPORTS login: level 7 and up. A right password below it is not counted toward the lock. */
export const NON_AGENT_LOGIN: LoginPolicy = { minLevel: 7, countLowLevel: false };
const FAILURE_CODES: FailureCodes = { bad: 'aBAD', lock: 'aLOCK' };


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
    return (await this.decide(request)).reply;
  }

  /** A request, with the gate that refused it (the JSON face answers with it). */
  async decide(request: LegacyRequest): Promise<Decision> {
    const mode = requestMode();
    const reply = await this.process(request, mode);
    return { reply, refusedAt: mode.trace.failed, agentUser: request.params.agent_user ?? '' };
  }

  /** The same pipeline, for an administrator: every gate's verdict, nothing written. */
  async explain(request: LegacyRequest, options: ExplainOptions = {}): Promise<ExplainedReply> {
    const mode = explainMode(options);
    const reply = await this.process(request, mode);
    return { reply, gates: mode.trace.results };
  }

  private async process(request: LegacyRequest, mode: PipelineMode): Promise<NonAgentReply> {
    const { trace } = mode;
    const now = this.deps.clock.now();
    const settings = await this.deps.settings.current();
    const p = filterNonAgentParams(request.params, settings.useNonLatin);
    const fn = p.function ?? '';
    const user = p.user ?? '';

    if (fn === 'version') {
      trace.pass('function', 'version answers without authentication');
      return this.answer(mode, request, p, await this.version(now), now);
    }
    const coffee = teapot(fn, trace);
    if (coffee) return this.answer(mode, request, p, coffee, now);

    const credentials = { user, pass: p.pass ?? '', ip: request.remoteIp, apiKey: request.apiKey };
    const auth = await resolveCaller(this.deps.authenticator, this.deps.store, credentials, settings, now, {
      policy: NON_AGENT_LOGIN,
      skipPassword: mode.explain,
      skipIpLists: mode.skipIpLists,
    });
    if (!auth.ok) {
      const words = credentialFailureWords(auth.reason, user);
      trace.fail(words.gate, words.detail, words.fix, words.setting);
      if (auth.reason === 'CONFLICT') return this.answer(mode, request, p, credentialConflictReply(), now);
    }
    // A key request acts as the key's user, narrowed by the key.
    const key = auth.key;
    if (!auth.ok) return this.loginFailed(mode, request, p, auth, now, key);
    const apiUser = auth.account.profile.user;
    trace.pass('credentials', mode.explain ? `${apiUser} exists, is active, has a user level of 7 or more and is not locked (password not checked by explain)` : '');
    const params = key ? { ...p, user: apiUser } : p;

    const limited = await rateRefusal(mode, this.deps.rateLimits, { user: apiUser, key }, now);
    if (limited) return this.answer(mode, request, params, limited, now, key);

    const rights = narrowedUser(auth.account.rights, key);
    let result: NonAgentReply | undefined;
    await inUnit(mode, this.deps, now, async (unit) => {
      // A key is not a password login: it stamps its own last use, and leaves the password's counters alone.
      if (!mode.explain) {
        if (key) await unit.store.apiKeys.touch(key, now);
        else await unit.store.users.recordApiLogin(user, request.remoteIp, now);
      }
      result = rights ? await this.dispatch(unit, request, params, rights, settings, key, trace) : this.noFunction();
      if (!mode.explain) await this.deps.audit.record(unit, auditEntry(request, params, result, p.agent_user ?? '', key));
    });
    return result!;
  }

  private async dispatch(
    unit: Unit,
    request: LegacyRequest,
    p: FilteredParams,
    rights: AdminRights,
    settings: SystemSettings,
    key: ApiKey | undefined,
    trace: GateTrace,
  ): Promise<NonAgentReply> {
    const fn = p.function ?? '';
    let groupRead: Promise<UserGroup | undefined> | undefined;
    const group = () => (groupRead ??= unit.store.users.findGroup(rights.group));

    let listScope = ApiScope.unrestricted();
    if (rights.listRestrict && LIST_RESTRICTED.has(fn)) {
      const found = await group();
      if (!found) {
        trace.fail('user_group', `API List Restrict is on for ${rights.user} and its user group ${rights.group || '(none)'} does not exist`, `create user group ${rights.group}, or move ${rights.user} to an existing one`, 'vicidial_users.user_group');
        return { lines: [t1('ERROR', 'user_group DOES NOT EXIST', [rights.user, rights.group, ''])] };
      }
      listScope = ApiScope.forGroup(found, key);
      trace.pass('user_group', `API List Restrict: ${listScope.describe()}`, 'vicidial_users.api_list_restrict');
    }

    const spec = this.deps.functions.get(fn);
    if (!spec) {
      trace.fail('function', `no non-agent API function is called "${fn}"`, 'send the name of a non-agent API function', 'function');
      return this.noFunction();
    }
    trace.pass('function', `${fn} is a non-agent API function`);

    const refused = this.prelude(spec, p, rights, trace);
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
    const result = await spec.run(call);
    // Some answers are empty, as VICIdial prints nothing for them.
    const last = result.lines.at(-1);
    if (last?.result === 'ERROR') trace.failUnlessReported('function_checks', last.text.trim());
    else trace.pass('function_checks', last ? last.text.trim().slice(0, 200) : 'an empty answer, as VICIdial gives it');
    return result;
  }

  /** Source, API Allowed Functions and the permission query, in the order the function's prelude declares (spec §3.3). */
  private prelude(spec: NonAgentFunction, p: FilteredParams, rights: AdminRights, trace: GateTrace): Line[] | undefined {
    const user = rights.user;
    const source = p.source ?? '';
    const checks = {
      source: () => {
        if (source.length >= 2) return trace.pass('source', `source ${source}`);
        trace.fail('source', 'source must have at least 2 letters or digits', 'send source=<your integration name>', 'source');
        return invalidSource(source);
      },
      allowed_functions: () => {
        if (functionAllowed(rights.allowedFunctions, spec.name))
          return trace.pass('allowed_functions', `${user} may call ${spec.name} (${rights.allowedFunctions.trim()})`, 'vicidial_users.api_allowed_functions');
        trace.fail(
          'allowed_functions',
          `${spec.name} is not in ${user}'s API Allowed Functions (${rights.allowedFunctions.trim() || 'none'})`,
          `add ${spec.name} to ${user}'s allowed functions`,
          'vicidial_users.api_allowed_functions',
        );
        return [t1('ERROR', 'auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION', [user, spec.name, ''])];
      },
      permission: () => {
        const missing = unmet(spec.requires, rights);
        if (!missing) return trace.pass('permission', spec.requires.map((r) => r.describe).join(', ') || 'no permission flags needed');
        trace.fail('permission', `${spec.name} needs ${missing.describe}`, `grant ${user} ${missing.describe}`, `vicidial_users.${missing.column}`);
        return [spec.denied(user, p)];
      },
      parameters: () => {
        const lines = spec.parameters?.(p);
        if (!lines) return trace.pass('parameters', `the parameters of ${spec.name} are given`);
        trace.fail('parameters', lines.map((l) => l.text.trim()).join(' '), `send the parameters ${spec.name} needs (non-agent-api.md)`);
        return lines;
      },
    } satisfies Record<(typeof PRELUDE_GATES)[keyof typeof PRELUDE_GATES][number], () => Line[] | void>;
    for (const gate of PRELUDE_GATES[spec.prelude]) {
      const refused = checks[gate]();
      if (refused) return refused;
    }
    return undefined;
  }

  private noFunction(): NonAgentReply {
    return { lines: [customLine('ERROR', 'NO FUNCTION SPECIFIED', 'ERROR: NO FUNCTION SPECIFIED\n')] };
  }

  /**
   * VICIdial's three failure lines, with the password replaced by a fixed
   * placeholder. Unlike VICIdial, the failure is audited (without the password).
   */
  private async loginFailed(mode: PipelineMode, request: LegacyRequest, p: FilteredParams, failure: AuthFailure, now: Date, key?: ApiKey): Promise<NonAgentReply> {
    // The line names the user sent (none with a key); the audit row names the key's user when the key is known.
    const user = p.user ?? '';
    const audited = key ? { ...p, user: key.user } : p;
    if (failure.reason === 'THROTTLED') return this.answer(mode, request, audited, throttledReply(failure, user), now, key);
    let failureLine: Line;
    if (failure.reason === 'LOCK')
      failureLine = t1('ERROR', 'Too many login attempts, try again in 15 minutes', [user, 'LOCK', '']);
    else if (failure.reason === 'IPBLOCK')
      failureLine = customLine('ERROR', 'Your IP Address is not allowed', `ERROR: Your IP Address is not allowed: ${request.remoteIp}: ||IPBLOCK|\n`);
    else failureLine = t1('ERROR', 'Login incorrect, please try again', [user, PASSWORD_PLACEHOLDER, 'BAD', '']);
    const failed: NonAgentReply = { lines: [failureLine], auditDetail: `${user}|${auditReason(failure)}|` };
    if (mode.explain) return failed;
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

  private async answer(mode: PipelineMode, request: LegacyRequest, p: FilteredParams, result: NonAgentReply, now: Date, key?: ApiKey): Promise<NonAgentReply> {
    if (mode.explain) return result;
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
