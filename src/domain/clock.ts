/**
 * Time, the way VICIdial writes it: local wall-clock text for DATETIME
 * columns and whole Unix seconds for epochs. A Clock is injected everywhere so
 * tests can move time (the 15-minute lockout, call durations).
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and advance. */
export class ManualClock implements Clock {
  constructor(private current = new Date('2026-11-28T10:00:00')) {}
  now(): Date {
    return new Date(this.current);
  }
  set(date: Date): void {
    this.current = new Date(date);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD HH:MM:SS` in local time (DATETIME columns, the version line). */
export function sqlDateTime(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(
    d.getMinutes(),
  )}:${pad(d.getSeconds())}`;
}

/** `YYYYMMDDHHMMSS` (entry_date written by external_add_lead). */
export function compactDateTime(d: Date): string {
  return sqlDateTime(d).replace(/[- :]/g, '');
}

/** `MMDDHHMMSS`, the time part of a VICIdial caller id. */
export function callerIdTime(d: Date): string {
  return compactDateTime(d).slice(4);
}

export function epochSeconds(d: Date): number {
  return Math.floor(d.getTime() / 1000);
}

/**
 * Parse a DATETIME column value as local time. Text that does not name a real
 * moment (2026-13-45, 25:61) gives undefined rather than rolling over.
 */
export function parseSqlDateTime(text: string | null | undefined): Date | undefined {
  if (!text) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?/.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi, s);
  const exact =
    date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d && h <= 23 && mi <= 59 && s <= 59;
  return exact ? date : undefined;
}

/** Exactly `YYYY-MM-DD HH:MM:SS`, naming a real moment. */
export function isSqlDateTime(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text) && parseSqlDateTime(text) !== undefined;
}
