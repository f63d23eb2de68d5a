/**
 * The agent screen's JSON endpoints (behind its login cookie):
 * GET /api/v2/agent/campaigns, and GET, POST, DELETE /api/v2/agent/session.
 * An agent is offered, and may start, only what VICIdial's agent login
 * allows it (domain/agent-login.ts): its user group's campaigns, and the
 * in-groups it may take.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../app/services.js';
import { ingroupsOffered, mayLogIntoCampaign, type AgentLoginRights } from '../domain/agent-login.js';
import type { User } from '../domain/user.js';
import type { Unit } from '../store/unit-of-work.js';
import { campaignView, screenState } from '../screen/screen-state.js';
import { snapshotOf } from '../sessions/snapshot.js';
import type { Presence } from '../screen/presence.js';
import { sendJsonError, sendValidationError } from './json-errors.js';
import { requireScreenUser } from './screen-auth.js';

const startBody = z.object({
  campaign: z.string().min(1, 'choose a campaign').max(8).regex(/^[0-9A-Za-z_-]+$/, 'not a campaign id'),
  ingroups: z.array(z.string().min(1).max(20).regex(/^[0-9A-Za-z_-]+$/)).max(50).default([]),
});

/** HTTP status for each reason the session service refuses a login. */
const LOGIN_STATUS: Record<string, number> = {
  'busy-elsewhere': 409,
  'unknown-campaign': 400,
  'inactive-campaign': 400,
  'unknown-ingroup': 400,
  'campaign-not-allowed': 403,
  'ingroup-not-allowed': 403,
};

/** What the agent's user group and its own record allow it to log into. */
async function loginRights(u: Unit, user: User): Promise<AgentLoginRights> {
  const group = await u.store.users.findGroup(user.group);
  return { allowedCampaigns: group?.allowedCampaigns, choosesIngroups: await u.store.users.choosesIngroups(user.user), defaultIngroups: user.closerCampaigns };
}

export function registerAgentScreenRoutes(app: FastifyInstance, services: Services, presence: Presence): void {
  /** The campaigns (and their in-groups) this agent may log into: its user group's, as VICIdial's agent login offers them. */
  app.get('/api/v2/agent/campaigns', async (request, reply) => {
    const user = await requireScreenUser(services, request, reply, 'agent');
    if (!user) return reply;
    return services.runner.run(async (u) => {
      const rights = await loginRights(u, user);
      const campaigns = [];
      for (const c of await u.store.campaigns.listActive()) {
        if (!mayLogIntoCampaign(rights, c.id)) continue;
        const view = await campaignView(u, c.id);
        if (view) campaigns.push({ id: view.id, name: view.name, allowInbound: view.allowInbound, ingroups: ingroupsOffered(rights, view.ingroups) });
      }
      return { campaigns };
    });
  });

  /** The whole screen state; `?view=status` only the session (one read: what a polling screen needs). */
  app.get('/api/v2/agent/session', async (request, reply) => {
    const user = await requireScreenUser(services, request, reply, 'agent');
    if (!user) return reply;
    if ((request.query as { view?: string }).view === 'status') {
      const agent = await services.store.liveAgents.find(user.user);
      return { user: user.user, session: agent ? snapshotOf(agent) : null };
    }
    return services.runner.run((u) => screenState(u, user.user, services.telephony));
  });

  /**
   * Start a session. A second login of the same agent takes the session over
   * (the other screen is told, cause "replaced"), unless that session has a
   * call or a disposition open: then it is refused with 409.
   */
  app.post('/api/v2/agent/session', async (request, reply) => {
    const user = await requireScreenUser(services, request, reply, 'agent');
    if (!user) return reply;
    const parsed = startBody.safeParse(request.body);
    if (!parsed.success) return sendValidationError(reply, parsed.error);
    const { campaign, ingroups } = parsed.data;
    const result = await services.runner.run(async (u) => {
      const view = await campaignView(u, campaign);
      if (!view) return { ok: false as const, code: 'unknown-campaign', message: `campaign ${campaign} does not exist or is not active` };
      const rights = await loginRights(u, user);
      if (!mayLogIntoCampaign(rights, campaign))
        return { ok: false as const, code: 'campaign-not-allowed', message: `campaign ${campaign} is not one of user group ${user.group}'s allowed campaigns` };
      const foreign = ingroups.filter((g) => !view.ingroups.some((i) => i.id === g));
      if (ingroups.length > 0 && !view.allowInbound)
        return { ok: false as const, code: 'unknown-ingroup', message: `campaign ${campaign} takes no inbound calls` };
      if (foreign.length > 0) return { ok: false as const, code: 'unknown-ingroup', message: `in-group ${foreign.join(', ')} is not an in-group of ${campaign}` };
      const offered = ingroupsOffered(rights, view.ingroups);
      const refused = ingroups.filter((g) => !offered.some((i) => i.id === g));
      if (refused.length > 0)
        return { ok: false as const, code: 'ingroup-not-allowed', message: `${user.user} may not choose in-groups; in-group ${refused.join(', ')} is not one of its default in-groups` };
      return services.sessions.login(u, { user: user.user, campaignId: campaign, ingroups });
    });
    if (!result.ok) return sendJsonError(reply, LOGIN_STATUS[result.code] ?? 400, result.code, result.message);
    presence.startedFromScreen(user.user);
    return services.runner.run((u) => screenState(u, user.user, services.telephony));
  });

  /** Log out from the screen: now, or once the call open now is dispositioned. */
  app.delete('/api/v2/agent/session', async (request, reply) => {
    const user = await requireScreenUser(services, request, reply, 'agent');
    if (!user) return reply;
    const ended = await services.runner.run(async (u) => {
      const agent = await u.store.liveAgents.find(user.user);
      if (!agent) return true;
      await services.commands.logout(u, agent, 'LOGOUT', 'screen-logout');
      return !(await u.store.liveAgents.find(user.user));
    });
    if (ended) presence.ended(user.user);
    return { loggedOut: ended, pending: !ended };
  });
}
