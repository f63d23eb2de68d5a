/** /api/v2/admin/users: list and search, read, create, edit (deactivate is an edit of `active`). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { userCreate, userUpdate } from '../../admin/schemas.js';
import { UserAdmin } from '../../admin/user-admin.js';
import type { Services } from '../../app/services.js';
import type { VersionedRecord } from '../../store/repositories/admin-records.js';
import type { UserList, UserListItem, UserView, VersionedRecord as WireRecord } from '../../wire/admin.js';
import { adminRoute, parse } from './admin-guard.js';

/** The columns of the user list; the full record comes with GET /users/:user. */
const LIST_COLUMNS = [
  'user',
  'full_name',
  'user_level',
  'user_group',
  'active',
  'vdc_agent_api_access',
  'api_only_user',
  'api_allowed_functions',
  'api_list_restrict',
] as const;

const listed = (r: VersionedRecord): UserListItem => ({ ...Object.fromEntries(LIST_COLUMNS.map((c) => [c, r.values[c] ?? null])), version: r.version });
const userParam = z.object({ user: z.string().min(1).max(20) });

export function registerUserRoutes(app: FastifyInstance, services: Services): void {
  const users = new UserAdmin(services);

  app.get(
    '/api/v2/admin/users',
    adminRoute(services, async ({ actor, request }): Promise<UserList> => {
      const { search } = parse(z.object({ search: z.string().max(50).optional() }), request.query);
      return { users: (await users.list(actor, search)).map(listed) };
    }),
  );

  app.get(
    '/api/v2/admin/users/:user',
    adminRoute(services, async ({ actor, request }): Promise<UserView> => users.get(actor, parse(userParam, request.params).user)),
  );

  app.post(
    '/api/v2/admin/users',
    adminRoute(services, async ({ actor, request, reply }) => {
      const created: WireRecord = await users.create(actor, parse(userCreate, request.body));
      return reply.code(201).send(created);
    }),
  );

  app.patch(
    '/api/v2/admin/users/:user',
    adminRoute(services, async ({ actor, request }): Promise<WireRecord> => {
      const { user } = parse(userParam, request.params);
      const { version, changes } = parse(userUpdate, request.body);
      return users.update(actor, user, version, changes);
    }),
  );
}
