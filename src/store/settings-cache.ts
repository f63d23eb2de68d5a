/**
 * system_settings, read at most once per lifetime. Every request needs these
 * values and they change rarely. A change made through agentgate calls
 * invalidate(): this node reads them again at once, and so do the other nodes
 * (the invalidation travels through Redis, see app/cluster.ts). A change made
 * behind agentgate's back (a VICIdial admin page on a shared database) takes
 * effect when the lifetime ends: 1 s by default; longer when Redis carries
 * invalidations, as the lifetime is then only a safety net.
 */
import type { SystemSettings } from '../domain/system-settings.js';
import type { Store } from './store.js';

export class SettingsCache {
  private cached: { value: SystemSettings; until: number } | undefined;
  /** Told when this node changed the settings, so the other nodes drop theirs. */
  onInvalidate: (() => void) | undefined;

  constructor(
    private readonly store: Store,
    /** The lifetime in ms, asked at each read: it may depend on whether Redis is up. */
    private readonly ttlMs: () => number = () => 1000,
  ) {}

  async current(): Promise<SystemSettings> {
    const now = Date.now();
    if (this.cached && this.cached.until > now) return this.cached.value;
    const value = await this.store.settings.get();
    this.cached = { value, until: now + this.ttlMs() };
    return value;
  }

  /** The settings changed: read them again, here and on every node. */
  invalidate(): void {
    this.forget();
    this.onInvalidate?.();
  }

  /** Another node changed them: read them again here. */
  forget(): void {
    this.cached = undefined;
  }
}
