import { sql, type Selectable, type Updateable } from 'kysely';
import { parseSqlDateTime, sqlDateTime } from '../../domain/clock.js';
import type { ApiCommands, CallKind, LiveAgent, LiveAgentChanges } from '../../domain/live-agent.js';
import type { Database } from '../schema/database.js';
import { fitRow } from '../schema/fit-row.js';
import { locksOnRead } from './dialect.js';
import type { Executor } from './executor.js';
import { ONE_ROW } from './one-row.js';
import { runTemplate } from './templates.js';

type Update = Updateable<Database['vicidial_live_agents']>;

const CALL_KINDS: readonly string[] = ['AUTO', 'MANUAL', 'INBOUND'];

/** Domain command name → external_* column. The one place these names meet. */
const COMMAND_COLUMNS = {
  hangup: 'external_hangup',
  status: 'external_status',
  pause: 'external_pause',
  dial: 'external_dial',
  ingroups: 'external_ingroups',
  blended: 'external_blended',
  ingroupsSetBy: 'external_igb_set_user',
  updateFields: 'external_update_fields',
  updateFieldsData: 'external_update_fields_data',
  timerAction: 'external_timer_action',
  timerActionMessage: 'external_timer_action_message',
  timerActionSeconds: 'external_timer_action_seconds',
  dtmf: 'external_dtmf',
  transferConf: 'external_transferconf',
  park: 'external_park',
  recording: 'external_recording',
  pauseCode: 'external_pause_code',
  switchLeadId: 'external_lead_id',
  managerIngroupSet: 'manager_ingroup_set',
} as const satisfies Record<keyof ApiCommands, keyof Selectable<Database['vicidial_live_agents']>>;

/** Text fields whose columns have a width, and may be stored shorter than given. */
const TEXT_COLUMNS = {
  campaignId: 'campaign_id',
  callerId: 'callerid',
  uniqueId: 'uniqueid',
  channel: 'channel',
  pauseCode: 'pause_code',
} as const;

/** Only the columns a session needs: reading all sixty costs twice as much. */
const SESSION_COLUMNS = [
  'user',
  'server_ip',
  'conf_exten',
  'status',
  'lead_id',
  'preview_lead_id',
  'campaign_id',
  'callerid',
  'uniqueid',
  'channel',
  'comments',
  'last_call_time',
  'last_state_change',
  'closer_campaigns',
  'outbound_autodial',
  'pause_code',
  'calls_today',
  'user_level',
  'random_id',
  ...Object.values(COMMAND_COLUMNS),
] as const;

type Row = Pick<Selectable<Database['vicidial_live_agents']>, (typeof SESSION_COLUMNS)[number]>;

function toLiveAgent(row: Row): LiveAgent {
  const callerId = row.callerid ?? '';
  const kind = row.comments ?? '';
  return {
    user: row.user ?? '',
    serverIp: row.server_ip,
    confExten: row.conf_exten ?? '',
    status: row.status,
    leadId: Number(row.lead_id),
    previewLeadId: Number(row.preview_lead_id),
    campaignId: row.campaign_id ?? '',
    call:
      callerId.length > 0
        ? {
            callerId,
            uniqueId: row.uniqueid ?? '',
            channel: row.channel ?? '',
            kind: (CALL_KINDS.includes(kind) ? kind : 'MANUAL') as CallKind,
            startedAt: parseSqlDateTime(row.last_call_time),
          }
        : undefined,
    closerCampaigns: row.closer_campaigns ?? '',
    outboundAutodial: row.outbound_autodial === 'Y',
    pauseCode: row.pause_code,
    callsToday: Number(row.calls_today),
    userLevel: Number(row.user_level),
    randomId: Number(row.random_id ?? 0),
    lastStateChange: parseSqlDateTime(row.last_state_change),
    lastCallTime: parseSqlDateTime(row.last_call_time),
    commands: {
      hangup: row.external_hangup,
      status: row.external_status,
      pause: row.external_pause,
      dial: row.external_dial,
      ingroups: row.external_ingroups ?? '',
      blended: row.external_blended === '1',
      ingroupsSetBy: row.external_igb_set_user,
      updateFields: row.external_update_fields === '1',
      updateFieldsData: row.external_update_fields_data,
      timerAction: row.external_timer_action,
      timerActionMessage: row.external_timer_action_message,
      timerActionSeconds: Number(row.external_timer_action_seconds),
      dtmf: row.external_dtmf,
      transferConf: row.external_transferconf,
      park: row.external_park,
      recording: row.external_recording,
      pauseCode: row.external_pause_code,
      switchLeadId: Number(row.external_lead_id),
      managerIngroupSet: row.manager_ingroup_set,
    },
  };
}

function commandColumns(commands: Partial<ApiCommands>): Update {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(commands) as [keyof ApiCommands, unknown][]) {
    if (value === undefined) continue;
    out[COMMAND_COLUMNS[key]] = typeof value === 'boolean' ? (value ? '1' : '0') : value;
  }
  return out as Update;
}

function toColumns(changes: LiveAgentChanges): Update {
  const date = (d: Date | undefined) => (d ? sqlDateTime(d) : undefined);
  const update: Update = {
    status: changes.status,
    lead_id: changes.leadId,
    preview_lead_id: changes.previewLeadId,
    campaign_id: changes.campaignId,
    callerid: changes.callerId,
    uniqueid: changes.uniqueId,
    channel: changes.channel,
    comments: changes.callKind,
    last_call_time: date(changes.lastCallTime),
    last_call_finish: date(changes.lastCallFinish),
    last_state_change: date(changes.lastStateChange),
    closer_campaigns: changes.closerCampaigns,
    outbound_autodial: changes.outboundAutodial === undefined ? undefined : changes.outboundAutodial ? 'Y' : 'N',
    pause_code: changes.pauseCode,
    calls_today: changes.callsToday,
    random_id: changes.randomId,
    ...(changes.commands ? commandColumns(changes.commands) : {}),
  };
  for (const key of Object.keys(update) as (keyof Update)[]) if (update[key] === undefined) delete update[key];
  return fitRow('vicidial_live_agents', update);
}

/** The changes as the row now holds them: text cut to its column width, as the database stored it. */
function asStored(changes: LiveAgentChanges, stored: Update): LiveAgentChanges {
  const result: Record<string, unknown> = { ...changes };
  for (const [key, column] of Object.entries(TEXT_COLUMNS)) if (key in changes) result[key] = stored[column];
  if (changes.commands) {
    const commands: Record<string, unknown> = { ...changes.commands };
    for (const key of Object.keys(commands) as (keyof ApiCommands)[])
      if (typeof commands[key] === 'string') commands[key] = stored[COMMAND_COLUMNS[key]];
    result.commands = commands;
  }
  return result as LiveAgentChanges;
}

export interface NewSession {
  readonly user: string;
  readonly serverIp: string;
  readonly confExten: string;
  readonly extension: string;
  readonly campaignId: string;
  readonly userLevel: number;
  readonly closerCampaigns: string;
  readonly outboundAutodial: boolean;
  readonly randomId: number;
  readonly now: Date;
}

/** Live agent sessions, the live-calls table and the manual-dial queue. */
export class LiveAgentsRepository {
  constructor(private readonly db: Executor) {}

  /**
   * The session of a user. VICIdial has no unique key on user; the newest row is the session.
   * Inside a transaction on MySQL the row stays locked until the commit, so
   * two commands for one agent apply one after the other, as on SQLite.
   */
  async find(user: string): Promise<LiveAgent | undefined> {
    const lock = locksOnRead(this.db);
    const { rows } = await runTemplate(
      this.db,
      lock ? 'liveAgents.findForUpdate' : 'liveAgents.find',
      (arg) => {
        const query = this.db.selectFrom('vicidial_live_agents').select(SESSION_COLUMNS).where('user', '=', arg('user')).orderBy('live_agent_id', 'desc').limit(ONE_ROW);
        return lock ? query.forUpdate() : query;
      },
      { user },
    );
    return rows[0] && toLiveAgent(rows[0]);
  }

  async isLoggedIn(user: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('vicidial_live_agents')
      .select('live_agent_id')
      .where('user', '=', user)
      .limit(ONE_ROW)
      .executeTakeFirst();
    return !!row;
  }

  async list(): Promise<LiveAgent[]> {
    const rows = await this.db.selectFrom('vicidial_live_agents').select(SESSION_COLUMNS).orderBy('user').orderBy('live_agent_id').execute();
    return rows.map(toLiveAgent);
  }

  async insert(session: NewSession): Promise<void> {
    const stamp = sqlDateTime(session.now);
    await this.db
      .insertInto('vicidial_live_agents')
      .values(
        fitRow('vicidial_live_agents', {
          user: session.user,
          server_ip: session.serverIp,
          conf_exten: session.confExten,
          extension: session.extension,
          status: 'PAUSED' as const,
          lead_id: 0,
          campaign_id: session.campaignId,
          uniqueid: '',
          callerid: '',
          channel: '',
          random_id: session.randomId,
          last_call_time: stamp,
          last_update_time: stamp,
          last_call_finish: stamp,
          last_state_change: stamp,
          closer_campaigns: session.closerCampaigns,
          user_level: session.userLevel,
          comments: '',
          outbound_autodial: session.outboundAutodial ? ('Y' as const) : ('N' as const),
          external_ingroups: '',
        }),
      )
      .execute();
  }

  /** Write changes to a session; returns them as stored (text fitted to its columns). */
  async update(user: string, changes: LiveAgentChanges, now: Date): Promise<LiveAgentChanges> {
    const columns = toColumns(changes);
    const names = Object.keys(columns).sort();
    // One template per set of changed columns: the shapes repeat, the values do not.
    await runTemplate(
      this.db,
      `liveAgents.update:${names.join(',')}`,
      (arg) =>
        this.db
          .updateTable('vicidial_live_agents')
          .set(Object.fromEntries([...names.map((n) => [n, arg(n)]), ['last_update_time', arg('last_update_time')]]))
          .where('user', '=', arg('user')),
      { ...columns, last_update_time: sqlDateTime(now), user },
    );
    return asStored(changes, columns);
  }

  /**
   * Only these command columns, as api.php writes them: `UPDATE vicidial_live_agents SET
   * external_…='…' WHERE user='…'` — no heartbeat (last_update_time belongs to VICIdial's
   * screen) and nothing else of the row, which VICIdial's screen and dialer own (the drop-in).
   * Returns the values as stored (cut to their widths) and how many rows took them.
   */
  async writeCommands(user: string, commands: Partial<ApiCommands>): Promise<{ stored: Partial<ApiCommands>; rows: number }> {
    const columns = fitRow('vicidial_live_agents', commandColumns(commands));
    const result = await this.db.updateTable('vicidial_live_agents').set(columns).where('user', '=', user).executeTakeFirst();
    return { stored: asStored({ commands }, columns).commands ?? {}, rows: Number(result.numUpdatedRows) };
  }

  async delete(user: string): Promise<number> {
    const result = await this.db.deleteFrom('vicidial_live_agents').where('user', '=', user).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Other sessions on the same lead (three-way calls), oldest call first. */
  async othersOnLead(leadId: number, user: string): Promise<LiveAgent[]> {
    const rows = await this.db
      .selectFrom('vicidial_live_agents')
      .select(SESSION_COLUMNS)
      .where('lead_id', '=', leadId)
      .where('user', '!=', user)
      .orderBy('last_call_time')
      .execute();
    return rows.map(toLiveAgent);
  }

  // --- live calls (vicidial_auto_calls) ---

  async insertLiveCall(call: {
    campaignId: string;
    status: 'LIVE' | 'XFER' | 'SENT' | 'RINGING' | 'CLOSER';
    leadId: number;
    callerId: string;
    uniqueId: string;
    channel: string;
    phoneCode: string;
    phoneNumber: string;
    callType: 'IN' | 'OUT';
    serverIp: string;
    agentOnly?: string;
    now: Date;
  }): Promise<void> {
    const stamp = sqlDateTime(call.now);
    await this.db
      .insertInto('vicidial_auto_calls')
      .values(
        fitRow('vicidial_auto_calls', {
          server_ip: call.serverIp,
          campaign_id: call.campaignId,
          status: call.status,
          lead_id: call.leadId,
          uniqueid: call.uniqueId,
          callerid: call.callerId,
          channel: call.channel,
          phone_code: call.phoneCode,
          phone_number: call.phoneNumber,
          call_time: stamp,
          call_type: call.callType,
          last_update_time: stamp,
          agent_only: call.agentOnly ?? '',
        }),
      )
      .execute();
  }

  async deleteLiveCall(callerId: string): Promise<void> {
    await this.db.deleteFrom('vicidial_auto_calls').where('callerid', '=', callerId).execute();
  }

  async findLiveCall(callerId: string) {
    const row = await this.db
      .selectFrom('vicidial_auto_calls')
      .select(['campaign_id', 'call_type', 'lead_id', 'status', 'phone_number'])
      .where('callerid', '=', callerId)
      .executeTakeFirst();
    return (
      row && {
        campaignOrIngroup: row.campaign_id ?? '',
        direction: row.call_type,
        leadId: Number(row.lead_id),
        status: row.status,
        phoneNumber: row.phone_number ?? '',
      }
    );
  }

  /**
   * Calls waiting in queue (status LIVE) for an agent: its campaign, its
   * selected in-groups, and AGENTDIRECT calls meant for it.
   */
  async countWaitingCalls(campaignIds: readonly string[], agentDirectUser: string | undefined): Promise<number> {
    const row = await this.db
      .selectFrom('vicidial_auto_calls')
      .select(sql<number>`count(*)`.as('n'))
      .where('status', '=', 'LIVE')
      .where((eb) => {
        const alternatives = [];
        if (campaignIds.length > 0) alternatives.push(eb('campaign_id', 'in', campaignIds));
        if (agentDirectUser)
          alternatives.push(eb.and([eb('campaign_id', 'like', '%AGENTDIRECT%'), eb('agent_only', '=', agentDirectUser)]));
        return alternatives.length > 0 ? eb.or(alternatives) : eb.val(false);
      })
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  // --- manual dial queue ---

  async queuedDialExists(user: string, phoneNumber: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('vicidial_manual_dial_queue')
      .select('mdq_id')
      .where('user', '=', user)
      .where('phone_number', '=', phoneNumber)
      .executeTakeFirst();
    return !!row;
  }

  async enqueueDial(user: string, phoneNumber: string, externalDial: string, now: Date): Promise<void> {
    await this.db
      .insertInto('vicidial_manual_dial_queue')
      .values(
        fitRow('vicidial_manual_dial_queue', {
          user,
          phone_number: phoneNumber,
          entry_time: sqlDateTime(now),
          status: 'READY' as const,
          external_dial: externalDial,
        }),
      )
      .execute();
  }

  /** Take the oldest READY queued dial for the agent: marked QUEUE, its dial string returned. */
  async takeQueuedDial(user: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('vicidial_manual_dial_queue')
      .select(['mdq_id', 'external_dial'])
      .where('user', '=', user)
      .where('status', '=', 'READY')
      .orderBy('entry_time')
      .orderBy('mdq_id')
      .limit(ONE_ROW)
      .$if(locksOnRead(this.db), (q) => q.forUpdate())
      .executeTakeFirst();
    if (!row) return undefined;
    await this.db.updateTable('vicidial_manual_dial_queue').set({ status: 'QUEUE' }).where('mdq_id', '=', row.mdq_id).execute();
    return row.external_dial;
  }

  async queuedDials(user: string) {
    const rows = await this.db
      .selectFrom('vicidial_manual_dial_queue')
      .select(['phone_number', 'status', 'external_dial'])
      .where('user', '=', user)
      .orderBy('mdq_id')
      .execute();
    return rows.map((r) => ({ phoneNumber: r.phone_number, status: r.status, dial: r.external_dial }));
  }

  async removeQueuedDial(user: string, externalDial: string): Promise<void> {
    await this.db
      .deleteFrom('vicidial_manual_dial_queue')
      .where('user', '=', user)
      .where('external_dial', '=', externalDial)
      .where('status', '=', 'QUEUE')
      .execute();
  }

  // --- in-group membership ---

  /** Make the agent's live in-group rows match `groups` (change_ingroups). */
  async setLiveIngroups(user: string, groups: readonly string[], now: Date): Promise<void> {
    const stamp = sqlDateTime(now);
    const current = await this.db
      .selectFrom('vicidial_live_inbound_agents')
      .select('group_id')
      .where('user', '=', user)
      .execute();
    const have = new Set(current.map((r) => r.group_id ?? ''));
    const gone = [...have].filter((g) => !groups.includes(g));
    if (gone.length > 0)
      await this.db.deleteFrom('vicidial_live_inbound_agents').where('user', '=', user).where('group_id', 'in', gone).execute();
    for (const group of groups) {
      // Weight, grade, counters and limit come from the agent's in-group settings (defaults 0/0/0/0/-1),
      // refreshed on a row that already exists, as VICIdial's INSERT … ON DUPLICATE KEY UPDATE does.
      const template = await this.db
        .selectFrom('vicidial_inbound_group_agents')
        .select(['group_weight', 'group_grade', 'calls_today', 'calls_today_filtered', 'daily_limit'])
        .where('user', '=', user)
        .where('group_id', '=', group)
        .executeTakeFirst();
      const settings = {
        group_weight: template?.group_weight ?? 0,
        group_grade: template?.group_grade ?? 0,
        calls_today: template?.calls_today ?? 0,
        calls_today_filtered: template?.calls_today_filtered ?? 0,
        daily_limit: template?.daily_limit ?? -1,
      };
      if (have.has(group)) {
        await this.db.updateTable('vicidial_live_inbound_agents').set(settings).where('user', '=', user).where('group_id', '=', group).execute();
        continue;
      }
      await this.db
        .insertInto('vicidial_live_inbound_agents')
        .values({
          user,
          group_id: group,
          ...settings,
          last_call_time: stamp,
          last_call_finish: stamp,
          last_call_time_filtered: stamp,
          last_call_finish_filtered: stamp,
        })
        .execute();
    }
  }

  async liveIngroups(user: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('vicidial_live_inbound_agents')
      .select('group_id')
      .where('user', '=', user)
      .orderBy('group_id')
      .execute();
    return rows.map((r) => r.group_id ?? '');
  }

  async clearLiveIngroups(user: string): Promise<void> {
    await this.db.deleteFrom('vicidial_live_inbound_agents').where('user', '=', user).execute();
  }

  async logIngroupChange(entry: {
    user: string;
    campaignId: string;
    blended: boolean;
    closerCampaigns: string;
    changedBy: string;
    now: Date;
  }): Promise<void> {
    await this.db
      .insertInto('vicidial_user_closer_log')
      .values(
        fitRow('vicidial_user_closer_log', {
          user: entry.user,
          campaign_id: entry.campaignId,
          event_date: sqlDateTime(entry.now),
          blended: entry.blended ? ('1' as const) : ('0' as const),
          closer_campaigns: entry.closerCampaigns,
          manager_change: entry.changedBy,
        }),
      )
      .execute();
  }
}
