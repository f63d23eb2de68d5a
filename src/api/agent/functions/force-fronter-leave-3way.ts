/** force_fronter_leave_3way (agent-api.md §8.24): the fronter of agent_user's three-way call leaves it. */
import { customLine, reply } from '../../legacy/lines.js';
import type { AgentFunction } from '../agent-function.js';
import { findFronter, skipsLoggedIn, validateFronter } from './fronter.js';

export const forceFronterLeave3way: AgentFunction = {
  name: 'force_fronter_leave_3way',
  target: 'agent-or-alt',
  deniedLayout: 'value',
  validate: validateFronter('force_fronter_leave_3way'),
  skipsLoggedIn,
  async run(call) {
    const fronter = await findFronter(call);
    if ('result' in fronter) return reply(fronter);
    const { unit } = call;
    const written = await call.commands.write(
      unit,
      fronter,
      { transferConf: ['LEAVE_3WAY_CALL', '', '', 'NO', '', '', '', call.epoch].join('---') },
      'api-fronter-leave-3way',
    );
    // The fronter's screen leaves the conference, then clears the column.
    if (await call.telephony.transfer(unit, written, { kind: 'leave-3way' })) {
      const after = await unit.store.liveAgents.find(fronter.user);
      if (after) await call.commands.write(unit, after, { transferConf: '' }, 'api-fronter-left');
    }
    // No newline; the log keeps the whole text as its reason, as api.php does.
    const text = `SUCCESS: force_fronter_leave_3way SENT - ${fronter.user}`;
    return reply(customLine('SUCCESS', text, text));
  },
};
