/**
 * How an agent API function is declared: once, with its name, which target
 * parameters it honours, how it validates, and what it does. The pipeline
 * (handle-request.ts) runs the common gates in VICIdial's order around it.
 */
import type { ApiScope } from '../../access/api-scope.js';
import type { GateId, GateTrace } from '../../access/gate-trace.js';
import type { Unit } from '../../store/unit-of-work.js';
import type { LiveAgent } from '../../domain/live-agent.js';
import type { SystemSettings } from '../../domain/system-settings.js';
import type { User, UserGroup } from '../../domain/user.js';
import type { SessionCommands } from '../../sessions/session-commands.js';
import type { SessionService } from '../../sessions/session-service.js';
import type { Telephony } from '../../telephony/telephony.js';
import type { Line, Reply } from '../legacy/lines.js';
import type { FunctionParams } from '../parameters.js';
import type { FilteredParams } from './input-filters.js';

/**
 * agent: `agent_user` only; agent-or-alt: also `alt_user` (custom_three);
 * none: no target agent is looked up by the pipeline.
 */
export type TargetKind = 'agent' | 'agent-or-alt' | 'none';

/** Which value leads the permission-denied line (permissions.md §3). */
export type DeniedLayout = 'value' | 'lead_id' | 'short';

export interface ValidateContext {
  readonly settings: SystemSettings;
  /** For a check in validate() that is a permission, not a parameter (send_notification's switch). */
  readonly trace: GateTrace;
}

export interface AgentCall {
  readonly name: string;
  readonly p: FilteredParams;
  readonly apiUser: User;
  /** The API user's group, read on first use. */
  apiGroup(): Promise<UserGroup | undefined>;
  readonly settings: SystemSettings;
  readonly unit: Unit;
  readonly sessions: SessionService;
  /** VICIdial's agent commands, applied to the target session. */
  readonly commands: SessionCommands;
  readonly telephony: Telephony;
  /** The target after alt_user resolution (may be empty for target 'none'). */
  readonly agentUser: string;
  /** The target's session; always present for functions with a target (not read when skipsLoggedIn). */
  readonly agent: LiveAgent;
  readonly epoch: number;
  readonly scope: ApiScope;
  readonly trace: GateTrace;
  readonly remoteIp: string;
}

export interface AgentFunction {
  readonly name: string;
  readonly target: TargetKind;
  readonly deniedLayout: DeniedLayout;
  /**
   * The function's own parameters (the pipeline adds user, pass, function,
   * source, close_window_link, and agent_user/alt_user as `target` says).
   */
  readonly params: FunctionParams;
  /** The gates the function's own code reports to the trace, in the order it checks them. */
  readonly gates: readonly GateId[];
  /**
   * `value` as api.php has rewritten it before the permission test (digits for
   * external_dial…): it leads the permission-denied line and fills the log's value.
   */
  effectiveValue?(p: FilteredParams): string;
  /** Step (a): what api.php checks before the allowed-functions test. A line refuses. */
  validate(p: FilteredParams, ctx: ValidateContext): Line | undefined;
  /** The line when the target is not logged in, for functions that word it differently. */
  notLoggedIn?(p: FilteredParams, agentUser: string): Line;
  /** True when this request acts without a logged-in agent_user (CCC_REMOTE): the function finds whom it acts on. */
  skipsLoggedIn?(p: FilteredParams): boolean;
  /** The line when alt_user matches nobody. */
  altUserNotFound?(p: FilteredParams): Line;
  /** Step (e): function-specific checks and the effect. */
  run(call: AgentCall): Promise<Reply>;
}

/** Helpers for the usual "not valid" rules. */
export const len = (v: string | undefined) => (v ?? '').length;
