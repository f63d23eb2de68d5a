import { describe, expect, it } from 'vitest';
import { equalSecrets, Passwords } from './passwords.js';

const BCRYPT64 = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Decode bcrypt's base64 (the 22-character salt) into its 16 bytes. */
function decodeSalt(text: string): Buffer {
  let bits = '';
  for (const ch of text) bits += BCRYPT64.indexOf(ch).toString(2).padStart(6, '0');
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length && bytes.length < 16; i += 8) bytes.push(Number.parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

const passwords = new Passwords(4);
const noLegacy = { passKey: '', passCost: 2 };

describe('Passwords', () => {
  it('hashes per user, with a fresh salt each time, and verifies', async () => {
    const a = await passwords.hash('1234');
    const b = await passwords.hash('1234');
    expect(a).toMatch(/^\$2b\$04\$/);
    expect(a).not.toBe(b);
    expect(await passwords.verify('1234', { passHash: a, legacyPlain: '' }, noLegacy)).toBe(true);
    expect(await passwords.verify('12345', { passHash: a, legacyPlain: '' }, noLegacy)).toBe(false);
  });

  it("reads VICIdial's 31-character digests made with the system salt (OpenBSD test vector)", async () => {
    // $2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW is bcrypt("U*U", cost 5, salt CCC…C.)
    const passKey = decodeSalt('CCCCCCCCCCCCCCCCCCCCC.').toString('latin1');
    const digest = 'E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW';
    const legacy = { passKey, passCost: 5 };
    expect(await passwords.verify('U*U', { passHash: digest, legacyPlain: '' }, legacy)).toBe(true);
    expect(await passwords.verify('U*V', { passHash: digest, legacyPlain: '' }, legacy)).toBe(false);
    expect(await passwords.verify('U*U', { passHash: digest, legacyPlain: '' }, { passKey: 'short', passCost: 5 })).toBe(false);
  });

  it('accepts plain text only when that is all the row has', async () => {
    expect(await passwords.verify('1234', { passHash: '', legacyPlain: '1234' }, noLegacy)).toBe(true);
    expect(await passwords.verify('123', { passHash: '', legacyPlain: '1234' }, noLegacy)).toBe(false);
    expect(await passwords.verify('', { passHash: '', legacyPlain: '' }, noLegacy)).toBe(false);
  });

  it('spends a verification on unknown users and never succeeds', async () => {
    expect(await passwords.decoy('anything')).toBe(false);
  });

  it('compares secrets of different lengths without failing', () => {
    expect(equalSecrets('a', 'a')).toBe(true);
    expect(equalSecrets('a', 'ab')).toBe(false);
  });
});
