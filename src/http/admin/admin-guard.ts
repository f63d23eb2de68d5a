/**
 * Every /api/v2/admin endpoint goes through adminRoute(): the admin session
 * (requireScreenUser, the one login), the acting administrator's record, and
 * one way of answering refusals — AdminError and zod failures become the JSON
 * error shape of json-errors.ts, per field where there are fields.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodError, type ZodType } from 'zod';
import { loadActor } from '../../admin/actor.js';
import { AdminError } from '../../admin/admin-error.js';
import type { Actor } from '../../admin/change-log.js';
import { SCREEN_MIN_LEVEL } from '../../access/screen-login.js';
import type { Services } from '../../app/services.js';
import { sendJsonError, sendValidationError } from '../json-errors.js';
import { requireScreenUser } from '../screen-auth.js';

export interface AdminContext {
  readonly actor: Actor;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

/** Parse or throw: the route's answer becomes a 400 with a message per field. */
export function parse<T>(schema: ZodType<T>, data: unknown): T {
  return schema.parse(data ?? {});
}

export function adminRoute(services: Services, handler: (ctx: AdminContext) => Promise<unknown>) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const user = await requireScreenUser(services, request, reply, 'admin');
    if (!user) return reply;
    if (user.level < SCREEN_MIN_LEVEL.admin) return sendJsonError(reply, 403, 'not-permitted', 'The admin console needs user level 8 or more.');
    try {
      const actor = await loadActor(services.store, user.user, request.ip);
      return await handler({ actor, request, reply });
    } catch (err) {
      if (err instanceof ZodError) return sendValidationError(reply, err);
      if (err instanceof AdminError) return sendJsonError(reply, err.status, err.code, err.message, err.fields);
      throw err;
    }
  };
}
