/** API keys (agentgate_api_keys): found by the digest of the key, never by the key. */
import type { Selectable } from 'kysely';
import type { ApiKey } from '../../domain/api-key.js';
import { parseSqlDateTime, sqlDateTime } from '../../domain/clock.js';
import { formatSet, parseSet } from '../../domain/vicidial-sets.js';
import type { Database } from '../schema/database.js';
import type { Executor } from './executor.js';

export interface NewApiKey {
  readonly user: string;
  readonly name: string;
  readonly digest: string;
  readonly prefix: string;
  readonly functions: readonly string[];
  readonly campaigns: readonly string[];
  readonly ratePerSecond: number | undefined;
  readonly expiresAt: Date | undefined;
  readonly createdAt: Date;
}

/** A key's use is stamped at most this often, so a busy key does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

function toKey(row: Selectable<Database['agentgate_api_keys']>): ApiKey {
  return {
    id: Number(row.key_id),
    user: row.user,
    name: row.name,
    prefix: row.key_prefix,
    functions: parseSet(row.functions),
    campaigns: parseSet(row.campaigns),
    ratePerSecond: row.rate_per_second === null ? undefined : Number(row.rate_per_second),
    expiresAt: parseSqlDateTime(row.expires_at),
    createdAt: parseSqlDateTime(row.created_at) ?? new Date(0),
    revokedAt: parseSqlDateTime(row.revoked_at),
    lastUsedAt: parseSqlDateTime(row.last_used_at),
  };
}

const setOrEmpty = (items: readonly string[]) => (items.length === 0 ? '' : formatSet(items));

export class ApiKeysRepository {
  constructor(private readonly db: Executor) {}

  /** Insert a key; false when the user already has a key of that name (revoked ones included). */
  async insert(key: NewApiKey): Promise<boolean> {
    const result = await this.db
      .insertInto('agentgate_api_keys')
      .values({
        user: key.user,
        name: key.name,
        key_digest: key.digest,
        key_prefix: key.prefix,
        functions: setOrEmpty(key.functions),
        campaigns: setOrEmpty(key.campaigns),
        rate_per_second: key.ratePerSecond ?? null,
        expires_at: key.expiresAt ? sqlDateTime(key.expiresAt) : null,
        created_at: sqlDateTime(key.createdAt),
      })
      .orIgnore()
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** One unique-index read. */
  async findByDigest(digest: string): Promise<ApiKey | undefined> {
    const row = await this.db.selectFrom('agentgate_api_keys').selectAll().where('key_digest', '=', digest).executeTakeFirst();
    return row ? toKey(row) : undefined;
  }

  async find(user: string, name: string): Promise<ApiKey | undefined> {
    const row = await this.db.selectFrom('agentgate_api_keys').selectAll().where('user', '=', user).where('name', '=', name).executeTakeFirst();
    return row ? toKey(row) : undefined;
  }

  /** Keys of one user, or of every user; oldest first. */
  async list(user?: string): Promise<ApiKey[]> {
    let query = this.db.selectFrom('agentgate_api_keys').selectAll();
    if (user !== undefined) query = query.where('user', '=', user);
    return (await query.orderBy('key_id').execute()).map(toKey);
  }

  /** Revoke a live key; false when there is none of that name, or it was revoked already. */
  async revoke(user: string, name: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('agentgate_api_keys')
      .set({ revoked_at: sqlDateTime(now) })
      .where('user', '=', user)
      .where('name', '=', name)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Stamp the key's last use, unless it was stamped within the last minute. */
  async touch(key: ApiKey, now: Date): Promise<void> {
    if (key.lastUsedAt && now.getTime() - key.lastUsedAt.getTime() < TOUCH_EVERY_MS) return;
    await this.db.updateTable('agentgate_api_keys').set({ last_used_at: sqlDateTime(now) }).where('key_id', '=', key.id).execute();
  }

  /** Which key made this audit row (agentgate_api_log_keys). */
  async recordUse(apiId: number, key: { readonly id: number; readonly name: string }): Promise<void> {
    await this.db.insertInto('agentgate_api_log_keys').values({ api_id: apiId, key_id: key.id, key_name: key.name }).execute();
  }
}
