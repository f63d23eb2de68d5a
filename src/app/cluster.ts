/**
 * What makes one node a good member of several: the event log it follows,
 * its link to Redis (REDIS_URL) for wake-ups and cache invalidations, the
 * lease that keeps the call simulator on one node, and its readiness.
 * docs/operations.md explains the whole.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { LeaseKeeper } from '../cluster/lease-keeper.js';
import { RedisLink } from '../cluster/redis-link.js';
import { redisWakeups } from '../cluster/redis-wakeups.js';
import type { Config } from '../config/config.js';
import type { Clock } from '../domain/clock.js';
import { EventLog, NO_WAKEUPS } from '../events/event-log.js';
import type { DatabaseHandle } from '../store/connect.js';
import { SettingsCache } from '../store/settings-cache.js';
import type { Store } from '../store/store.js';
import type { Telephony } from '../telephony/telephony.js';

/** The settings' lifetime: a safety net when Redis carries invalidations, the only bound when it does not. */
export const SETTINGS_TTL_MS = { withRedis: 10_000, withoutRedis: 1_000 };

export const SIMULATOR_LEASE = 'call-simulator';

export interface Readiness {
  readonly ready: boolean;
  readonly database: string;
  /** Absent when no REDIS_URL is set. */
  readonly redis?: string;
}

export class Cluster {
  /** This process, as leases and wake-ups name it. */
  readonly nodeId = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  readonly redis: RedisLink | undefined;
  readonly events: EventLog;
  readonly settings: SettingsCache;
  private lease: LeaseKeeper | undefined;

  /** Connect to Redis (when configured) and open the event log at its head. */
  static async open(config: Config, store: Store, clock: Clock, logger?: Logger): Promise<Cluster> {
    const redis = config.redisUrl ? await RedisLink.connect(config.redisUrl, config.redisPrefix, logger) : undefined;
    const cluster = new Cluster(config, store, clock, redis, logger);
    try {
      await cluster.events.open();
    } catch (err) {
      await cluster.close();
      throw err;
    }
    return cluster;
  }

  private constructor(
    config: Config,
    store: Store,
    clock: Clock,
    redis: RedisLink | undefined,
    private readonly logger?: Logger,
  ) {
    this.redis = redis;
    this.events = new EventLog({
      source: store.events,
      wakeups: redis ? redisWakeups(redis, this.nodeId) : NO_WAKEUPS,
      ...(logger ? { logger } : {}),
      now: () => clock.now(),
      pollMs: config.eventPollMs,
      retentionMs: config.eventRetentionMinutes * 60_000,
    });
    this.settings = new SettingsCache(store, () => (redis?.up ? SETTINGS_TTL_MS.withRedis : SETTINGS_TTL_MS.withoutRedis));
    if (redis) {
      this.settings.onInvalidate = () => redis.publish('invalidate', 'settings');
      redis.on('invalidate', (what) => what === 'settings' && this.settings.forget());
      // Invalidations sent while the link was down were lost: start afresh either way.
      redis.onState(() => this.settings.forget());
    }
  }

  /**
   * What a serving node runs in the background: follow the event log, and
   * (when on) run the call simulator while it holds the simulator's lease.
   */
  startBackground(store: Store, telephony: Telephony, simulator: boolean): void {
    this.events.follow();
    if (!simulator || this.lease) return;
    this.lease = new LeaseKeeper({
      store: store.leases,
      name: SIMULATOR_LEASE,
      holder: this.nodeId,
      onGained: () => telephony.start(),
      onLost: () => telephony.stop(),
      ...(this.logger ? { logger: this.logger } : {}),
    });
    this.lease.start();
  }

  /** Whether the call simulator runs here (this node holds its lease). */
  get simulatorRunning(): boolean {
    return this.lease?.holding ?? false;
  }

  /** Take or renew the simulator's lease now (its timer does it every few seconds). */
  async renewLease(): Promise<void> {
    await this.lease?.tick();
  }

  /** Whether this node can serve: its database answers, and Redis too when one is configured. */
  async readiness(database: DatabaseHandle): Promise<Readiness> {
    let db = 'ok';
    try {
      await sql`select 1`.execute(database.db);
    } catch (err) {
      // The answer is public: a short reason there, the whole error in the log.
      this.logger?.warn({ err }, 'readiness: the database does not answer');
      db = `down: ${(err as { code?: string }).code ?? 'no answer'}`;
    }
    if (!this.redis) return { ready: db === 'ok', database: db };
    const problem = await this.redis.check();
    const redis = problem ? `down: ${problem}` : 'ok';
    return { ready: db === 'ok' && !problem, database: db, redis };
  }

  /** Give the lease up, stop following, close Redis: before the database closes. */
  async close(): Promise<void> {
    await this.lease?.stop();
    await this.events.close();
    await this.redis?.close();
  }
}
