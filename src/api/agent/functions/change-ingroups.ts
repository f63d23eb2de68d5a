/**
 * change_ingroups (agent-api.md §8.10): replace, add to or remove from the
 * in-groups an agent takes calls from, optionally as the agent's default.
 */
import { formatSet, parseSet } from '../../../domain/vicidial-sets.js';
import { error, reply, success } from '../../legacy/lines.js';
import { flag, params, text, TEXT_WIDTH } from '../../parameters.js';
import type { AgentFunction } from '../agent-function.js';
import { notValid } from './shared.js';

const modeOf = (value: string | undefined) => (value ?? '').replace(/[^A-Z]/g, '');

/** ' TEST_IN SALESLINE -': the item before the leading space and the closing dash are not groups. */
function groupsOf(choices: string): string[] {
  return choices
    .split(' ')
    .slice(1)
    .filter((g) => g.length >= 2 && g !== '-');
}

/** The CHANGE list: as sent when well formed (' A B -'); a first item glued to the start is dropped. */
function asSent(choices: string): string {
  if (choices === '' || choices.startsWith(' ')) return choices;
  const space = choices.indexOf(' ');
  return space === -1 ? '' : choices.slice(space);
}

export const changeIngroups: AgentFunction = {
  name: 'change_ingroups',
  target: 'agent',
  deniedLayout: 'value',
  params: params({
    value: text("CHANGE replaces the agent's in-groups, ADD adds to them, REMOVE removes from them (letters only; any other word acts as CHANGE).", 10),
    blended: flag('YES: the agent also takes outbound calls (blended).', ['YES', 'NO']),
    ingroup_choices: text('The in-groups, space-separated after a leading space, optionally ending in " -" (" SALES SUPPORT -").', TEXT_WIDTH).optional(),
    set_as_default: flag("YES: also save them as the agent's default in-groups.", ['YES', 'NO']).optional(),
  }),
  gates: ['change_agent_campaign'],
  effectiveValue: (p) => modeOf(p.value),
  validate(p) {
    const value = modeOf(p.value);
    if ((p.blended ?? '').length < 2 || (p.agent_user ?? '').length < 2 || value.length < 3)
      return notValid('change_ingroups', [value, p.blended ?? '', p.ingroup_choices ?? '', p.agent_user ?? '']);
    return undefined;
  },
  async run(call) {
    const { p, unit, agent, agentUser, apiUser } = call;
    const value = modeOf(p.value);
    const blendedParam = p.blended ?? '';
    const blended = blendedParam === 'YES';
    const choices = p.ingroup_choices ?? '';

    const campaign = await unit.store.campaigns.find(agent.campaignId);
    if (!campaign?.allowInbound) return reply(error('campaign does not allow inbound calls', [agentUser]));
    if (!apiUser.changeAgentCampaign) {
      call.trace.fail('change_agent_campaign', `${apiUser.user} may not change agent in-groups`, `set change_agent_campaign to 1 for ${apiUser.user}`, 'vicidial_users.change_agent_campaign');
      return reply(error('user is not allowed to change agent in-groups', [apiUser.user]));
    }
    call.trace.pass('change_agent_campaign', `${apiUser.user} holds change_agent_campaign`, 'vicidial_users.change_agent_campaign');
    if (blended && (campaign.dialMethod === 'MANUAL' || campaign.dialMethod === 'INBOUND_MAN'))
      return reply(error('campaign dial_method does not allow outbound autodial', [agentUser, blendedParam]));
    const groups = groupsOf(choices);
    const [missing] = await unit.store.campaigns.missingInboundGroups(groups);
    if (missing) return reply(error('ingroup does not exist', [agentUser, missing, choices]));
    if ((value === 'ADD' || value === 'REMOVE') && groups.length === 0)
      return reply(error('ingroup_choices are required for ADD and REMOVE values', [agentUser, value, choices]));

    let list: string;
    if (value === 'ADD') {
      const current = parseSet(agent.closerCampaigns);
      list = formatSet([...current, ...groups.filter((g) => !current.includes(g))]);
    } else if (value === 'REMOVE') {
      list = groups.reduce((text, g) => text.replace(` ${g} `, ' '), agent.closerCampaigns);
    } else {
      // As sent; but an item before the leading space was never validated
      // (api.php skips it), so it must not reach the session either.
      list = asSent(choices);
    }

    await call.commands.ingroups(unit, agent, { list, blended, setBy: apiUser.user, campaign });
    let note = '';
    if (p.set_as_default === 'YES') {
      await unit.store.users.setDefaultIngroups(agentUser, list, blended);
      await unit.store.adminLog.insert({
        user: apiUser.user,
        ip: call.remoteIp,
        section: 'USERS',
        type: 'MODIFY',
        recordId: agentUser,
        code: 'API MODIFY USER',
        description: `closer_campaigns=${list} closer_default_blended=${blended ? 1 : 0}`,
        notes: '',
        now: unit.now,
      });
      note = 'User settings set as default';
    }
    return reply(success('change_ingroups function set', [apiUser.user, agentUser, list, blendedParam, note]));
  },
};
