/** /agc/api.php over GET and POST, answered exactly as VICIdial answers. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../app/services.js';
import { newCommandId } from '../events/command-context.js';
import { SECRET_PARAMS } from '../api/agent/input-filters.js';
import { replyText } from '../api/legacy/lines.js';
import { buildLegacyRequest, type LegacyRequest } from '../api/legacy/legacy-request.js';
import { sendLegacyText } from './legacy-reply.js';

const CLOSE_WINDOW_LINK = `\n<a href="javascript:window.opener='x';window.close();">Close This Window</a>\n`;

/** PHP's `$close_window_link > 0`: a positive number, or (PHP 8) any non-numeric text. */
function wantsCloseLink(value: string | undefined): boolean {
  if (!value) return false;
  const n = Number(value);
  return Number.isNaN(n) ? true : n > 0;
}

export function toLegacyRequest(request: FastifyRequest, publicHost: string, path: string): LegacyRequest {
  const url = request.raw.url ?? '';
  const q = url.indexOf('?');
  const contentType = String(request.headers['content-type'] ?? '');
  const formBody = /^application\/x-www-form-urlencoded|^multipart\/form-data/i.test(contentType);
  return buildLegacyRequest(
    {
      rawQuery: q < 0 ? '' : url.slice(q + 1),
      body: formBody ? request.body : undefined,
      protocol: request.protocol,
      host: publicHost,
      path,
      remoteIp: request.ip,
      authorization: request.headers.authorization,
      receivedAt: process.hrtime.bigint(),
    },
    SECRET_PARAMS,
  );
}

export function registerLegacyAgentRoute(app: FastifyInstance, services: Services): void {
  const path = '/agc/api.php';
  const handler = async (request: FastifyRequest, reply: import('fastify').FastifyReply) => {
    const legacy = toLegacyRequest(request, services.config.publicHost, path);
    // The request is one command: the session events it causes carry its id, and so does the answer (a header: the body stays VICIdial's).
    const commandId = newCommandId();
    const result = await services.agentApi.handle(legacy, commandId);
    reply.header('X-Command-Id', commandId);
    const link = wantsCloseLink(legacy.params.close_window_link?.replace(/[^-_0-9A-Za-z]/g, '')) ? CLOSE_WINDOW_LINK : '';
    return sendLegacyText(reply, result.httpStatus ?? 200, replyText(result) + link, result.headers);
  };
  app.get(path, handler);
  app.post(path, handler);
}
