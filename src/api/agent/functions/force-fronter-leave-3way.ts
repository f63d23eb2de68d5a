/** force_fronter_leave_3way (agent-api.md §8.24): the fronter of agent_user's three-way call leaves it. */
import { customLine, reply } from '../../legacy/lines.js';
import { params } from '../../parameters.js';
import type { AgentFunction } from '../agent-function.js';
import { FRONTER_PARAMS, findFronter, skipsLoggedIn, validateFronter } from './fronter.js';

export const forceFronterLeave3way: AgentFunction = {
  name: 'force_fronter_leave_3way',
  target: 'agent-or-alt',
  deniedLayout: 'value',
  params: params(FRONTER_PARAMS),
  gates: ['agent_scope'],
  validate: validateFronter('force_fronter_leave_3way'),
  skipsLoggedIn,
  async run(call) {
    const fronter = await findFronter(call);
    if ('result' in fronter) return reply(fronter);
    const { unit } = call;
    const written = await call.commands.transfer(unit, fronter, { action: 'LEAVE_3WAY_CALL', epoch: call.epoch });
    // The fronter's screen leaves the conference.
    await call.telephony.transfer(unit, written, { kind: 'leave-3way' });
    // No newline; the log keeps the whole text as its reason, as api.php does.
    const text = `SUCCESS: force_fronter_leave_3way SENT - ${fronter.user}`;
    return reply(customLine('SUCCESS', text, text));
  },
};
