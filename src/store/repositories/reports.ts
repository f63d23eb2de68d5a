/** Live state and call/agent history, read by the non-agent reports. */
import { sql, type Insertable } from 'kysely';
import type { Database } from '../schema/database.js';
import { fitRow } from '../schema/fit-row.js';
import type { Executor } from './executor.js';
import { ONE_ROW } from './one-row.js';

type CallLogRow = Insertable<Database['vicidial_log']> & Insertable<Database['vicidial_closer_log']>;

export class ReportsRepository {
  constructor(private readonly db: Executor) {}

  // --- writing history (the call simulator, the demo, tests) ---

  /** An outbound call goes to vicidial_log, an inbound one to vicidial_closer_log. */
  async insertCallLog(kind: 'OUT' | 'IN', row: CallLogRow): Promise<void> {
    if (kind === 'OUT') await this.db.insertInto('vicidial_log').values(fitRow('vicidial_log', row)).execute();
    else await this.db.insertInto('vicidial_closer_log').values(fitRow('vicidial_closer_log', row)).execute();
  }

  async insertLogExtended(row: Insertable<Database['vicidial_log_extended']>): Promise<void> {
    await this.db.insertInto('vicidial_log_extended').values(fitRow('vicidial_log_extended', row)).execute();
  }

  async insertAgentLog(row: Insertable<Database['vicidial_agent_log']>): Promise<number> {
    const result = await this.db.insertInto('vicidial_agent_log').values(fitRow('vicidial_agent_log', row)).executeTakeFirstOrThrow();
    return Number(result.insertId);
  }

  // --- live state ---

  /** A live session with the columns the reports print and derive sub-status from. */
  async liveAgents(filter: { user?: string; campaigns?: readonly string[]; users?: readonly string[] } = {}): Promise<LiveAgentRow[]> {
    if ((filter.campaigns && filter.campaigns.length === 0) || (filter.users && filter.users.length === 0)) return [];
    let q = this.db
      .selectFrom('vicidial_live_agents')
      .select([
        'user', 'conf_exten', 'status', 'lead_id', 'campaign_id', 'callerid', 'calls_today', 'agent_log_id', 'on_hook_agent',
        'ring_callerid', 'preview_lead_id', 'comments',
      ]);
    if (filter.user !== undefined) q = q.where('user', '=', filter.user);
    if (filter.campaigns) q = q.where('campaign_id', 'in', filter.campaigns);
    if (filter.users) q = q.where('user', 'in', filter.users);
    const rows = await q.orderBy('live_agent_id').execute();
    return rows.map((r) => ({
      user: r.user ?? '',
      confExten: r.conf_exten ?? '',
      status: r.status,
      leadId: Number(r.lead_id),
      campaignId: r.campaign_id ?? '',
      callerId: r.callerid ?? '',
      callsToday: Number(r.calls_today),
      agentLogId: Number(r.agent_log_id),
      onHookAgent: r.on_hook_agent === 'Y',
      ringCallerId: r.ring_callerid,
      previewLeadId: Number(r.preview_lead_id),
      comments: r.comments ?? '',
    }));
  }

  async incallSessionsOnLead(leadId: number): Promise<number> {
    const row = await this.db
      .selectFrom('vicidial_live_agents')
      .select(sql<number>`count(*)`.as('n'))
      .where('lead_id', '=', leadId)
      .where('status', '=', 'INCALL')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async isParked(callerId: string): Promise<boolean> {
    if (!callerId) return false;
    return !!(await this.db.selectFrom('parked_channels').select('channel_group').where('channel_group', '=', callerId).executeTakeFirst());
  }

  async liveCalls(campaigns?: readonly string[]): Promise<LiveCallRow[]> {
    if (campaigns && campaigns.length === 0) return [];
    let q = this.db.selectFrom('vicidial_auto_calls').select(['campaign_id', 'status', 'callerid', 'uniqueid', 'channel', 'phone_number']);
    if (campaigns) q = q.where('campaign_id', 'in', campaigns);
    const rows = await q.orderBy('auto_call_id').execute();
    return rows.map((r) => ({
      campaignId: r.campaign_id ?? '',
      status: r.status,
      callerId: r.callerid ?? '',
      uniqueId: r.uniqueid ?? '',
      channel: r.channel ?? '',
      phoneNumber: r.phone_number ?? '',
    }));
  }

  async pauseCodeOf(agentLogId: number): Promise<string> {
    if (agentLogId < 1) return '';
    const row = await this.db.selectFrom('vicidial_agent_log').select('sub_status').where('agent_log_id', '=', agentLogId).executeTakeFirst();
    return row?.sub_status ?? '';
  }

  async usersInInboundGroups(groups: readonly string[]): Promise<string[]> {
    if (groups.length === 0) return [];
    const rows = await this.db.selectFrom('vicidial_live_inbound_agents').select('user').distinct().where('group_id', 'in', groups).execute();
    return rows.map((r) => r.user ?? '');
  }

  /** The newest LOGIN of a user from vicidial_user_log. */
  async lastLoginIp(user: string): Promise<string> {
    const row = await this.db
      .selectFrom('vicidial_user_log')
      .select('computer_ip')
      .where('user', '=', user)
      .where('event', '=', 'LOGIN')
      .orderBy('event_date', 'desc')
      .limit(ONE_ROW)
      .executeTakeFirst();
    return row?.computer_ip ?? '';
  }

  // --- history ---

  async agentLogRange(range: { start: string; end: string; user?: string; campaignId?: string; campaigns?: readonly string[]; groupByCampaign: boolean }) {
    if (range.campaigns && range.campaigns.length === 0) return [];
    let q = this.db
      .selectFrom('vicidial_agent_log')
      .select(['user', 'lead_id', 'sub_status', 'pause_sec', 'wait_sec', 'talk_sec', 'dispo_sec', 'dead_sec', 'pause_epoch', 'campaign_id'])
      .where('event_time', '>=', range.start)
      .where('event_time', '<=', range.end);
    if (range.user) q = q.where('user', '=', range.user);
    if (range.campaignId) q = q.where('campaign_id', '=', range.campaignId);
    if (range.campaigns) q = q.where('campaign_id', 'in', range.campaigns);
    q = range.groupByCampaign ? q.orderBy('campaign_id').orderBy('user').orderBy('agent_log_id') : q.orderBy('user').orderBy('agent_log_id');
    return q.limit(10_000_000).execute();
  }

  async logExtendedByCallerCode(callerCode: string) {
    return this.db.selectFrom('vicidial_log_extended').select(['uniqueid', 'call_date', 'lead_id']).where('caller_code', '=', callerCode).limit(ONE_ROW).executeTakeFirst();
  }

  async outboundCall(uniqueId: string, leadId: number) {
    return this.db
      .selectFrom('vicidial_log')
      .select(['call_date', 'phone_number', 'campaign_id', 'list_id', 'status', 'user'])
      .where('uniqueid', '=', uniqueId)
      .where('lead_id', '=', leadId)
      .limit(ONE_ROW)
      .executeTakeFirst();
  }

  async inboundCall(uniqueId: string, leadId: number, callDate: string) {
    return this.db
      .selectFrom('vicidial_closer_log')
      .select(['call_date', 'phone_number', 'campaign_id', 'list_id', 'status', 'user'])
      .where('uniqueid', '=', uniqueId)
      .where('lead_id', '=', leadId)
      .where('call_date', '=', callDate)
      .limit(ONE_ROW)
      .executeTakeFirst();
  }

  async customerSeconds(uniqueId: string, leadId: number, user: string): Promise<number> {
    const row = await this.db
      .selectFrom('vicidial_agent_log')
      .select(['talk_sec', 'dead_sec'])
      .where('uniqueid', '=', uniqueId)
      .where('lead_id', '=', leadId)
      .where('user', '=', user)
      .limit(ONE_ROW)
      .executeTakeFirst();
    return row ? Number(row.talk_sec) - Number(row.dead_sec) : 0;
  }

  /** Calls per id, status and hour in a time range (call_status_stats). */
  async callCounts(kind: 'OUT' | 'IN', ids: readonly string[], start: string, end: string, statuses?: readonly string[]) {
    if (ids.length === 0 || (statuses && statuses.length === 0)) return [];
    const table = kind === 'OUT' ? 'vicidial_log' : 'vicidial_closer_log';
    let q = this.db
      .selectFrom(table)
      .select(['campaign_id', 'status', sql<string>`substr(call_date, 12, 2)`.as('hour'), sql<number>`count(*)`.as('n')])
      .where('campaign_id', 'in', ids)
      .where('call_date', '>=', start)
      .where('call_date', '<=', end);
    if (statuses) q = q.where('status', 'in', statuses);
    const rows = await q.groupBy(['campaign_id', 'status', sql`substr(call_date, 12, 2)`]).execute();
    return rows.map((r) => ({ id: r.campaign_id ?? '', status: r.status ?? '', hour: r.hour, n: Number(r.n) }));
  }

  /**
   * Calls per queue (campaign or in-group) and status in a time range, split by
   * whether an agent took the call and, inbound, whether it waited at most
   * `withinSeconds` in queue: what a wallboard sums into today's figures.
   */
  async callTotals(kind: 'OUT' | 'IN', start: string, end: string, withinSeconds: number) {
    const answered = sql<number>`case when ${sql.ref('user')} in ('', 'VDAD', 'VDCL') or ${sql.ref('user')} is null then 0 else 1 end`;
    // Outbound calls do not queue: no "fast" column (and no constant in GROUP BY, which SQLite reads as a column number).
    const fast = sql<number>`case when ${sql.ref('queue_seconds')} <= ${sql.lit(Math.floor(withinSeconds))} then 1 else 0 end`;
    const rows =
      kind === 'OUT'
        ? (
            await this.db
              .selectFrom('vicidial_log')
              .select(['campaign_id', 'status', answered.as('answered'), sql<number>`count(*)`.as('n')])
              .where('call_date', '>=', start)
              .where('call_date', '<=', end)
              .groupBy(['campaign_id', 'status', answered])
              .execute()
          ).map((r) => ({ ...r, fast: 0 }))
        : await this.db
            .selectFrom('vicidial_closer_log')
            .select(['campaign_id', 'status', answered.as('answered'), fast.as('fast'), sql<number>`count(*)`.as('n')])
            .where('call_date', '>=', start)
            .where('call_date', '<=', end)
            .groupBy(['campaign_id', 'status', answered, fast])
            .execute();
    return rows.map((r) => ({ id: r.campaign_id ?? '', status: r.status ?? '', answered: Number(r.answered) === 1, fast: Number(r.fast) === 1, n: Number(r.n) }));
  }

  /** Calls per id and status, optionally per agent (call_dispo_report). */
  async dispoCounts(kind: 'OUT' | 'IN', filter: { ids?: readonly string[]; start: string; end: string; statuses?: readonly string[]; users?: readonly string[] }) {
    const table = kind === 'OUT' ? 'vicidial_log' : 'vicidial_closer_log';
    for (const list of [filter.ids, filter.statuses, filter.users]) if (list && list.length === 0) return [];
    let q = this.db
      .selectFrom(table)
      .select(['campaign_id', 'status', sql<number>`count(*)`.as('n')])
      .where('call_date', '>=', filter.start)
      .where('call_date', '<=', filter.end);
    if (filter.ids) q = q.where('campaign_id', 'in', filter.ids);
    if (filter.statuses) q = q.where('status', 'in', filter.statuses);
    if (filter.users) q = q.where('user', 'in', filter.users);
    const rows = await q.groupBy(['campaign_id', 'status']).execute();
    return rows.map((r) => ({ id: r.campaign_id ?? '', status: r.status ?? '', n: Number(r.n) }));
  }

  /** Inbound calls per DID extension and status (call_dispo_report DIDs). */
  async didDispoCounts(filter: { didIds?: readonly string[]; start: string; end: string; statuses?: readonly string[]; users?: readonly string[]; campaigns?: readonly string[] }) {
    for (const list of [filter.didIds, filter.statuses, filter.users, filter.campaigns]) if (list && list.length === 0) return [];
    let q = this.db
      .selectFrom('vicidial_did_log as d')
      .innerJoin('vicidial_closer_log as c', 'c.uniqueid', 'd.uniqueid')
      .select(['d.extension as id', 'c.status as status', sql<number>`count(*)`.as('n')])
      .where('d.call_date', '>=', filter.start)
      .where('d.call_date', '<=', filter.end);
    if (filter.didIds) q = q.where('d.did_id', 'in', filter.didIds);
    if (filter.statuses) q = q.where('c.status', 'in', filter.statuses);
    if (filter.users) q = q.where('c.user', 'in', filter.users);
    if (filter.campaigns) q = q.where('c.campaign_id', 'in', filter.campaigns);
    const rows = await q.groupBy(['d.extension', 'c.status']).execute();
    return rows.map((r) => ({ id: r.id ?? '', status: r.status ?? '', n: Number(r.n) }));
  }

  async didIdsForPatterns(patterns: readonly string[] | undefined): Promise<string[]> {
    let q = this.db.selectFrom('vicidial_inbound_dids').select('did_id');
    if (patterns) {
      if (patterns.length === 0) return [];
      q = q.where('did_pattern', 'in', patterns);
    }
    return (await q.execute()).map((r) => String(r.did_id));
  }

  /** Statuses marked human-answered, system-wide or for these campaigns. */
  async humanAnsweredStatuses(campaigns: readonly string[]): Promise<Set<string>> {
    const system = await this.db.selectFrom('vicidial_statuses').select('status').where('human_answered', '=', 'Y').execute();
    const own =
      campaigns.length === 0
        ? []
        : await this.db.selectFrom('vicidial_campaign_statuses').select('status').where('human_answered', '=', 'Y').where('campaign_id', 'in', campaigns).execute();
    return new Set([...system, ...own].map((r) => r.status));
  }

  async statusesInCategories(categories: readonly string[]): Promise<string[]> {
    if (categories.length === 0) return [];
    const a = await this.db.selectFrom('vicidial_statuses').select('status').where('category', 'in', categories).execute();
    const b = await this.db.selectFrom('vicidial_campaign_statuses').select('status').where('category', 'in', categories).execute();
    return [...new Set([...a, ...b].map((r) => r.status))];
  }

  /** Leads with a call of `status` on `date` (or by lead id), outbound then inbound, newest first (lead_status_search). */
  /**
   * Leads with a call matching the filter: outbound calls first, then inbound
   * ones not found already, newest lead first, 1000 of each. `campaigns`
   * limits the outbound calls, `inboundQueues` the in-groups of inbound ones
   * (each: undefined for all).
   */
  async leadsWithCalls(filter: {
    status?: string;
    date?: string;
    leadId?: number;
    campaigns?: readonly string[];
    inboundQueues?: readonly string[];
  }): Promise<number[]> {
    const found: number[] = [];
    for (const table of ['vicidial_log', 'vicidial_closer_log'] as const) {
      let q = this.db.selectFrom(table).select('lead_id').distinct();
      if (filter.leadId !== undefined) q = q.where('lead_id', '=', filter.leadId);
      else q = q.where('status', '=', filter.status ?? '').where('call_date', '>=', `${filter.date} 00:00:00`).where('call_date', '<=', `${filter.date} 23:59:59`);
      const scope = table === 'vicidial_log' ? filter.campaigns : filter.inboundQueues;
      if (scope) {
        if (scope.length === 0) continue;
        q = q.where('campaign_id', 'in', scope);
      }
      if (found.length > 0) q = q.where('lead_id', 'not in', found);
      const rows = await q.orderBy('lead_id', 'desc').limit(1000).execute();
      found.push(...rows.map((r) => Number(r.lead_id)));
    }
    return found;
  }
}

/** A call in vicidial_auto_calls, as the reports read it. */
export interface LiveCallRow {
  readonly campaignId: string;
  readonly status: string;
  readonly callerId: string;
  readonly uniqueId: string;
  readonly channel: string;
  readonly phoneNumber: string;
}

export interface LiveAgentRow {
  readonly user: string;
  readonly confExten: string;
  readonly status: string;
  readonly leadId: number;
  readonly campaignId: string;
  readonly callerId: string;
  readonly callsToday: number;
  readonly agentLogId: number;
  readonly onHookAgent: boolean;
  readonly ringCallerId: string;
  readonly previewLeadId: number;
  readonly comments: string;
}
