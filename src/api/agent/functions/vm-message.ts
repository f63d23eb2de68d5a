/** vm_message (agent-api.md §8.21): the audio files to leave as voicemail for the live call's lead. */
import { error, reply, success } from '../../legacy/lines.js';
import { integer, LEAD_ID_MAX, params, text, TEXT_WIDTH } from '../../parameters.js';
import type { AgentFunction } from '../agent-function.js';
import { hasTarget, leadScopeRefusal, notValid } from './shared.js';

export const vmMessage: AgentFunction = {
  name: 'vm_message',
  target: 'agent-or-alt',
  deniedLayout: 'lead_id',
  params: params({
    value: text('The audio files to leave as the voicemail message, separated by |.', TEXT_WIDTH),
    lead_id: integer("The live call's lead (the default; any other lead is refused).", { max: LEAD_ID_MAX }).optional(),
  }),
  gates: ['lead_scope'],
  validate(p) {
    if (!hasTarget(p, 1, 2) || !p.value) return notValid('vm_message', [p.lead_id ?? '', p.value ?? '', p.agent_user ?? '']);
    return undefined;
  },
  async run(call) {
    const { p, unit, agent, agentUser } = call;
    if (agent.leadId < 1 || (agent.call?.callerId.length ?? 0) <= 15)
      return reply(error('agent_user does not have a live call', [agentUser]));
    const leadId = p.lead_id ? Number(p.lead_id) : agent.leadId;
    if (leadId !== agent.leadId) return reply(error('current call does not match lead_id submitted', [agentUser]));
    const lead = await unit.store.leads.find(leadId);
    if (lead) {
      const scoped = await leadScopeRefusal(call, lead);
      if (scoped) return reply(scoped);
    }
    const value = p.value ?? '';
    await unit.store.messages.insertLeadMessage(leadId, call.apiUser.user, value, unit.now);
    return reply(success('vm_message function set', [agentUser, leadId, `${value}|`]));
  },
};
