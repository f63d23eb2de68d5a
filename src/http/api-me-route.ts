/**
 * GET /api/v2/me: what the caller's credentials are — its API user and, for a
 * key, the key's name and limits. An integration checks its key with it; it
 * runs the same authentication and rate limits every /api/v2 route will.
 */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../app/services.js';
import { parseSet } from '../domain/vicidial-sets.js';
import type { ApiMe } from '../wire/api.js';
import { requireApiCaller } from './api-caller.js';

export function registerApiMeRoute(app: FastifyInstance, services: Services): void {
  app.get('/api/v2/me', async (request, reply) => {
    const caller = await requireApiCaller(services, request, reply);
    if (!caller) return reply;
    const { user, key } = caller;
    const me: ApiMe = {
      user: user.user,
      userGroup: user.group,
      allowedFunctions: parseSet(user.allowedFunctions),
      key: key
        ? { name: key.name, prefix: key.prefix, functions: key.functions, campaigns: key.campaigns, ratePerSecond: key.ratePerSecond ?? null, expiresAt: key.expiresAt?.toISOString() ?? null }
        : null,
    };
    return me;
  });
}
