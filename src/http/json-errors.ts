/** Errors of the JSON face: one shape, a code a program can test, words a person can act on. */
import type { FastifyReply } from 'fastify';
import type { ZodError } from 'zod';
import type { JsonError } from '../wire/errors.js';

export type { JsonError };

export function sendJsonError(reply: FastifyReply, status: number, code: string, message: string, fields?: Record<string, string>) {
  const body: JsonError = { error: { code, message, ...(fields ? { fields } : {}) } };
  return reply.code(status).send(body);
}

/** A zod failure as one message per field. */
export function sendValidationError(reply: FastifyReply, error: ZodError) {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join('.') || '(body)'] ??= issue.message;
  return sendJsonError(reply, 400, 'invalid-request', 'Some fields are not valid; see fields.', fields);
}
