/** calls_in_queue_count (agent-api.md §8.23): calls waiting for the agent's campaign and in-groups. */
import { parseSet } from '../../../domain/vicidial-sets.js';
import { customLine, reply } from '../../legacy/lines.js';
import { choice, params } from '../../parameters.js';
import type { AgentFunction } from '../agent-function.js';
import { notValid } from './shared.js';

export const callsInQueueCount: AgentFunction = {
  name: 'calls_in_queue_count',
  target: 'agent-or-alt',
  deniedLayout: 'value',
  params: params({
    value: choice(['DISPLAY'], "DISPLAY: count the calls waiting for the agent's campaign and in-groups."),
  }),
  gates: [],
  validate(p) {
    if (p.value !== 'DISPLAY') return notValid('calls_in_queue_count', [p.value ?? '', p.agent_user ?? '']);
    return undefined;
  },
  async run(call) {
    const { agent } = call;
    const ingroups = parseSet(agent.closerCampaigns);
    const count = await call.unit.store.liveAgents.countWaitingCalls(
      [agent.campaignId, ...ingroups],
      ingroups.includes('AGENTDIRECT') ? agent.user : undefined,
    );
    // No newline after this line; the log keeps the whole text as its reason, as api.php does.
    const text = `SUCCESS: calls_in_queue_count - ${count}`;
    return { ...reply(customLine('SUCCESS', text, text)), auditData: String(count) };
  },
};
