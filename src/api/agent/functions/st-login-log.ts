/** st_login_log (agent-api.md §8.14): record the CRM team of the agent with this CRM id. */
import { error, reply, success } from '../../legacy/lines.js';
import type { AgentFunction } from '../agent-function.js';
import { notValid } from './shared.js';

export const stLoginLog: AgentFunction = {
  name: 'st_login_log',
  target: 'none',
  deniedLayout: 'value',
  validate(p) {
    if (!p.value || !p.vendor_id) return notValid('st_login_log', [p.value ?? '', p.vendor_id ?? '']);
    return undefined;
  },
  async run(call) {
    const value = call.p.value ?? '';
    const matches = await call.unit.store.users.findByCustomThree(value);
    if (matches.length === 0) return reply(error('no user found', [value]));
    // api.php silently takes the first of several; an ambiguous CRM id is refused instead.
    if (matches.length > 1) return reply(error('value matches more than one user', [value]));
    const user = matches[0]!;
    await call.unit.store.users.setCustomFour(user, call.p.vendor_id ?? '');
    return { lines: [success('st_login_log user found', [user])], auditAgentUser: user };
  },
};
