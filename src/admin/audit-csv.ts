/**
 * Audit rows as the console shows and exports them. agentgate stores them
 * without secrets, but on a database shared with VICIdial its own api.php
 * writes the password into the URL record and, on a failed login, into
 * `data` (permissions.md §10 #2, #3): both are scrubbed again here. CSV cells
 * that a spreadsheet would run as a formula are neutralised.
 */
import type { AuditRow } from '../store/repositories/audit-search.js';

export const CSV_HEADER = ['api_id', 'date', 'script', 'api_user', 'agent_user', 'function', 'value', 'result', 'reason', 'source', 'remote_ip', 'run_time', 'detail', 'url'];

/** pass, agent_pass, phone_pass (also as pass[]) never leave, whatever a stored URL holds. */
export function scrubStoredUrl(url: string): string {
  return url.replace(/((?:^|[?&])(?:agent_|phone_)?pass(?:%5B%5D|\[\])?=)[^&]*/gi, '$1***');
}

/** agentgate's failed-login detail: `<user>|<reason>|`. Anything else on such a row may hold a password. */
export const OWN_LOGIN_DETAIL = /^[^|]*\|(BAD|LOCK|NOUSER|INACTIVE|LEVEL0|IPBLOCK|NOAPI|SHORT)\|$/;

export function shownAuditRow(row: AuditRow): AuditRow {
  const loginFailure = row.reason.startsWith('Invalid Username/Password');
  const data = loginFailure && !OWN_LOGIN_DETAIL.test(row.data) ? `${row.user}|(hidden)|` : row.data;
  return { ...row, data, url: scrubStoredUrl(row.url) };
}

function cell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly (string | number)[]): string {
  return `${values.map(cell).join(',')}\r\n`;
}

export function auditCsvLine(row: AuditRow): string {
  const r = shownAuditRow(row);
  return csvLine([r.apiId, r.date, r.script, r.user, r.agentUser, r.function, r.value, r.result, r.reason, r.source, r.remoteIp, r.runTime, r.data, r.url]);
}
