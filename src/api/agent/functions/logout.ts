/** logout (agent-api.md §8.6): ends the session now, or once the current call is dispositioned. */
import { success } from '../../legacy/lines.js';
import { params, text } from '../../parameters.js';
import type { AgentFunction } from '../agent-function.js';
import { hasTarget, notValid, relayable } from './shared.js';

export const logout: AgentFunction = {
  name: 'logout',
  target: 'agent-or-alt',
  deniedLayout: 'value',
  params: params({
    value: text("LOGOUT ends the agent's session, at once or after the current call's disposition.", 20),
  }),
  gates: [],
  validate(p) {
    const value = p.value ?? '';
    if (!relayable(value) || !hasTarget(p, 1, 1) || !value.includes('LOGOUT'))
      return notValid('logout', [value, p.agent_user ?? '']);
    return undefined;
  },
  async run(call) {
    const value = call.p.value ?? '';
    await call.commands.logout(call.unit, call.agent, value);
    return { lines: [success('logout function set', [value, call.epoch, call.agentUser])], auditData: String(call.epoch) };
  },
};
