/** When accounts were created and their passwords changed (agentgate_user_passwords). */
import { sqlDateTime } from '../../domain/clock.js';
import type { Executor } from './executor.js';

export interface PasswordDates {
  readonly createdAt: string;
  /** undefined: never changed since creation. */
  readonly changedAt?: string;
}

export class PasswordDatesRepository {
  constructor(private readonly db: Executor) {}

  async recordCreated(user: string, now: Date): Promise<void> {
    await this.db
      .insertInto('agentgate_user_passwords')
      .values({ user, created_at: sqlDateTime(now), changed_at: null })
      .orIgnore()
      .execute();
  }

  async recordChanged(user: string, now: Date): Promise<void> {
    const stamp = sqlDateTime(now);
    const updated = await this.db.updateTable('agentgate_user_passwords').set({ changed_at: stamp }).where('user', '=', user).executeTakeFirst();
    // An account created elsewhere: its creation is unknown, its change is not.
    if (Number(updated.numUpdatedRows) === 0)
      await this.db.insertInto('agentgate_user_passwords').values({ user, created_at: stamp, changed_at: stamp }).execute();
  }

  async all(): Promise<Map<string, PasswordDates>> {
    const rows = await this.db.selectFrom('agentgate_user_passwords').selectAll().execute();
    return new Map(rows.map((r) => [r.user, { createdAt: r.created_at, ...(r.changed_at ? { changedAt: r.changed_at } : {}) }]));
  }
}
