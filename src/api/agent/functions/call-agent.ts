/** call_agent (agent-api.md §8.29): call the agent's phone into its session again, with the login call. */
import { error, reply, success } from '../../legacy/lines.js';
import { callAgainCommand } from '../../../sessions/login-call.js';
import { choice, params } from '../../parameters.js';
import type { AgentFunction } from '../agent-function.js';
import { hasTarget, notValid } from './shared.js';

export const callAgent: AgentFunction = {
  name: 'call_agent',
  target: 'agent-or-alt',
  deniedLayout: 'value',
  params: params({
    value: choice(['CALL'], "CALL: ring the agent's phone into its session again."),
  }),
  gates: [],
  validate(p) {
    if (p.value !== 'CALL' || !hasTarget(p, 1, 2)) return notValid('call_agent', [p.value ?? '', p.agent_user ?? '']);
    return undefined;
  },
  async run(call) {
    const { unit, agent, agentUser } = call;
    const data = await unit.store.telephony.sessionData(agentUser);
    if (!data) return reply(error('call_agent error - no session data', [agentUser]));
    const command = data.agentLoginCall.length > 5 ? callAgainCommand(data.agentLoginCall, agent.confExten) : undefined;
    if (!command) return reply(error('call_agent error - entry is empty', [agentUser]));
    await unit.store.telephony.insertManagerCommand(command, unit.now);
    await call.telephony.callAgent(unit, agent);
    return { lines: [success('call_agent function sent', [agentUser])], auditData: String(call.epoch) };
  },
};
