/** refresh_panel (agent-api.md §8.12): ask the agent's screen to reload panels. */
import { error, reply, success } from '../../legacy/lines.js';
import { params } from '../../parameters.js';
import type { AgentFunction } from '../agent-function.js';
import { agentUserRequired } from './shared.js';
import { RELOAD_TRIGGERS, reloadParams } from './update-fields.js';

const PANELS = [...RELOAD_TRIGGERS, 'callbacksreload'] as const;

export const refreshPanel: AgentFunction = {
  name: 'refresh_panel',
  target: 'agent',
  deniedLayout: 'value',
  params: params(reloadParams(PANELS)),
  gates: [],
  validate: agentUserRequired,
  async run(call) {
    const panels = PANELS.filter((name) => call.p[name] !== undefined);
    if (panels.length === 0) return reply(error('no panels have been defined', [call.agentUser]));
    await call.commands.fields(call.unit, call.agent, panels, []);
    return reply(success('refresh_panel request sent', [call.apiUser.user, call.agentUser, 1, `${panels.join(',')}|`]));
  },
};
