/**
 * Who is calling an integration endpoint (the event stream; later the whole
 * JSON face): the one place that reads credentials from a request, so API
 * keys (`Authorization: Bearer`, issue 11 §2) are added here and nowhere else.
 *
 * Today: HTTP Basic with the user's id and password, checked by the same
 * Authenticator as the agent API (lockout, login throttle, credential cache);
 * a failure counts toward the lock exactly as a failed API login does.
 * Who may come in: a user with Agent API Access, or one with reporting rights
 * only (view_reports), who may read but never command.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiScope } from '../access/api-scope.js';
import { AGENT_API_LOGIN } from '../access/authenticate.js';
import { recordLoginFailure } from '../access/lockout.js';
import type { Services } from '../app/services.js';
import { sendJsonError } from './json-errors.js';

export interface IntegrationCaller {
  readonly user: string;
  /** agent-api: may also send commands; reports: may only read. */
  readonly access: 'agent-api' | 'reports';
  /** What it may see and touch (API List Restrict's campaigns). */
  readonly scope: ApiScope;
}

const BASIC = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i;

/** user:pass from an Authorization: Basic header, or undefined when there is none (or it is malformed). */
export function basicCredentials(header: string | undefined): { user: string; pass: string } | undefined {
  const m = header ? BASIC.exec(header) : null;
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) return undefined;
  return { user: decoded.slice(0, colon), pass: decoded.slice(colon + 1) };
}

/** The caller, or undefined once a 401/403/429 has been sent. Call it before any answer has started. */
export async function integrationCaller(services: Services, request: FastifyRequest, reply: FastifyReply): Promise<IntegrationCaller | undefined> {
  const credentials = basicCredentials(request.headers.authorization);
  if (!credentials) {
    reply.header('WWW-Authenticate', 'Basic realm="agentgate", charset="UTF-8"');
    sendJsonError(reply, 401, 'credentials-required', 'Send your user and password with HTTP Basic authentication (Authorization: Basic …).');
    return undefined;
  }
  const now = services.clock.now();
  const attempt = { ...credentials, ip: request.ip };
  const settings = await services.settings.current();
  const auth = await services.authenticator.authenticate(services.store, attempt, settings, now, { policy: AGENT_API_LOGIN });
  if (!auth.ok) {
    if (auth.reason === 'THROTTLED') {
      reply.header('Retry-After', String(auth.retryAfterSeconds));
      sendJsonError(reply, 429, 'login-throttled', `Too many failed logins from this address: try again in ${auth.retryAfterSeconds} seconds.`);
      return undefined;
    }
    await recordLoginFailure(services.store, auth, attempt, now);
    // No challenge header here: a browser would answer a Basic challenge to a page's fetch() with its own password dialog.
    // One answer for every failure: no telling an unknown user from a wrong password or a locked account.
    sendJsonError(reply, 401, 'login-incorrect', 'Login incorrect. After 10 failed attempts the account is locked for 15 minutes.');
    return undefined;
  }
  const rights = await services.store.users.findAdminRights(auth.account.profile.user);
  if (!rights || (!rights.apiAccess && !rights.viewReports)) {
    sendJsonError(reply, 403, 'no-access', `${credentials.user} needs Agent API Access or reporting rights (view_reports) to read the event stream.`);
    return undefined;
  }
  // Agent API users are scoped as their commands are (API List Restrict); a reports-only user always by its group's campaigns, as VICIdial's reports are.
  const restricted = rights.apiAccess ? rights.listRestrict : true;
  const scope = restricted ? ApiScope.forGroup(await services.store.users.findGroup(rights.group)) : ApiScope.unrestricted();
  return { user: rights.user, access: rights.apiAccess ? 'agent-api' : 'reports', scope };
}
