/** Sending VICIdial-style text replies. */
import type { FastifyReply } from 'fastify';

/** VICIdial's headers: text/html (although the body is text) and no caching. */
export function sendLegacyText(reply: FastifyReply, status: number, text: string, headers: Readonly<Record<string, string>> = {}): FastifyReply {
  reply.code(status).header('Content-Type', 'text/html; charset=utf-8').header('Cache-Control', 'no-cache, must-revalidate').header('Pragma', 'no-cache');
  // A reply may re-set any of these (call_dispo_report's text/plain or CSV download).
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  return reply.send(text);
}

/** A client error in words that say what to do next. */
export function legacyErrorText(error: { statusCode?: number; code?: string; message: string }, bodyLimit: number): string {
  if (error.statusCode === 413) return `request too large - send at most ${bodyLimit} bytes`;
  if (error.statusCode === 415) return 'unsupported Content-Type - send application/x-www-form-urlencoded';
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'unsupported Content-Type - send application/x-www-form-urlencoded';
  return `bad request - ${error.message.replace(/[\r\n]+/g, ' ').slice(0, 200)}`;
}
