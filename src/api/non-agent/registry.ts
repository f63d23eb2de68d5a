/** Every non-agent API function, by name. */
import { addLead } from './functions/add-lead.js';
import type { NonAgentFunction } from './non-agent-function.js';

export const NON_AGENT_FUNCTIONS: readonly NonAgentFunction[] = [addLead];

export function nonAgentFunctions(): ReadonlyMap<string, NonAgentFunction> {
  return new Map(NON_AGENT_FUNCTIONS.map((fn) => [fn.name, fn]));
}
