/** Open screen sessions (agentgate_web_sessions), by the digest of their id. */
import { sqlDateTime } from '../../domain/clock.js';
import type { Executor } from './executor.js';

export class WebSessionsRepository {
  constructor(private readonly db: Executor) {}

  /** Record a new session, and forget this user's expired ones on the way. */
  async open(digest: string, user: string, screen: string, now: Date, expires: Date): Promise<void> {
    await this.db.deleteFrom('agentgate_web_sessions').where('user', '=', user).where('expires_at', '<=', sqlDateTime(now)).execute();
    await this.db
      .insertInto('agentgate_web_sessions')
      .values({ session_digest: digest, user, screen, created_at: sqlDateTime(now), expires_at: sqlDateTime(expires) })
      .execute();
  }

  /** Is this session still open for this user and screen? One primary-key read. */
  async isOpen(digest: string, user: string, screen: string, now: Date): Promise<boolean> {
    const row = await this.db
      .selectFrom('agentgate_web_sessions')
      .select(['user', 'screen'])
      .where('session_digest', '=', digest)
      .where('expires_at', '>', sqlDateTime(now))
      .executeTakeFirst();
    return !!row && row.user === user && row.screen === screen;
  }

  async close(digest: string): Promise<void> {
    await this.db.deleteFrom('agentgate_web_sessions').where('session_digest', '=', digest).execute();
  }

  /** End every session of a user (a new password, deactivation). */
  async closeAllOf(user: string): Promise<void> {
    await this.db.deleteFrom('agentgate_web_sessions').where('user', '=', user).execute();
  }
}
