/**
 * The audit trail: every request, accepted or refused, writes a
 * vicidial_api_log row and its vicidial_api_urls row inside the same
 * transaction as the request's effect — one pair per line of the reply, as
 * VICIdial's api_log() does (a NOTICE before the final line has its own row).
 * It takes a plain entry, so any face (legacy or JSON) can be audited alike;
 * stored URLs have their secrets scrubbed before they get here.
 */
import os from 'node:os';
import type { Unit } from '../store/unit-of-work.js';

export interface AuditEntry {
  readonly user: string;
  readonly function: string;
  readonly agentUser: string;
  readonly value: string;
  readonly source: string;
  /** One row per answer line, in the order sent; the last is the outcome. */
  readonly lines: readonly { readonly result: string; readonly reason: string }[];
  /** vicidial_api_log.data of the outcome row. */
  readonly data: string;
  readonly remoteIp: string;
  /** The request URL, secrets scrubbed (vicidial_api_urls.url). */
  readonly url: string;
  /** scheme://host[:port]/path (vicidial_urls). */
  readonly pageUrl: string;
  readonly serverName: string;
  /** process.hrtime.bigint() when the request arrived (run_time). */
  readonly receivedAt: bigint;
  /** The API key the request was made with: its name goes beside every row (agentgate_api_log_keys). */
  readonly apiKey?: { readonly id: number; readonly name: string } | undefined;
}

export class AuditTrail {
  /** webserver and page-URL ids rarely change: remember them after the first lookup. */
  private readonly webserverIds = new Map<string, number>();
  private readonly urlIds = new Map<string, number>();

  constructor(private readonly script: 'agent' | 'non-agent') {}

  /** Write the entry's rows; returns the api_id of the last one. */
  async record(unit: Unit, entry: AuditEntry): Promise<number> {
    const runTime = Number(process.hrtime.bigint() - entry.receivedAt) / 1e9;
    const webserverId = await this.webserverId(unit, entry.serverName);
    const urlId = await this.urlId(unit, entry.pageUrl);
    const last = entry.lines.length - 1;
    let apiId = 0;
    for (const [index, line] of entry.lines.entries()) {
      apiId = await unit.store.audit.insert({
        user: entry.user,
        script: this.script,
        function: entry.function,
        agentUser: entry.agentUser,
        value: entry.value,
        result: line.result,
        reason: line.reason,
        source: entry.source,
        data: index === last ? entry.data : '',
        runTimeSeconds: runTime,
        webserverId,
        urlId,
        remoteIp: entry.remoteIp,
        url: entry.url,
        at: unit.now,
      });
      if (entry.apiKey) await unit.store.apiKeys.recordUse(apiId, entry.apiKey);
    }
    return apiId;
  }

  private async webserverId(unit: Unit, serverName: string): Promise<number> {
    const key = serverName || 'X';
    let id = this.webserverIds.get(key);
    if (id === undefined) {
      id = await unit.store.audit.webserverId(key, os.hostname());
      this.webserverIds.set(key, id);
    }
    return id;
  }

  private async urlId(unit: Unit, pageUrl: string): Promise<number> {
    let id = this.urlIds.get(pageUrl);
    if (id === undefined) {
      id = await unit.store.audit.urlId(pageUrl);
      this.urlIds.set(pageUrl, id);
    }
    return id;
  }
}
