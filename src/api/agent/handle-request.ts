/**
 * /agc/api.php: one request through the permission pipeline, in the exact
 * order of permissions.md §1, with agentgate's deliberate fixes:
 * a uniform credentials line, the two-account rule, API List Restrict on
 * target agents, an ERROR line for unknown functions, and stopping on an
 * unknown alt_user. The effect and its audit row commit in one transaction.
 *
 * The same code explains a decision: explain() runs a request through every
 * gate and the function itself with a keeping trace, skipping only the
 * password check, inside a transaction that is rolled back, writing nothing.
 */
import { ApiScope } from '../../access/api-scope.js';
import { credentialFailureWords } from '../../access/auth-explained.js';
import { narrowedUser, resolveCaller } from '../../access/caller.js';
import type { RateLimits } from '../../access/rate-limits.js';
import type { ApiKey } from '../../domain/api-key.js';
import { auditReason, type AuthFailure, type Authenticator } from '../../access/authenticate.js';
import { recordLoginFailure } from '../../access/lockout.js';
import { credentialConflictReply, throttledReply } from '../legacy/throttled.js';
import type { GateTrace } from '../../access/gate-trace.js';
import type { Unit, UnitRunner } from '../../store/unit-of-work.js';
import { explainMode, inUnit, rateRefusal, requestMode, teapot, type Decision, type ExplainedReply, type ExplainOptions, type PipelineMode } from '../pipeline-mode.js';
import { epochSeconds, sqlDateTime, type Clock } from '../../domain/clock.js';
import type { SystemSettings } from '../../domain/system-settings.js';
import type { UserAccount, UserGroup } from '../../domain/user.js';
import { functionAllowed } from '../../domain/vicidial-sets.js';
import { phaseOf, type LiveAgent } from '../../domain/live-agent.js';
import type { SessionCommands } from '../../sessions/session-commands.js';
import type { SessionService } from '../../sessions/session-service.js';
import type { SettingsCache } from '../../store/settings-cache.js';
import type { Telephony } from '../../telephony/telephony.js';
import type { Store } from '../../store/store.js';
import type { AuditTrail } from '../../audit/audit-trail.js';
import { customLine, error, outcome, reply, type Line, type Reply } from '../legacy/lines.js';
import type { LegacyRequest } from '../legacy/legacy-request.js';
import { auditEntry } from '../legacy/audit-entry.js';
import type { AgentCall, AgentFunction } from './agent-function.js';
import { agentScopeLine } from './functions/shared.js';
import { filterParams, type FilteredParams } from './input-filters.js';
import { VICIDIAL_BUILD, VICIDIAL_VERSION } from './version.js';

export interface AgentApiDeps {
  readonly store: Store;
  readonly settings: SettingsCache;
  readonly runner: UnitRunner;
  readonly authenticator: Authenticator;
  readonly sessions: SessionService;
  readonly commands: SessionCommands;
  readonly telephony: Telephony;
  readonly clock: Clock;
  readonly audit: AuditTrail;
  readonly functions: ReadonlyMap<string, AgentFunction>;
  readonly rateLimits: RateLimits;
}

/** One pass through the pipeline (pipeline-mode.ts), and the agent it acted on once alt_user is resolved. */
interface Mode extends PipelineMode {
  agentUser?: string;
  session?: Decision['session'];
}

export type { ExplainedReply, ExplainOptions };

/** What a refusal before the function runs must still record. */
interface Refusal {
  readonly reply: Reply;
  readonly agentUser: string;
  /** A failed login to book against the lockout, in the audit's transaction. */
  readonly failure?: AuthFailure;
  /** The API user a key request acts as (audited as the request's user), and its key. */
  readonly caller?: Caller;
}

/** Who a request acts as, when it came with an API key: the key's user, narrowed by the key. */
interface Caller {
  readonly user: string;
  readonly key: ApiKey;
}

export class AgentApi {
  constructor(private readonly deps: AgentApiDeps) {}

  /** A request; `commandId`: the command it carries out (its events carry the id). */
  async handle(request: LegacyRequest, commandId: string | null = null): Promise<Reply> {
    return (await this.decide(request, commandId)).reply;
  }

  /** A request, with the gate that refused it and the agent it acted on (the JSON face answers with both). */
  async decide(request: LegacyRequest, commandId: string | null = null): Promise<Decision> {
    const mode: Mode = requestMode(commandId);
    const reply = await this.process(request, mode);
    return {
      reply,
      refusedAt: mode.trace.failed,
      agentUser: mode.agentUser ?? request.params.agent_user ?? '',
      ...(mode.session ? { session: mode.session } : {}),
    };
  }

  /** The same pipeline, for an administrator: every gate's verdict, nothing written. */
  async explain(request: LegacyRequest, options: ExplainOptions = {}): Promise<ExplainedReply> {
    const mode = explainMode(options);
    const result = await this.process(request, mode);
    return { reply: result, gates: mode.trace.results };
  }

  private async process(request: LegacyRequest, mode: Mode): Promise<Reply> {
    const { trace } = mode;
    const now = this.deps.clock.now();
    const settings = await this.deps.settings.current();
    const p = filterParams(request.params, settings.useNonLatin);
    const fn = p.function ?? '';

    if (fn === 'version') {
      trace.pass('function', 'version answers without authentication');
      return this.answer(mode, request, p, this.version(now), p.agent_user ?? '', now);
    }
    const coffee = teapot(fn, trace);
    if (coffee) return this.answer(mode, request, p, coffee, p.agent_user ?? '', now);

    const refused = await this.gatesBeforeFunction(request, p, settings, now, mode);
    if ('reply' in refused) {
      return this.answer(mode, request, asCaller(p, refused.caller), refused.reply, refused.agentUser, now, refused.failure, refused.caller?.key);
    }
    const { account, caller } = refused;
    const params = asCaller(p, caller);

    const spec = this.deps.functions.get(fn);
    if (!spec) {
      trace.fail('function', `no agent API function is called "${fn}"`, 'send the name of an agent API function', 'function');
      return this.answer(mode, request, params, reply(error('function not valid', [fn])), p.agent_user ?? '', now, undefined, caller?.key);
    }
    trace.pass('function', `${fn} is an agent API function`);
    return this.runFunction(request, params, spec, account, settings, now, mode, caller?.key);
  }

  /** Steps 7–11: source, credentials with API access, the system switch. */
  private async gatesBeforeFunction(
    request: LegacyRequest,
    p: FilteredParams,
    settings: SystemSettings,
    now: Date,
    mode: Mode,
  ): Promise<Refusal | { account: UserAccount; caller?: Caller }> {
    const { trace } = mode;
    const agentUser = p.agent_user ?? '';
    const source = p.source ?? '';
    if (source.length < 2) {
      trace.fail('source', 'source must have at least 2 letters or digits', 'send source=<your integration name>', 'source');
      return { reply: reply(error('Invalid Source', [source])), agentUser };
    }
    trace.pass('source', `source ${source}`);

    const user = p.user ?? '';
    const pass = p.pass ?? '';
    const credentials = { user, pass, ip: request.remoteIp, apiKey: request.apiKey };
    const auth = await resolveCaller(this.deps.authenticator, this.deps.store, credentials, settings, now, {
      skipPassword: mode.explain,
      skipIpLists: mode.skipIpLists,
    });
    if (!auth.ok && auth.reason === 'CONFLICT') {
      const words = credentialFailureWords('CONFLICT', user);
      trace.fail(words.gate, words.detail, words.fix, words.setting);
      return { reply: credentialConflictReply(), agentUser };
    }
    // A key request acts as the key's user; a refused key is audited under its user when the key is known.
    const key = auth.key;
    const keyCaller = key ? { user: key.user, key } : undefined;
    if (!auth.ok && auth.reason === 'THROTTLED') {
      const words = credentialFailureWords('THROTTLED', user);
      trace.fail(words.gate, words.detail, words.fix, words.setting);
      return { reply: throttledReply(auth, user), agentUser, ...(keyCaller ? { caller: keyCaller } : {}) };
    }
    // explain knows no password, so only the user's length is tested there; a key has neither.
    const short = !key && (user.length < 2 || (!mode.explain && pass.length < 2));
    const apiAccess = auth.ok && auth.account.profile.apiAccess;
    if (!auth.ok || short || !apiAccess) {
      const reason = !auth.ok ? auth.reason : short ? 'SHORT' : 'NOAPI';
      const words = credentialFailureWords(reason, user);
      if (words.gate === 'api_access') trace.pass('credentials', this.credentialsPassed(mode, user));
      trace.fail(words.gate, words.detail, words.fix, words.setting);
      return {
        // Uniform on purpose: nothing tells which part failed (permissions.md §10 #1, #5).
        reply: {
          lines: [customLine('ERROR', 'Invalid Username/Password', `ERROR: Invalid Username/Password: |${user}||0|0||\n`)],
          auditDetail: `${user}|${!auth.ok ? auditReason(auth) : reason}|`,
        },
        agentUser,
        ...(!auth.ok ? { failure: auth } : {}),
        ...(keyCaller ? { caller: keyCaller } : {}),
      };
    }
    const caller = keyCaller ? { caller: keyCaller } : {};
    trace.pass('credentials', this.credentialsPassed(mode, user));
    trace.pass('api_access', `${auth.account.profile.user} has Agent API Access`, 'vicidial_users.vdc_agent_api_access');
    // A key is not a password: its use clears no failed password login.
    if (!mode.explain && !key && auth.account.counters.failedCount > 0) await this.deps.store.users.clearFailedLogins(user);
    const limited = await rateRefusal(mode, this.deps.rateLimits, { user: auth.account.profile.user, key }, now);
    if (limited) return { reply: limited, agentUser, ...caller };
    if (!mode.explain && key) await this.deps.store.apiKeys.touch(key, now);

    if (!settings.agentApiActive) {
      trace.fail(
        'system_api',
        'the system-wide Agent API switch (vdc_agent_api_active) is off',
        'turn on the Agent API in system settings',
        'system_settings.vdc_agent_api_active',
      );
      return { reply: reply(customLine('ERROR', 'System API NOT ACTIVE', 'ERROR: System API NOT ACTIVE\n')), agentUser, ...caller };
    }
    trace.pass('system_api', 'the system-wide Agent API switch is on', 'system_settings.vdc_agent_api_active');
    const account = key ? { ...auth.account, profile: narrowedUser(auth.account.profile, key) } : auth.account;
    return { account, ...caller };
  }

  private credentialsPassed(mode: Mode, user: string): string {
    if (!mode.explain) return '';
    const ip = mode.skipIpLists ? '; IP lists not checked (no client address given)' : '';
    return `${user} exists, is active, has a user level above 0 and is not locked (password not checked by explain${ip})`;
  }

  private async runFunction(
    request: LegacyRequest,
    p: FilteredParams,
    spec: AgentFunction,
    account: UserAccount,
    settings: SystemSettings,
    now: Date,
    mode: Mode,
    key: ApiKey | undefined,
  ): Promise<Reply> {
    const { trace } = mode;
    const apiUser = account.profile;
    const value = spec.effectiveValue?.(p) ?? p.value ?? '';
    const invalid = spec.validate(p, { settings, trace });
    if (invalid) {
      trace.failUnlessReported('parameters', invalid.text.trim(), `send the parameters ${spec.name} needs (agent-api.md)`);
      return this.answer(mode, request, p, { lines: [invalid], auditValue: value }, p.agent_user ?? '', now, undefined, key);
    }
    trace.pass('parameters', `the parameters of ${spec.name} are valid`);

    if (!functionAllowed(apiUser.allowedFunctions, spec.name)) {
      trace.fail(
        'allowed_functions',
        `${spec.name} is not in ${apiUser.user}'s API Allowed Functions (${apiUser.allowedFunctions.trim() || 'none'})`,
        `add ${spec.name} to ${apiUser.user}'s allowed functions`,
        'vicidial_users.api_allowed_functions',
      );
      const denied = this.denied(spec, p, value, apiUser.user, apiUser.group);
      return this.answer(mode, request, p, { lines: [denied], auditValue: value }, p.agent_user ?? '', now, undefined, key);
    }
    trace.pass('allowed_functions', `${apiUser.user} may call ${spec.name} (${apiUser.allowedFunctions.trim()})`, 'vicidial_users.api_allowed_functions');

    // The user group is read only when something needs it (API List Restrict, send_notification).
    let group: Promise<UserGroup | undefined> | undefined = apiUser.listRestrict ? this.deps.store.users.findGroup(apiUser.group) : undefined;
    const scope = apiUser.listRestrict ? ApiScope.forGroup(await group, key) : ApiScope.unrestricted();

    let result: Reply | undefined;
    let agentUser = p.agent_user ?? '';
    await inUnit(mode, this.deps, now, async (unit) => {
      const apiGroup = () => (group ??= unit.store.users.findGroup(apiUser.group));
      const target = await this.resolveTarget(unit, spec, p, apiUser, scope, trace);
      agentUser = target.agentUser;
      mode.agentUser = agentUser;
      if ('refusal' in target) {
        result = reply(target.refusal);
      } else {
        const call: AgentCall = {
          name: spec.name,
          p,
          apiUser,
          apiGroup,
          settings,
          unit,
          sessions: this.deps.sessions,
          commands: this.deps.commands,
          telephony: this.deps.telephony,
          agentUser,
          agent: target.agent!,
          epoch: epochSeconds(now),
          scope,
          trace,
          remoteIp: request.remoteIp,
        };
        result = await spec.run(call);
        this.traceOutcome(trace, result);
        // Where the command left the session, for the JSON face's applied/pending (read from the unit's own events).
        if (call.agent) mode.session = { before: phaseOf(call.agent), after: unit.events.sessionOf(agentUser) };
      }
      if (!mode.explain) await this.deps.audit.record(unit, auditEntry(request, p, result, result.auditAgentUser ?? agentUser, key));
    });
    return result!;
  }

  /** The function's own checks: a refusal no named gate reported is still a refusal, with its line. */
  private traceOutcome(trace: GateTrace, result: Reply): void {
    if (!trace.keeping) return;
    const last = outcome(result);
    if (last.result === 'ERROR') trace.failUnlessReported('function_checks', last.text.trim());
    else trace.pass('function_checks', last.text.trim());
  }

  /** Steps (c) and (d) plus agentgate's two-account rule and target scope. */
  private async resolveTarget(
    unit: Unit,
    spec: AgentFunction,
    p: FilteredParams,
    apiProfile: UserAccount['profile'],
    scope: ApiScope,
    trace: GateTrace,
  ): Promise<{ agentUser: string; agent?: LiveAgent } | { agentUser: string; refusal: Line }> {
    const apiUser = apiProfile.user;
    let agentUser = p.agent_user ?? '';
    if (spec.target === 'none') return { agentUser };

    const altUser = p.alt_user ?? '';
    if (spec.target === 'agent-or-alt' && altUser.length > 1) {
      const matches = await unit.store.users.findByCustomThree(altUser);
      if (matches.length === 0) {
        trace.fail('alt_user', `no user has custom_three = ${altUser}`, `set custom_three to ${altUser} on the agent it names`, 'vicidial_users.custom_three');
        return { agentUser, refusal: spec.altUserNotFound?.(p) ?? error('no user found', [altUser]) };
      }
      if (matches.length > 1) {
        trace.fail('alt_user', `more than one user has custom_three = ${altUser}`, 'give each agent a distinct custom_three', 'vicidial_users.custom_three');
        return { agentUser, refusal: error('alt_user matches more than one user', [altUser]) };
      }
      agentUser = matches[0]!;
      trace.pass('alt_user', `alt_user ${altUser} is ${agentUser}`);
    }

    if (agentUser === apiUser) {
      trace.fail('two_accounts', `${apiUser} is both the API user and the agent_user`, 'send commands from a separate API user account', 'user, agent_user');
      return { agentUser, refusal: error('API user and agent_user must be different accounts', [apiUser, agentUser]) };
    }
    trace.pass('two_accounts', `${apiUser} and ${agentUser || '(none)'} are different accounts`);

    const agent = agentUser ? await unit.store.liveAgents.find(agentUser) : undefined;
    // A request from another cluster names no local agent; the function checks whom it acts on.
    if (!agent && spec.skipsLoggedIn?.(p)) return { agentUser };
    if (!agent) {
      trace.fail('agent_logged_in', `${agentUser || '(none)'} has no live agent session`, `log ${agentUser || 'the agent'} in to a campaign`, 'vicidial_live_agents.user');
      return { agentUser, refusal: spec.notLoggedIn?.(p, agentUser) ?? error('agent_user is not logged in', [agentUser]) };
    }
    trace.pass('agent_logged_in', `${agentUser} is logged into ${agent.campaignId}`);

    if (!scope.allowsCampaign(agent.campaignId)) {
      const group = apiProfile.group;
      trace.fail(
        'agent_scope',
        `${agentUser} is logged into ${agent.campaignId}; campaign ${agent.campaignId} is not in ${group}'s allowed campaigns (API List Restrict is on for ${apiUser})`,
        `add ${agent.campaignId} to ${group}'s allowed campaigns, or turn off API List Restrict for ${apiUser}`,
        `vicidial_user_groups.allowed_campaigns (${group})`,
      );
      return {
        agentUser,
        refusal: agentScopeLine(agentUser, apiUser),
      };
    }
    trace.pass('agent_scope', scope.restricted ? `API List Restrict: ${scope.describe()}` : 'API List Restrict is off', 'vicidial_users.api_list_restrict');
    return { agentUser, agent };
  }

  /** The permission-denied line in its three layouts (permissions.md §3). */
  private denied(spec: AgentFunction, p: FilteredParams, value: string, user: string, group: string): Line {
    const reason = 'auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION';
    if (spec.deniedLayout === 'short') return error(reason, [user, spec.name, group]);
    const first = spec.deniedLayout === 'lead_id' ? (p.lead_id ?? '') : value;
    return error(reason, [first, user, spec.name, group]);
  }

  private version(now: Date): Reply {
    const text = `VERSION: ${VICIDIAL_VERSION}|BUILD: ${VICIDIAL_BUILD}|DATE: ${sqlDateTime(now)}|EPOCH: ${epochSeconds(now)}`;
    return { lines: [customLine('SUCCESS', 'version', `${text}\n`)], auditData: text };
  }

  /** Audit a reply that changed nothing (refusals, version), with a failed login counted alongside. */
  private async answer(
    mode: Mode,
    request: LegacyRequest,
    p: FilteredParams,
    result: Reply,
    agentUser: string,
    now: Date,
    failure?: AuthFailure,
    key?: ApiKey,
  ): Promise<Reply> {
    if (mode.explain) return result;
    await this.deps.runner.run(async (unit) => {
      if (failure) await recordLoginFailure(unit.store, failure, { user: p.user ?? '', ip: request.remoteIp }, now);
      await this.deps.audit.record(unit, auditEntry(request, p, result, agentUser, key));
    }, now);
    return result;
  }
}


/** The parameters as the rest of the pipeline reads them: a key request's user is the key's. */
function asCaller(p: FilteredParams, caller: Caller | undefined): FilteredParams {
  return caller ? { ...p, user: caller.user } : p;
}
