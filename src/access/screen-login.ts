/**
 * Logging into a screen (the agent screen, the admin console): the rules
 * VICIdial's vicidial.php and admin.php apply, on top of the same credential
 * check as the API.
 *
 * - API Only users never get a screen; agents get no admin console.
 * - Every refusal counts toward the failed-login lock, as VICIdial's own
 *   screens count them (their user lookups fail for these accounts).
 * - The reason is told only once the password has proved right; before that
 *   every refusal reads the same, so the message is no password oracle.
 * - A successful interactive login resets the failure count and stamps
 *   last_login_date and last_ip, as VICIdial's screens do.
 * - A login the throttle refuses (too many failures from its address, or
 *   too many logins waiting) is checked no further and counts nothing.
 *
 * Call it outside a unit of work: the password check must not hold a transaction.
 */
import type { SystemSettings } from '../domain/system-settings.js';
import type { User } from '../domain/user.js';
import type { Store } from '../store/store.js';
import type { Authenticator } from './authenticate.js';
import { lockWindowStart, recordLoginFailure } from './lockout.js';

export type Screen = 'agent' | 'admin';

/** The lowest user_level each screen admits (VICIdial: agents ≥ 1, admin pages ≥ 8). */
export const SCREEN_MIN_LEVEL: Record<Screen, number> = { agent: 1, admin: 8 };

export type ScreenLoginResult =
  | { readonly ok: true; readonly user: User }
  | { readonly ok: false; readonly reason: 'credentials' | 'api-only' | 'level'; readonly message: string }
  | { readonly ok: false; readonly reason: 'throttled'; readonly message: string; readonly retryAfterSeconds: number };

export const LOGIN_INCORRECT =
  'Login incorrect, please try again. After 10 failed attempts the account is locked for 15 minutes.';

export async function screenLogin(
  store: Store,
  authenticator: Authenticator,
  settings: SystemSettings,
  attempt: { user: string; pass: string; ip: string; screen: Screen },
  now: Date,
): Promise<ScreenLoginResult> {
  const auth = await authenticator.authenticate(store, { user: attempt.user, pass: attempt.pass, ip: attempt.ip }, settings, now);
  if (!auth.ok && auth.reason === 'THROTTLED') {
    const wait = auth.cause === 'address' ? 'Too many failed logins from this address' : 'Too many logins in progress';
    return { ok: false, reason: 'throttled', message: `${wait}: try again in ${auth.retryAfterSeconds} seconds.`, retryAfterSeconds: auth.retryAfterSeconds };
  }
  if (!auth.ok) {
    await recordLoginFailure(store, auth, attempt, now);
    return { ok: false, reason: 'credentials', message: LOGIN_INCORRECT };
  }
  const refuse = async (reason: 'api-only' | 'level', message: string): Promise<ScreenLoginResult> => {
    await store.users.recordFailedLogin(attempt.user, attempt.ip, now, lockWindowStart(now));
    return { ok: false, reason, message };
  };

  const user = auth.account.profile;
  if (user.apiOnly)
    return refuse('api-only', `${user.user} is an API Only account: it can use the APIs but cannot log in to a screen.`);
  if (user.level < SCREEN_MIN_LEVEL[attempt.screen])
    return refuse(
      'level',
      `${user.user} (user level ${user.level}) may not use the ${attempt.screen} screen: it needs level ${SCREEN_MIN_LEVEL[attempt.screen]} or more.`,
    );
  await store.users.recordInteractiveLogin(user.user, attempt.ip, now);
  return { ok: true, user };
}
