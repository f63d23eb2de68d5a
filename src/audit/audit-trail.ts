/**
 * The audit trail: every request, accepted or refused, writes a
 * vicidial_api_log row and its vicidial_api_urls row inside the same
 * transaction as the request's effect — one pair per line of the reply, as
 * VICIdial's api_log() does (a NOTICE before the final line has its own row).
 * Stored URLs have their secrets scrubbed before they get here.
 */
import os from 'node:os';
import type { Unit } from '../app/unit-of-work.js';
import { outcome, type Reply } from '../api/legacy/lines.js';
import type { LegacyRequest } from '../api/legacy/legacy-request.js';

export interface AuditEntry {
  readonly request: LegacyRequest;
  readonly p: Readonly<Record<string, string>>;
  readonly reply: Reply;
  readonly agentUser: string;
}

export class AuditTrail {
  /** webserver and page-URL ids rarely change: remember them after the first lookup. */
  private readonly webserverIds = new Map<string, number>();
  private readonly urlIds = new Map<string, number>();

  constructor(private readonly script: 'agent' | 'non-agent') {}

  /** Write the reply's rows; returns the api_id of the last one. */
  async record(unit: Unit, entry: AuditEntry): Promise<number> {
    const { request, p, reply } = entry;
    const last = outcome(reply);
    const runTime = Number(process.hrtime.bigint() - request.receivedAt) / 1e9;
    const webserverId = await this.webserverId(unit, request.serverName);
    const urlId = await this.urlId(unit, request.pageUrl);
    let apiId = 0;
    for (const line of reply.lines) {
      apiId = await unit.store.audit.insert({
        user: p.user ?? '',
        script: this.script,
        function: p.function ?? '',
        agentUser: entry.agentUser,
        value: reply.auditValue ?? p.value ?? '',
        result: line.result,
        reason: line.reason,
        source: p.source ?? '',
        data: line === last ? (reply.auditDetail ?? reply.auditData ?? '') : '',
        runTimeSeconds: runTime,
        webserverId,
        urlId,
        remoteIp: request.remoteIp,
        url: request.auditUrl,
        at: unit.now,
      });
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
