/**
 * The non-agent API's gates in the order its pipeline (handle-request.ts)
 * meets them for one function: the login, the rate, API List Restrict's group
 * for the functions it applies to, then the function's prelude as it declares
 * it. Explain lays a trace out against it and the OpenAPI document lists it.
 */
import type { GateId } from '../../access/gate-trace.js';
import { PRELUDE_GATES, type NonAgentFunction } from './non-agent-function.js';

/** The functions API List Restrict applies to (spec §3.5, and lead_status_search, which VICIdial's matrix also restricts). */
export const LIST_RESTRICTED: ReadonlySet<string> = new Set(['add_lead', 'update_lead', 'batch_update_lead', 'update_list', 'list_info', 'lead_search', 'lead_status_search']);

export function nonAgentGateOrder(spec: NonAgentFunction | undefined): GateId[] {
  const login: GateId[] = ['credentials', 'rate'];
  if (!spec) return [...login, 'function'];
  return [...login, ...(LIST_RESTRICTED.has(spec.name) ? (['user_group'] as const) : []), 'function', ...PRELUDE_GATES[spec.prelude], 'function_checks'];
}
