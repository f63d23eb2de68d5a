/** /api/v2/admin/users/:user/keys: a user's API keys — list, create (the secret answered once), revoke. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiKeyAdmin, parseExpiry } from '../../admin/api-keys.js';
import type { Services } from '../../app/services.js';
import type { ApiKeyCreated, ApiKeyList, ApiKeyView } from '../../wire/admin.js';
import { adminRoute, parse } from './admin-guard.js';

const userParam = z.object({ user: z.string().min(1).max(20) });
const keyParam = userParam.extend({ name: z.string().min(1).max(40) });
const names = z.array(z.string().min(1).max(40)).max(200);

const keyCreate = z
  .object({
    name: z.string().min(1).max(40),
    functions: names.default([]),
    campaigns: names.default([]),
    ratePerSecond: z.number().int().min(1).max(100_000).nullable().default(null),
    /** YYYY-MM-DD (the end of that day) or an ISO timestamp; null: never. */
    expiresAt: z
      .string()
      .max(40)
      .nullable()
      .default(null)
      .refine((v) => v === null || parseExpiry(v) !== undefined, 'a date, YYYY-MM-DD'),
  })
  .strict();

export function registerKeyRoutes(app: FastifyInstance, services: Services): void {
  const keys = new ApiKeyAdmin(services);

  app.get(
    '/api/v2/admin/users/:user/keys',
    adminRoute(services, async ({ actor, request }): Promise<ApiKeyList> => keys.list(actor, parse(userParam, request.params).user)),
  );

  app.post(
    '/api/v2/admin/users/:user/keys',
    adminRoute(services, async ({ actor, request, reply }) => {
      const { user } = parse(userParam, request.params);
      const body = parse(keyCreate, request.body);
      const created: ApiKeyCreated = await keys.create(actor, {
        user,
        name: body.name,
        functions: body.functions,
        campaigns: body.campaigns,
        ratePerSecond: body.ratePerSecond ?? undefined,
        expiresAt: body.expiresAt === null ? undefined : parseExpiry(body.expiresAt),
      });
      // The secret is in this answer only: no cache may keep it.
      return reply.code(201).header('Cache-Control', 'no-store').send(created);
    }),
  );

  app.delete(
    '/api/v2/admin/users/:user/keys/:name',
    adminRoute(services, async ({ actor, request }): Promise<ApiKeyView> => {
      const { user, name } = parse(keyParam, request.params);
      return keys.revoke(actor, user, name);
    }),
  );
}
