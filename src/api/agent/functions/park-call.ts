/** park_call (agent-api.md §8.18): park or grab the customer (or the third party) of the agent's call. */
import { error, reply, success } from '../../legacy/lines.js';
import { PARK_ACTIONS, type ParkAction } from '../../../telephony/telephony.js';
import { params, text } from '../../parameters.js';
import type { AgentFunction } from '../agent-function.js';
import { hasTarget, notValid } from './shared.js';

/** api.php's substring test: these names anywhere in value (so SWAP_PARK_XFER passes too). */
const ACCEPTED = ['PARK_CUSTOMER', 'GRAB_CUSTOMER', 'PARK_IVR_CUSTOMER', 'GRAB_IVR_CUSTOMER', 'PARK_XFER', 'GRAB_XFER'];

export const parkCall: AgentFunction = {
  name: 'park_call',
  target: 'agent-or-alt',
  deniedLayout: 'value',
  params: params({
    value: text('PARK_CUSTOMER, GRAB_CUSTOMER, PARK_IVR_CUSTOMER, GRAB_IVR_CUSTOMER, PARK_XFER or GRAB_XFER, or a SWAP_ combination of them.', 40),
  }),
  gates: [],
  validate(p) {
    const value = p.value ?? '';
    if (!ACCEPTED.some((a) => value.includes(a)) || value.includes('|') || !hasTarget(p, 1, 2))
      return notValid('park_call', [value, p.agent_user ?? '']);
    return undefined;
  },
  async run(call) {
    const { unit, agent, agentUser } = call;
    const value = call.p.value ?? '';
    if (agent.leadId < 1) return reply(error('agent_user does not have a lead on their screen', [agentUser]));
    const written = await call.commands.park(unit, agent, value);
    // The screen acts on the exact names only.
    if ((PARK_ACTIONS as readonly string[]).includes(value)) await call.telephony.park(unit, written, value as ParkAction);
    return reply(success('park_call function set', [value, agentUser]));
  },
};
