/**
 * The admin change log (vicidial_admin_log): every change made through the
 * console, the non-agent API or change_ingroups. event_sql holds a
 * description of the change — never SQL, never a secret.
 */
import { sqlDateTime } from '../../domain/clock.js';
import { sql } from 'kysely';
import { fitRow } from '../schema/fit-row.js';
import { usersOfGroups } from './audit-search.js';
import type { Executor } from './executor.js';

export interface AdminLogEntry {
  readonly user: string;
  readonly ip: string;
  readonly section: string;
  readonly type: 'ADD' | 'COPY' | 'MODIFY' | 'DELETE' | 'RESET' | 'OTHER';
  readonly recordId: string;
  readonly code: string;
  readonly description: string;
  readonly notes: string;
  readonly now: Date;
}

export interface AdminLogRow {
  readonly id: number;
  readonly date: string;
  readonly user: string;
  readonly ip: string;
  readonly section: string;
  readonly type: string;
  readonly recordId: string;
  readonly code: string;
  /** A description of the change (never SQL, never a secret). */
  readonly description: string;
  readonly notes: string;
}

export class AdminLogRepository {
  constructor(private readonly db: Executor) {}

  async insert(entry: AdminLogEntry): Promise<void> {
    await this.db
      .insertInto('vicidial_admin_log')
      .values(
        fitRow('vicidial_admin_log', {
          event_date: sqlDateTime(entry.now),
          user: entry.user,
          ip_address: entry.ip,
          event_section: entry.section,
          event_type: entry.type,
          record_id: entry.recordId,
          event_code: entry.code,
          event_sql: entry.description,
          event_notes: entry.notes,
        }),
      )
      .execute();
  }

  /** `byUsersInGroups`: only changes made by users of these groups (an administrator's reach). */
  async list(filter: { section?: string; recordId?: string; before?: number; byUsersInGroups?: readonly string[] | undefined }, limit: number): Promise<AdminLogRow[]> {
    let q = this.db.selectFrom('vicidial_admin_log').selectAll();
    if (filter.byUsersInGroups) q = q.where(sql<boolean>`${sql.ref('user')} in (${usersOfGroups(filter.byUsersInGroups)})`);
    if (filter.section) q = q.where('event_section', '=', filter.section);
    if (filter.recordId) q = q.where('record_id', '=', filter.recordId);
    if (filter.before) q = q.where('admin_log_id', '<', filter.before);
    const rows = await q.orderBy('admin_log_id', 'desc').limit(limit).execute();
    return rows.map((r) => ({
      id: Number(r.admin_log_id),
      date: r.event_date,
      user: r.user,
      ip: r.ip_address,
      section: r.event_section,
      type: r.event_type,
      recordId: r.record_id,
      code: r.event_code,
      description: r.event_sql ?? '',
      notes: r.event_notes ?? '',
    }));
  }
}
