/**
 * The failed-login lock: ten failures lock an account for fifteen minutes,
 * counted from the tenth. Stored in VICIdial's own columns (failed_login_count,
 * last_login_date), so VICIdial's screens agree about who is locked.
 */
import type { LoginCounters } from '../domain/user.js';
import type { FailureCodes } from '../store/repositories/users.js';
import type { Store } from '../store/store.js';
import type { AuthFailure } from './authenticate.js';

export const LOCK_AFTER_FAILURES = 10;
export const LOCK_MS = 15 * 60 * 1000;

export function isLocked(counters: LoginCounters, now: Date): boolean {
  return counters.failedCount >= LOCK_AFTER_FAILURES && counters.lastLoginDate.getTime() > now.getTime() - LOCK_MS;
}

/** The cut-off the store compares last_login_date with. */
export function lockWindowStart(now: Date): Date {
  return new Date(now.getTime() - LOCK_MS);
}

/**
 * Book a refused login against the lock, in the caller's transaction (with
 * its audit row): nothing for a failure that does not count, only the day's
 * counters for one that was reserved before its password was checked or
 * refused as locked without one.
 */
export async function recordLoginFailure(
  store: Store,
  failure: AuthFailure,
  attempt: { readonly user: string; readonly ip: string },
  now: Date,
  codes?: FailureCodes,
): Promise<void> {
  if (!failure.counted) return;
    const booked = failure.reason === 'LOCK' ? 'locked-out' : failure.reserved ? 'reserved' : 'counted';
  await store.users.recordFailedLogin(attempt.user, attempt.ip, now, lockWindowStart(now), codes, booked);
}
