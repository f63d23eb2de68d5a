/**
 * update_fields (agent-api.md §8.11): change fields of the lead on the agent's
 * screen and have the screen show them. A field is changed when its parameter
 * is present — not, as in api.php, when its name appears anywhere in the
 * request (permissions.md §10 #19).
 */
import { LEAD_FIELDS, type LeadFields } from '../../../domain/lead.js';
import { error, reply, success } from '../../legacy/lines.js';
import { leadFieldParams } from '../../lead-field-params.js';
import { params, text } from '../../parameters.js';
import type { AgentFunction } from '../agent-function.js';
import { agentUserRequired, leadScopeRefusal } from './shared.js';

/** The panels a screen reloads, after the fields and in this order. */
export const RELOAD_TRIGGERS = ['formreload', 'scriptreload', 'script2reload', 'emailreload', 'chatreload'] as const;

/** Which panel each trigger reloads, in words (refresh_panel adds callbacksreload). */
const PANEL_WORDS = {
  formreload: 'form',
  scriptreload: 'script',
  script2reload: 'second script',
  emailreload: 'email',
  chatreload: 'chat',
  callbacksreload: 'callbacks',
} as const;

/** The reload triggers as parameters: only their presence matters. */
export function reloadParams(names: readonly (keyof typeof PANEL_WORDS)[]) {
  return Object.fromEntries(names.map((name) => [name, text(`Present (any value): the screen reloads its ${PANEL_WORDS[name]} panel.`, 10).optional()]));
}

export const updateFields: AgentFunction = {
  name: 'update_fields',
  target: 'agent',
  deniedLayout: 'value',
  params: params({ ...leadFieldParams(LEAD_FIELDS), ...reloadParams(RELOAD_TRIGGERS) }),
  gates: ['modify_leads', 'lead_scope'],
  validate: agentUserRequired,
  async run(call) {
    const { p, unit, agent, agentUser, apiUser } = call;
    if (!['1', '2', '3', '4'].includes(apiUser.modifyLeads)) {
      call.trace.fail('modify_leads', `${apiUser.user} has modify_leads ${apiUser.modifyLeads}`, `set modify_leads to 1 for ${apiUser.user}`, 'vicidial_users.modify_leads');
      return reply(error('user is not allowed to modify lead information', [agentUser, apiUser.user]));
    }
    call.trace.pass('modify_leads', `${apiUser.user} holds modify_leads`, 'vicidial_users.modify_leads');
    if (agent.leadId < 1) return reply(error('agent_user does not have a lead on their screen', [agentUser]));
    const lead = await unit.store.leads.find(agent.leadId);
    if (lead) {
      const scoped = await leadScopeRefusal(call, lead);
      if (scoped) return reply(scoped);
    }

    const fields: LeadFields = {};
    for (const name of LEAD_FIELDS) if (p[name] !== undefined) fields[name] = p[name];
    const fieldNames = Object.keys(fields);
    const triggers = RELOAD_TRIGGERS.filter((t) => p[t] !== undefined);
    const names = [...fieldNames, ...triggers];
    if (names.length === 0) return reply(error('no fields have been defined', [agentUser]));

    const leadRows = fieldNames.length > 0 ? await unit.store.leads.updateFields(agent.leadId, fields, unit.now) : 0;
    await call.commands.fields(unit, agent, names, fieldNames);
    const setClause = Object.entries(fields)
      .map(([k, v]) => `${k}="${v}"`)
      .join(',');
    return reply(
      success('update_fields lead updated', [apiUser.user, agentUser, agent.leadId, leadRows, 1, names.join(','), `${setClause}|`]),
    );
  },
};
