/**
 * /agc/api.php: one request through the permission pipeline, in the exact
 * order of permissions.md §1, with agentgate's deliberate fixes:
 * a uniform credentials line, the two-account rule, API List Restrict on
 * target agents, an ERROR line for unknown functions, and stopping on an
 * unknown alt_user. The effect and its audit row commit in one transaction.
 */
import { ApiScope } from '../../access/api-scope.js';
import type { Authenticator } from '../../access/authenticate.js';
import { lockWindowStart } from '../../access/lockout.js';
import { GateTrace } from '../../access/gate-trace.js';
import type { Unit, UnitRunner } from '../../app/unit-of-work.js';
import { epochSeconds, sqlDateTime, type Clock } from '../../domain/clock.js';
import type { SystemSettings } from '../../domain/system-settings.js';
import type { UserAccount, UserGroup } from '../../domain/user.js';
import { functionAllowed } from '../../domain/vicidial-sets.js';
import type { LiveAgent } from '../../domain/live-agent.js';
import type { SessionService } from '../../sessions/session-service.js';
import type { SettingsCache } from '../../store/settings-cache.js';
import type { Telephony } from '../../telephony/telephony.js';
import type { Store } from '../../store/store.js';
import type { AuditTrail } from '../../audit/audit-trail.js';
import { customLine, error, reply, type Line, type Reply } from '../legacy/lines.js';
import type { LegacyRequest } from '../legacy/legacy-request.js';
import type { AgentCall, AgentFunction } from './agent-function.js';
import { filterParams, type FilteredParams } from './input-filters.js';
import { VICIDIAL_BUILD, VICIDIAL_VERSION } from './version.js';

const COFFEE = new Set(['coffee', 'start_coffee', 'make_coffee', 'brew_coffee']);

export interface AgentApiDeps {
  readonly store: Store;
  readonly settings: SettingsCache;
  readonly runner: UnitRunner;
  readonly authenticator: Authenticator;
  readonly sessions: SessionService;
  readonly telephony: Telephony;
  readonly clock: Clock;
  readonly audit: AuditTrail;
  readonly functions: ReadonlyMap<string, AgentFunction>;
}

/** What a refusal before the function runs must still record. */
interface Refusal {
  readonly reply: Reply;
  readonly agentUser: string;
  /** A failed login to count against the lockout, in the audit's transaction. */
  readonly failedLogin?: boolean;
}

export class AgentApi {
  constructor(private readonly deps: AgentApiDeps) {}

  async handle(request: LegacyRequest): Promise<Reply> {
    const now = this.deps.clock.now();
    const settings = await this.deps.settings.current();
    const p = filterParams(request.params, settings.useNonLatin);
    const fn = p.function ?? '';
    const user = p.user ?? '';

    if (fn === 'version') return this.answer(request, p, this.version(now), p.agent_user ?? '', now);
    if (COFFEE.has(fn)) {
      const teapot: Reply = {
        lines: [customLine('ERROR', "Error 418 I'm a teapot", `Coffee: ${fn}|Error 418 I'm a teapot`)],
        httpStatus: 418,
      };
      return this.answer(request, p, teapot, p.agent_user ?? '', now);
    }

    const trace = new GateTrace(false);
    const refused = await this.gatesBeforeFunction(request, p, settings, now, trace);
    if ('reply' in refused) {
      return this.answer(request, p, refused.reply, refused.agentUser, now, refused.failedLogin ? user : undefined);
    }
    const { account } = refused;

    const spec = this.deps.functions.get(fn);
    if (!spec) {
      trace.fail('function', `no agent API function is called "${fn}"`);
      return this.answer(request, p, reply(error('function not valid', [fn])), p.agent_user ?? '', now);
    }
    return this.runFunction(request, p, spec, account, settings, now, trace);
  }

  /** Steps 7–11: source, credentials with API access, the system switch. */
  private async gatesBeforeFunction(
    request: LegacyRequest,
    p: FilteredParams,
    settings: SystemSettings,
    now: Date,
    trace: GateTrace,
  ): Promise<Refusal | { account: UserAccount }> {
    const agentUser = p.agent_user ?? '';
    const source = p.source ?? '';
    if (source.length < 2) {
      trace.fail('source', 'source must have at least 2 letters or digits', 'send source=<your integration name>');
      return { reply: reply(error('Invalid Source', [source])), agentUser };
    }
    trace.pass('source');

    const user = p.user ?? '';
    const pass = p.pass ?? '';
    const auth = await this.deps.authenticator.authenticate(this.deps.store, { user, pass, ip: request.remoteIp }, settings, now);
    const short = user.length < 2 || pass.length < 2;
    const apiAccess = auth.ok && auth.account.profile.apiAccess;
    if (!auth.ok || short || !apiAccess) {
      const reason = !auth.ok ? auth.reason : short ? 'SHORT' : 'NOAPI';
      trace.fail(auth.ok ? 'api_access' : 'credentials', reason);
      return {
        // Uniform on purpose: nothing tells which part failed (permissions.md §10 #1, #5).
        reply: {
          lines: [customLine('ERROR', 'Invalid Username/Password', `ERROR: Invalid Username/Password: |${user}||0|0||\n`)],
          auditDetail: `${user}|${reason}|`,
        },
        agentUser,
        failedLogin: !auth.ok && auth.counted,
      };
    }
    trace.pass('credentials');
    trace.pass('api_access');
    if (auth.account.counters.failedCount > 0) await this.deps.store.users.clearFailedLogins(user);

    if (!settings.agentApiActive) {
      trace.fail('system_api', 'the system-wide Agent API switch (vdc_agent_api_active) is off', 'turn on the Agent API in system settings');
      return { reply: reply(customLine('ERROR', 'System API NOT ACTIVE', 'ERROR: System API NOT ACTIVE\n')), agentUser };
    }
    trace.pass('system_api');
    return { account: auth.account };
  }

  private async runFunction(
    request: LegacyRequest,
    p: FilteredParams,
    spec: AgentFunction,
    account: UserAccount,
    settings: SystemSettings,
    now: Date,
    trace: GateTrace,
  ): Promise<Reply> {
    const apiUser = account.profile;
    const value = spec.effectiveValue?.(p) ?? p.value ?? '';
    const invalid = spec.validate(p, { settings });
    if (invalid) {
      trace.fail('parameters', invalid.reason);
      return this.answer(request, p, { lines: [invalid], auditValue: value }, p.agent_user ?? '', now);
    }
    trace.pass('parameters');

    if (!functionAllowed(apiUser.allowedFunctions, spec.name)) {
      trace.fail('allowed_functions', `${spec.name} is not in ${apiUser.user}'s API Allowed Functions`, `add ${spec.name} to ${apiUser.user}'s allowed functions`);
      const denied = this.denied(spec, p, value, apiUser.user, apiUser.group);
      return this.answer(request, p, { lines: [denied], auditValue: value }, p.agent_user ?? '', now);
    }
    trace.pass('allowed_functions');

    // The user group is read only when something needs it (API List Restrict, send_notification).
    let group: Promise<UserGroup | undefined> | undefined = apiUser.listRestrict ? this.deps.store.users.findGroup(apiUser.group) : undefined;
    const scope = apiUser.listRestrict ? ApiScope.forGroup(await group) : ApiScope.unrestricted();

    let result: Reply | undefined;
    let agentUser = p.agent_user ?? '';
    await this.deps.runner.run(async (unit) => {
      const apiGroup = () => (group ??= unit.store.users.findGroup(apiUser.group));
      const target = await this.resolveTarget(unit, spec, p, apiUser.user, scope, trace);
      agentUser = target.agentUser;
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
          telephony: this.deps.telephony,
          agentUser,
          agent: target.agent!,
          epoch: epochSeconds(now),
          scope,
          trace,
          remoteIp: request.remoteIp,
        };
        result = await spec.run(call);
      }
      await this.deps.audit.record(unit, { request, p, reply: result, agentUser: result.auditAgentUser ?? agentUser });
    }, now);
    return result!;
  }

  /** Steps (c) and (d) plus agentgate's two-account rule and target scope. */
  private async resolveTarget(
    unit: Unit,
    spec: AgentFunction,
    p: FilteredParams,
    apiUser: string,
    scope: ApiScope,
    trace: GateTrace,
  ): Promise<{ agentUser: string; agent?: LiveAgent } | { agentUser: string; refusal: Line }> {
    let agentUser = p.agent_user ?? '';
    if (spec.target === 'none') return { agentUser };

    const altUser = p.alt_user ?? '';
    if (spec.target === 'agent-or-alt' && altUser.length > 1) {
      const matches = await unit.store.users.findByCustomThree(altUser);
      if (matches.length === 0) {
        trace.fail('alt_user', `no user has custom_three = ${altUser}`);
        return { agentUser, refusal: spec.altUserNotFound?.(p) ?? error('no user found', [altUser]) };
      }
      if (matches.length > 1) {
        trace.fail('alt_user', `more than one user has custom_three = ${altUser}`, 'give each agent a distinct custom_three');
        return { agentUser, refusal: error('alt_user matches more than one user', [altUser]) };
      }
      agentUser = matches[0]!;
      trace.pass('alt_user', `alt_user ${altUser} is ${agentUser}`);
    }

    if (agentUser === apiUser) {
      trace.fail('two_accounts', `${apiUser} is both the API user and the agent_user`, 'send commands from a separate API user account');
      return { agentUser, refusal: error('API user and agent_user must be different accounts', [apiUser, agentUser]) };
    }
    trace.pass('two_accounts');

    const agent = agentUser ? await unit.store.liveAgents.find(agentUser) : undefined;
    // A request from another cluster names no local agent; the function checks whom it acts on.
    if (!agent && spec.skipsLoggedIn?.(p)) return { agentUser };
    if (!agent) {
      trace.fail('agent_logged_in', `${agentUser || '(none)'} has no live agent session`, `log ${agentUser} in to a campaign`);
      return { agentUser, refusal: spec.notLoggedIn?.(p, agentUser) ?? error('agent_user is not logged in', [agentUser]) };
    }
    trace.pass('agent_logged_in');

    if (!scope.allowsCampaign(agent.campaignId)) {
      trace.fail(
        'agent_scope',
        `${agentUser} is logged into ${agent.campaignId}, which ${apiUser}'s user group does not allow`,
        `add ${agent.campaignId} to the allowed campaigns of ${apiUser}'s user group, or turn off API List Restrict`,
      );
      return {
        agentUser,
        refusal: error('agent_user is in a campaign not allowed for this user', [agentUser, agent.campaignId, apiUser]),
      };
    }
    trace.pass('agent_scope', scope.describe());
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
    request: LegacyRequest,
    p: FilteredParams,
    result: Reply,
    agentUser: string,
    now: Date,
    failedLoginOf?: string,
  ): Promise<Reply> {
    await this.deps.runner.run(async (unit) => {
      if (failedLoginOf) await unit.store.users.recordFailedLogin(failedLoginOf, request.remoteIp, now, lockWindowStart(now));
      await this.deps.audit.record(unit, { request, p, reply: result, agentUser });
    }, now);
    return result;
  }
}

