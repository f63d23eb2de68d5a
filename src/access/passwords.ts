/**
 * Password hashing: bcrypt with a per-user salt (our own hashes), and the
 * legacy VICIdial forms we must still accept — the 31-character digest made
 * with the system-wide pass_key salt (computed in-process, never through a
 * shell), and plain text left by an import, until start-up hashes it away.
 */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { hash, hashSync, verify } from '@node-rs/bcrypt';
import type { UserCredentials } from '../domain/user.js';

export interface LegacyHashSettings {
  readonly passKey: string;
  readonly passCost: number;
}

export class Passwords {
  /** A hash of a random secret at our cost: verifying against it takes as long as a real check. */
  private readonly decoyHash: string;

  constructor(private readonly cost: number) {
    this.decoyHash = hashSync(randomUUID(), cost);
  }

  hash(plain: string): Promise<string> {
    return hash(plain, this.cost);
  }

  async verify(plain: string, credentials: UserCredentials, legacy: LegacyHashSettings): Promise<boolean> {
    const stored = credentials.passHash;
    if (stored.startsWith('$2')) return verify(plain, stored).catch(() => false);
    if (stored.length === 31) return this.verifyLegacyDigest(plain, stored, legacy);
    if (credentials.legacyPlain) return equalSecrets(plain, credentials.legacyPlain);
    return false;
  }

  /** Burn the time of one verification, so an unknown user answers as slowly as a known one. */
  async decoy(plain: string): Promise<false> {
    await verify(plain, this.decoyHash).catch(() => false);
    return false;
  }

  /** VICIdial's bp.pl: bcrypt with the 16-character pass_key as salt; only characters 29–59 are kept. */
  private async verifyLegacyDigest(plain: string, digest: string, legacy: LegacyHashSettings): Promise<boolean> {
    if (legacy.passKey.length !== 16) return false;
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
