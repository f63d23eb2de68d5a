/**
 * Users in the console: list, create, edit, deactivate — only of the groups
 * the administrator's user group may administer (admin-scope.ts), under the
 * rules of user-rules.ts, with optimistic concurrency (the version read must
 * still be current), the change log, and the credential cache told at once.
 */
import { sqlDateTime } from '../domain/clock.js';
import type { RecordValues, VersionedRecord } from '../store/repositories/admin-records.js';
import type { Store } from '../store/store.js';
import { requireSection, type AdminDeps } from './actor.js';
import { AdminError, notFound, staleEdit } from './admin-error.js';
import { groupsWithin, mayAdministerGroup, outOfReach, userGrantProblems } from './admin-scope.js';
import { PERMISSION_FLAGS } from './catalog.js';
import { logChange, type Actor } from './change-log.js';
import { grantProblems, isAdminAccount, levelRuleText, mayManageLevel, type FieldProblem } from './user-rules.js';

export interface UserView extends VersionedRecord {
  readonly passwordCreatedAt?: string;
  readonly passwordChangedAt?: string;
}

export interface NewUser extends RecordValues {
  readonly user: string;
}

const withoutId = ({ user: _user, ...rest }: NewUser): RecordValues => rest;
const FLAGS_OFF: RecordValues = Object.fromEntries(PERMISSION_FLAGS.map((flag) => [flag, '0']));
const fieldsOf = (problems: readonly FieldProblem[]) => Object.fromEntries(problems.map((p) => [p.field, p.message]));

export class UserAdmin {
  constructor(private readonly deps: AdminDeps) {}

  /** The users of the groups the administrator may administer. */
  list(actor: Actor, search: string | undefined): Promise<VersionedRecord[]> {
    const within = groupsWithin(actor.scope);
    return this.deps.store.adminRecords.list('users', { ...(search ? { search } : {}), ...(within ? { within: { user_group: within } } : {}), limit: 1000 });
  }

  async get(actor: Actor, user: string): Promise<UserView> {
    const record = await this.deps.store.adminRecords.get('users', { user });
    if (!record || !this.mayAdminister(actor, record.values)) throw outOfReach(`User ${user}`, actor.scope);
    const dates = (await this.deps.store.passwordDates.all()).get(user);
    return { ...record, ...(dates ? { passwordCreatedAt: dates.createdAt, ...(dates.changedAt ? { passwordChangedAt: dates.changedAt } : {}) } : {}) };
  }

  async create(actor: Actor, fields: NewUser & { pass: string }): Promise<VersionedRecord> {
    requireSection(actor, 'users');
    const { pass, ...given } = fields;
    // VICIdial's column default for API Allowed Functions, made explicit so the grant check sees what
    // the row will hold; a permission flag left out is off (some columns default to on, e.g. modify_same_user_level).
    const values: NewUser = { api_allowed_functions: ' ALL_FUNCTIONS ', ...FLAGS_OFF, ...given };
    this.checkGrants(actor, undefined, values);
    const hash = await this.deps.passwords.hash(pass);
    const now = this.deps.clock.now();
    return this.deps.store.transaction(async (store) => {
      if (await store.users.exists(values.user))
        throw new AdminError(409, 'exists', `User ${values.user} already exists.`, { user: 'this user id is taken' });
      await this.checkGroup(store, values);
      const created = await store.adminRecords.insert('users', { ...values, pass_hash: hash, pass: '', modify_stamp: sqlDateTime(now) });
      await store.passwordDates.recordCreated(values.user, now);
      await logChange(store, actor, now, { section: 'users', type: 'ADD', recordId: values.user, before: {}, after: created.values, set: withoutId(given), passwordChanged: true });
      return created;
    });
  }

  /** An edit (deactivating is an edit of `active`); `pass` sets a new password. */
  async update(actor: Actor, user: string, version: string, changes: RecordValues & { pass?: string }): Promise<VersionedRecord> {
    requireSection(actor, 'users');
    const { pass, ...values } = changes;
    const hash = pass === undefined ? undefined : await this.deps.passwords.hash(pass);
    const now = this.deps.clock.now();
    const updated = await this.deps.store.transaction(async (store) => {
      const current = await store.adminRecords.get('users', { user });
      if (!current || !this.mayAdminister(actor, current.values)) throw outOfReach(`User ${user}`, actor.scope);
      const targetLevel = Number(current.values.user_level);
      if (user !== actor.user && !mayManageLevel(actor.values, targetLevel))
        throw new AdminError(403, 'above-your-level', `${user} is user level ${targetLevel}; you may manage users ${levelRuleText(actor.values)} only.`);
      this.checkGrants(actor, current.values, { ...current.values, ...values });
      await this.checkGroup(store, values);
      const write = { ...values, modify_stamp: sqlDateTime(now), ...(hash ? { pass_hash: hash, pass: '' } : {}) };
      const result = await store.adminRecords.update('users', { user }, version, write);
      if (result.status === 'missing') throw notFound(`User ${user}`);
      if (result.status === 'stale') throw staleEdit(`User ${user}`);
      if (isAdminAccount(result.before) && !isAdminAccount(result.after) && !(await this.anyAdminLeft(store)))
        throw new AdminError(
          409,
          'last-admin',
          `${user} is the last active administrator (level 9, modify_users, not API Only): this change would lock everyone out of the console.`,
        );
      if (hash) await store.passwordDates.recordChanged(user, now);
      // Its screen sessions end on every node (the changed stamp refuses them too; this also forgets them).
      if (hash || result.after.active === 'N' || result.after.api_only_user === '1') await store.webSessions.closeAllOf(user);
      await logChange(store, actor, now, { section: 'users', type: 'MODIFY', recordId: user, before: result.before, after: result.after, passwordChanged: !!hash });
      return { values: result.after, version: result.version };
    });
    // Cached password checks and sessions depend on these columns: void them now, not at expiry.
    this.deps.credentialCache.forget(user);
    // An API Only or inactive account can never hold a live agent session: end any it has.
    if (updated.values.api_only_user === '1' || updated.values.active === 'N')
      await this.deps.runner.run((unit) => this.deps.sessions.logout(unit, user, 'account-changed'));
    return updated;
  }

  /** Its own record, or a user of a group its user group may administer. */
  private mayAdminister(actor: Actor, target: RecordValues): boolean {
    return target.user === actor.user || mayAdministerGroup(actor.scope, String(target.user_group ?? ''));
  }

  private checkGrants(actor: Actor, before: RecordValues | undefined, after: RecordValues): void {
    const problems = [...grantProblems(actor.values, before, after), ...userGrantProblems(actor.scope, before, after)];
    if (problems.length > 0) throw new AdminError(403, 'grant-refused', 'You cannot grant more than you hold; see fields.', fieldsOf(problems));
  }

  private async checkGroup(store: Store, values: RecordValues): Promise<void> {
    const group = values.user_group;
    if (group !== undefined && !(await store.users.findGroup(String(group))))
      throw new AdminError(400, 'invalid-request', 'Some fields are not valid; see fields.', { user_group: `user group ${group} does not exist` });
  }

  private async anyAdminLeft(store: Store): Promise<boolean> {
    return (await store.adminRecords.list('users')).some((r) => isAdminAccount(r.values));
  }
}
