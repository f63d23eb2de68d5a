/**
 * How a non-agent API function is declared: its name, the prelude VICIdial
 * runs before it (spec §3.3), the permission conditions of its row in the
 * matrix, its permission-denied line, and what it does.
 */
import type { GateId } from '../../access/gate-trace.js';
import type { Unit } from '../../store/unit-of-work.js';
import type { AdminRights } from '../../domain/admin-rights.js';
import type { SystemSettings } from '../../domain/system-settings.js';
import type { UserGroup } from '../../domain/user.js';
import type { ApiScope } from '../../access/api-scope.js';
import type { Passwords } from '../../access/passwords.js';
import type { Line, Reply } from '../legacy/lines.js';
import type { FunctionParams } from '../parameters.js';
import type { FilteredParams } from './input-filters.js';
import type { Requirement } from './permissions.js';

/**
 * standard: source, allowed functions, permission.
 * permission-first: permission, then allowed functions, no source (ingroup_list).
 * parameters-first: required parameters, allowed functions, permission, no source
 * (call_status_stats, call_dispo_report).
 */
export type Prelude = 'standard' | 'permission-first' | 'parameters-first';

/** The gates of each prelude, in the order VICIdial checks them: the pipeline runs this list. */
export const PRELUDE_GATES = {
  standard: ['source', 'allowed_functions', 'permission'],
  'permission-first': ['permission', 'allowed_functions'],
  'parameters-first': ['parameters', 'allowed_functions', 'permission'],
} as const satisfies Record<Prelude, readonly GateId[]>;

export interface NonAgentCall {
  readonly p: FilteredParams;
  readonly rights: AdminRights;
  readonly settings: SystemSettings;
  readonly unit: Unit;
  readonly remoteIp: string;
  /** The API user's group, read once on first use. */
  group(): Promise<UserGroup | undefined>;
  /** API List Restrict for the functions it applies to (spec §3.5); unrestricted otherwise. */
  readonly listScope: ApiScope;
  readonly passwords: Passwords;
  /** Void cached password checks of a user whose row changed. */
  forgetCredentials(user: string): void;
}

/** A non-agent reply (it may carry its own HTTP headers: call_dispo_report's CSV download). */
export type NonAgentReply = Reply;

export interface NonAgentFunction {
  readonly name: string;
  readonly prelude: Prelude;
  readonly requires: readonly Requirement[];
  /** The function's own parameters (the pipeline reads user, pass, function and source). */
  readonly params: FunctionParams;
  /** The permission-denied line; `user` is the API login. */
  denied(user: string, p: FilteredParams): Line;
  /** parameters-first functions: the lines that refuse missing parameters. */
  parameters?(p: FilteredParams): Line[] | undefined;
  run(call: NonAgentCall): Promise<NonAgentReply>;
}
