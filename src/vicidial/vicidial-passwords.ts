/**
 * VICIdial's rule for credentials, for the drop-in: the password is checked
 * the way VICIdial's own login checks it, and only that way.
 *
 * - `system_settings.pass_hash_enabled = 0`: the plain-text `pass` column;
 * - `= 1`: the 31-character digest in `pass_hash` (bcrypt with the
 *   system-wide `pass_key` salt, permissions.md §2.1).
 *
 * The embedded mode accepts any stored form (its own per-user hashes, a
 * legacy digest, plain text it then hashes away); here a form VICIdial would
 * not accept is not accepted either, so a user VICIdial refuses is refused
 * here too. Every check still costs one bcrypt computation (a decoy when
 * there is nothing to hash against), so timing tells nothing.
 */
import { hash } from '@node-rs/bcrypt';
import { Passwords, type LegacyHashSettings } from '../access/passwords.js';
import type { UserCredentials } from '../domain/user.js';

/** What the check reads of the system settings (the authenticator passes all of them). */
export type VicidialHashSettings = LegacyHashSettings & { readonly passHashEnabled?: boolean };

export class VicidialPasswords extends Passwords {
  constructor(
    cost: number,
    private readonly settings: () => Promise<VicidialHashSettings>,
  ) {
    super(cost);
  }

  /**
   * A password set through agentgate (update_user, add_user …) in the form VICIdial reads when
   * hashing is on: bp.pl's digest. With hashing off VICIdial reads the plain column, which this
   * cannot give (docs/compatibility.md): the per-user hash it returns is refused by both.
   */
  override async hash(plain: string): Promise<string> {
    const s = await this.settings();
    if (!s.passHashEnabled || s.passKey.length !== 16) return super.hash(plain);
    return (await hash(plain, Math.max(4, s.passCost), Buffer.from(s.passKey, 'latin1'))).slice(29, 60);
  }

  override async verify(plain: string, credentials: UserCredentials, settings: VicidialHashSettings): Promise<boolean> {
    if (settings.passHashEnabled) {
      // Only a digest VICIdial made counts: not the plain column, not a per-user hash of ours.
      const digest = credentials.passHash.length === 31 && !credentials.passHash.startsWith('$2') ? credentials.passHash : '';
      return digest ? super.verify(plain, { passHash: digest, legacyPlain: '' }, settings) : this.decoy(plain);
    }
    // Hashing off: VICIdial compares the plain column and ignores pass_hash.
    return super.verify(plain, { passHash: '', legacyPlain: credentials.legacyPlain }, settings);
  }
}
