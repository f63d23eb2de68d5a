/**
 * VICIdial's response lines: `<RESULT>: <reason> - <f1>|<f2>|…\n`.
 * Each reply also says what goes into the audit row, so the words on the wire
 * and the words in vicidial_api_log can never disagree.
 */

export type Result = 'SUCCESS' | 'ERROR' | 'NOTICE';

export interface Line {
  readonly result: Result;
  readonly reason: string;
  /** The exact text sent, including its newline (or not, where VICIdial omits it). */
  readonly text: string;
}

/** The normal layout: `RESULT: reason - f1|f2|…` followed by a newline. */
export function line(result: Result, reason: string, fields: readonly (string | number)[] = []): Line {
  return { result, reason, text: `${result}: ${reason} - ${fields.join('|')}\n` };
}

/** The same layout without the trailing newline (calls_in_queue_count and a few others). */
export function bareLine(result: Result, reason: string, fields: readonly (string | number)[]): Line {
  return { result, reason, text: `${result}: ${reason} - ${fields.join('|')}` };
}

/** A line whose text does not follow the standard layout. */
export function customLine(result: Result, reason: string, text: string): Line {
  return { result, reason, text };
}

export const success = (reason: string, fields?: readonly (string | number)[]) => line('SUCCESS', reason, fields);
export const error = (reason: string, fields?: readonly (string | number)[]) => line('ERROR', reason, fields);
export const notice = (reason: string, fields?: readonly (string | number)[]) => line('NOTICE', reason, fields);

export interface Reply {
  /** Lines in the order they are sent; the last one is the outcome. */
  readonly lines: readonly Line[];
  readonly httpStatus?: number;
  /** HTTP headers of this reply (Retry-After of a throttled login, call_dispo_report's CSV download). */
  readonly headers?: Readonly<Record<string, string>>;
  /** vicidial_api_log.value when the function rewrote it (external_status, recording). */
  readonly auditValue?: string;
  /** vicidial_api_log.data (function specific, often the epoch). */
  readonly auditData?: string;
  /** vicidial_api_log.agent_user when it is not the resolved agent (send_notification). */
  readonly auditAgentUser?: string;
  /** The precise, server-side-only reason of a refusal (never sent to the client). */
  readonly auditDetail?: string;
}

export const reply = (...lines: Line[]): Reply => ({ lines });

export function replyText(r: Reply): string {
  return r.lines.map((l) => l.text).join('');
}

export function outcome(r: Reply): Line {
  const last = r.lines[r.lines.length - 1];
  if (!last) throw new Error('a reply needs at least one line');
  return last;
}
