/**
 * Start-up duty: a user row imported with a plain-text password (VICIdial
 * with hashing off) gets a per-user bcrypt hash and loses the plain text.
 */
import type { Store } from '../store/store.js';
import type { Passwords } from './passwords.js';

export async function hashPlainPasswords(store: Store, passwords: Passwords): Promise<number> {
  const users = await store.users.listPlainPasswordUsers();
  for (const { user, pass } of users) await store.users.setPasswordHash(user, await passwords.hash(pass));
  return users.length;
}
