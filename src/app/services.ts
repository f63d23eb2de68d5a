/**
 * The composition root: builds every service from the configuration, once.
 * The HTTP app, the CLI and the tests all start here.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { Authenticator } from '../access/authenticate.js';
import { CredentialCache } from '../access/credential-cache.js';
import { LoginThrottle, type ThrottleLimits } from '../access/login-throttle.js';
import { RateLimits } from '../access/rate-limits.js';
import { hashPlainPasswords } from '../access/password-upgrade.js';
import { Passwords } from '../access/passwords.js';
import { WebSessions } from '../access/web-session.js';
import { AgentApi } from '../api/agent/handle-request.js';
import type { AgentFunction } from '../api/agent/agent-function.js';
import { agentFunctions } from '../api/agent/registry.js';
import { redisRateBuckets } from '../cluster/redis-rate-buckets.js';
import { NonAgentApi } from '../api/non-agent/handle-request.js';
import { nonAgentFunctions } from '../api/non-agent/registry.js';
import type { NonAgentFunction } from '../api/non-agent/non-agent-function.js';
import { AuditTrail } from '../audit/audit-trail.js';
import type { Config } from '../config/config.js';
import { systemClock, type Clock } from '../domain/clock.js';
import type { EventBus } from '../events/event-bus.js';
import { SessionCommands } from '../sessions/session-commands.js';
import { SessionService } from '../sessions/session-service.js';
import { openDatabase, type DatabaseHandle } from '../store/connect.js';
import { migrate } from '../store/migrate.js';
import { refuseVicidialWithoutFlag, verifyDropIn } from '../store/vicidial-dropin.js';
import type { SettingsCache } from '../store/settings-cache.js';
import { Store } from '../store/store.js';
import { CallSimulator } from '../telephony/call-simulator.js';
import { RealScheduler, type Scheduler } from '../telephony/scheduler.js';
import type { Telephony } from '../telephony/telephony.js';
import { UnitRunner } from '../store/unit-of-work.js';
import { VicidialPasswords } from '../vicidial/vicidial-passwords.js';
import { VicidialTelephony } from '../vicidial/vicidial-telephony.js';
import { WrittenCommands } from '../vicidial/written-commands.js';
import { VicidialSessions } from '../vicidial/vicidial-sessions.js';
import { LiveStateWatcher } from '../vicidial/live-state-watcher.js';
import { LeaseKeeper } from '../cluster/lease-keeper.js';
import { Cluster, type Readiness } from './cluster.js';
import { AGENTGATE_VERSION } from './version.js';

/** The lease of the drop-in's watcher of VICIdial's live tables. */
export const WATCHER_LEASE = 'vicidial-watcher';

export interface Services {
  readonly config: Config;
  readonly database: DatabaseHandle;
  readonly store: Store;
  readonly settings: SettingsCache;
  readonly clock: Clock;
  readonly bus: EventBus;
  readonly runner: UnitRunner;
  readonly passwords: Passwords;
  readonly credentialCache: CredentialCache;
  readonly sessions: SessionService;
  readonly commands: SessionCommands;
  readonly agentApi: AgentApi;
  /** The agent API's functions by name (explain lays out their gates). */
  readonly agentFunctions: ReadonlyMap<string, AgentFunction>;
  readonly authenticator: Authenticator;
  /** Request rates per API key and per API user (in memory, this node). */
  readonly rateLimits: RateLimits;
  readonly webSessions: WebSessions;
  /** The telephony (the call simulator); `serve` starts it, tests start it on virtual time. */
  readonly telephony: Telephony;
  readonly scheduler: Scheduler;
  readonly nonAgentApi: NonAgentApi;
  /** The non-agent API's functions by name (explain, the JSON face). */
  readonly nonAgentFunctions: ReadonlyMap<string, NonAgentFunction>;
  readonly startedAt: Date;
  /** The drop-in's watcher of VICIdial's live sessions (undefined in the embedded mode). */
  readonly liveWatcher: LiveStateWatcher | undefined;
  /** The event log, Redis, the simulator's lease: this node among the others. */
  readonly cluster: Cluster;
  /** What `serve` runs in the background: following the event log, the call simulator under its lease (when on). */
  startBackground(): void;
  readiness(): Promise<Readiness>;
  close(): Promise<void>;
}

export interface ServiceOptions {
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Skip creating tables (a VICIdial database used as a drop-in). */
  readonly migrate?: boolean;
  /** When simulated things happen; virtual time in tests. Default: timers at the configured speed. */
  readonly scheduler?: Scheduler;
  /** How much password hashing clients may cause (default DEFAULT_THROTTLE_LIMITS). */
  readonly loginLimits?: ThrottleLimits;
}

export async function createServices(config: Config, options: ServiceOptions = {}): Promise<Services> {
  const clock = options.clock ?? systemClock;
  const database = await openDatabase(config.databaseUrl);
  let cluster: Cluster | undefined;
  try {
    const store = new Store(database.db, database.dialect);
    if (config.vicidial) {
      // VICIdial's database: nothing is migrated, and its users' passwords stay in VICIdial's form.
      await verifyDropIn(database);
    } else {
      await refuseVicidialWithoutFlag(database);
    }
    if (!config.vicidial && options.migrate !== false) {
      const report = await migrate(database.db, database.dialect);
      if (report.createdTables.length > 0) options.logger?.info({ tables: report.createdTables.length }, 'created database tables');
    }

    const node = (cluster = await Cluster.open(config, store, clock, options.logger));
    const passwords = config.vicidial ? new VicidialPasswords(config.bcryptCost, () => node.settings.current()) : new Passwords(config.bcryptCost);
    if (!config.vicidial) {
      const upgraded = await hashPlainPasswords(store, passwords);
      if (upgraded > 0) options.logger?.info({ users: upgraded }, 'hashed plain-text passwords and cleared them');
    }
    const bus: EventBus = node.events;
    const runner = new UnitRunner(store, bus, clock);
    const credentialCache = new CredentialCache();
    const sessions = new (config.vicidial ? VicidialSessions : SessionService)({
      serverIp: config.serverIp,
      // The simulated phone is the agent screen itself.
      webphoneUrl: (_user, confExten) => `http://${config.publicHost}/agent?webphone=${confExten}`,
    });
    // The drop-in writes commands for VICIdial's screens and dialer, which act on them.
    const commands = config.vicidial ? new WrittenCommands(sessions) : new SessionCommands(sessions);
    const onError = (err: unknown) => options.logger?.error({ err }, 'call simulator step failed');
    const scheduler = options.scheduler ?? new RealScheduler(clock, config.simSpeed, onError);
    const telephony: Telephony = config.vicidial
      ? new VicidialTelephony(sessions)
      : new CallSimulator({ runner, sessions, bus, scheduler, seed: config.simSeed, onError });
    const startedAt = clock.now();
    const liveWatcher = config.vicidial ? new LiveStateWatcher(store, runner, config.dropinPollMs, options.logger) : undefined;
    // One node reads VICIdial's live tables at a time (a lease, as for the simulator); the events it
    // writes reach every node through the event log.
    const watcherLease = liveWatcher
      ? new LeaseKeeper({
          store: store.leases,
          name: WATCHER_LEASE,
          holder: node.nodeId,
          onGained: () => liveWatcher.start(),
          onLost: () => liveWatcher.stop(),
          ...(options.logger ? { logger: options.logger } : {}),
        })
      : undefined;
    const settings: SettingsCache = node.settings;
    const authenticator = new Authenticator(passwords, credentialCache, new LoginThrottle(options.loginLimits));
    // Without a configured secret, screen sessions last until the process restarts.
    const webSessions = new WebSessions(config.sessionSecret ? Buffer.from(config.sessionSecret) : randomBytes(32));
    const functions = agentFunctions({ version: AGENTGATE_VERSION, startedAt });
    // One set of buckets for both legacy APIs (and /api/v2): a user's rate is for all of them together, on every node.
    const rateLimits = new RateLimits(config.apiRatePerUser, node.redis ? redisRateBuckets(node.redis) : undefined);
    const agentApi = new AgentApi({
      store,
      settings,
      runner,
      authenticator,
      sessions,
      commands,
      telephony,
      clock,
      audit: new AuditTrail('agent'),
      functions,
      rateLimits,
    });
    const nonAgentFunctionMap = nonAgentFunctions();
    const nonAgentApi = new NonAgentApi({
      store,
      settings,
      runner,
      authenticator,
      clock,
      audit: new AuditTrail('non-agent'),
      functions: nonAgentFunctionMap,
      passwords,
      credentialCache,
      rateLimits,
    });
    return {
      config,
      database,
      store,
      settings,
      clock,
      bus,
      runner,
      passwords,
      credentialCache,
      sessions,
      commands,
      agentApi,
      agentFunctions: functions,
      authenticator,
      rateLimits,
      webSessions,
      telephony,
      scheduler,
      nonAgentApi,
      nonAgentFunctions: nonAgentFunctionMap,
      startedAt,
      cluster: node,
      // In the drop-in VICIdial's dialer places the calls: the simulator never runs.
      startBackground: () => {
        node.startBackground(store, telephony, config.simulator && !config.vicidial);
        watcherLease?.start();
      },
      liveWatcher,
      readiness: () => node.readiness(database),
      async close() {
        await watcherLease?.stop();
        liveWatcher?.stop();
        await node.close();
        telephony.stop();
        scheduler.stop();
        await database.close();
      },
    };
  } catch (err) {
    await cluster?.close();
    await database.close();
    throw err;
  }
}
