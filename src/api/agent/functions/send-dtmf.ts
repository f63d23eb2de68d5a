/** send_dtmf (agent-api.md §8.17): digits into the agent's conference; P, S and Q stand for #, * and a pause. */
import { dtmfDigits } from '../../../domain/telephony.js';
import { reply, success } from '../../legacy/lines.js';
import { params, text } from '../../parameters.js';
import type { AgentFunction } from '../agent-function.js';
import { hasTarget, notValid } from './shared.js';

export const sendDtmf: AgentFunction = {
  name: 'send_dtmf',
  target: 'agent-or-alt',
  deniedLayout: 'value',
  params: params({
    value: text("The digits to send into the agent's conference; P, S and Q stand for #, * and a one-second pause.", 100),
  }),
  gates: [],
  validate(p) {
    const value = p.value ?? '';
    // A '|' would shift the agent screen's pipe-delimited poll line (permissions.md §10 #20).
    if (!value || value.includes('|') || !hasTarget(p, 1, 2)) return notValid('send_dtmf', [value, p.agent_user ?? '']);
    return undefined;
  },
  async run(call) {
    const value = call.p.value ?? '';
    const written = await call.commands.dtmf(call.unit, call.agent, value);
    await call.telephony.sendDtmf(call.unit, written, dtmfDigits(value));
    return reply(success('send_dtmf function set', [value, call.agentUser]));
  },
};
