/**
 * Screen sessions: a signed token in an httpOnly cookie — the user, the
 * screen, a random session id, an expiry and a digest of the user's security
 * stamp, signed with HMAC-SHA256 — and a row per open session in the store.
 *
 * The signature lets any node sharing the secret read the token; the row
 * (keyed by a digest of the id, never the id) is what makes a session
 * revocable on every node at once: logging out deletes it. A changed
 * password, flag or group (the stamp) and deactivation end the session too.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { User } from '../domain/user.js';
import type { Store } from '../store/store.js';
import type { Screen } from './screen-login.js';

export interface WebSessionClaims {
  readonly user: string;
  readonly screen: Screen;
  /** The session's random id (its row holds only a digest of it). */
  readonly sid: string;
  readonly expires: number;
  readonly stamp: string;
}

export const stampDigest = (user: User) => createHash('sha256').update(user.securityStamp).digest('base64url').slice(0, 22);
const sessionDigest = (sid: string) => createHash('sha256').update(sid).digest('base64url');

export class WebSessions {
  constructor(
    private readonly secret: Buffer,
    private readonly ttlMs = 12 * 60 * 60 * 1000,
  ) {}

  issue(user: User, screen: Screen, now: Date): string {
    const claims: WebSessionClaims = { user: user.user, screen, sid: randomBytes(18).toString('base64url'), expires: now.getTime() + this.ttlMs, stamp: stampDigest(user) };
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  /** The claims of a well-signed, unexpired token for this screen; undefined otherwise. Stateless: see resume(). */
  verify(token: string | undefined, screen: Screen, now: Date): WebSessionClaims | undefined {
    if (!token) return undefined;
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined) return undefined;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as WebSessionClaims;
      if (claims.screen !== screen || typeof claims.user !== 'string' || typeof claims.sid !== 'string' || !(claims.expires > now.getTime())) return undefined;
      return claims;
    } catch {
      return undefined;
    }
  }

  /** Open a session: its token for the cookie, its row in the store. */
  async start(store: Store, user: User, screen: Screen, now: Date): Promise<string> {
    const token = this.issue(user, screen, now);
    const claims = this.verify(token, screen, now)!;
    await store.webSessions.open(sessionDigest(claims.sid), user.user, screen, now, new Date(claims.expires));
    return token;
  }

  /**
   * The user of a session that is still open: the token verifies, its row
   * exists, and the account is active, not API Only and unchanged since.
   * Two primary-key reads; it runs on every screen request and socket message.
   */
  async resume(store: Store, token: string | undefined, screen: Screen, now: Date): Promise<User | undefined> {
    const claims = this.verify(token, screen, now);
    if (!claims) return undefined;
    const [open, user] = await Promise.all([store.webSessions.isOpen(sessionDigest(claims.sid), claims.user, screen, now), store.users.find(claims.user)]);
    if (!open || !user || !user.active || user.apiOnly || stampDigest(user) !== claims.stamp) return undefined;
    return user;
  }

  /** Log out: the session ends on every node. A token that does not verify has nothing to end. */
  async end(store: Store, token: string | undefined, screen: Screen, now: Date): Promise<void> {
    const claims = this.verify(token, screen, now);
    if (claims) await store.webSessions.close(sessionDigest(claims.sid));
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}
