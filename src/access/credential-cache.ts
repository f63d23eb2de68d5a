/**
 * Remembers successful password checks, so a request does not pay for bcrypt
 * every time. The key is the user plus an HMAC of the submitted password under
 * a secret drawn at start-up — never the password itself. An entry holds the
 * user's security stamp (password hash, flags, group): when the stored row no
 * longer matches, the entry is void. Failures are never stored.
 */
import { createHmac, randomBytes } from 'node:crypto';

export class CredentialCache {
  private readonly key = randomBytes(32);
  private readonly entries = new Map<string, { stamp: string; expires: number }>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly ttlMs = 15 * 60 * 1000,
  ) {}

  private entryKey(user: string, password: string): string {
    return `${user}\u0000${createHmac('sha256', this.key).update(password).digest('base64url')}`;
  }

  /** True when this password was verified for this user while the row looked exactly as now. */
  verified(user: string, password: string, stamp: string, now: number): boolean {
    const key = this.entryKey(user, password);
    const entry = this.entries.get(key);
    if (!entry) return false;
    if (entry.stamp !== stamp || entry.expires <= now) {
      this.entries.delete(key);
      return false;
    }
    return true;
  }

  remember(user: string, password: string, stamp: string, now: number): void {
    const key = this.entryKey(user, password);
    this.entries.delete(key);
    this.entries.set(key, { stamp, expires: now + this.ttlMs });
    // Map keeps insertion order: the first key is the least recently stored.
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Drop every entry of a user (password, flags or group changed through agentgate). */
  forget(user: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(`${user}\u0000`)) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
