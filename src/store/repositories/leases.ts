/**
 * Leases (agentgate_leases): work that only one node may do at a time. A
 * lease is held until its expiry; its holder renews it, and any node takes
 * over one that has expired. Each step is one atomic statement, so two nodes
 * racing for a lease never both win it.
 */
import type { Executor } from './executor.js';

export class LeasesRepository {
  constructor(private readonly db: Executor) {}

  /**
   * Take or renew the lease `name` for `holder` until `expiresAt` (epoch ms).
   * True when `holder` holds it now: it was free, expired, or already its own.
   */
  async acquire(name: string, holder: string, now: number, expiresAt: number): Promise<boolean> {
    const taken = await this.db
      .updateTable('agentgate_leases')
      .set({ holder, expires_at: expiresAt })
      .where('name', '=', name)
      .where((eb) => eb.or([eb('holder', '=', holder), eb('expires_at', '<=', now)]))
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) > 0) return true;
    // No row yet: the first node to insert it holds it; a concurrent insert loses on the primary key.
    const inserted = await this.db
      .insertInto('agentgate_leases')
      .orIgnore()
      .values({ name, holder, expires_at: expiresAt })
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** Give the lease up at once (a node shutting down), so another takes over without waiting. */
  async release(name: string, holder: string): Promise<void> {
    await this.db.deleteFrom('agentgate_leases').where('name', '=', name).where('holder', '=', holder).execute();
  }

  async holderOf(name: string, now: number): Promise<string | undefined> {
    const row = await this.db.selectFrom('agentgate_leases').select(['holder', 'expires_at']).where('name', '=', name).executeTakeFirst();
    return row && Number(row.expires_at) > now ? row.holder : undefined;
  }
}
