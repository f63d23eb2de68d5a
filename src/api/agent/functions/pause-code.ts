/** pause_code (agent-api.md §8.22): sets the pause code of a paused agent. */
import { error, reply, success } from '../../legacy/lines.js';
import type { AgentFunction } from '../agent-function.js';
import { notValid } from './shared.js';

export const pauseCode: AgentFunction = {
  name: 'pause_code',
  target: 'agent-or-alt',
  deniedLayout: 'value',
  validate(p) {
    const value = p.value ?? '';
    if (value.length < 1 || value.length > 6) return notValid('pause_code', [value, p.agent_user ?? '']);
    return undefined;
  },
  async run(call) {
    if (call.agent.status !== 'PAUSED') {
      call.trace.fail('agent_state', `${call.agentUser} is ${call.agent.status}, not paused`);
      return reply(error('pause_code error - agent is not paused', [call.agentUser]));
    }
    await call.sessions.pauseCodeCommand(call.unit, call.agent, call.p.value ?? '');
    return { lines: [success('pause_code function sent', [call.agentUser])], auditData: String(call.epoch) };
  },
};
