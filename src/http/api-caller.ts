/**
 * Who calls an /api/v2 route that integrations use: an API key
 * (`Authorization: Bearer`) or HTTP Basic — never credentials in the URL.
 * The same resolution as the legacy endpoints (access/caller.ts), the same
 * rate buckets; refusals in the JSON error shape: 401 for credentials (one
 * message whatever failed), 429 with Retry-After and the RateLimit headers.
 * A route calls requireApiCaller() first and returns if it answers undefined.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken } from '../access/api-key-format.js';
import { narrowedUser, resolveCaller } from '../access/caller.js';
import { recordLoginFailure } from '../access/lockout.js';
import { rateLimitHeaders } from '../access/rate-limits.js';
import { basicCredentials } from '../api/legacy/legacy-request.js';
import type { Services } from '../app/services.js';
import type { ApiKey } from '../domain/api-key.js';
import type { User } from '../domain/user.js';
import { sendJsonError } from './json-errors.js';

export interface ApiCaller {
  /** The API user, narrowed by its key when it came with one. */
  readonly user: User;
  readonly key: ApiKey | undefined;
}

const INVALID = 'The API key or the user and password are not valid.';

export async function requireApiCaller(services: Services, request: FastifyRequest, reply: FastifyReply): Promise<ApiCaller | undefined> {
  const header = request.headers.authorization;
  const apiKey = bearerToken(header);
  const basic = basicCredentials(header);
  if (apiKey === undefined && !basic) {
    reply.header('WWW-Authenticate', 'Bearer');
    sendJsonError(reply, 401, 'no-credentials', 'Send Authorization: Bearer <API key> (or HTTP Basic with an API user and password).');
    return undefined;
  }
  const now = services.clock.now();
  const settings = await services.settings.current();
  const credentials = { user: basic?.user ?? '', pass: basic?.pass ?? '', ip: request.ip, apiKey };
  const auth = await resolveCaller(services.authenticator, services.store, credentials, settings, now);
  if (!auth.ok) {
    if (auth.reason === 'THROTTLED') {
      reply.header('Retry-After', String(auth.retryAfterSeconds));
      sendJsonError(reply, 429, 'throttled', `Too many failed logins from this address; try again in ${auth.retryAfterSeconds} s.`);
      return undefined;
    }
    if (auth.reason !== 'CONFLICT' && auth.counted)
      await services.runner.run((unit) => recordLoginFailure(unit.store, auth, { user: credentials.user, ip: request.ip }, now), now);
    reply.header('WWW-Authenticate', 'Bearer');
    sendJsonError(reply, 401, 'invalid-credentials', INVALID);
    return undefined;
  }
  const rate = await services.rateLimits.take({ user: auth.account.profile.user, key: auth.key }, now);
  reply.headers(rateLimitHeaders(rate));
  if (!rate.allowed) {
    sendJsonError(reply, 429, 'rate-limited', `Too many requests for this ${rate.scope === 'key' ? 'API key' : 'API user'}: at most ${rate.limit} a second. Try again in ${rate.retryAfterSeconds} s.`);
    return undefined;
  }
  if (auth.key) await services.store.apiKeys.touch(auth.key, now);
  return { user: narrowedUser(auth.account.profile, auth.key), key: auth.key };
}
