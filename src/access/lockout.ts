/**
 * The failed-login lock: ten failures lock an account for fifteen minutes,
 * counted from the tenth. Stored in VICIdial's own columns (failed_login_count,
 * last_login_date), so VICIdial's screens agree about who is locked.
 */
import type { LoginCounters } from '../domain/user.js';

export const LOCK_AFTER_FAILURES = 10;
export const LOCK_MS = 15 * 60 * 1000;

export function isLocked(counters: LoginCounters, now: Date): boolean {
  return counters.failedCount >= LOCK_AFTER_FAILURES && counters.lastLoginDate.getTime() > now.getTime() - LOCK_MS;
}

/** The cut-off the store compares last_login_date with. */
export function lockWindowStart(now: Date): Date {
  return new Date(now.getTime() - LOCK_MS);
}
