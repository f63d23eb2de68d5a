/**
 * Security headers on every answer, set in one onSend hook so that error
 * pages, 404s, 413s and 414s carry them too.
 *
 * The legacy endpoints answer text/html, as VICIdial does, and echo request
 * values (vendor_id, comments…): a page elsewhere could send an administrator's
 * browser to such a URL and have a script run on agentgate's origin. Their
 * body and content type stay VICIdial's; the CSP sandbox makes the page an
 * inert, opaque-origin document in which nothing runs.
 *
 * Everything else (the screens, their assets, the JSON face) may load only
 * from agentgate itself, may not be framed, and sends no referrer.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const LEGACY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; sandbox",
  'X-Content-Type-Options': 'nosniff',
};

export const APP_HEADERS: Readonly<Record<string, string>> = {
  // 'self' covers the screens' scripts, styles, fetches and their WebSocket (ws/wss to the same host).
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** VICIdial's PHP endpoints (and anything under their folders). */
export const isLegacyPath = (url: string) => url.startsWith('/agc/') || url.startsWith('/vicidial/');

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request: FastifyRequest, reply, payload) => {
    reply.headers(isLegacyPath(request.url) ? LEGACY_HEADERS : APP_HEADERS);
    return payload;
  });
}
