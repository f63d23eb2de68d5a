/**
 * Configuration from the environment (and CLI flags, which win), checked once
 * at start-up with clear messages.
 */
import { z } from 'zod';

const schema = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  databaseUrl: z.string().min(1),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  bcryptCost: z.coerce.number().int().min(4).max(15),
  /** The address agent sessions report as their server (vicidial_live_agents.server_ip). */
  serverIp: z.string().min(1).max(15),
  /** Trust X-Forwarded-For from a reverse proxy in front of agentgate. */
  trustProxy: z.union([z.literal(true), z.literal(false)]),
  /** The name agentgate records as its web server and page URLs (not the request's Host header). */
  publicHost: z.string().min(1),
  /** Signs screen sessions; set it (32+ characters) so sessions survive restarts and work across nodes. */
  sessionSecret: z.string().min(32).optional(),
  /** The call simulator: on (the embedded telephony), its random seed, and how much faster than real time it runs. */
  simulator: z.union([z.literal(true), z.literal(false)]),
  simSeed: z.coerce.number().int().min(0),
  simSpeed: z.coerce.number().positive().max(1000),
  /** Several nodes: Redis carries event wake-ups and cache invalidations between them (redis://[:password@]host:port[/db]). */
  redisUrl: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL')
    .optional(),
  /** Prefix of the Redis channels, so deployments sharing one Redis server stay apart. */
  redisPrefix: z.string().min(1).max(100),
  /** How often a node reads the event log when it has no Redis wake-ups (the slower path), in ms. */
  eventPollMs: z.coerce.number().int().min(10).max(60_000),
  /** How long the event log keeps events: the window a reconnecting stream can replay. */
  eventRetentionMinutes: z.coerce.number().positive().max(24 * 60),
  /**
   * VICIdial drop-in (`--vicidial`): serve on VICIdial's own database, whose screens and dialer own
   * the sessions — commands are written, not acted on; no table but agentgate_* is ever created.
   */
  vicidial: z.union([z.literal(true), z.literal(false)]),
  /** Drop-in: how often the watcher (on one node at a time) reads VICIdial's live tables, in ms. */
  dropinPollMs: z.coerce.number().int().min(10).max(60_000),
  /** Requests per second each API user may make, all its keys and passwords together; unset: no limit (VICIdial's behaviour). */
  apiRatePerUser: z.coerce.number().int().min(1).max(100_000).optional(),
  /** Origins whose pages may call the APIs from a browser (CORS); none by default. */
  corsOrigins: z.array(z.string().regex(/^https?:\/\/[^/\s]+$/, 'must be an origin like https://crm.example.com (scheme and host, no path)')),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv, overrides: Partial<Record<keyof Config, unknown>> = {}): Config {
  const port = overrides.port ?? env.PORT ?? 8080;
  const host = overrides.host ?? env.HOST ?? '127.0.0.1';
  const raw = {
    port,
    host,
    databaseUrl: overrides.databaseUrl ?? env.DATABASE_URL ?? 'sqlite:./data/agentgate.db',
    logLevel: overrides.logLevel ?? env.LOG_LEVEL ?? 'info',
    bcryptCost: overrides.bcryptCost ?? env.BCRYPT_COST ?? 10,
    serverIp: overrides.serverIp ?? env.SERVER_IP ?? '127.0.0.1',
    trustProxy: overrides.trustProxy ?? env.TRUST_PROXY === '1',
    publicHost: overrides.publicHost ?? env.PUBLIC_HOST ?? `${host}:${port}`,
    sessionSecret: overrides.sessionSecret ?? env.SESSION_SECRET,
    simulator: overrides.simulator ?? env.SIMULATOR !== 'off',
    simSeed: overrides.simSeed ?? env.SIM_SEED ?? 1,
    simSpeed: overrides.simSpeed ?? env.SIM_SPEED ?? 1,
    redisUrl: overrides.redisUrl ?? (env.REDIS_URL || undefined),
    redisPrefix: overrides.redisPrefix ?? env.REDIS_PREFIX ?? 'agentgate:',
    eventPollMs: overrides.eventPollMs ?? env.EVENT_POLL_MS ?? 250,
    eventRetentionMinutes: overrides.eventRetentionMinutes ?? env.EVENT_RETENTION_MINUTES ?? 10,
    vicidial: overrides.vicidial ?? false,
    dropinPollMs: overrides.dropinPollMs ?? env.DROPIN_POLL_MS ?? 250,
    apiRatePerUser: overrides.apiRatePerUser ?? (env.API_RATE_PER_USER || undefined),
    corsOrigins: overrides.corsOrigins ?? (env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
  };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration (${problems}); see the configuration table in README.md`);
  }
  return parsed.data;
}
