/** set_timer_action (agent-api.md §8.13): an action the screen fires N seconds into the call. */
import { error, reply, success } from '../../legacy/lines.js';
import { integer, params, text } from '../../parameters.js';
import type { AgentFunction } from '../agent-function.js';
import { notValid } from './shared.js';

export const setTimerAction: AgentFunction = {
  name: 'set_timer_action',
  target: 'agent',
  deniedLayout: 'value',
  params: params({
    value: text('The action to fire: NONE, WEBFORM, WEBFORM2, D1_DIAL to D5_DIAL or MESSAGE_ONLY (not checked).', 20),
    notes: text('The message shown with the action.', 255).optional(),
    rank: integer('Seconds into the call at which the action fires.', { max: 8_388_607 }).optional(),
  }),
  gates: ['modify_campaigns'],
  validate(p) {
    if ((p.value ?? '').length < 2 || (p.agent_user ?? '').length < 1)
      return notValid('set_timer_action', [p.agent_user ?? '', p.value ?? '']);
    return undefined;
  },
  async run(call) {
    const { p, apiUser, agentUser } = call;
    if (!apiUser.modifyCampaigns) {
      call.trace.fail('modify_campaigns', `${apiUser.user} may not modify campaigns`, `set modify_campaigns to 1 for ${apiUser.user}`, 'vicidial_users.modify_campaigns');
      return reply(error('user is not allowed to modify campaign settings', [agentUser, apiUser.user]));
    }
    call.trace.pass('modify_campaigns', `${apiUser.user} holds modify_campaigns`, 'vicidial_users.modify_campaigns');
    const value = p.value ?? '';
    const notes = p.notes ?? '';
    const rank = p.rank ?? '';
    // An empty rank becomes 0, as on a non-strict MySQL.
    await call.commands.timerAction(call.unit, call.agent, value, notes, Number(rank) || 0);
    return reply(success('set_timer_action lead updated', [apiUser.user, agentUser, value, notes, rank]));
  },
};
