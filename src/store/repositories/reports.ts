/** Live state and call/agent history, read by the non-agent reports. */
import type { Insertable } from 'kysely';
import type { Database } from '../schema/database.js';
import { fitRow } from '../schema/fit-row.js';
import type { Executor } from './executor.js';

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
}
