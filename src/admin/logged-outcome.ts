/**
 * What really happened to a logged request, in words, for explain opened
 * from the audit log. Explain never knows the password, so when a wrong one
 * refused the request, its verdict says nothing about that: the console must
 * show the logged refusal, not a green "allowed".
 */
import { credentialFailureWords, type CredentialFailure } from '../access/auth-explained.js';
import type { AuditRowView, LoggedExplanation } from '../wire/admin.js';
import { OWN_LOGIN_DETAIL } from './audit-csv.js';

const LOGIN_FAILURE = 'Invalid Username/Password';
/** The reasons explain does not test: the password's value and its length. */
const PASSWORD_REASONS = new Set<CredentialFailure>(['BAD', 'SHORT']);

export function loggedOutcome(row: AuditRowView): LoggedExplanation['outcome'] {
  if (row.result !== 'ERROR') return { refused: false, summary: `${row.result}: ${row.reason}`, beyondExplain: false };
  if (!row.reason.startsWith(LOGIN_FAILURE)) return { refused: true, summary: `refused: ${row.reason}`, beyondExplain: false };
  const code = OWN_LOGIN_DETAIL.exec(row.data)?.[1] as CredentialFailure | undefined;
  // Without agentgate's reason code (a row VICIdial wrote), the password may have been the cause.
  if (!code) return { refused: true, summary: `refused: ${LOGIN_FAILURE}`, beyondExplain: true };
  return { refused: true, summary: `refused: ${credentialFailureWords(code, row.user).detail}`, beyondExplain: PASSWORD_REASONS.has(code) };
}
