/**
 * ra_call_control (agent-api.md §8.16): take a remote agent's call away —
 * hang it up, or send it to an extension or an in-group — and free the agent
 * at once. agentgate requires the call to be agent_user's own (permissions.md
 * §10 #18): api.php acts on any live call named by value. With API List
 * Restrict, the call's lead must be in an allowed list.
 */
import { error, reply, success } from '../../legacy/lines.js';
import { choice, params, text } from '../../parameters.js';
import type { AgentFunction } from '../agent-function.js';
import { notValid, screenLeadRefusal } from './shared.js';

const STAGE_NAMES = ['HANGUP', 'EXTENSIONTRANSFER', 'INGROUPTRANSFER'] as const;
const STAGES = new Set<string>(STAGE_NAMES);

export const raCallControl: AgentFunction = {
  name: 'ra_call_control',
  target: 'agent',
  deniedLayout: 'value',
  params: params({
    value: text("The call id (caller id) of the agent's live call.", 20),
    stage: choice(STAGE_NAMES, 'HANGUP the call, or send it to an extension (EXTENSIONTRANSFER) or an in-group (INGROUPTRANSFER).'),
    phone_number: text('EXTENSIONTRANSFER: the extension to send the call to.', 20).optional(),
    ingroup_choices: text("INGROUPTRANSFER: the in-group, or DEFAULTINGROUP for the call's own.", 20).optional(),
    status: text('The status to log the call with (RAXFER).', 6).optional(),
  }),
  gates: ['call_owner', 'lead_scope'],
  validate(p) {
    if (!p.value || !p.agent_user || !p.stage) return notValid('ra_call_control', [p.value ?? '', p.agent_user ?? '', p.stage ?? '']);
    return undefined;
  },
  async run(call) {
    const { p, unit, agent, agentUser } = call;
    const value = p.value ?? '';
    const stage = p.stage ?? '';
    // Ownership first: whether someone else's call is live is not this caller's to learn.
    if (agent.call?.callerId !== value) {
      call.trace.fail('call_owner', `call ${value} is not ${agentUser}'s call`, `name one of ${agentUser}'s own calls`);
      return reply(error('call does not belong to agent_user', [agentUser, value]));
    }
    const live = await unit.store.liveAgents.findLiveCall(value);
    if (!live) return reply(error('no active call found', [value]));
    const scoped = await screenLeadRefusal(call, agent.leadId);
    if (scoped) return reply(scoped);
    if (!STAGES.has(stage)) return reply(error('stage is not valid', [stage]));
    const channel = agent.call.channel;
    const status = p.status || 'RAXFER';
    const phone = p.phone_number ?? '';

    if (stage === 'HANGUP') {
      await unit.store.telephony.insertManagerCommand({ serverIp: agent.serverIp, action: 'Hangup', callerId: `HAPI${value.slice(4)}`, lines: [`Channel: ${channel}`] }, unit.now);
      await call.telephony.releaseCall(unit, agent, { kind: 'hangup' }, status);
      return reply(success('ra_call_control hungup', [agentUser, value, 'HANGUP']));
    }
    const redirect = (exten: string) =>
      unit.store.telephony.insertManagerCommand(
        { serverIp: agent.serverIp, action: 'Redirect', callerId: `XAPI${value.slice(4)}`, lines: [`Channel: ${channel}`, 'Context: default', `Exten: ${exten}`, 'Priority: 1'] },
        unit.now,
      );
    if (stage === 'EXTENSIONTRANSFER') {
      if (phone.length < 2) return reply(error('phone_number is not valid', [phone]));
      await redirect(phone);
      await call.telephony.releaseCall(unit, agent, { kind: 'extension', number: phone }, status);
      return reply(success('ra_call_control transfer', [agentUser, value, phone]));
    }
    const named = (p.ingroup_choices ?? '').trim();
    let group = named;
    if (named === 'DEFAULTINGROUP')
      group = live.direction === 'IN' ? live.campaignOrIngroup : ((await unit.store.campaigns.find(agent.campaignId))?.defaultXferGroup ?? '');
    const found = group.length >= 2 ? await unit.store.campaigns.findInboundGroup(group) : undefined;
    if (named.length < 2 || !found?.active) return reply(error('ingroup is not valid', [p.ingroup_choices ?? '']));
    await redirect(`90009*${found.id}**${agent.leadId}**${live.phoneNumber}**${agentUser}**`);
    await call.telephony.releaseCall(unit, agent, { kind: 'ingroup', ingroup: found.id }, status);
    // As api.php does, the line names phone_number, not the group.
    return reply(success('ra_call_control transfer', [agentUser, value, phone]));
  },
};
