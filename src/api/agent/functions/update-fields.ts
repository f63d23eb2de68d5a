/**
 * update_fields (agent-api.md §8.11): change fields of the lead on the agent's
 * screen and have the screen show them. A field is changed when its parameter
 * is present — not, as in api.php, when its name appears anywhere in the
 * request (permissions.md §10 #19).
 */
import type { LeadField, LeadFields } from '../../../domain/lead.js';
import { error, reply, success } from '../../legacy/lines.js';
import type { AgentFunction } from '../agent-function.js';
import { leadScopeRefusal } from './shared.js';

/**
 * The lead columns update_fields may set, in api.php 2.14's order (agent-api.md
 * §8.11): the answer and external_update_fields_data list them in this order,
 * whatever the order of the request.
 */
export const UPDATABLE_FIELDS: readonly LeadField[] = [
  'phone_code',
  'address1',
  'address2',
  'address3',
  'alt_phone',
  'city',
  'comments',
  'country_code',
  'date_of_birth',
  'email',
  'first_name',
  'gender',
  'gmt_offset_now',
  'last_name',
  'middle_initial',
  'phone_number',
  'postal_code',
  'province',
  'security_phrase',
  'source_id',
  'state',
  'title',
  'vendor_lead_code',
  'rank',
  'owner',
];

/** The panels a screen reloads, after the fields and in this order. */
export const RELOAD_TRIGGERS = ['formreload', 'scriptreload', 'script2reload', 'emailreload', 'chatreload'] as const;

export const updateFields: AgentFunction = {
  name: 'update_fields',
  target: 'agent',
  deniedLayout: 'value',
  validate(p) {
    if ((p.agent_user ?? '').length < 1) return error('agent_user not valid', [p.agent_user ?? '']);
    return undefined;
  },
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
    for (const name of UPDATABLE_FIELDS) if (p[name] !== undefined) fields[name] = p[name];
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
