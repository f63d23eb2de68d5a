import { sql } from 'kysely';
import { epochSeconds, sqlDateTime } from '../../domain/clock.js';
import type { AgentTimeChanges, AgentTimeRow, CallEnd, CallRecord, PauseType } from '../../domain/call-log.js';
import { fitRow } from '../schema/fit-row.js';
import type { Executor } from './executor.js';
import { ONE_ROW } from './one-row.js';

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Domain name → vicidial_agent_log column. */
const TIME_COLUMNS = {
  pauseEpoch: 'pause_epoch',
  pauseSec: 'pause_sec',
  waitEpoch: 'wait_epoch',
  waitSec: 'wait_sec',
  talkEpoch: 'talk_epoch',
  talkSec: 'talk_sec',
  dispoEpoch: 'dispo_epoch',
  dispoSec: 'dispo_sec',
  leadId: 'lead_id',
  uniqueId: 'uniqueid',
  comments: 'comments',
  status: 'status',
  subStatus: 'sub_status',
  pauseType: 'pause_type',
} as const satisfies Record<keyof AgentTimeChanges, string>;

/** The columns vicidial_log and vicidial_closer_log share (schema-non-agent.md §4.1, §4.2). */
function recordColumns(call: CallRecord) {
  return {
    uniqueid: call.uniqueId,
    lead_id: call.leadId,
    list_id: call.listId,
    campaign_id: call.queue,
    call_date: sqlDateTime(call.startedAt),
    start_epoch: epochSeconds(call.startedAt),
    status: call.status,
    phone_code: call.phoneCode,
    phone_number: call.phoneNumber,
    user: call.user,
    comments: call.comments,
    processed: 'N' as const,
    user_group: call.userGroup,
    called_count: call.calledCount,
  };
}

/** The end of a call; its length counts from the row's own start. */
function endColumns(end: CallEnd) {
  const endEpoch = epochSeconds(end.endedAt);
  return {
    end_epoch: endEpoch,
    length_in_sec: sql<number>`case when ${endEpoch} > start_epoch then ${endEpoch} - start_epoch else 0 end`,
    term_reason: end.termReason,
    ...(end.status !== undefined ? { status: end.status } : {}),
    ...(end.user !== undefined ? { user: end.user } : {}),
  };
}

/** vicidial_log, vicidial_closer_log and vicidial_agent_log: the history reports read. */
export class CallLogsRepository {
  constructor(private readonly db: Executor) {}

  async insertOutbound(call: CallRecord): Promise<void> {
    await this.db
      .insertInto('vicidial_log')
      .values(
        fitRow('vicidial_log', { ...recordColumns(call), alt_dial: 'MAIN' }),
      )
      .execute();
  }

  async endOutbound(uniqueId: string, end: CallEnd): Promise<void> {
    await this.db.updateTable('vicidial_log').set(fitRow('vicidial_log', endColumns(end))).where('uniqueid', '=', uniqueId).execute();
  }

  async setOutboundStatus(uniqueId: string, status: string): Promise<void> {
    await this.db.updateTable('vicidial_log').set(fitRow('vicidial_log', { status })).where('uniqueid', '=', uniqueId).execute();
  }

  async insertInbound(call: CallRecord): Promise<number> {
    const result = await this.db
      .insertInto('vicidial_closer_log')
      .values(
        fitRow('vicidial_closer_log', { ...recordColumns(call), agent_only: call.agentOnly ?? '' }),
      )
      .executeTakeFirstOrThrow();
    return Number(result.insertId);
  }

  async hasInbound(uniqueId: string): Promise<boolean> {
    const row = await this.db.selectFrom('vicidial_closer_log').select('closecallid').where('uniqueid', '=', uniqueId).executeTakeFirst();
    return !!row;
  }

  /** The queued call reaches an agent: who took it and how long it waited. */
  async answerInbound(uniqueId: string, answer: { user: string; userGroup: string; queueSeconds: number }): Promise<void> {
    await this.db
      .updateTable('vicidial_closer_log')
      .set(fitRow('vicidial_closer_log', { user: answer.user, user_group: answer.userGroup, queue_seconds: answer.queueSeconds, status: 'INCALL' }))
      .where('uniqueid', '=', uniqueId)
      .execute();
  }

  async endInbound(uniqueId: string, end: CallEnd & { queueSeconds?: number }): Promise<void> {
    // The closer log has no SYSTEM reason: a call the system ended reads NONE there.
    const termReason = end.termReason === 'SYSTEM' ? 'NONE' : end.termReason;
    const columns = { ...endColumns(end), term_reason: termReason, ...(end.queueSeconds !== undefined ? { queue_seconds: end.queueSeconds } : {}) };
    await this.db.updateTable('vicidial_closer_log').set(fitRow('vicidial_closer_log', columns)).where('uniqueid', '=', uniqueId).execute();
  }

  /** Seconds a queued call has waited, from its record's start. */
  async queueSeconds(uniqueId: string, now: Date): Promise<number> {
    const row = await this.db.selectFrom('vicidial_closer_log').select('start_epoch').where('uniqueid', '=', uniqueId).executeTakeFirst();
    return Math.max(0, epochSeconds(now) - Number(row?.start_epoch ?? epochSeconds(now)));
  }

  async setInboundStatus(uniqueId: string, status: string): Promise<void> {
    await this.db.updateTable('vicidial_closer_log').set(fitRow('vicidial_closer_log', { status })).where('uniqueid', '=', uniqueId).execute();
  }

  // --- agent time (vicidial_agent_log) ---

  /** The agent's current time row: the newest. */
  async currentAgentTime(user: string): Promise<AgentTimeRow | undefined> {
    const row = await this.db
      .selectFrom('vicidial_agent_log')
      .select([
        'agent_log_id',
        'pause_epoch',
        'wait_epoch',
        'talk_epoch',
        'dispo_epoch',
        'pause_sec',
        'wait_sec',
        'talk_sec',
        'dispo_sec',
        'lead_id',
        'uniqueid',
        'comments',
      ])
      .where('user', '=', user)
      .orderBy('agent_log_id', 'desc')
      .limit(ONE_ROW)
      .executeTakeFirst();
    return (
      row && {
        id: Number(row.agent_log_id),
        pauseEpoch: num(row.pause_epoch),
        waitEpoch: num(row.wait_epoch),
        talkEpoch: num(row.talk_epoch),
        dispoEpoch: num(row.dispo_epoch),
        pauseSec: Number(row.pause_sec),
        waitSec: Number(row.wait_sec),
        talkSec: Number(row.talk_sec),
        dispoSec: Number(row.dispo_sec),
        leadId: Number(row.lead_id ?? 0),
        uniqueId: row.uniqueid ?? '',
        comments: row.comments ?? '',
      }
    );
  }

  async insertAgentTime(row: {
    user: string;
    serverIp: string;
    campaignId: string;
    userGroup: string;
    at: Date;
    changes: AgentTimeChanges;
  }): Promise<number> {
    const result = await this.db
      .insertInto('vicidial_agent_log')
      .values(
        fitRow('vicidial_agent_log', {
          user: row.user,
          server_ip: row.serverIp,
          event_time: sqlDateTime(row.at),
          campaign_id: row.campaignId,
          user_group: row.userGroup,
          lead_id: 0,
          ...timeColumns(row.changes),
        }),
      )
      .executeTakeFirstOrThrow();
    return Number(result.insertId);
  }

  async updateAgentTime(id: number, changes: AgentTimeChanges): Promise<void> {
    const columns = timeColumns(changes);
    if (Object.keys(columns).length === 0) return;
    await this.db.updateTable('vicidial_agent_log').set(fitRow('vicidial_agent_log', columns)).where('agent_log_id', '=', id).execute();
  }
}

function timeColumns(changes: AgentTimeChanges): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(changes) as [keyof AgentTimeChanges, string | number | PauseType | undefined][])
    if (value !== undefined) out[TIME_COLUMNS[key]] = value;
  return out;
}
