/**
 * What an API key looks like and how it is stored.
 *
 * `agk_<prefix>_<secret>`: the prefix (8 letters and digits) is public and
 * shown in lists; the secret is 256 random bits (43 base64url characters).
 * Only the SHA-256 digest of the whole key is stored. A plain digest is enough
 * for a key this random: nobody can search 2^256 keys, so a stolen table
 * yields no key, and no server secret has to be kept, rotated or shared
 * between nodes. A slow hash (bcrypt) would protect only guessable secrets,
 * and would cost every request a hash. Lookup is by digest, so no key is
 * compared in JavaScript and timing tells nothing about a stored key.
 */
import { createHash, randomBytes } from 'node:crypto';

const KEY_PATTERN = /^agk_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{43})$/;
const PREFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export interface NewKeySecret {
  /** The whole key, shown once to whoever creates it. */
  readonly key: string;
  readonly prefix: string;
  readonly digest: string;
}

export function generateApiKey(): NewKeySecret {
  const bytes = randomBytes(8);
  // 62 letters: a byte modulo 62 is very slightly uneven, which matters nothing for a public label.
  const prefix = [...bytes].map((b) => PREFIX_ALPHABET[b % PREFIX_ALPHABET.length]).join('');
  const key = `agk_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, digest: apiKeyDigest(key) };
}

export function apiKeyDigest(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Is this text shaped like a key (so it is worth a lookup)? */
export const looksLikeApiKey = (text: string): boolean => KEY_PATTERN.test(text);

/** The key from `Authorization: Bearer <key>`, when the header is a Bearer one (shaped like a key or not). */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S*)\s*$/i.exec(header ?? '');
  return match ? match[1]! : undefined;
}
