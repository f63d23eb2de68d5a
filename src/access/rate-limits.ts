/**
 * Request rates (issue 11 §8): a token bucket per API key (the key's own
 * rate) and one per API user (API_RATE_PER_USER, off by default, so
 * VICIdial's behaviour is unchanged). A bucket holds one second's worth of
 * requests and refills continuously, so a key of rate 20 may send a burst of
 * 20 and then 20 a second.
 *
 * In memory, per node: with several nodes each allows the rate (see
 * docs/operations.md).
 */

export interface RateDecision {
  readonly allowed: boolean;
  /** The bucket that decided: the key's, the user's, or none when no limit applies. */
  readonly scope: 'key' | 'user' | 'none';
  /** RateLimit-Limit: the bucket's size (requests per second). */
  readonly limit: number;
  /** RateLimit-Remaining. */
  readonly remaining: number;
  /** RateLimit-Reset: seconds until the bucket is full again. */
  readonly resetSeconds: number;
  /** Retry-After when refused: seconds until one request is allowed. */
  readonly retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets remembered at most; full ones are forgotten first (a full bucket is a fresh one). */
const MAX_BUCKETS = 50_000;

const NO_LIMIT: RateDecision = { allowed: true, scope: 'none', limit: 0, remaining: 0, resetSeconds: 0, retryAfterSeconds: 0 };

export class RateLimits {
  private readonly buckets = new Map<string, Bucket>();

  /** perUser: requests per second for every API user, or undefined for none. */
  constructor(private readonly perUser: number | undefined) {}

  /**
   * Take one request from the key's bucket and then the user's. A refusal
   * takes nothing from either.
   */
  take(caller: { readonly user: string; readonly key?: { readonly id: number; readonly ratePerSecond: number | undefined } | undefined }, now: Date): RateDecision {
    const ms = now.getTime();
    const checks: { id: string; rate: number; scope: 'key' | 'user' }[] = [];
    if (caller.key?.ratePerSecond) checks.push({ id: `k:${caller.key.id}`, rate: caller.key.ratePerSecond, scope: 'key' });
    if (this.perUser) checks.push({ id: `u:${caller.user}`, rate: this.perUser, scope: 'user' });
    if (checks.length === 0) return NO_LIMIT;

    const filled = checks.map((c) => ({ ...c, bucket: this.refilled(c.id, c.rate, ms) }));
    const empty = filled.find((c) => c.bucket.tokens < 1);
    if (empty) {
      const retry = Math.max(1, Math.ceil((1 - empty.bucket.tokens) / empty.rate));
      return { allowed: false, scope: empty.scope, limit: empty.rate, remaining: 0, resetSeconds: Math.ceil((empty.rate - empty.bucket.tokens) / empty.rate), retryAfterSeconds: retry };
    }
    for (const c of filled) c.bucket.tokens -= 1;
    // The tightest bucket is the one a client should pace itself by.
    const tightest = filled.reduce((a, b) => (b.bucket.tokens / b.rate < a.bucket.tokens / a.rate ? b : a));
    return {
      allowed: true,
      scope: tightest.scope,
      limit: tightest.rate,
      remaining: Math.floor(tightest.bucket.tokens),
      resetSeconds: Math.ceil((tightest.rate - tightest.bucket.tokens) / tightest.rate),
      retryAfterSeconds: 0,
    };
  }

  private refilled(id: string, rate: number, ms: number): Bucket {
    let bucket = this.buckets.get(id);
    if (!bucket) {
      if (this.buckets.size >= MAX_BUCKETS) this.forgetFull(ms);
      bucket = { tokens: rate, at: ms };
      this.buckets.set(id, bucket);
      return bucket;
    }
    const elapsed = Math.max(0, ms - bucket.at) / 1000;
    bucket.tokens = Math.min(rate, bucket.tokens + elapsed * rate);
    bucket.at = ms;
    return bucket;
  }

  /** Forget buckets that have refilled (any bucket is full after one idle second); the oldest if none has. */
  private forgetFull(ms: number): void {
    for (const [id, bucket] of this.buckets) if (ms - bucket.at >= 1000) this.buckets.delete(id);
    while (this.buckets.size >= MAX_BUCKETS) this.buckets.delete(this.buckets.keys().next().value!);
  }
}

/** The standard headers of a decision (draft-ietf-httpapi-ratelimit-headers), none when no limit applies. */
export function rateLimitHeaders(decision: RateDecision): Record<string, string> {
  if (decision.scope === 'none') return {};
  const headers: Record<string, string> = {
    'RateLimit-Limit': String(decision.limit),
    'RateLimit-Remaining': String(decision.remaining),
    'RateLimit-Reset': String(decision.resetSeconds),
  };
  if (!decision.allowed) headers['Retry-After'] = String(decision.retryAfterSeconds);
  return headers;
}
