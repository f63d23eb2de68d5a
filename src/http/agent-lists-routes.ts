/**
 * Lists the agent screen asks for when it needs them (behind its login
 * cookie), rather than in every pushed state:
 * GET /api/v2/agent/callbacks — the agent's own callbacks still to call, and how many;
 * GET /api/v2/agent/directory — where its call can be transferred: the campaign's
 * in-groups and the other agents logged into the same campaign.
 */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../app/services.js';
import { sqlDateTime } from '../domain/clock.js';
import { campaignView } from '../screen/screen-state.js';
import type { CallbackList, TransferDirectory } from '../wire/agent-screen.js';
import { requireScreenUser } from './screen-auth.js';

/** The list shows the soonest; the count says how many there are in all. */
export const CALLBACKS_SHOWN = 50;

export function registerAgentListsRoutes(app: FastifyInstance, services: Services): void {
  app.get('/api/v2/agent/callbacks', async (request, reply): Promise<CallbackList | typeof reply> => {
    const user = await requireScreenUser(services, request, reply, 'agent');
    if (!user) return reply;
    const now = sqlDateTime(services.clock.now());
    const { count, callbacks } = await services.store.leads.agentCallbacks(user.user, CALLBACKS_SHOWN);
    return { count, callbacks: callbacks.map((c) => ({ ...c, due: c.at <= now })) };
  });

  app.get('/api/v2/agent/directory', async (request, reply): Promise<TransferDirectory | typeof reply> => {
    const user = await requireScreenUser(services, request, reply, 'agent');
    if (!user) return reply;
    return services.runner.run(async (u) => {
      const agent = await u.store.liveAgents.find(user.user);
      if (!agent) return { ingroups: [], agents: [] };
      const ingroups = (await campaignView(u, agent.campaignId))?.ingroups ?? [];
      const agents = [];
      for (const other of await u.store.liveAgents.list()) {
        if (other.user === agent.user || other.campaignId !== agent.campaignId) continue;
        agents.push({ user: other.user, name: (await u.store.users.find(other.user))?.fullName ?? '', status: other.status });
      }
      return { ingroups, agents };
    });
  });
}
