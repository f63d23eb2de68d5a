/**
 * The audit log as CSV. Rows come from the store with secrets already
 * scrubbed; the URL is scrubbed again here in case a row predates that, and
 * cells that a spreadsheet would run as a formula are neutralised.
 */
import type { AuditRow } from '../store/repositories/audit-search.js';

export const CSV_HEADER = ['api_id', 'date', 'script', 'api_user', 'agent_user', 'function', 'value', 'result', 'reason', 'source', 'remote_ip', 'run_time', 'detail', 'url'];

/** pass, agent_pass, phone_pass (also as pass[]) never leave, whatever a stored URL holds. */
export function scrubStoredUrl(url: string): string {
  return url.replace(/((?:^|[?&])(?:agent_|phone_)?pass(?:%5B%5D|\[\])?=)[^&]*/gi, '$1***');
}

function cell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly (string | number)[]): string {
  return `${values.map(cell).join(',')}\r\n`;
}

export function auditCsvLine(r: AuditRow): string {
  return csvLine([r.apiId, r.date, r.script, r.user, r.agentUser, r.function, r.value, r.result, r.reason, r.source, r.remoteIp, r.runTime, r.data, scrubStoredUrl(r.url)]);
}
