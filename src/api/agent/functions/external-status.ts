/**
 * external_status (agent-api.md §8.4): the disposition of the current call,
 * with an optional scheduled callback and QueueMetrics code. Applied at once
 * during the disposition step, else as soon as the call ends.
 */
import { statusCommand, type StatusCommand } from '../../../sessions/command-values.js';
import { success } from '../../legacy/lines.js';
import { params, text } from '../../parameters.js';
import type { AgentFunction } from '../agent-function.js';
import { hasTarget, notValid, relayable, screenLeadRefusal } from './shared.js';

export const externalStatus: AgentFunction = {
  name: 'external_status',
  target: 'agent-or-alt',
  deniedLayout: 'value',
  params: params({
    value: text('The disposition (status code) of the current call.', 6),
    callback_datetime: text('When to call back, YYYY-MM-DD HH:MM:SS; used only with a scheduled-callback status.', 19).optional(),
    callback_type: text('USERONLY for a callback to this agent only; ANYONE (the default) for any agent.', 8).optional(),
    callback_comments: text('Comments for the callback.', 200).optional(),
    qm_dispo_code: text('A QueueMetrics disposition code to record with the status.', 100).optional(),
  }),
  gates: ['lead_scope'],
  validate(p) {
    const value = p.value ?? '';
    if (!relayable(value) || !hasTarget(p, 1, 2))
      return notValid('external_status', [value, p.agent_user ?? '']);
    return undefined;
  },
  async run(call) {
    const { p, unit, agent } = call;
    // A disposition changes the lead: with API List Restrict it must be in an allowed list.
    const scoped = await screenLeadRefusal(call, agent.leadId);
    if (scoped) return { lines: [scoped] };
    const status = p.value ?? '';
    const when = p.callback_datetime ?? '';
    const qm = p.qm_dispo_code ?? '';
    let callback: StatusCommand['callback'];
    if (when.length > 12 && (await unit.store.campaigns.isCallbackStatus(status, agent.campaignId))) {
      const rawType = p.callback_type ?? '';
      const type = rawType.length < 4 ? 'ANYONE' : rawType;
      callback = { at: when, type, comments: Array.from(p.callback_comments ?? '').slice(0, 200).join('') };
    }
    const composed = statusCommand(callback ? { status, callback, qmCode: qm } : { status, qmCode: qm });
    await call.commands.status(unit, agent, composed);
    return { lines: [success('external_status function set', [composed, call.agentUser])], auditValue: composed };
  },
};
