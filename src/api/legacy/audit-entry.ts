/** What a legacy request and its reply put into the audit trail. */
import type { AuditEntry } from '../../audit/audit-trail.js';
import type { LegacyRequest } from './legacy-request.js';
import type { Reply } from './lines.js';

export function auditEntry(
  request: LegacyRequest,
  p: Readonly<Record<string, string>>,
  reply: Reply,
  agentUser: string,
  apiKey?: { readonly id: number; readonly name: string },
): AuditEntry {
  return {
    user: p.user ?? '',
    function: p.function ?? '',
    agentUser,
    value: reply.auditValue ?? p.value ?? '',
    source: p.source ?? '',
    lines: reply.lines,
    data: reply.auditDetail ?? reply.auditData ?? '',
    remoteIp: request.remoteIp,
    url: request.auditUrl,
    pageUrl: request.pageUrl,
    serverName: request.serverName,
    receivedAt: request.receivedAt,
    ...(apiKey ? { apiKey: { id: apiKey.id, name: apiKey.name } } : {}),
  };
}
