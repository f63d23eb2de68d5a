/**
 * Password hashing: bcrypt with a per-user salt (our own hashes), and the
 * legacy VICIdial forms we must still accept — the 31-character digest made
 * with the system-wide pass_key salt (computed in-process, never through a
 * shell), and plain text left by an import, until start-up hashes it away.
 *
 * Every check costs one bcrypt computation, whatever the stored form: a
 * check that has nothing to hash against spends a decoy, so no answer comes
 * back faster for one kind of account than for another.
 */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/bcrypt';
import type { UserCredentials } from '../domain/user.js';

export interface LegacyHashSettings {
  readonly passKey: string;
  readonly passCost: number;
}

/** How many bcrypt computations this service made, and how many of them checked a user's own password. */
export interface HashWork {
  readonly computations: number;
  readonly verifications: number;
}

export class Passwords {
  /**
   * A hash of a random secret at our cost: verifying against it takes as long as a real check.
   * Made on the thread pool while the server starts, not on the main thread in its way.
   */
  private readonly decoyHash: Promise<string>;
  private done = { computations: 0, verifications: 0 };

  constructor(private readonly cost: number) {
    this.decoyHash = hash(randomUUID(), cost);
  }

  hash(plain: string): Promise<string> {
    return hash(plain, this.cost);
  }

  /** Work done so far (tests and metrics count it; nothing on the wire depends on it). */
  get work(): HashWork {
    return { ...this.done };
  }

  async verify(plain: string, credentials: UserCredentials, legacy: LegacyHashSettings): Promise<boolean> {
    const stored = credentials.passHash;
    if (stored.startsWith('$2')) {
      this.count(true);
      return verify(plain, stored).catch(() => false);
    }
    if (stored.length === 31 && legacy.passKey.length === 16) {
      this.count(true);
      return this.verifyLegacyDigest(plain, stored, legacy);
    }
    // Plain text, or a hash we cannot read: nothing to compute, so spend the time a check takes.
    await this.decoy(plain);
    return !!credentials.legacyPlain && equalSecrets(plain, credentials.legacyPlain);
  }

  /** Burn the time of one verification, so an unknown user answers as slowly as a known one. */
  async decoy(plain: string): Promise<false> {
    this.count(false);
    await verify(plain, await this.decoyHash).catch(() => false);
    return false;
  }

  private count(ofAUser: boolean): void {
    this.done = { computations: this.done.computations + 1, verifications: this.done.verifications + (ofAUser ? 1 : 0) };
  }

  /** VICIdial's bp.pl: bcrypt with the 16-character pass_key as salt; only characters 29–59 are kept. */
  private async verifyLegacyDigest(plain: string, digest: string, legacy: LegacyHashSettings): Promise<boolean> {
    try {
      const full = await hash(plain, Math.max(4, legacy.passCost), Buffer.from(legacy.passKey, 'latin1'));
      return equalSecrets(full.slice(29, 60), digest);
    } catch {
      return false;
    }
  }
}

/** Constant-time comparison of two secrets of any length. */
export function equalSecrets(a: string, b: string): boolean {
  const da = createHash('sha256').update(a).digest();
  const db = createHash('sha256').update(b).digest();
  return timingSafeEqual(da, db);
}
