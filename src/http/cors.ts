/**
 * CORS for integrations that call agentgate from a browser page: the origins
 * of CORS_ORIGINS (none by default) may read the answers of the legacy
 * endpoints and of /api/v2, and send `Authorization` (a Bearer key).
 *
 * Never with credentials: no Access-Control-Allow-Credentials, so a browser
 * sends no cookie with such a request (a preflighted request with credentials
 * fails), and the console's and screens' cookie routes stay as the
 * cross-site guard keeps them. A page of a listed origin authenticates with
 * a key, in a header, as any integration does. Written out rather than
 * @fastify/cors: this is all of it, and one dependency fewer.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isLegacyPath } from './security-headers.js';

const EXPOSED = 'Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset';

const coveredPath = (url: string) => isLegacyPath(url) || url.startsWith('/api/v2/');

/** The request's Origin when it is one of the allowed origins. */
export function allowedOrigin(request: FastifyRequest, origins: ReadonlySet<string>): string | undefined {
  const origin = request.headers.origin;
  return origin !== undefined && origins.has(origin) ? origin : undefined;
}

export function registerCors(app: FastifyInstance, allowed: readonly string[]): void {
  const origins = new Set(allowed);
  if (origins.size === 0) return;
  app.addHook('onRequest', async (request, reply) => {
    if (!coveredPath(request.url)) return;
    const origin = allowedOrigin(request, origins);
    if (!origin) return;
    // On the raw response rather than reply.header(): Node merges them into whatever head is written, so
    // a route that hijacks its reply and writes its own head (the event stream) sends them too.
    reply.raw.setHeader('Access-Control-Allow-Origin', origin);
    reply.raw.setHeader('Vary', 'Origin');
    reply.raw.setHeader('Access-Control-Expose-Headers', EXPOSED);
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined)
      return reply
        .code(204)
        .header('Access-Control-Allow-Methods', 'GET, POST')
        .header('Access-Control-Allow-Headers', 'Authorization, Content-Type, Last-Event-ID')
        .header('Access-Control-Max-Age', '600')
        .send();
  });
}
