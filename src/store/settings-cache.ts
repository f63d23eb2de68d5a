/**
 * system_settings, read at most once a second. Every request needs these
 * values and they change rarely; a change made through agentgate calls
 * invalidate(), and one made behind its back (a VICIdial admin page on a
 * shared database) takes effect within a second.
 */
import type { SystemSettings } from '../domain/system-settings.js';
import type { Store } from './store.js';

export class SettingsCache {
  private cached: { value: SystemSettings; until: number } | undefined;

  constructor(
    private readonly store: Store,
    private readonly ttlMs = 1000,
  ) {}

  async current(): Promise<SystemSettings> {
    const now = Date.now();
    if (this.cached && this.cached.until > now) return this.cached.value;
    const value = await this.store.settings.get();
    this.cached = { value, until: now + this.ttlMs };
    return value;
  }

  invalidate(): void {
    this.cached = undefined;
  }
}
