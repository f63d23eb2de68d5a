/**
 * The event log (agentgate_events) and the per-agent sequence counters
 * (agentgate_agent_sequences): written inside a unit of work, read by every
 * node's follower and by replays.
 */
import { sql } from 'kysely';
import { sqlDateTime } from '../../domain/clock.js';
import type { NewEvent, StoredEvent } from '../../events/event-bus.js';
import type { SessionEvent } from '../../events/session-events.js';
import type { SqlDialect } from '../schema/ddl.js';
import { fitRow } from '../schema/fit-row.js';
import type { Executor } from './executor.js';
import { mapValues, runTemplate } from './templates.js';

interface EventRow {
  event_id: number | bigint;
  user: string;
  seq: number | bigint;
  campaign_id: string;
  event_type: string;
  payload: string;
  command_id: string | null;
  created_at: string;
}

const COLUMNS = ['event_id', 'user', 'seq', 'campaign_id', 'event_type', 'payload', 'command_id', 'created_at'] as const;

function toStored(row: EventRow): StoredEvent {
  return {
    id: Number(row.event_id),
    seq: Number(row.seq),
    user: row.user,
    campaignId: row.campaign_id,
    commandId: row.command_id,
    at: row.created_at,
    event: JSON.parse(row.payload) as SessionEvent,
  };
}

export class EventsRepository {
  constructor(
    private readonly db: Executor,
    private readonly dialect: SqlDialect,
  ) {}

  /**
   * Write a unit's events, in the unit's transaction: one counter update per
   * agent (which also serializes that agent's events across nodes) and one
   * insert per event. Returns them as stored, in the order raised.
   */
  async append(events: readonly NewEvent[], now: Date): Promise<StoredEvent[]> {
    const counts = new Map<string, number>();
    for (const { event } of events) counts.set(event.user, (counts.get(event.user) ?? 0) + 1);
    // The next number to give each agent's events in this unit.
    const next = new Map<string, number>();
    // Counters in one order (by user) in every transaction: two units raising events for the same agents never deadlock.
    for (const user of [...counts.keys()].sort()) {
      const count = counts.get(user)!;
      next.set(user, (await this.reserveSequence(user, count)) - count + 1);
    }

    const at = sqlDateTime(now);
    const stored: StoredEvent[] = [];
    for (const { event, campaignId, commandId } of events) {
      const seq = next.get(event.user)!;
      next.set(event.user, seq + 1);
      const row = fitRow('agentgate_events', {
        user: event.user,
        seq,
        campaign_id: campaignId,
        event_type: event.type,
        payload: JSON.stringify(event),
        command_id: commandId,
        created_at: at,
      });
      const result = await runTemplate(
        this.db,
        'events.insert',
        (arg) => this.db.insertInto('agentgate_events').values(mapValues(row, (name) => arg(name))),
        row,
      );
      stored.push({ id: Number(result.insertId), seq, user: row.user, campaignId: row.campaign_id ?? '', commandId, at, event });
    }
    return stored;
  }

  /** Add `count` to the agent's counter; returns the new value (the last number reserved). */
  private async reserveSequence(user: string, count: number): Promise<number> {
    if (this.dialect === 'mysql') {
      // LAST_INSERT_ID(expr) hands the new value back in the insert's answer: no second round trip.
      const result = await runTemplate(
        this.db,
        'events.sequence.mysql',
        (arg) =>
          this.db
            .insertInto('agentgate_agent_sequences')
            .values({ user: arg('user'), seq: sql`LAST_INSERT_ID(${arg('count')})` })
            .onDuplicateKeyUpdate({ seq: sql`LAST_INSERT_ID(seq + ${arg('count')})` }),
        { user, count },
      );
      return Number(result.insertId);
    }
    const result = await runTemplate(
      this.db,
      'events.sequence.sqlite',
      (arg) =>
        this.db
          .insertInto('agentgate_agent_sequences')
          .values({ user: arg('user'), seq: arg('count') })
          .onConflict((oc) => oc.column('user').doUpdateSet({ seq: sql`agentgate_agent_sequences.seq + excluded.seq` }))
          .returning('seq'),
      { user, count },
    );
    return Number(result.rows[0]!.seq);
  }

  /** Events after a log position, oldest first; only these agents' when `users` is given. */
  async after(afterId: number, limit: number, users?: readonly string[]): Promise<StoredEvent[]> {
    if (users?.length === 0) return [];
    let query = this.db.selectFrom('agentgate_events').select(COLUMNS).where('event_id', '>', afterId);
    if (users) query = query.where('user', 'in', users);
    const rows = await query.orderBy('event_id').limit(limit).execute();
    return rows.map(toStored);
  }

  /** One agent's events with afterSeq < seq < beforeSeq, in order: what fills a gap. */
  async ofAgent(user: string, afterSeq: number, beforeSeq: number): Promise<StoredEvent[]> {
    const rows = await this.db
      .selectFrom('agentgate_events')
      .select(COLUMNS)
      .where('user', '=', user)
      .where('seq', '>', afterSeq)
      .where('seq', '<', beforeSeq)
      .orderBy('seq')
      .execute();
    return rows.map(toStored);
  }

  /** The newest log position (0 for an empty log). */
  async lastId(): Promise<number> {
    const row = await this.db.selectFrom('agentgate_events').select((eb) => eb.fn.max('event_id').as('id')).executeTakeFirst();
    return Number(row?.id ?? 0);
  }

  /** The oldest position still kept, or undefined when the log is empty. */
  async oldestId(): Promise<number | undefined> {
    const row = await this.db.selectFrom('agentgate_events').select((eb) => eb.fn.min('event_id').as('id')).executeTakeFirst();
    return row?.id === null || row?.id === undefined ? undefined : Number(row.id);
  }

  /** Every agent's last sequence number. */
  async sequences(): Promise<Map<string, number>> {
    const rows = await this.db.selectFrom('agentgate_agent_sequences').select(['user', 'seq']).execute();
    return new Map(rows.map((r) => [r.user, Number(r.seq)]));
  }

  /**
   * Drop the events up to position `upTo`, and beyond the newest `keepRows`.
   * Returns how many went. The agents' counters stay: numbering goes on.
   */
  async prune(upTo: number, keepRows: number): Promise<number> {
    const cut = Math.max(upTo, (await this.lastId()) - keepRows);
    if (cut <= 0) return 0;
    const result = await this.db.deleteFrom('agentgate_events').where('event_id', '<=', cut).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
