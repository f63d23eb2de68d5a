/** preview_dial_action (agent-api.md §8.8): skip or dial the lead an agent is previewing. */
import { error, success, type Line, type Reply } from '../../legacy/lines.js';
import { choice, params } from '../../parameters.js';
import type { AgentFunction } from '../agent-function.js';
import { hasTarget, manualDialRefusal, notValid, screenLeadRefusal } from './shared.js';

const ACTION_NAMES = ['SKIP', 'DIALONLY', 'ALTDIAL', 'ADR3DIAL', 'FINISH'] as const;
const ACTIONS = new Set<string>(ACTION_NAMES);
const actionOf = (value: string | undefined) => (value ?? '').replace(/[^A-Z0-9]/g, '');

export const previewDialAction: AgentFunction = {
  name: 'preview_dial_action',
  target: 'agent-or-alt',
  deniedLayout: 'value',
  params: params({
    value: choice(ACTION_NAMES, "What to do with the previewed lead: skip it, dial its number, its alt_phone or its address3, or finish alt dialing."),
  }),
  gates: ['agent_state', 'agentcall_manual', 'lead_scope'],
  effectiveValue: (p) => actionOf(p.value),
  validate(p) {
    const value = actionOf(p.value);
    if (!ACTIONS.has(value) || !hasTarget(p, 2, 2))
      return notValid('preview_dial_action', [value, '', p.agent_user ?? '', p.alt_user ?? '']);
    return undefined;
  },
  async run(call) {
    const { unit, agent, agentUser } = call;
    const value = actionOf(call.p.value);
    // vicidial_api_log.value and .data are the reduced value, as api.php logs them (permissions.md §9.1).
    const reply = (line: Line): Reply => ({ lines: [line], auditValue: value });
    const campaign = await unit.store.campaigns.find(agent.campaignId);
    if (campaign) {
      const id = campaign.id;
      if (campaign.manualPreviewDial === 'DISABLED')
        return reply(error('preview dialing not allowed on this campaign', [agentUser, id, 'DISABLED']));
      if (campaign.manualPreviewDial === 'PREVIEW_ONLY' && value === 'SKIP')
        return reply(error('preview dial skipping not allowed on this campaign', [agentUser, id, 'PREVIEW_ONLY']));
      if (campaign.altNumberDialing === 'N' && ['ALTDIAL', 'ADR3DIAL', 'FINISH'].includes(value))
        return reply(error('alt number dialing not allowed on this campaign', [agentUser, id, 'N']));
    }
    if (agent.status !== 'PAUSED') {
      call.trace.fail('agent_state', `${agentUser} is ${agent.status}, not paused`);
      return reply(error('agent_user is not paused', [agentUser]));
    }
    const manual = await manualDialRefusal(call);
    if (manual) return reply(manual);
    const scoped = await screenLeadRefusal(call, agent.previewLeadId || agent.leadId);
    if (scoped) return reply(scoped);
    await call.commands.previewAction(unit, agent, value);
    return { ...reply(success('preview_dial_action function set', [value, agentUser, value])), auditData: value };
  },
};
