import { createHash } from 'node:crypto';
import { sql, type Insertable, type Selectable } from 'kysely';
import { parseSqlDateTime, sqlDateTime } from '../../domain/clock.js';
import type { AdminRights } from '../../domain/admin-rights.js';
import type { User, UserAccount, UserGroup } from '../../domain/user.js';
import type { Database } from '../schema/database.js';
import { fitRow } from '../schema/fit-row.js';
import type { Executor } from './executor.js';
import { runTemplate } from './templates.js';

const PROFILE_COLUMNS = [
  'user',
  'pass',
  'pass_hash',
  'full_name',
  'user_level',
  'user_group',
  'active',
  'vdc_agent_api_access',
  'api_only_user',
  'api_allowed_functions',
  'api_list_restrict',
  'ignore_ip_list',
  'agentcall_manual',
  'change_agent_campaign',
  'modify_leads',
  'modify_campaigns',
  'view_reports',
  'modify_lists',
  'delete_lists',
  'delete_from_dnc',
  'custom_fields_modify',
  'modify_users',
  'delete_users',
  'modify_same_user_level',
  'custom_three',
  'closer_campaigns',
  'closer_default_blended',
  'failed_login_count',
  'last_login_date',
] as const;

type ProfileRow = Pick<Selectable<Database['vicidial_users']>, (typeof PROFILE_COLUMNS)[number]>;

/**
 * Everything a cached password check depends on. A plain-text password (a
 * VICIdial import not yet hashed) enters only as its digest.
 */
function securityStamp(row: ProfileRow): string {
  return [
    row.pass_hash,
    row.pass ? createHash('sha256').update(row.pass).digest('base64url') : '',
    row.active,
    row.user_level,
    row.user_group,
    row.vdc_agent_api_access,
    row.api_only_user,
    row.api_allowed_functions,
    row.api_list_restrict,
  ].join('\u0000');
}

/** The row's administrative flags, with what they share with the profile taken from it. */
function toAdminRights(row: ProfileRow, profile: User): AdminRights {
  const { user, level, group, active, apiAccess, modifyLeads, listRestrict, allowedFunctions } = profile;
  return {
    user,
    level,
    group,
    active,
    apiAccess,
    modifyLeads,
    listRestrict,
    allowedFunctions,
    viewReports: row.view_reports === '1',
    modifyLists: row.modify_lists === '1',
    deleteLists: row.delete_lists === '1',
    deleteFromDnc: row.delete_from_dnc === '1',
    customFieldsModify: row.custom_fields_modify === '1',
    modifyUsers: row.modify_users === '1',
    deleteUsers: row.delete_users === '1',
    modifySameUserLevel: row.modify_same_user_level === '1',
  };
}

function toAccount(row: ProfileRow): UserAccount {
  const profile: User = {
    user: row.user,
    fullName: row.full_name ?? '',
    level: Number(row.user_level),
    group: row.user_group ?? '',
    active: row.active === 'Y',
    apiAccess: row.vdc_agent_api_access === '1',
    apiOnly: row.api_only_user === '1',
    allowedFunctions: row.api_allowed_functions,
    listRestrict: row.api_list_restrict === '1',
    ignoreIpList: row.ignore_ip_list === '1',
    agentcallManual: row.agentcall_manual,
    changeAgentCampaign: row.change_agent_campaign === '1',
    modifyLeads: row.modify_leads,
    modifyCampaigns: row.modify_campaigns === '1',
    customThree: row.custom_three,
    closerCampaigns: row.closer_campaigns ?? '',
    closerDefaultBlended: row.closer_default_blended === '1',
    securityStamp: securityStamp(row),
  };
  return {
    profile,
    rights: toAdminRights(row, profile),
    credentials: { passHash: row.pass_hash, legacyPlain: row.pass },
    counters: {
      failedCount: Number(row.failed_login_count),
      lastLoginDate: parseSqlDateTime(row.last_login_date) ?? new Date(0),
    },
  };
}

export type FailedLoginOutcome = 'BAD' | 'LOCK';

/** failed_last_type_today values: each API writes its own (agent 01cBAD/03cLOCK, non-agent aBAD/aLOCK). */
/** What the lock count already knows of a failed attempt (recordFailedLogin). */
export type FailedAttempt = 'counted' | 'reserved' | 'locked-out';

export interface FailureCodes {
  readonly bad: string;
  readonly lock: string;
}
export const AGENT_API_FAILURE_CODES: FailureCodes = { bad: '01cBAD', lock: '03cLOCK' };

export class UsersRepository {
  constructor(private readonly db: Executor) {}

  async findAccount(user: string): Promise<UserAccount | undefined> {
    const { rows } = await runTemplate(
      this.db,
      'users.findAccount',
      (arg) => this.db.selectFrom('vicidial_users').select(PROFILE_COLUMNS).where('user', '=', arg('user')),
      { user },
    );
    return rows[0] && toAccount(rows[0]);
  }

  /** The flags the non-agent API's permission matrix reads. */
  async findAdminRights(user: string): Promise<AdminRights | undefined> {
    return (await this.findAccount(user))?.rights;
  }

  async find(user: string): Promise<User | undefined> {
    return (await this.findAccount(user))?.profile;
  }

  /** Users whose custom_three (a CRM agent id) matches, in VICIdial's order (by user). */
  async findByCustomThree(customThree: string, limit = 2): Promise<string[]> {
    const rows = await this.db
      .selectFrom('vicidial_users')
      .select('user')
      .where('custom_three', '=', customThree)
      .orderBy('user')
      .limit(limit)
      .execute();
    return rows.map((r) => r.user);
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('vicidial_users').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async exists(user: string): Promise<boolean> {
    return !!(await this.db.selectFrom('vicidial_users').select('user').where('user', '=', user).executeTakeFirst());
  }

  /**
   * Reserve one login attempt before its password is checked: one atomic
   * UPDATE that counts the attempt as a failure in advance, and only while
   * the account is not locked. False when it is locked, so no attempt is ever
   * verified once ten failures are counted, however many arrive at once and
   * on however many nodes (the database is what they share). The tenth
   * reservation stamps last_login_date, which starts the 15-minute lock; the
   * first after a lock has passed starts over at 1. A success gives its
   * reservation back (releaseLoginAttempt); a failure keeps it
   * (recordFailedLogin with reserved).
   *
   * last_login_date is assigned first: MySQL evaluates SET left to right with
   * updated values, SQLite with old ones, and this order reads the same in both.
   * modify_stamp is assigned itself, here and in the release: on VICIdial's own
   * table it is ON UPDATE CURRENT_TIMESTAMP, and api.php writes nothing on a
   * successful login (permissions.md §2.3), so a login must not move it.
   */
  async claimLoginAttempt(user: string, now: Date, lockSince: Date): Promise<boolean> {
    const lockCut = sqlDateTime(lockSince);
    const result = await this.db
      .updateTable('vicidial_users')
      .set({
        last_login_date: sql`CASE WHEN failed_login_count = 9 THEN ${sqlDateTime(now)} ELSE last_login_date END`,
        failed_login_count: sql`CASE WHEN failed_login_count >= 10 THEN 1 ELSE failed_login_count + 1 END`,
        modify_stamp: sql`modify_stamp`,
      })
      .where('user', '=', user)
      .where((eb) => eb.or([eb('failed_login_count', '<', 10), eb('last_login_date', 'is', null), eb('last_login_date', '<=', lockCut)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** A reserved attempt whose password proved right: it was no failure. */
  async releaseLoginAttempt(user: string): Promise<void> {
    await this.db
      .updateTable('vicidial_users')
      .set({ failed_login_count: sql`failed_login_count - 1`, modify_stamp: sql`modify_stamp` })
      .where('user', '=', user)
      .where('failed_login_count', '>', 0)
      .execute();
  }

  /**
   * Book one failed login in a single atomic UPDATE, so fifty attempts
   * arriving together are counted exactly. `attempt` says what the count
   * already knows of it:
   * - 'counted' (no reservation): the failure counts itself. The tenth stamps
   *   last_login_date and starts a 15-minute lock; failures during a lock only
   *   raise the daily counter; the first failure after a lock starts over at 1.
   * - 'reserved' (claimLoginAttempt raised the count before the password was
   *   checked): only the day's counters, the address and the type are written
   *   — and a LOCK already recorded during the lock is not overwritten by a BAD
   *   that finishes later.
   * - 'locked-out' (refused as locked, no password verified): the day's
   *   attempts and the type LOCK, as a failure during a lock. The count is
   *   never touched, so a refusal booked after a concurrent success has
   *   cleared it cannot count again.
   *
   * MySQL evaluates SET left to right with the values already assigned,
   * SQLite with the old ones: the columns the lock test reads are assigned
   * last (last_login_date, then failed_login_count), so both read the same.
   */
  async recordFailedLogin(
    user: string,
    ip: string,
    now: Date,
    lockSince: Date,
    codes: FailureCodes = AGENT_API_FAILURE_CODES,
    attempt: FailedAttempt = 'counted',
  ): Promise<FailedLoginOutcome | undefined> {
    const stamp = sqlDateTime(now);
    const lockCut = sqlDateTime(lockSince);
    const locked = sql<boolean>`(failed_login_count >= 10 AND last_login_date > ${lockCut})`;
    const attempts = { failed_login_attempts_today: sql<number>`failed_login_attempts_today + 1`, failed_last_ip_today: ip.slice(0, 50) };
    const changes =
      attempt === 'locked-out'
        ? { ...attempts, failed_last_type_today: codes.lock }
        : attempt === 'reserved'
          ? {
              ...attempts,
              failed_login_count_today: sql<number>`failed_login_count_today + 1`,
              failed_last_type_today: sql<string>`CASE WHEN ${locked} AND failed_last_type_today = ${codes.lock} THEN ${codes.lock} ELSE ${codes.bad} END`,
            }
          : {
              ...attempts,
              failed_login_count_today: sql<number>`CASE WHEN ${locked} THEN failed_login_count_today ELSE failed_login_count_today + 1 END`,
              failed_last_type_today: sql<string>`CASE WHEN ${locked} THEN ${codes.lock} ELSE ${codes.bad} END`,
              last_login_date: sql<string>`CASE WHEN ${locked} THEN last_login_date WHEN failed_login_count = 9 THEN ${stamp} ELSE last_login_date END`,
              failed_login_count: sql<number>`CASE WHEN ${locked} THEN failed_login_count WHEN failed_login_count >= 10 THEN 1 ELSE failed_login_count + 1 END`,
            };
    const result = await this.db
      .updateTable('vicidial_users')
      .set(changes)
      .where('user', '=', user)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return undefined;
    const after = await this.db
      .selectFrom('vicidial_users')
      .select('failed_last_type_today')
      .where('user', '=', user)
      .executeTakeFirstOrThrow();
    return after.failed_last_type_today === codes.lock ? 'LOCK' : 'BAD';
  }

  /** An interactive (screen) login: VICIdial resets the count and stamps the login date and address. */
  async recordInteractiveLogin(user: string, ip: string, now: Date): Promise<void> {
    await this.db
      .updateTable('vicidial_users')
      .set({ failed_login_count: 0, last_login_date: sqlDateTime(now), last_ip: ip.slice(0, 15) })
      .where('user', '=', user)
      .execute();
  }

  /** A correct password, passing every gate, clears the failure count (VICIdial's API never does). */
  async clearFailedLogins(user: string): Promise<void> {
    await this.db
      .updateTable('vicidial_users')
      .set({ failed_login_count: 0 })
      .where('user', '=', user)
      .where('failed_login_count', '>', 0)
      .execute();
  }

  /**
   * A successful non-agent API login, booked as VICIdial's user_update=1 does:
   * stamp the time and address, and clear the failure count.
   */
  async recordApiLogin(user: string, ip: string, now: Date): Promise<void> {
    await runTemplate(
      this.db,
      'users.recordApiLogin',
      (arg) =>
        this.db
          .updateTable('vicidial_users')
          .set({ last_login_date: arg('stamp'), last_ip: arg('ip'), failed_login_count: 0 })
          .where('user', '=', arg('user')),
      { stamp: sqlDateTime(now), ip: ip.slice(0, 15), user },
    );
  }

  /** A problem after a correct password (IP list): counted for the day, not toward the lock. */
  async recordLoginProblem(user: string, key: string, typeCode = `04c${key}`): Promise<void> {
    await this.db
      .updateTable('vicidial_users')
      .set({
        failed_login_attempts_today: sql`failed_login_attempts_today + 1`,
        failed_last_type_today: typeCode.slice(0, 20),
      })
      .where('user', '=', user)
      .execute();
  }

  /** Rows imported with a plain-text password and no hash. */
  async listPlainPasswordUsers(): Promise<{ user: string; pass: string }[]> {
    return this.db
      .selectFrom('vicidial_users')
      .select(['user', 'pass'])
      .where('pass', '!=', '')
      .where((eb) => eb.or([eb('pass_hash', '=', ''), eb('pass_hash', 'is', null)]))
      .execute();
  }

  /** Store a new hash and clear any plain text, in one write. */
  async setPasswordHash(user: string, hash: string): Promise<void> {
    await this.db.updateTable('vicidial_users').set({ pass_hash: hash, pass: '' }).where('user', '=', user).execute();
  }

  async setCustomFour(user: string, value: string): Promise<void> {
    await this.db
      .updateTable('vicidial_users')
      .set(fitRow('vicidial_users', { custom_four: value }))
      .where('user', '=', user)
      .execute();
  }

  async setDefaultIngroups(user: string, closerCampaigns: string, blended: boolean): Promise<void> {
    await this.db
      .updateTable('vicidial_users')
      .set({ closer_campaigns: closerCampaigns, closer_default_blended: blended ? '1' : '0' })
      .where('user', '=', user)
      .execute();
  }

  async insert(row: Insertable<Database['vicidial_users']>): Promise<void> {
    await this.db.insertInto('vicidial_users').values(fitRow('vicidial_users', row)).execute();
  }

  async findGroup(group: string): Promise<UserGroup | undefined> {
    const row = await this.db
      .selectFrom('vicidial_user_groups')
      .select(['user_group', 'group_name', 'allowed_campaigns', 'admin_viewable_groups', 'api_ip_list'])
      .where('user_group', '=', group)
      .executeTakeFirst();
    return (
      row && {
        group: row.user_group,
        name: row.group_name,
        allowedCampaigns: row.allowed_campaigns ?? '',
        adminViewableGroups: row.admin_viewable_groups ?? '',
        apiIpList: row.api_ip_list,
      }
    );
  }

  /** agent_choose_ingroups: may the agent pick its in-groups at login? */
  async choosesIngroups(user: string): Promise<boolean> {
    const row = await this.db.selectFrom('vicidial_users').select('agent_choose_ingroups').where('user', '=', user).executeTakeFirst();
    return row?.agent_choose_ingroups !== '0';
  }

  async insertGroup(row: Insertable<Database['vicidial_user_groups']>): Promise<void> {
    await this.db.insertInto('vicidial_user_groups').values(fitRow('vicidial_user_groups', row)).execute();
  }
}
