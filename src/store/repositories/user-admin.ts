/** Users as the non-agent API reads and administers them. */
import { sql, type Insertable } from 'kysely';
import type { Database } from '../schema/database.js';
import { fitRow } from '../schema/fit-row.js';
import type { Executor } from './executor.js';
import { ONE_ROW } from './one-row.js';

export interface UserSummary {
  readonly user: string;
  readonly fullName: string;
  readonly group: string;
  readonly level: number;
  readonly active: string;
  readonly email: string;
  readonly allowedCampaignsOfGroup?: string;
}

export class UserAdminRepository {
  constructor(private readonly db: Executor) {}

  async summary(user: string): Promise<UserSummary | undefined> {
    const row = await this.db
      .selectFrom('vicidial_users')
      .select(['user', 'full_name', 'user_group', 'user_level', 'active', 'email'])
      .where('user', '=', user)
      .executeTakeFirst();
    return (
      row && {
        user: row.user,
        fullName: row.full_name ?? '',
        group: row.user_group ?? '',
        level: Number(row.user_level),
        active: row.active,
        email: row.email,
      }
    );
  }

  async summaries(users: readonly string[]): Promise<Map<string, UserSummary>> {
    const out = new Map<string, UserSummary>();
    if (users.length === 0) return out;
    const rows = await this.db
      .selectFrom('vicidial_users')
      .select(['user', 'full_name', 'user_group', 'user_level', 'active', 'email'])
      .where('user', 'in', [...new Set(users)])
      .execute();
    for (const row of rows)
      out.set(row.user, { user: row.user, fullName: row.full_name ?? '', group: row.user_group ?? '', level: Number(row.user_level), active: row.active, email: row.email });
    return out;
  }

  async usersOfGroups(groups: readonly string[]): Promise<string[]> {
    if (groups.length === 0) return [];
    return (await this.db.selectFrom('vicidial_users').select('user').where('user_group', 'in', groups).execute()).map((r) => r.user);
  }

  async groupExists(group: string): Promise<boolean> {
    return !!(await this.db.selectFrom('vicidial_user_groups').select('user_group').where('user_group', '=', group).executeTakeFirst());
  }

  async insertUser(row: Insertable<Database['vicidial_users']>): Promise<void> {
    await this.db.insertInto('vicidial_users').values(fitRow('vicidial_users', row)).execute();
  }

  /** Every column of a user, for copy_user. */
  async fullRow(user: string): Promise<Record<string, unknown> | undefined> {
    return (await this.db.selectFrom('vicidial_users').selectAll().where('user', '=', user).executeTakeFirst()) as Record<string, unknown> | undefined;
  }

  async update(user: string, changes: Record<string, unknown>): Promise<number> {
    const result = await this.db.updateTable('vicidial_users').set(fitRow('vicidial_users', changes) as never).where('user', '=', user).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async delete(user: string): Promise<number> {
    const result = await this.db.deleteFrom('vicidial_users').where('user', '=', user).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** AUTOGENERATE user ids: from auto_user_add_value, in steps of 7, the first unused; the setting moves past it. */
  async allocateUserId(): Promise<string> {
    const settings = await this.db.selectFrom('system_settings').select('auto_user_add_value').limit(ONE_ROW).executeTakeFirst();
    let candidate = Number(settings?.auto_user_add_value ?? 101);
    while (await this.db.selectFrom('vicidial_users').select('user').where('user', '=', String(candidate)).executeTakeFirst()) candidate += 7;
    await this.db.updateTable('system_settings').set({ auto_user_add_value: candidate + 7 }).execute();
    return String(candidate);
  }

  async phoneLoginExists(login: string): Promise<boolean> {
    const phone = await this.db.selectFrom('phones').select('login').where('login', '=', login).executeTakeFirst();
    if (phone) return true;
    return !!(await this.db.selectFrom('phones_alias').select('alias_id').where('alias_id', '=', login).executeTakeFirst());
  }

  // --- ranks ---

  async campaignAgentRows(user: string) {
    return this.db.selectFrom('vicidial_campaign_agents').selectAll().where('user', '=', user).execute();
  }

  async inboundGroupAgentRows(user: string) {
    return this.db.selectFrom('vicidial_inbound_group_agents').selectAll().where('user', '=', user).execute();
  }

  async copyRanks(from: string, to: string): Promise<[number, number]> {
    const ingroups = await sql`INSERT INTO vicidial_inbound_group_agents (user, group_id, group_rank, group_weight, calls_today, group_type, daily_limit)
      SELECT ${to}, group_id, group_rank, group_weight, 0, group_type, daily_limit FROM vicidial_inbound_group_agents WHERE user = ${from}`.execute(this.db);
    const campaigns = await sql`INSERT INTO vicidial_campaign_agents (user, campaign_id, campaign_rank, campaign_weight, calls_today)
      SELECT ${to}, campaign_id, campaign_rank, campaign_weight, 0 FROM vicidial_campaign_agents WHERE user = ${from}`.execute(this.db);
    return [Number(ingroups.numAffectedRows ?? 0), Number(campaigns.numAffectedRows ?? 0)];
  }

  /** Set rank and/or grade of a user in campaigns (all when `campaignIds` lists every campaign). */
  async setCampaignRank(user: string, campaignIds: readonly string[], rank: number | undefined, grade: number | undefined): Promise<void> {
    for (const campaignId of campaignIds) {
      const exists = await this.db.selectFrom('vicidial_campaign_agents').select('user').where('user', '=', user).where('campaign_id', '=', campaignId).executeTakeFirst();
      const values = {
        ...(rank !== undefined ? { campaign_rank: rank, campaign_weight: rank } : {}),
        ...(grade !== undefined ? { campaign_grade: grade } : {}),
      };
      if (exists) await this.db.updateTable('vicidial_campaign_agents').set(values).where('user', '=', user).where('campaign_id', '=', campaignId).execute();
      else await this.db.insertInto('vicidial_campaign_agents').values({ user, campaign_id: campaignId, ...values }).execute();
    }
    await this.db
      .updateTable('vicidial_live_agents')
      .set({ ...(rank !== undefined ? { campaign_weight: rank } : {}), ...(grade !== undefined ? { campaign_grade: grade } : {}) })
      .where('user', '=', user)
      .execute();
  }

  async setIngroupRank(user: string, groupIds: readonly string[], rank: number | undefined, grade: number | undefined): Promise<void> {
    for (const groupId of groupIds) {
      const exists = await this.db.selectFrom('vicidial_inbound_group_agents').select('user').where('user', '=', user).where('group_id', '=', groupId).executeTakeFirst();
      const values = {
        ...(rank !== undefined ? { group_rank: rank, group_weight: rank } : {}),
        ...(grade !== undefined ? { group_grade: grade } : {}),
      };
      if (exists) await this.db.updateTable('vicidial_inbound_group_agents').set(values).where('user', '=', user).where('group_id', '=', groupId).execute();
      else await this.db.insertInto('vicidial_inbound_group_agents').values({ user, group_id: groupId, ...values }).execute();
      await this.db
        .updateTable('vicidial_live_inbound_agents')
        .set({ ...(rank !== undefined ? { group_weight: rank } : {}), ...(grade !== undefined ? { group_grade: grade } : {}) })
        .where('user', '=', user)
        .where('group_id', '=', groupId)
        .execute();
    }
  }
}
