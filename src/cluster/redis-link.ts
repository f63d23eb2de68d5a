/**
 * The node's link to Redis (REDIS_URL): what nodes tell each other that the
 * database does not — "the event log has grown", "this cached thing changed".
 * Redis holds nothing that matters: the database is the truth, so when Redis
 * is down commands still work, followers poll the log and caches keep short
 * lifetimes; the link reconnects by itself. Each transition is logged once.
 *
 * Two connections, as Redis requires: one subscribed, one to publish and
 * ping. Channel names carry a prefix (REDIS_PREFIX), so several deployments
 * (or parallel tests) can share one server.
 */
import type { Redis, RedisOptions } from 'ioredis';

export interface LinkLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

type MessageHandler = (message: string) => void;

export class RedisLink {
  /** Connect (in the background: the link comes up, and goes down and up, by itself). */
  static async connect(url: string, prefix: string, logger?: LinkLogger): Promise<RedisLink> {
    // Loaded only when REDIS_URL is set: a node alone, and every CLI command, start without it.
    const { Redis } = await import('ioredis');
    return new RedisLink(Redis, url, prefix, logger);
  }

  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly handlers = new Map<string, Set<MessageHandler>>();
  private readonly stateHandlers = new Set<(up: boolean) => void>();
  private subscribed = false;
  private state: 'starting' | 'up' | 'down' = 'starting';
  private lastError = '';
  private closing = false;

  private constructor(
    RedisClient: typeof Redis,
    url: string,
    private readonly prefix: string,
    private readonly logger?: LinkLogger,
  ) {
    const options: RedisOptions = {
      // Never queue a command while disconnected: a wake-up that cannot go now is not worth sending late.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      commandTimeout: 2000,
      // Try again every second at most, for ever: Redis coming back is picked up by itself.
      retryStrategy: (times) => Math.min(100 * times, 1000),
      autoResubscribe: false,
    };
    this.publisher = new RedisClient(url, { ...options, connectionName: 'agentgate-publish' });
    this.subscriber = new RedisClient(url, { ...options, connectionName: 'agentgate-subscribe' });
    for (const connection of [this.publisher, this.subscriber]) {
      // ioredis reports each failed attempt; the transition is what the log needs.
      connection.on('error', (err: Error) => (this.lastError = err.message));
      connection.on('close', () => {
        if (connection === this.subscriber) this.subscribed = false;
        this.update();
      });
      connection.on('ready', () => this.update());
    }
    this.subscriber.on('ready', () => void this.resubscribe());
    this.subscriber.on('message', (channel: string, message: string) => {
      for (const handler of this.handlers.get(channel) ?? []) handler(message);
    });
  }

  /** Whether both connections work and the channels are subscribed. */
  get up(): boolean {
    return this.state === 'up';
  }

  /** Hear a channel's messages (every node's but those this link sent, which Redis also delivers). */
  on(channel: string, handler: MessageHandler): void {
    const name = this.prefix + channel;
    let set = this.handlers.get(name);
    if (!set) {
      this.handlers.set(name, (set = new Set()));
      if (this.subscriber.status === 'ready') void this.subscriber.subscribe(name).catch(() => {});
    }
    set.add(handler);
  }

  /** Told each time the link goes down or comes back up. */
  onState(handler: (up: boolean) => void): void {
    this.stateHandlers.add(handler);
  }

  /** Best effort: when Redis is down the message is dropped; the slower paths cover for it. */
  publish(channel: string, message: string): void {
    if (this.publisher.status !== 'ready') return;
    this.publisher.publish(this.prefix + channel, message).catch(() => {});
  }

  /**
   * Run a Lua script on keys under this deployment's prefix; undefined when
   * Redis cannot answer now (the caller then decides alone).
   */
  async script<T>(lua: string, keys: readonly string[], args: readonly (string | number)[]): Promise<T | undefined> {
    if (this.publisher.status !== 'ready') return undefined;
    try {
      return (await this.publisher.eval(lua, keys.length, ...keys.map((k) => this.prefix + k), ...args)) as T;
    } catch {
      return undefined;
    }
  }

  /** For readiness (a public answer: a short reason, never the URL): undefined when Redis answers, else why not. */
  async check(): Promise<string | undefined> {
    if (this.publisher.status !== 'ready') return 'not connected';
    try {
      await this.publisher.ping();
      return this.up ? undefined : 'not subscribed yet';
    } catch {
      return 'no answer to PING';
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }

  private async resubscribe(): Promise<void> {
    try {
      if (this.handlers.size > 0) await this.subscriber.subscribe(...this.handlers.keys());
      this.subscribed = true;
    } catch (err) {
      this.lastError = (err as Error).message;
    }
    this.update();
  }

  private update(): void {
    if (this.closing) return;
    const up = this.publisher.status === 'ready' && this.subscriber.status === 'ready' && this.subscribed;
    if (up && this.state !== 'up') {
      const before = this.state;
      this.state = 'up';
      this.logger?.info({}, before === 'starting' ? 'Redis connected: events and cache changes reach the other nodes at once' : 'Redis is back: events and cache changes reach the other nodes at once again');
      for (const handler of this.stateHandlers) handler(true);
    } else if (!up && this.state === 'up') {
      this.state = 'down';
      this.logger?.warn({ reason: this.lastError || 'connection closed' }, 'Redis is down: commands still work; screens follow the database by polling, caches keep a short lifetime, until it returns');
      for (const handler of this.stateHandlers) handler(false);
    } else if (!up && this.state === 'starting' && this.lastError) {
      this.state = 'down';
      this.logger?.warn({ reason: this.lastError }, 'Redis is unreachable: commands work; screens follow the database by polling until it answers');
      for (const handler of this.stateHandlers) handler(false);
    }
  }
}
