/**
 * Who is calling the event stream: an API key (`Authorization: Bearer`) or
 * HTTP Basic, resolved by requireApiCaller (api-caller.ts) exactly as every
 * /api/v2 route resolves them — lockout, login throttle, rate limits, one 401
 * whatever failed — and then what the stream asks beyond that: Agent API
 * Access, or reporting rights only (view_reports), who may read but never
 * command; and the campaigns the caller may see.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiScope } from '../access/api-scope.js';
import type { Services } from '../app/services.js';
import { requireApiCaller } from './api-caller.js';
import { sendJsonError } from './json-errors.js';

export interface IntegrationCaller {
  readonly user: string;
  /** agent-api: may also send commands; reports: may only read. */
  readonly access: 'agent-api' | 'reports';
  /** What it may see: API List Restrict's campaigns, narrowed by the key's. */
  readonly scope: ApiScope;
}

/** The caller, or undefined once a 401/403/429 has been sent. Call it before any answer has started. */
export async function integrationCaller(services: Services, request: FastifyRequest, reply: FastifyReply): Promise<IntegrationCaller | undefined> {
  const caller = await requireApiCaller(services, request, reply);
  if (!caller) return undefined;
  const rights = await services.store.users.findAdminRights(caller.user.user);
  if (!rights || (!rights.apiAccess && !rights.viewReports)) {
    sendJsonError(reply, 403, 'no-access', `${caller.user.user} needs Agent API Access or reporting rights (view_reports) to read the event stream.`);
    return undefined;
  }
  // Agent API users are scoped as their commands are (API List Restrict, and the key's campaigns);
  // a reports-only user always by its group's campaigns, as VICIdial's reports are.
  const restricted = rights.apiAccess ? caller.user.listRestrict : true;
  const scope = restricted ? ApiScope.forGroup(await services.store.users.findGroup(rights.group), caller.key) : ApiScope.unrestricted();
  return { user: rights.user, access: rights.apiAccess ? 'agent-api' : 'reports', scope };
}
