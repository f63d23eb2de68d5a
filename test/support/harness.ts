/**
 * A real agentgate for tests: in-memory SQLite (or a fresh MariaDB/MySQL
 * database with TEST_DATABASE_URL, see test-database.ts), the demo data, a
 * clock the test controls, and the Fastify app driven through app.inject().
 *
 * With TEST_DROPIN=1 a harness that names no database serves as the VICIdial
 * drop-in on a copy of a VICIdial database holding the same demo
 * (dropin-database.ts), and plays VICIdial's agent screen and dialer for the
 * test: login, startCall, endCall and logout write what they write there.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterEach, beforeEach } from 'vitest';
import type { ThrottleLimits } from '../../src/access/login-throttle.js';
import { createServices, type Services } from '../../src/app/services.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import { ManualClock } from '../../src/domain/clock.js';
import type { CallKind, LiveAgent, LiveAgentChanges } from '../../src/domain/live-agent.js';
import { seedDemo } from '../../src/demo/seed.js';
import type { PasswordColumns } from '../../src/demo/seed-non-agent.js';
import { buildApp, type AppOptions } from '../../src/http/app.js';
import { loggerOptions } from '../../src/http/logging.js';
import { VirtualScheduler } from '../../src/telephony/scheduler.js';
import { HARNESS_PUBLIC_HOST, HARNESS_START, TEST_DROPIN, vicidialScreen } from './dropin-database.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface Harness {
  readonly services: Services;
  readonly app: FastifyInstance;
  /** The DATABASE_URL this harness runs on. */
  readonly databaseUrl: string;
  /**
   * Served as the VICIdial drop-in on a VICIdial database of the harness's own (TEST_DROPIN): commands
   * are written for VICIdial's screen, not acted on, and the harness plays that screen.
   */
  readonly dropIn: boolean;
  readonly clock: ManualClock;
  /** The telephony's time: nothing simulated happens until a test advances it. */
  readonly scheduler: VirtualScheduler;
  /** Advance simulated time (and the clock) by `ms`, running every simulator step that falls due. */
  advance(ms: number): Promise<void>;
  /** GET /agc/api.php with these parameters (defaults: source=test, user=6666, pass=1234). */
  api(params: Record<string, string>, options?: RequestOptions): Promise<ApiResponse>;
  /** GET (or POST) /vicidial/non_agent_api.php (defaults: source=test, user=6000, pass=1234). */
  nonAgent(params: Record<string, string | undefined>, options?: RequestOptions): Promise<ApiResponse>;
  /** Put an agent on a live call with a lead (a demo lead unless given). */
  startCall(user: string, options?: { leadId?: number; kind?: CallKind }): Promise<LiveAgent>;
  endCall(user: string): Promise<LiveAgent>;
  agent(user: string): Promise<LiveAgent | undefined>;
  /** Log an agent in (in drop-in mode: as VICIdial's agent screen does). */
  login(user: string, campaignId: string, ingroups?: string[]): Promise<LiveAgent>;
  /**
   * End a session whatever it is doing (true when there was one): in drop-in mode as VICIdial's
   * screen ends it; on a VICIdial database the test names, as an administrator's logout (written).
   */
  logout(user: string): Promise<boolean>;
  /**
   * Drop-in only: VICIdial's screen acts on what it read on its poll (a RESUME written by the API,
   * say) and changes the session so; the harness plays that screen with the session engine's own
   * change. Embedded, agentgate acted already: calling it there is a test's mistake.
   */
  screenChange(user: string, changes: LiveAgentChanges): Promise<LiveAgent>;
  /** The password columns an administrator's form stores for `plain` (drop-in: VICIdial's plain `pass`). */
  storedPassword(plain: string): Promise<PasswordColumns>;
  /** vicidial_api_log rows, oldest first. */
  apiLog(): Promise<Record<string, unknown>[]>;
  /** The newest vicidial_api_log row (throws when there is none). */
  lastLog(): Promise<Record<string, unknown>>;
  /** Rows of any table, for assertions on what was written. */
  rows(table: string, where?: Record<string, string | number>): Promise<Record<string, unknown>[]>;
  /** Run SQL directly, as another program sharing the database would. */
  exec(statement: string): Promise<void>;
  close(): Promise<void>;
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST';
  readonly headers?: Record<string, string>;
  /** The client's address (default 127.0.0.1): the login throttle keeps a budget per address. */
  readonly remoteAddress?: string;
}

export interface ApiResponse {
  readonly status: number;
  readonly body: string;
  readonly headers: Record<string, unknown>;
}

export const DEFAULT_CREDENTIALS = { source: 'test', user: '6666', pass: '1234' };
export const NON_AGENT_CREDENTIALS = { source: 'test', user: '6000', pass: '1234' };

async function inject(app: FastifyInstance, path: string, params: Record<string, string | undefined>, opts: RequestOptions) {
  const all: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) all[k] = v;
  const query = new URLSearchParams(all).toString();
  const address = opts.remoteAddress ? { remoteAddress: opts.remoteAddress } : {};
  const response =
    opts.method === 'POST'
      ? await app.inject({
          method: 'POST',
          url: path,
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...opts.headers },
          payload: query,
          ...address,
        })
      : await app.inject({ method: 'GET', url: `${path}?${query}`, headers: opts.headers ?? {}, ...address });
  return { status: response.statusCode, body: response.body, headers: response.headers };
}

export interface HarnessOptions {
  /** Seed the demo data (default true). */
  readonly demo?: boolean;
  /** Capture the server's log lines, at trace level, into this stream. */
  readonly logStream?: { write(line: string): void };
  /** The simulator's random seed (default 1). */
  readonly seed?: number;
  /** Run on a database of this MySQL server, whatever the suite runs on (tests about MySQL itself). */
  readonly mysqlServer?: string;
  /** The login throttle's limits (default: the server's). */
  readonly loginLimits?: ThrottleLimits;
  /**
   * The database (default a fresh one: in-memory SQLite, or MariaDB with TEST_DATABASE_URL);
   * two harnesses on one database are two nodes.
   */
  readonly databaseUrl?: string;
  /** Signs screen sessions; nodes that share it accept each other's cookies (default random). */
  readonly sessionSecret?: string;
  /** Options of the Fastify app (timeouts, limits). */
  readonly app?: AppOptions;
  /**
   * Serve as the VICIdial drop-in on `databaseUrl` (a VICIdial database after `init --vicidial`,
   * test/support/vicidial-database.ts): no demo data, no simulator.
   */
  readonly vicidial?: boolean;
  /** Configuration beyond the harness's own (CORS origins, rates). */
  readonly config?: Partial<Record<keyof Config, unknown>>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const clock = new ManualClock(HARNESS_START);
  const logLevel = options.logStream ? 'trace' : 'silent';
  const dropIn = TEST_DROPIN && !options.databaseUrl && !options.mysqlServer;
  if (dropIn && options.demo === false) throw new Error('TEST_DROPIN: a drop-in harness always holds the demo (its VICIdial template does)');
  const vicidial = options.vicidial === true || dropIn;
  // A database named by the test is the test's to manage; otherwise the harness brings its own.
  const database: TestDatabase = options.databaseUrl
    ? { url: options.databaseUrl, name: undefined, migrated: false, release: async () => {} }
    : await createTestDatabase(options.mysqlServer ? { mysqlServer: options.mysqlServer } : { vicidial: dropIn });
  const config = loadConfig(
    {},
    {
      databaseUrl: database.url,
      bcryptCost: 4,
      logLevel,
      publicHost: HARNESS_PUBLIC_HOST,
      simSeed: options.seed ?? 1,
      ...(vicidial ? { vicidial: true } : {}),
      ...(options.sessionSecret ? { sessionSecret: options.sessionSecret } : {}),
      ...options.config,
    },
  );
  const scheduler = new VirtualScheduler(clock);
  let services: Services;
  try {
    services = await createServices(config, {
      clock,
      scheduler,
      migrate: !database.migrated,
      ...(options.loginLimits ? { loginLimits: options.loginLimits } : {}),
    });
  } catch (err) {
    await database.release();
    throw err;
  }
  // On virtual time: it hears sessions at once, but nothing rings or arrives until a test advances it.
  if (!vicidial) services.telephony.start();
  if (options.demo !== false && !vicidial) await seedDemo(services).catch(async (err: unknown) => {
    await services.close();
    await database.release();
    throw err;
  });
  const logger = options.logStream ? { ...(loggerOptions('trace') as object), stream: options.logStream } : false;
  const app = await buildApp(services, { ...options.app, logger });

  const h: Harness = {
    services,
    app,
    databaseUrl: database.url,
    dropIn,
    clock,
    scheduler,
    advance: (ms) => scheduler.advance(ms),
    api: (params, opts = {}) => inject(app, '/agc/api.php', { ...DEFAULT_CREDENTIALS, ...params }, opts),
    nonAgent: (params, opts = {}) => inject(app, '/vicidial/non_agent_api.php', { ...NON_AGENT_CREDENTIALS, ...params }, opts),
    async startCall(user, opts = {}) {
      return services.runner.run(async (u) => {
        const agent = await u.store.liveAgents.find(user);
        if (!agent) throw new Error(`${user} is not logged in`);
        const lead = await u.store.leads.find(opts.leadId ?? 1);
        if (!lead) throw new Error('no such lead');
        return services.sessions.startCall(u, agent, {
          lead,
          kind: opts.kind ?? 'AUTO',
          queue: opts.kind === 'INBOUND' ? 'TESTIN' : agent.campaignId,
        });
      });
    },
    async endCall(user) {
      return services.runner.run(async (u) => {
        const agent = await u.store.liveAgents.find(user);
        if (!agent) throw new Error(`${user} is not logged in`);
        return services.sessions.endCall(u, agent, 'customer');
      });
    },
    agent: (user) => services.store.liveAgents.find(user),
    async login(user, campaignId, ingroups) {
      const request = { user, campaignId, ...(ingroups ? { ingroups } : {}) };
      const result = await services.runner.run((u) => (dropIn ? vicidialScreen.login.call(services.sessions, u, request) : services.sessions.login(u, request)));
      if (!result.ok) throw new Error(result.message);
      return result.value;
    },
    logout: (user) => services.runner.run((u) => (dropIn ? vicidialScreen.logout : services.sessions.logout).call(services.sessions, u, user, 'test')),
    async screenChange(user, changes) {
      if (!dropIn) throw new Error('screenChange plays VICIdial’s screen: only in drop-in mode (h.dropIn)');
      return services.runner.run(async (u) => {
        const agent = await u.store.liveAgents.find(user);
        if (!agent) throw new Error(`${user} is not logged in`);
        return services.sessions.change(u, agent, changes, 'vicidial-screen');
      });
    },
    async storedPassword(plain) {
      return dropIn ? { pass: plain, pass_hash: '' } : { pass_hash: await services.passwords.hash(plain) };
    },
    async rows(table, where = {}) {
      const conditions = Object.entries(where).map(([k, v]) => sql`${sql.ref(k)} = ${v}`);
      const query = conditions.length > 0 ? sql`select * from ${sql.table(table)} where ${sql.join(conditions, sql` and `)}` : sql`select * from ${sql.table(table)}`;
      const result = await query.execute(services.database.db);
      return result.rows as Record<string, unknown>[];
    },
    async apiLog() {
      return (await h.rows('vicidial_api_log')).sort((a, b) => Number(a.api_id) - Number(b.api_id));
    },
    async lastLog() {
      const last = (await h.apiLog()).at(-1);
      if (!last) throw new Error('no vicidial_api_log row');
      return last;
    },
    async exec(statement) {
      await sql.raw(statement).execute(services.database.db);
      // A change behind agentgate's back: don't wait for the settings cache to expire.
      services.settings.invalidate();
    },
    async close() {
      try {
        await app.close();
        await services.close();
      } finally {
        await database.release();
      }
    },
  };
  return h;
}

/**
 * A fresh harness for every test of the file (beforeEach/afterEach), as one
 * stable object: `const h = harnessForEachTest()` at the top of a file, and
 * `h` is always the harness of the test that runs. `prepare` runs on each new
 * harness before the test (tables or triggers a file's tests read).
 */
export function harnessForEachTest(options: HarnessOptions = {}, prepare?: (h: Harness) => Promise<void>): Harness {
  let current: Harness | undefined;
  beforeEach(async () => {
    current = await startHarness(options);
    await prepare?.(current);
  });
  afterEach(async () => {
    const closing = current;
    current = undefined;
    await closing?.close();
  });
  return new Proxy({} as Harness, {
    get(_target, key) {
      if (!current) throw new Error('the harness exists only while a test runs (beforeEach to afterEach)');
      return Reflect.get(current, key, current) as unknown;
    },
  });
}
