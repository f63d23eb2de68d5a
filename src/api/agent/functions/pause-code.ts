/** pause_code (agent-api.md §8.22): sets the pause code of a paused agent. */
import { error, reply, success } from '../../legacy/lines.js';
import { params, text } from '../../parameters.js';
import type { AgentFunction } from '../agent-function.js';
import { hasTarget, notValid, relayable } from './shared.js';

export const pauseCode: AgentFunction = {
  name: 'pause_code',
  target: 'agent-or-alt',
  deniedLayout: 'value',
  params: params({
    value: text('The pause code of the paused agent (not checked against the pause codes).', 6),
  }),
  gates: ['agent_state'],
  validate(p) {
    const value = p.value ?? '';
    // api.php also needs a target here (agent_user ≥ 1 or alt_user ≥ 2), like external_hangup;
    // agent-api.md §8.22 leaves that rule out.
    if (value.length < 1 || value.length > 6 || !relayable(value) || !hasTarget(p, 1, 2))
      return notValid('pause_code', [value, p.agent_user ?? '']);
    return undefined;
  },
  async run(call) {
    if (call.agent.status !== 'PAUSED') {
      call.trace.fail('agent_state', `${call.agentUser} is ${call.agent.status}, not paused`);
      return reply(error('pause_code error - agent is not paused', [call.agentUser]));
    }
    await call.commands.pauseCode(call.unit, call.agent, call.p.value ?? '');
    return { lines: [success('pause_code function sent', [call.agentUser])], auditData: String(call.epoch) };
  },
};
