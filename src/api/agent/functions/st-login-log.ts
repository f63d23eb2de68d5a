/**
 * st_login_log (agent-api.md §8.14): record the CRM team of the agent with
 * this CRM id. With API List Restrict, an agent outside the API user's scope
 * (logged into another campaign, or, logged out, of a group it may not see)
 * is one it cannot find: its custom_four is not written, and the answer does
 * not tell which user the CRM id belongs to.
 */
import { error, reply, success } from '../../legacy/lines.js';
import { params, text } from '../../parameters.js';
import type { AgentFunction } from '../agent-function.js';
import { notValid } from './shared.js';

export const stLoginLog: AgentFunction = {
  name: 'st_login_log',
  target: 'none',
  deniedLayout: 'value',
  params: params({
    value: text("The agent's CRM id (its custom_three).", 100),
    vendor_id: text("The CRM team id, recorded as the agent's custom_four.", 100),
  }),
  gates: ['agent_scope'],
  validate(p) {
    if (!p.value || !p.vendor_id) return notValid('st_login_log', [p.value ?? '', p.vendor_id ?? '']);
    return undefined;
  },
  async run(call) {
    const { unit } = call;
    const value = call.p.value ?? '';
    const matches = await unit.store.users.findByCustomThree(value);
    if (matches.length === 0) return reply(error('no user found', [value]));
    // api.php silently takes the first of several; an ambiguous CRM id is refused instead.
    if (matches.length > 1) return reply(error('value matches more than one user', [value]));
    const user = matches[0]!;
    const agent = await unit.store.users.find(user);
    const session = await unit.store.liveAgents.find(user);
    if (!agent || !call.scope.allowsUser(agent.group, session?.campaignId)) {
      call.trace.fail(
        'agent_scope',
        `CRM id ${value} is ${user}, ${session ? `logged into ${session.campaignId}` : `of user group ${agent?.group ?? '(none)'}`}: outside ${call.apiUser.group}'s scope (API List Restrict is on)`,
        `turn off API List Restrict for ${call.apiUser.user}, or widen ${call.apiUser.group}'s allowed campaigns or viewable groups`,
        `vicidial_user_groups (${call.apiUser.group})`,
      );
      return { lines: [error('no user found', [value])], auditDetail: `${value}|${user}|OUTOFSCOPE|` };
    }
    await unit.store.users.setCustomFour(user, call.p.vendor_id ?? '');
    return { lines: [success('st_login_log user found', [user])], auditAgentUser: user };
  },
};
