import { sql } from 'kysely';
import { epochSeconds, sqlDateTime } from '../../domain/clock.js';
import { type ManagerCommand, type Recording, type SessionData, type SimSettings } from '../../domain/telephony.js';
import { fitRow } from '../schema/fit-row.js';
import { locksOnRead } from './dialect.js';
import type { Executor } from './executor.js';
import { ONE_ROW } from './one-row.js';

const LINE_COLUMNS = ['cmd_line_b', 'cmd_line_c', 'cmd_line_d', 'cmd_line_e', 'cmd_line_f', 'cmd_line_g', 'cmd_line_h', 'cmd_line_i', 'cmd_line_j', 'cmd_line_k'] as const;

export interface QueuedCall {
  readonly callerId: string;
  readonly uniqueId: string;
  readonly queue: string;
  readonly leadId: number;
  readonly phoneCode: string;
  readonly phoneNumber: string;
  readonly enteredAt: string;
  readonly agentOnly: string;
  readonly direction: 'IN' | 'OUT' | 'OUTBALANCE';
  readonly status: string;
}

/**
 * What the telephony writes: manager commands, session data, recordings, the
 * hopper, calls waiting in queue, and the simulator's own settings.
 */
export class TelephonyRepository {
  constructor(private readonly db: Executor) {}

  async insertManagerCommand(command: ManagerCommand, now: Date): Promise<number> {
    const lines = Object.fromEntries(LINE_COLUMNS.map((column, i) => [column, command.lines[i] ?? '']));
    const result = await this.db
      .insertInto('vicidial_manager')
      .values(
        fitRow('vicidial_manager', {
          uniqueid: '',
          entry_date: sqlDateTime(now),
          status: 'NEW' as const,
          response: 'N' as const,
          server_ip: command.serverIp,
          channel: command.channel ?? '',
          action: command.action,
          callerid: command.callerId,
          ...lines,
        }),
      )
      .executeTakeFirstOrThrow();
    return Number(result.insertId);
  }

  /** transfer_conference multi_dial_phones: one row per agent, replaced (vicidial_3way_press_multi). */
  async saveThreeWayPhones(user: string, phones: readonly string[], now: Date): Promise<number> {
    const row = fitRow('vicidial_3way_press_multi', {
      call_date: sqlDateTime(now),
      phone_numbers: phones.join(','),
      phone_numbers_ct: phones.length,
      status: 'NEW',
    });
    const exists = await this.db.selectFrom('vicidial_3way_press_multi').select('user').where('user', '=', user).executeTakeFirst();
    if (exists) await this.db.updateTable('vicidial_3way_press_multi').set(row).where('user', '=', user).execute();
    else await this.db.insertInto('vicidial_3way_press_multi').values({ user, ...row }).execute();
    return 1;
  }

  // --- Asterisk's channels (listed by VICIdial's updater; empty on agentgate's own database) ---

  /** The channel playing audio into a conference: api.php's `IAX2/ASTplay%` row of live_channels. */
  async conferencePlayback(serverIp: string, confExten: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('live_channels')
      .select('channel')
      .where('server_ip', '=', serverIp)
      .where('extension', '=', confExten)
      .where('channel', 'like', 'IAX2/ASTplay%')
      .limit(ONE_ROW)
      .executeTakeFirst();
    return row?.channel;
  }

  /** The 3-way calls on a conference: api.php's tw_check, live_sip_channels rows of a `DC…W` channel group. */
  async conferenceThreeWayCalls(serverIp: string, confExten: string): Promise<number> {
    const row = await this.db
      .selectFrom('live_sip_channels')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('server_ip', '=', serverIp)
      .where('channel_group', 'like', 'DC%W')
      .where('extension', '=', confExten)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  // --- session data ---

  async saveSessionData(data: SessionData & { campaignId: string; extension: string; now: Date }): Promise<void> {
    await this.db.deleteFrom('vicidial_session_data').where('user', '=', data.user).execute();
    await this.db
      .insertInto('vicidial_session_data')
      .values(
        fitRow('vicidial_session_data', {
          session_name: `${epochSeconds(data.now)}_${data.user}_${data.confExten}`,
          user: data.user,
          campaign_id: data.campaignId,
          server_ip: data.serverIp,
          conf_exten: data.confExten,
          extension: data.extension,
          login_time: sqlDateTime(data.now),
          webphone_url: data.webphoneUrl,
          agent_login_call: data.agentLoginCall,
        }),
      )
      .execute();
  }

  async sessionData(user: string): Promise<SessionData | undefined> {
    const row = await this.db
      .selectFrom('vicidial_session_data')
      .select(['user', 'conf_exten', 'server_ip', 'webphone_url', 'agent_login_call'])
      .where('user', '=', user)
      .orderBy('login_time', 'desc')
      .limit(ONE_ROW)
      .executeTakeFirst();
    return (
      row && {
        user: row.user ?? '',
        confExten: row.conf_exten ?? '',
        serverIp: row.server_ip,
        webphoneUrl: row.webphone_url ?? '',
        agentLoginCall: row.agent_login_call ?? '',
      }
    );
  }

  async deleteSessionData(user: string): Promise<void> {
    await this.db.deleteFrom('vicidial_session_data').where('user', '=', user).execute();
  }

  // --- recordings ---

  async startRecording(r: { serverIp: string; confExten: string; filename: string; leadId: number; user: string; vicidialId: string; now: Date }): Promise<Recording> {
    const result = await this.db
      .insertInto('recording_log')
      .values(
        fitRow('recording_log', {
          channel: `Local/${r.confExten}@agentgate`,
          server_ip: r.serverIp,
          extension: r.confExten,
          start_time: sqlDateTime(r.now),
          start_epoch: epochSeconds(r.now),
          filename: r.filename,
          location: '',
          lead_id: r.leadId,
          user: r.user,
          vicidial_id: r.vicidialId,
        }),
      )
      .executeTakeFirstOrThrow();
    return { recordingId: Number(result.insertId), filename: r.filename };
  }

  /** Stop every open recording of a conference (VICIdial's StopMonitorConf stops them all). */
  async stopRecordings(confExten: string, now: Date): Promise<number> {
    const end = epochSeconds(now);
    const result = await this.db
      .updateTable('recording_log')
      .set({
        end_time: sqlDateTime(now),
        end_epoch: end,
        length_in_sec: sql`${end} - start_epoch`,
        length_in_min: sql`round((${end} - start_epoch) / 60.0, 2)`,
      })
      .where('extension', '=', confExten)
      .where('end_epoch', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  // --- the hopper ---

  async hopperSize(campaignId: string): Promise<number> {
    const row = await this.db
      .selectFrom('vicidial_hopper')
      .select(sql<number>`count(*)`.as('n'))
      .where('campaign_id', '=', campaignId)
      .where('status', '=', 'READY')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Put dialable leads (a dialable status, not called since the last reset, not in the hopper) in the hopper. */
  async fillHopper(campaignId: string, listIds: readonly number[], statuses: readonly string[], count: number): Promise<number> {
    if (listIds.length === 0 || statuses.length === 0 || count < 1) return 0;
    const leads = await this.db
      .selectFrom('vicidial_list')
      .select(['lead_id', 'list_id', 'state', 'vendor_lead_code', 'gmt_offset_now'])
      .where('list_id', 'in', listIds)
      .where('status', 'in', statuses)
      .where('called_since_last_reset', '=', 'N')
      .where('lead_id', 'not in', this.db.selectFrom('vicidial_hopper').select('lead_id'))
      .orderBy('lead_id')
      .limit(count)
      .execute();
    for (const lead of leads)
      await this.db
        .insertInto('vicidial_hopper')
        .values(
          fitRow('vicidial_hopper', {
            lead_id: Number(lead.lead_id),
            campaign_id: campaignId,
            status: 'READY' as const,
            user: '',
            list_id: Number(lead.list_id),
            gmt_offset_now: Number(lead.gmt_offset_now ?? 0),
            state: lead.state ?? '',
            alt_dial: 'NONE',
            priority: 0,
            source: 'S',
            vendor_lead_code: lead.vendor_lead_code ?? '',
          }),
        )
        .execute();
    return leads.length;
  }

  /** Take the next lead from the hopper (highest priority, oldest first); its row is removed. */
  async takeFromHopper(campaignId: string): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('vicidial_hopper')
      .select(['hopper_id', 'lead_id'])
      .where('campaign_id', '=', campaignId)
      .where('status', '=', 'READY')
      .orderBy('priority', 'desc')
      .orderBy('hopper_id')
      .limit(ONE_ROW)
      .$if(locksOnRead(this.db), (q) => q.forUpdate())
      .executeTakeFirst();
    if (!row) return undefined;
    await this.db.deleteFrom('vicidial_hopper').where('hopper_id', '=', row.hopper_id).execute();
    return Number(row.lead_id);
  }

  /** Campaigns whose agents may take calls of this in-group (it is in their closer_campaigns). */
  async campaignsTaking(ingroup: string): Promise<string[]> {
    const rows = await this.db.selectFrom('vicidial_campaigns').select(['campaign_id', 'closer_campaigns']).where('active', '=', 'Y').execute();
    return rows.filter((r) => (r.closer_campaigns ?? '').split(/\s+/).includes(ingroup)).map((r) => r.campaign_id);
  }

  /** How many leads the lists hold, and the id of the n-th (for a caller picked at random). */
  async countLeads(listIds: readonly number[]): Promise<number> {
    if (listIds.length === 0) return 0;
    const row = await this.db.selectFrom('vicidial_list').select(sql<number>`count(*)`.as('n')).where('list_id', 'in', listIds).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async leadIdAt(listIds: readonly number[], index: number): Promise<number | undefined> {
    if (listIds.length === 0) return undefined;
    const row = await this.db
      .selectFrom('vicidial_list')
      .select('lead_id')
      .where('list_id', 'in', listIds)
      .orderBy('lead_id')
      .limit(ONE_ROW)
      .offset(Math.max(0, index))
      .executeTakeFirst();
    return row ? Number(row.lead_id) : undefined;
  }

  // --- live calls not (yet) with an agent ---

  async liveCalls(filter: { status?: readonly string[]; direction?: 'IN' | 'OUT' } = {}): Promise<QueuedCall[]> {
    let query = this.db
      .selectFrom('vicidial_auto_calls')
      .select(['callerid', 'uniqueid', 'campaign_id', 'lead_id', 'phone_code', 'phone_number', 'call_time', 'agent_only', 'call_type', 'status'])
      .orderBy('call_time')
      .orderBy('auto_call_id');
    if (filter.status) query = query.where('status', 'in', filter.status as never[]);
    if (filter.direction) query = query.where('call_type', '=', filter.direction);
    const rows = await query.execute();
    return rows.map((r) => ({
      callerId: r.callerid ?? '',
      uniqueId: r.uniqueid ?? '',
      queue: r.campaign_id ?? '',
      leadId: Number(r.lead_id),
      phoneCode: r.phone_code ?? '',
      phoneNumber: r.phone_number ?? '',
      enteredAt: r.call_time ?? '',
      agentOnly: r.agent_only ?? '',
      direction: r.call_type,
      status: r.status,
    }));
  }

  async setLiveCallStatus(callerId: string, status: 'LIVE' | 'SENT' | 'RINGING' | 'XFER' | 'CLOSER'): Promise<void> {
    await this.db.updateTable('vicidial_auto_calls').set({ status }).where('callerid', '=', callerId).execute();
  }

  // --- simulator settings ---

  async simSettings(): Promise<SimSettings[]> {
    const rows = await this.db.selectFrom('agentgate_simulator').selectAll().orderBy('target_id').execute();
    return rows.map((r) => ({
      targetId: r.target_id,
      targetType: r.target_type,
      active: r.active === 'Y',
      answerPercent: Number(r.answer_percent),
      busyPercent: Number(r.busy_percent),
      ringMinSec: Number(r.ring_min_sec),
      ringMaxSec: Number(r.ring_max_sec),
      talkMinSec: Number(r.talk_min_sec),
      talkMaxSec: Number(r.talk_max_sec),
      callsPerMinute: Number(r.calls_per_minute),
      queueTimeoutSec: Number(r.queue_timeout_sec),
    }));
  }

  async saveSimSettings(s: SimSettings): Promise<void> {
    const row = {
      target_type: s.targetType,
      active: s.active ? ('Y' as const) : ('N' as const),
      answer_percent: s.answerPercent,
      busy_percent: s.busyPercent,
      ring_min_sec: s.ringMinSec,
      ring_max_sec: s.ringMaxSec,
      talk_min_sec: s.talkMinSec,
      talk_max_sec: s.talkMaxSec,
      calls_per_minute: s.callsPerMinute,
      queue_timeout_sec: s.queueTimeoutSec,
    };
    const exists = await this.db.selectFrom('agentgate_simulator').select('target_id').where('target_id', '=', s.targetId).executeTakeFirst();
    if (exists) await this.db.updateTable('agentgate_simulator').set(row).where('target_id', '=', s.targetId).execute();
    else await this.db.insertInto('agentgate_simulator').values({ target_id: s.targetId, ...row }).execute();
  }
}


