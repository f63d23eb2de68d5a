/**
 * The Fastify application: VICIdial's PHP endpoints on the legacy face, with
 * size limits and time limits, secret-free logs, errors that never show a
 * stack trace, security headers on every answer (security-headers.ts) and the
 * screens' JSON API closed to other sites' pages (cross-site-guard.ts).
 */
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import websocket from '@fastify/websocket';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Services } from '../app/services.js';
import { isDatabaseUnavailable } from '../store/database-errors.js';
import { scrubUrl } from './scrub-url.js';
import { registerAdminApi } from './admin/register.js';
import { registerLegacyAgentRoute } from './legacy-agent-route.js';
import { registerLegacyNonAgentRoute } from './legacy-non-agent-route.js';
import { legacyErrorText } from './legacy-reply.js';
import { sendJsonError } from './json-errors.js';
import { Presence } from '../screen/presence.js';
import { registerAgentListsRoutes } from './agent-lists-routes.js';
import { registerAgentScreenRoutes } from './agent-screen-routes.js';
import { registerAgentStream, MAX_MESSAGE_BYTES } from './agent-stream.js';
import { registerEventStream, type EventStreamOptions } from './event-stream-route.js';
import { registerScreenAuth } from './screen-auth.js';
import { registerWeb } from './web.js';
import { isLegacyPath, registerSecurityHeaders } from './security-headers.js';
import { registerCrossSiteGuard } from './cross-site-guard.js';
import { registerCors } from './cors.js';
import { registerApiMeRoute } from './api-me-route.js';
import { registerJsonApiRoutes } from './json-api-routes.js';

/** Large enough for any real agent API request, small enough to refuse abuse early. */
export const BODY_LIMIT_BYTES = 64 * 1024;
export const URL_LIMIT_BYTES = 8 * 1024;
export const DATABASE_UNAVAILABLE = 'the database is not available, nothing was changed - try again';

export interface AppOptions {
  /** A logger configuration, or false for none (tests). */
  readonly logger?: FastifyServerOptions['logger'];
  /** How long a screen-started session survives with no screen connected (default 60 s of simulated time). */
  readonly screenTimeoutMs?: number;
  /** How long a client may take to send its request headers (default 10 s): a slow client cannot hold connections open. */
  readonly headersTimeoutMs?: number;
  /** What an agent screen's socket may have waiting to be sent before it is dropped as too slow (default 1 MiB). */
  readonly streamBufferBytes?: number;
  /** The public event stream's heartbeat, buffer bound and refresh (GET /api/v2/events). */
  readonly eventStream?: EventStreamOptions;
}

/** The whole request, body included, must arrive within this. */
export const REQUEST_TIMEOUT_MS = 30_000;

export async function buildApp(services: Services, options: AppOptions = {}): Promise<FastifyInstance> {
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const app = Fastify({
    logger: options.logger ?? false,
    // Slow clients (slowloris): headers within headersTimeout, the whole request within REQUEST_TIMEOUT_MS,
    // checked every second rather than Node's default 30 s. An upgraded WebSocket is past both.
    requestTimeout: Math.max(REQUEST_TIMEOUT_MS, headersTimeout),
    http: { headersTimeout, connectionsCheckingInterval: Math.min(1000, headersTimeout) },
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: services.config.trustProxy,
    // Every request is already in the audit trail; per-request log lines only at debug level.
    logController: new LogController({
      disableRequestLogging: services.config.logLevel !== 'debug' && services.config.logLevel !== 'trace',
    }),
  });

  registerSecurityHeaders(app);
  // Preflights of allowed origins are answered before the guard looks at the request.
  registerCors(app, services.config.corsOrigins);
  registerCrossSiteGuard(app, services.config.corsOrigins);
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: BODY_LIMIT_BYTES });
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: 0, files: 0, fieldSize: BODY_LIMIT_BYTES, fields: 200 },
  });
  // PHP ignores bodies it cannot parse into $_POST; so do we, instead of answering 415.
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BODY_LIMIT_BYTES }, (_req, _body, done) => done(null, undefined));

  // Anything that fails before a route's handler starts is a request we could not read: the client's error.
  const handlerStarted = new WeakSet<object>();
  app.addHook('preHandler', async (request) => {
    handlerStarted.add(request);
  });

  app.setErrorHandler((caught, request, reply) => {
    const error = caught as { statusCode?: number; code?: string; message: string };
    const legacy = isLegacyPath(request.url);
    // Nothing was written (the transaction rolled back): the client may send it again.
    if (isDatabaseUnavailable(caught)) {
      request.log.error({ code: error.code, url: scrubUrl(request.url) }, 'database unavailable');
      if (legacy) return reply.code(503).header('Content-Type', 'text/html; charset=utf-8').send(`ERROR: ${DATABASE_UNAVAILABLE}\n`);
      return sendJsonError(reply, 503, 'database-unavailable', DATABASE_UNAVAILABLE);
    }
    const clientStatus = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500;
    const status = clientStatus ? error.statusCode! : handlerStarted.has(request) ? 500 : 400;
    if (status === 500) request.log.error({ err: error, url: scrubUrl(request.url) }, 'request failed');
    const message = status === 500 ? 'internal error, the server log has the details' : legacyErrorText(error, BODY_LIMIT_BYTES);
    if (legacy) {
      return reply.code(status).header('Content-Type', 'text/html; charset=utf-8').send(`ERROR: ${message}\n`);
    }
    return sendJsonError(reply, status, status === 500 ? 'internal-error' : 'bad-request', message);
  });

  app.setNotFoundHandler((request, reply) =>
    sendJsonError(reply, 404, 'not-found', `No such endpoint: ${request.method} ${scrubUrl(request.url).split('?')[0]}`),
  );

  app.addHook('onRequest', async (request, reply) => {
    if ((request.raw.url ?? '').length <= URL_LIMIT_BYTES) return;
    const text = `ERROR: request URL too long - send at most ${URL_LIMIT_BYTES} bytes, or POST the parameters\n`;
    return reply.code(414).header('Content-Type', 'text/html; charset=utf-8').send(text);
  });

  // Liveness: the process answers. Readiness: it can serve (database, and Redis when configured).
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const { ready, ...checks } = await services.readiness();
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', ...checks });
  });
  registerLegacyAgentRoute(app, services);
  registerLegacyNonAgentRoute(app, services);
  registerScreenAuth(app, services);
  registerAdminApi(app, services);
  registerApiMeRoute(app, services);
  registerJsonApiRoutes(app, services);
  await app.register(websocket, { options: { maxPayload: MAX_MESSAGE_BYTES * 4 } });
  const presence = new Presence(services.scheduler, options.screenTimeoutMs ?? 60_000, (user) =>
    services.runner.run(async (u) => void (await services.sessions.logout(u, user, 'timeout'))),
  );
  registerAgentScreenRoutes(app, services, presence);
  registerAgentListsRoutes(app, services);
  registerAgentStream(app, services, presence, options.streamBufferBytes);
  registerEventStream(app, services, options.eventStream);
  await registerWeb(app);
  return app;
}
