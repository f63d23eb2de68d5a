/** external_pause (agent-api.md §8.5): PAUSE now, or after the disposition; RESUME a paused agent. */
import { error, reply, success } from '../../legacy/lines.js';
import { params, text } from '../../parameters.js';
import type { AgentFunction } from '../agent-function.js';
import { hasTarget, notValid, relayable } from './shared.js';

const NOT_PAUSED = new Set(['READY', 'QUEUE', 'INCALL', 'CLOSER']);

export const externalPause: AgentFunction = {
  name: 'external_pause',
  target: 'agent-or-alt',
  deniedLayout: 'value',
  params: params({
    value: text('PAUSE pauses the agent (after the disposition when on a call); RESUME makes a paused agent ready.', 20),
  }),
  gates: ['agent_state'],
  validate(p) {
    const value = p.value ?? '';
    if (!relayable(value) || !hasTarget(p, 1, 1) || !/PAUSE|RESUME/.test(value))
      return notValid('external_pause', [value, p.agent_user ?? '']);
    return undefined;
  },
  async run(call) {
    const value = call.p.value ?? '';
    if (value.includes('RESUME') && NOT_PAUSED.has(call.agent.status)) {
      call.trace.fail('agent_state', `${call.agentUser} is ${call.agent.status}, not paused`);
      return reply(error('external_pause agent is not paused', [value, call.agentUser]));
    }
    await call.commands.pause(call.unit, call.agent, value, call.epoch);
    return { lines: [success('external_pause function set', [value, call.epoch, call.agentUser])], auditData: String(call.epoch) };
  },
};
