/** webphone_url (agent-api.md §8.28): the web phone of the agent's session, shown or opened. */
import { customLine, error, reply } from '../../legacy/lines.js';
import { choice, params } from '../../parameters.js';
import type { AgentFunction } from '../agent-function.js';
import { hasTarget, notValid } from './shared.js';

export const webphoneUrl: AgentFunction = {
  name: 'webphone_url',
  target: 'agent-or-alt',
  deniedLayout: 'value',
  params: params({
    value: choice(['DISPLAY', 'LAUNCH'], "DISPLAY answers the URL of the agent's web phone; LAUNCH answers a page that opens it."),
  }),
  gates: [],
  validate(p) {
    const value = p.value ?? '';
    if ((value !== 'DISPLAY' && value !== 'LAUNCH') || !hasTarget(p, 1, 2)) return notValid('webphone_url', [value, p.agent_user ?? '']);
    return undefined;
  },
  async run(call) {
    const data = await call.unit.store.telephony.sessionData(call.agentUser);
    if (!data) return reply(error('webphone_url error - no session data', [call.agentUser]));
    const url = data.webphoneUrl;
    if (url.length <= 5) return reply(error('webphone_url error - webphone url is empty', [call.agentUser]));
    // The bare URL, no newline; LAUNCH sends the browser there.
    if (call.p.value === 'DISPLAY') return reply(customLine('NOTICE', 'webphone_url active and displayed', url));
    // api.php's page, line for line: the refresh, the end of a head and a body it never opened, the link.
    const html = [
      `<META HTTP-EQUIV=Refresh CONTENT="0; URL=${url}">`,
      '</HEAD>',
      '<BODY BGCOLOR=#FFFFFF marginheight=0 marginwidth=0 leftmargin=0 topmargin=0>',
      `<a href="${url}">click here to continue. . .</a>`,
      '</BODY>',
      '',
    ].join('\n');
    return reply(customLine('NOTICE', 'webphone_url active and launched', html));
  },
};
