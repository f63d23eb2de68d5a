/**
 * Screen sessions as signed tokens (in an httpOnly cookie): the user, the
 * screen, an expiry and a digest of the user's security stamp, signed with
 * HMAC-SHA256. Nothing is stored server-side, so any node sharing the secret
 * accepts them; a changed password, flag or group voids them at once.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { User } from '../domain/user.js';
import type { Screen } from './screen-login.js';

export interface WebSessionClaims {
  readonly user: string;
  readonly screen: Screen;
  readonly expires: number;
  readonly stamp: string;
}

export const stampDigest = (user: User) => createHash('sha256').update(user.securityStamp).digest('base64url').slice(0, 22);

export class WebSessions {
  constructor(
    private readonly secret: Buffer,
    private readonly ttlMs = 12 * 60 * 60 * 1000,
  ) {}

  issue(user: User, screen: Screen, now: Date): string {
    const claims: WebSessionClaims = { user: user.user, screen, expires: now.getTime() + this.ttlMs, stamp: stampDigest(user) };
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  /** The claims of a well-signed, unexpired token for this screen; undefined otherwise. */
  verify(token: string | undefined, screen: Screen, now: Date): WebSessionClaims | undefined {
    if (!token) return undefined;
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined) return undefined;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as WebSessionClaims;
      if (claims.screen !== screen || typeof claims.user !== 'string' || !(claims.expires > now.getTime())) return undefined;
      return claims;
    } catch {
      return undefined;
    }
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}
