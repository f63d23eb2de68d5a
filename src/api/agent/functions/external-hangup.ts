/** external_hangup (agent-api.md §8.3): with value 1, hangs up the agent's live call. */
import { reply, success } from '../../legacy/lines.js';
import { params, text } from '../../parameters.js';
import type { AgentFunction } from '../agent-function.js';
import { hasTarget, notValid, relayable } from './shared.js';

export const externalHangup: AgentFunction = {
  name: 'external_hangup',
  target: 'agent-or-alt',
  deniedLayout: 'value',
  params: params({
    value: text("1 hangs up the agent's live call; any other value is accepted and does nothing.", 1),
  }),
  gates: [],
  validate(p) {
    const value = p.value ?? '';
    if (!relayable(value) || !hasTarget(p, 1, 2))
      return notValid('external_hangup', [value, p.agent_user ?? '']);
    return undefined;
  },
  async run(call) {
    const value = call.p.value ?? '';
    // No state check, as in api.php: with no call to hang up the line is the same and nothing changes.
    await call.commands.hangup(call.unit, call.agent, value);
    return reply(success('external_hangup function set', [value, call.agentUser]));
  },
};
