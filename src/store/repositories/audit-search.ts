/**
 * Reading the API audit trail back (vicidial_api_log with the client address
 * from vicidial_api_urls): filtered pages, newest first, by api_id so paging
 * over millions of rows stays an index walk; and per-user function usage.
 */
import { sql } from 'kysely';
import { sqlDateTime } from '../../domain/clock.js';
import type { Executor } from './executor.js';

export interface AuditFilter {
  readonly apiUser?: string | undefined;
  readonly agentUser?: string | undefined;
  readonly function?: string | undefined;
  readonly result?: string | undefined;
  readonly source?: string | undefined;
  readonly remoteIp?: string | undefined;
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
  /** Only rows older than this api_id (the cursor of the previous page). */
  readonly before?: number | undefined;
  /**
   * An administrator's reach: only rows whose API user, and agent user when
   * there is one, belong to these user groups ('' also admits none).
   */
  readonly usersInGroups?: readonly string[] | undefined;
}

export interface AuditRow {
  readonly apiId: number;
  readonly date: string;
  readonly script: string;
  readonly user: string;
  readonly agentUser: string;
  readonly function: string;
  readonly value: string;
  readonly result: string;
  readonly reason: string;
  readonly source: string;
  /** The server-side detail (the reason code of a failed login; never a secret). */
  readonly data: string;
  readonly runTime: string;
  readonly remoteIp: string;
  /** The request URL, secrets already scrubbed when it was stored. */
  readonly url: string;
}

export interface FunctionUsage {
  readonly function: string;
  readonly calls: number;
  readonly successes: number;
  /** Refused by API Allowed Functions. */
  readonly refused: number;
  /** Calls that passed every gate up to the function itself: the function was really used. */
  readonly admitted: number;
}

/** The reason of the allowed-functions refusal (permissions.md §3). */
export const PERMISSION_REASON = 'auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION';
/** Reasons of refusals before the function is reached (permissions.md §1). */
const NOT_ADMITTED = [PERMISSION_REASON, 'Invalid Username/Password', 'Invalid Source', 'System API NOT ACTIVE', 'function not valid'];

/** SELECT user FROM vicidial_users of these groups ('' also admits NULL); nobody for no groups. */
export function usersOfGroups(groups: readonly string[]) {
  if (groups.length === 0) return sql`select user from vicidial_users where 1 = 0`;
  const orNull = groups.includes('') ? sql` or user_group is null` : sql``;
  return sql`select ${sql.ref('user')} from vicidial_users where user_group in (${sql.join([...groups])})${orNull}`;
}

export class AuditSearchRepository {
  constructor(private readonly db: Executor) {}

  async search(filter: AuditFilter, limit: number): Promise<AuditRow[]> {
    let q = this.db
      .selectFrom('vicidial_api_log as l')
      .leftJoin('vicidial_api_urls as u', 'u.api_id', 'l.api_id')
      .select([
        'l.api_id',
        'l.api_date',
        'l.api_script',
        'l.user',
        'l.agent_user',
        'l.function',
        'l.value',
        'l.result',
        'l.result_reason',
        'l.source',
        'l.data',
        'l.run_time',
        'u.remote_ip',
        'u.url',
      ]);
    if (filter.apiUser) q = q.where('l.user', '=', filter.apiUser);
    if (filter.agentUser) q = q.where('l.agent_user', '=', filter.agentUser);
    if (filter.function) q = q.where('l.function', '=', filter.function);
    if (filter.result) q = q.where('l.result', '=', filter.result);
    if (filter.source) q = q.where('l.source', '=', filter.source);
    if (filter.remoteIp) q = q.where('u.remote_ip', '=', filter.remoteIp);
    if (filter.from) q = q.where('l.api_date', '>=', sqlDateTime(filter.from));
    if (filter.to) q = q.where('l.api_date', '<=', sqlDateTime(filter.to));
    if (filter.before) q = q.where('l.api_id', '<', filter.before);
    if (filter.usersInGroups) {
      const users = usersOfGroups(filter.usersInGroups);
      const [user, agent] = [sql.ref('l.user'), sql.ref('l.agent_user')];
      q = q.where(sql<boolean>`${user} in (${users}) and (${agent} = '' or ${agent} is null or ${agent} in (${users}))`);
    }
    const rows = await q.orderBy('l.api_id', 'desc').limit(limit).execute();
    return rows.map((r) => ({
      apiId: Number(r.api_id),
      date: String(r.api_date ?? ''),
      script: r.api_script ?? '',
      user: r.user,
      agentUser: r.agent_user ?? '',
      function: r.function,
      value: r.value ?? '',
      result: r.result ?? '',
      reason: r.result_reason ?? '',
      source: r.source ?? '',
      data: r.data ?? '',
      runTime: r.run_time ?? '',
      remoteIp: r.remote_ip ?? '',
      url: r.url ?? '',
    }));
  }

  async find(apiId: number, usersInGroups?: readonly string[]): Promise<AuditRow | undefined> {
    return (await this.search({ before: apiId + 1, usersInGroups }, 1)).find((r) => r.apiId === apiId);
  }

  /** Each function an API user called in the period, with how it went. */
  async usage(user: string, from: Date, to: Date): Promise<FunctionUsage[]> {
    const rows = await this.db
      .selectFrom('vicidial_api_log')
      .select([
        'function',
        sql<number>`count(*)`.as('calls'),
        sql<number>`sum(case when result = 'SUCCESS' then 1 else 0 end)`.as('successes'),
        sql<number>`sum(case when result_reason = ${PERMISSION_REASON} then 1 else 0 end)`.as('refused'),
        sql<number>`sum(case when result_reason in (${sql.join(NOT_ADMITTED)}) then 0 else 1 end)`.as('admitted'),
      ])
      .where('user', '=', user)
      .where('api_date', '>=', sqlDateTime(from))
      .where('api_date', '<=', sqlDateTime(to))
      .groupBy('function')
      .orderBy('function')
      .execute();
    return rows.map((r) => ({
      function: r.function,
      calls: Number(r.calls),
      successes: Number(r.successes),
      refused: Number(r.refused),
      admitted: Number(r.admitted),
    }));
  }

  /** The last successful call of each of these users (absent: never). */
  async lastSuccess(users: readonly string[]): Promise<Map<string, string>> {
    if (users.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('vicidial_api_log')
      .select(['user', sql<string>`max(api_date)`.as('last')])
      .where('user', 'in', users)
      .where('result', '=', 'SUCCESS')
      .groupBy('user')
      .execute();
    return new Map(rows.map((r) => [r.user, String(r.last)]));
  }
}
