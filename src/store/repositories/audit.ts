import { sqlDateTime } from '../../domain/clock.js';
import { fitRow } from '../schema/fit-row.js';
import type { Executor } from './executor.js';
import { ONE_ROW } from './one-row.js';
import { mapValues, runTemplate } from './templates.js';

export interface ApiLogEntry {
  readonly user: string;
  readonly script: 'agent' | 'non-agent';
  readonly function: string;
  readonly agentUser: string;
  readonly value: string;
  readonly result: string;
  readonly reason: string;
  readonly source: string;
  readonly data: string;
  readonly runTimeSeconds: number;
  readonly webserverId: number;
  readonly urlId: number;
  readonly remoteIp: string;
  /** The request URL with every secret already scrubbed. */
  readonly url: string;
  readonly at: Date;
}

/** vicidial_api_log and its companions (permissions.md §9). */
export class AuditRepository {
  constructor(private readonly db: Executor) {}

  /** One log row and its URL row; returns the api_id. */
  async insert(entry: ApiLogEntry): Promise<number> {
    const stamp = sqlDateTime(entry.at);
    const row = fitRow('vicidial_api_log', {
      user: entry.user,
      api_date: stamp,
      api_script: entry.script,
      function: entry.function,
      agent_user: entry.agentUser,
      value: entry.value,
      result: entry.result,
      result_reason: entry.reason,
      source: entry.source,
      data: entry.data.replaceAll('"', "'"),
      run_time: entry.runTimeSeconds.toFixed(6),
      webserver: entry.webserverId,
      api_url: entry.urlId,
    });
    const result = await runTemplate(
      this.db,
      'audit.insertLog',
      (arg) => this.db.insertInto('vicidial_api_log').values(mapValues(row, (name) => arg(name))),
      row,
    );
    const apiId = Number(result.insertId);
    const url = fitRow('vicidial_api_urls', { api_id: apiId, api_date: stamp, remote_ip: entry.remoteIp, url: entry.url });
    await runTemplate(this.db, 'audit.insertUrl', (arg) => this.db.insertInto('vicidial_api_urls').values(mapValues(url, (name) => arg(name))), url);
    return apiId;
  }

  /** vicidial_webservers id for (server name, host name), inserted when new. */
  async webserverId(webserver: string, hostname: string): Promise<number> {
    const find = () =>
      this.db
        .selectFrom('vicidial_webservers')
        .select('webserver_id')
        .where('webserver', '=', webserver)
        .where('hostname', '=', hostname)
        .executeTakeFirst();
    const found = await find();
    if (found) return Number(found.webserver_id);
    await this.db
      .insertInto('vicidial_webservers')
      .values(fitRow('vicidial_webservers', { webserver, hostname }))
      .orIgnore()
      .execute();
    return Number((await find())?.webserver_id ?? 0);
  }

  /** vicidial_urls id for a page URL, inserted when new. */
  async urlId(url: string): Promise<number> {
    const fitted = fitRow('vicidial_urls', { url }).url;
    const find = () => this.db.selectFrom('vicidial_urls').select('url_id').where('url', '=', fitted).executeTakeFirst();
    const found = await find();
    if (found) return Number(found.url_id);
    await this.db.insertInto('vicidial_urls').values({ url: fitted }).orIgnore().execute();
    return Number((await find())?.url_id ?? 0);
  }

  /**
   * The API user whose successful agent API request (`fn` for `agentUser`,
   * between `from` and `to`) wrote a command: who asked for a pending PAUSE or LOGOUT.
   */
  async requestedBy(agentUser: string, fn: string, from: Date, to: Date): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('vicidial_api_log')
      .select('user')
      .where('api_date', '>=', sqlDateTime(from))
      .where('api_date', '<=', sqlDateTime(to))
      .where('agent_user', '=', agentUser)
      .where('function', '=', fn)
      .where('result', '=', 'SUCCESS')
      .orderBy('api_id', 'desc')
      .limit(ONE_ROW)
      .executeTakeFirst();
    return row?.user;
  }
}
