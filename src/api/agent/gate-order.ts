/**
 * The agent API's gates in the order its pipeline (handle-request.ts) meets
 * them for one function: the shell's, the target's, then the function's own
 * as it declares them. Explain lays a trace out against it and the OpenAPI
 * document lists it for each operation.
 */
import type { GateId } from '../../access/gate-trace.js';
import type { AgentFunction } from './agent-function.js';

/** Before the function is known: permissions.md §1 steps 7–11. */
const SHELL: readonly GateId[] = ['source', 'credentials', 'api_access', 'rate', 'system_api', 'function'];

/** send_notification checks the system switch with its parameters, before API Allowed Functions. */
const AT_VALIDATION: ReadonlySet<GateId> = new Set(['agent_notifications']);

export function agentGateOrder(spec: AgentFunction | undefined, options: { readonly altUser?: boolean } = {}): GateId[] {
  if (!spec) return [...SHELL];
  const order: GateId[] = [
    ...SHELL,
    ...spec.gates.filter((g) => AT_VALIDATION.has(g)),
    'parameters',
    'allowed_functions',
    ...(spec.target === 'agent-or-alt' && options.altUser ? (['alt_user'] as const) : []),
    ...(spec.target !== 'none' ? (['two_accounts', 'agent_logged_in', 'agent_scope'] as const) : []),
    ...spec.gates.filter((g) => !AT_VALIDATION.has(g)),
    'function_checks',
  ];
  return [...new Set(order)];
}
