/** The admin console's JSON API under /api/v2/admin (administrators only; see admin-guard.ts). */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../app/services.js';
import { registerInsightRoutes } from './insight-routes.js';
import { registerKeyRoutes } from './keys-routes.js';
import { registerRecordRoutes } from './records-routes.js';
import { registerUserRoutes } from './users-routes.js';

export function registerAdminApi(app: FastifyInstance, services: Services): void {
  registerUserRoutes(app, services);
  registerRecordRoutes(app, services);
  registerInsightRoutes(app, services);
  registerKeyRoutes(app, services);
}
