/**
 * Request rates (issue 11 §8): a token bucket per API key (the key's own
 * rate) and one per API user (API_RATE_PER_USER, off by default, so
 * VICIdial's behaviour is unchanged). A bucket holds one second's worth of
 * requests and refills continuously, so a key of rate 20 may send a burst of
 * 20 and then 20 a second.
 *
 * With REDIS_URL the buckets live in Redis (SharedBuckets), so a rate holds
 * across every node; when Redis cannot answer, each node decides alone from
 * its own buckets, as it does without Redis (docs/operations.md).
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

/** A bucket to take from: its name and its size (requests per second). */
export interface BucketSpec {
  readonly id: string;
  readonly rate: number;
}

/** What shared buckets answer: every bucket's tokens after taking one, or the first empty bucket and its tokens. */
export type SharedTake = { readonly allowed: true; readonly tokens: readonly number[] } | { readonly allowed: false; readonly index: number; readonly tokens: number };

/** Buckets every node shares; undefined when they cannot answer now (the node then decides alone). */
export interface SharedBuckets {
  take(buckets: readonly BucketSpec[], ms: number): Promise<SharedTake | undefined>;
}

const NO_LIMIT: RateDecision = { allowed: true, scope: 'none', limit: 0, remaining: 0, resetSeconds: 0, retryAfterSeconds: 0 };

export class RateLimits {
  private readonly buckets = new Map<string, Bucket>();

  /** perUser: requests per second for every API user, or undefined for none; shared: the cluster's buckets. */
  constructor(
    private readonly perUser: number | undefined,
    private readonly shared?: SharedBuckets,
  ) {}

  /**
   * Take one request from the key's bucket and then the user's. A refusal
   * takes nothing from either.
   */
  async take(caller: { readonly user: string; readonly key?: { readonly id: number; readonly ratePerSecond: number | undefined } | undefined }, now: Date): Promise<RateDecision> {
    const ms = now.getTime();
    const checks: (BucketSpec & { scope: 'key' | 'user' })[] = [];
    if (caller.key?.ratePerSecond) checks.push({ id: `k:${caller.key.id}`, rate: caller.key.ratePerSecond, scope: 'key' });
    if (this.perUser) checks.push({ id: `u:${caller.user}`, rate: this.perUser, scope: 'user' });
    if (checks.length === 0) return NO_LIMIT;

    const shared = await this.shared?.take(checks, ms);
    if (shared && !shared.allowed) return refusal(checks[shared.index]!, shared.tokens);
    if (shared) return granted(checks.map((c, i) => ({ ...c, tokens: shared.tokens[i]! })));

    const filled = checks.map((c) => ({ ...c, bucket: this.refilled(c.id, c.rate, ms) }));
    const empty = filled.find((c) => c.bucket.tokens < 1);
    if (empty) return refusal(empty, empty.bucket.tokens);
    for (const c of filled) c.bucket.tokens -= 1;
    return granted(filled.map((c) => ({ ...c, tokens: c.bucket.tokens })));
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

function refusal(bucket: BucketSpec & { scope: 'key' | 'user' }, tokens: number): RateDecision {
  const { rate, scope } = bucket;
  return { allowed: false, scope, limit: rate, remaining: 0, resetSeconds: Math.ceil((rate - tokens) / rate), retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / rate)) };
}

/** Allowed: the tightest bucket is the one a client should pace itself by. */
function granted(taken: readonly (BucketSpec & { scope: 'key' | 'user'; tokens: number })[]): RateDecision {
  const tightest = taken.reduce((a, b) => (b.tokens / b.rate < a.tokens / a.rate ? b : a));
  return {
    allowed: true,
    scope: tightest.scope,
    limit: tightest.rate,
    remaining: Math.floor(tightest.tokens),
    resetSeconds: Math.ceil((tightest.rate - tightest.tokens) / tightest.rate),
    retryAfterSeconds: 0,
  };
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
