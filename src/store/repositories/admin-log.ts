/** Reading the admin change log (vicidial_admin_log); rows are written by MessagesRepository.insertAdminLog. */
import type { Executor } from './executor.js';

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

  async list(filter: { section?: string; recordId?: string; before?: number }, limit: number): Promise<AdminLogRow[]> {
    let q = this.db.selectFrom('vicidial_admin_log').selectAll();
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
