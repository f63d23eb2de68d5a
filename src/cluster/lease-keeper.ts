/**
 * Holds a lease (store/repositories/leases.ts) for work that only one node
 * may do — the call simulator, so two nodes never dial the same hopper. It
 * renews the lease well before it expires; a node that stops renewing (it
 * died, or lost the database) loses it at expiry and another takes it over.
 * A node that cannot renew stops the work itself before the expiry, so two
 * holders never overlap.
 */
export interface LeaseStore {
  acquire(name: string, holder: string, now: number, expiresAt: number): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
}

export interface LeaseLogger {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface LeaseOptions {
  readonly store: LeaseStore;
  readonly name: string;
  readonly holder: string;
  readonly onGained: () => void;
  readonly onLost: () => void;
  readonly ttlMs?: number;
  readonly renewMs?: number;
  readonly logger?: LeaseLogger;
}

export class LeaseKeeper {
  private held = false;
  /** Until when this node may trust that it holds the lease without a renewal. */
  private trustedUntil = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly ttlMs: number;
  private readonly renewMs: number;

  constructor(private readonly options: LeaseOptions) {
    this.ttlMs = options.ttlMs ?? 15_000;
    this.renewMs = options.renewMs ?? Math.floor(this.ttlMs / 3);
  }

  get holding(): boolean {
    return this.held;
  }

  start(): void {
    if (this.timer || this.stopped) return;
    void this.tick();
  }

  /** One attempt to take or renew the lease (also what the timer runs). */
  async tick(): Promise<void> {
    const started = Date.now();
    try {
      const mine = await this.options.store.acquire(this.options.name, this.options.holder, started, started + this.ttlMs);
      if (this.stopped) return;
      if (mine) {
        // Counted from before the attempt, and with a margin: never trusted past the real expiry.
        this.trustedUntil = started + this.ttlMs - this.renewMs;
        this.gain();
      } else this.lose('another node holds it');
    } catch (err) {
      this.options.logger?.error({ err, lease: this.options.name }, 'renewing a lease failed');
      if (Date.now() >= this.trustedUntil) this.lose('it could not be renewed');
    } finally {
      // One timer, however the attempt was started.
      clearTimeout(this.timer);
      if (!this.stopped) {
        this.timer = setTimeout(() => void this.tick(), this.renewMs);
        this.timer.unref();
      }
    }
  }

  /** Stop the work and give the lease up, so another node takes over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    if (!this.held) return;
    this.lose('this node is stopping');
    await this.options.store.release(this.options.name, this.options.holder).catch(() => {});
  }

  private gain(): void {
    if (this.held) return;
    this.held = true;
    this.options.logger?.info({ lease: this.options.name }, `this node now holds the ${this.options.name} lease`);
    this.options.onGained();
  }

  private lose(why: string): void {
    if (!this.held) return;
    this.held = false;
    this.options.logger?.info({ lease: this.options.name, why }, `this node no longer holds the ${this.options.name} lease`);
    this.options.onLost();
  }
}
