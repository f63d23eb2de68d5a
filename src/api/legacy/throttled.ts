/**
 * The answer to a login the throttle refused before checking anything
 * (access/login-throttle.ts), on both legacy APIs: HTTP 429 with Retry-After,
 * and an ERROR line that says what to do. It is about the client's address or
 * the server's load, never about the account, so it tells nothing about it.
 */
import type { AuthFailure } from '../../access/authenticate.js';
import { rateLimitHeaders, type RateDecision } from '../../access/rate-limits.js';
import { customLine, type Reply } from './lines.js';

type Throttled = Extract<AuthFailure, { reason: 'THROTTLED' }>;

const seconds = (n: number) => `${n} second${n === 1 ? '' : 's'}`;

export function throttledReply(failure: Throttled, user: string): Reply {
  const reason = failure.cause === 'address' ? 'too many failed logins from this address' : 'too many logins in progress';
  return {
    lines: [customLine('ERROR', reason, `ERROR: ${reason}, try again in ${seconds(failure.retryAfterSeconds)}\n`)],
    httpStatus: 429,
    headers: { 'Retry-After': String(failure.retryAfterSeconds) },
    auditDetail: `${user}|THROTTLED|`,
  };
}

/** A caller over its request rate (access/rate-limits.ts): HTTP 429, Retry-After, the RateLimit headers and an ERROR line. */
export function rateLimitedReply(decision: RateDecision, user: string): Reply {
  const whose = decision.scope === 'key' ? 'this API key' : 'this API user';
  const reason = `too many requests for ${whose}`;
  return {
    lines: [customLine('ERROR', reason, `ERROR: ${reason}, try again in ${seconds(decision.retryAfterSeconds)}\n`)],
    httpStatus: 429,
    headers: rateLimitHeaders(decision),
    auditDetail: `${user}|RATE|${decision.scope}|`,
  };
}

/** Both an API key and a user or password: which one was meant is not guessed (docs/compatibility.md). */
export function credentialConflictReply(): Reply {
  const reason = 'send either an API key or user and pass, not both';
  return { lines: [customLine('ERROR', reason, `ERROR: ${reason}\n`)], httpStatus: 400, auditDetail: '|CONFLICT|' };
}
