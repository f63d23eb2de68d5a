/**
 * The screens' JSON routes (/api/v2/…) act with a cookie session, so a page
 * elsewhere must not be able to send them a request the browser would carry
 * the cookie on. SameSite=strict does not stop a page on another port of the
 * same host (the same site), and a form can post url-encoded or multipart
 * bodies without a preflight. So, for every /api/v2 request that can change
 * something:
 * - the Origin (and Sec-Fetch-Site, where the browser sends it) must be this
 *   server's own; a client that sends neither (curl, an integration) is no
 *   browser and carries no victim's cookie;
 * - a body must be application/json (415 otherwise), which a cross-site page
 *   cannot send without a preflight that agentgate never grants.
 * The WebSocket upgrade (a GET) checks the same origin rule.
 * One exception: a page of an origin in CORS_ORIGINS that authenticates with
 * an API key (`Authorization: Bearer`) and sends no cookie — it acts with
 * its own key, never with a victim's session (see cors.ts).
 * The legacy routes keep VICIdial's form and multipart handling.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendJsonError } from './json-errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin a browser on agentgate's own pages sends, as this request reached us (behind a proxy: TRUST_PROXY). */
export const ownOrigin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** Why this request comes from another origin's page; undefined when it does not (or is no browser's). */
export function crossSiteReason(request: FastifyRequest): string | undefined {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== ownOrigin(request))
    return `Requests from ${origin.slice(0, 100)} are refused: only agentgate's own pages may use this endpoint.`;
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return `A ${String(site).slice(0, 20)} request is refused: only agentgate's own pages may use this endpoint.`;
  return undefined;
}

function hasBody(request: FastifyRequest): boolean {
  const length = Number(request.headers['content-length'] ?? 0);
  return length > 0 || request.headers['transfer-encoding'] !== undefined || request.headers['content-type'] !== undefined;
}

const isJson = (contentType: string | undefined) => /^application\/json\s*(;|$)/i.test(contentType ?? '');

/** A request of an allowed origin made with a key and no cookie: it can act only as its key. */
function keyFromAllowedOrigin(request: FastifyRequest, origins: ReadonlySet<string>): boolean {
  const origin = request.headers.origin;
  return origin !== undefined && origins.has(origin) && request.headers.cookie === undefined && /^Bearer\s/i.test(request.headers.authorization ?? '');
}

export function registerCrossSiteGuard(app: FastifyInstance, corsOrigins: readonly string[] = []): void {
  const origins = new Set(corsOrigins);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/v2/') || SAFE_METHODS.has(request.method)) return;
    const reason = keyFromAllowedOrigin(request, origins) ? undefined : crossSiteReason(request);
    if (reason) return sendJsonError(reply, 403, 'cross-site', reason);
    if (hasBody(request) && !isJson(request.headers['content-type']))
      return sendJsonError(reply, 415, 'unsupported-media-type', 'Send the body as application/json.');
  });
}
