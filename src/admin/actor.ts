/** Who is acting in the console, what its user group lets it administer, and whether its flags let it change a section. */
import type { CredentialCache } from '../access/credential-cache.js';
import type { Passwords } from '../access/passwords.js';
import type { UnitRunner } from '../store/unit-of-work.js';
import type { Clock } from '../domain/clock.js';
import type { SessionService } from '../sessions/session-service.js';
import type { SettingsCache } from '../store/settings-cache.js';
import type { Store } from '../store/store.js';
import { AdminError } from './admin-error.js';
import { adminScope } from './admin-scope.js';
import { SECTION_FLAG, type Section } from './catalog.js';
import type { Actor } from './change-log.js';

export interface AdminDeps {
  readonly store: Store;
  readonly runner: UnitRunner;
  readonly sessions: SessionService;
  readonly passwords: Passwords;
  readonly credentialCache: CredentialCache;
  readonly settings: SettingsCache;
  readonly clock: Clock;
}

export async function loadActor(store: Store, user: string, ip: string): Promise<Actor> {
  const record = await store.adminRecords.get('users', { user });
  if (!record) throw new AdminError(401, 'not-logged-in', 'Log in to the admin screen first.');
  const group = String(record.values.user_group ?? '');
  return { user, ip, group, values: record.values, scope: adminScope(group, await store.users.findGroup(group)) };
}

/** VICIdial's admin pages: a section's flag, and level 9 for system settings. */
export function requireSection(actor: Actor, section: Section): void {
  const flag = SECTION_FLAG[section];
  if (String(actor.values[flag] ?? '0') !== '1')
    throw new AdminError(403, 'not-permitted', `${actor.user} does not hold ${flag}, which changing ${section} needs.`);
  if (section === 'systemSettings' && Number(actor.values.user_level) < 9)
    throw new AdminError(403, 'not-permitted', 'System settings need user level 9.');
}
