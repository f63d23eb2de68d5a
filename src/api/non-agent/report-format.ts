/**
 * How the non-agent reports print values (spec §2.4, §5): the delimiter
 * chosen by `stage`, the optional header row, durations and percentages.
 */
import { flag, text } from '../parameters.js';

/** What every report takes: its delimiter and an optional header row. */
export const REPORT_PARAMS = {
  stage: text('The delimiter of the report: csv, tab or pipe (the default).', 10).optional(),
  header: flag('YES: print a header row first.', ['YES', 'NO']).optional(),
};

export function delimiter(stage: string | undefined, allowNewline = false): string {
  switch (stage) {
    case 'csv':
      return ',';
    case 'tab':
      return '\t';
    case 'newline':
      return allowNewline ? '\n' : '|';
    default:
      return '|';
  }
}

export const wantsHeader = (header: string | undefined) => header === 'YES';

/** Rows joined by `dl`, each ending with a newline; the header first when asked. */
export function table(header: readonly string[] | undefined, rows: readonly (readonly (string | number)[])[], dl: string): string {
  const lines = header ? [header.join(dl)] : [];
  for (const row of rows) lines.push(row.join(dl));
  return lines.map((l) => `${l}\n`).join('');
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Seconds in VICIdial's time_format: HF/H → H:MM:SS, M → M:SS, S (or anything else) → seconds. */
export function formatDuration(seconds: number, format: string | undefined): string {
  const f = format || 'HF';
  const s = Math.round(Number.isFinite(seconds) ? seconds : 0);
  if (f === 'HF' || f === 'H') {
    if (s < 1) return '0:00:00';
    return `${Math.floor(s / 3600)}:${pad2(Math.floor((s % 3600) / 60))}:${pad2(s % 60)}`;
  }
  if (f === 'M') {
    if (s < 1) return '0:00';
    return `${Math.floor(s / 60)}:${pad2(s % 60)}`;
  }
  if (f === 'S') return String(Math.max(0, s));
  return s < 1 ? '0:00' : String(s);
}

/** PHP's round(x, 1) printed as PHP prints a float: no trailing zeros (100, 48.2). */
export function phpRound1(x: number): string {
  if (!Number.isFinite(x)) return '0';
  const r = Math.round(x * 10) / 10;
  return String(Object.is(r, -0) ? 0 : r);
}

/** a / b, 0 when b is 0 (VICIdial's MathZDC). */
export const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** A PHP float as PHP prints it (-4, 5.5). */
export function phpNumber(x: number): string {
  return String(Math.round(x * 100) / 100);
}
