/**
 * VICIdial's daylight-saving rules (DST_range codes, spec §4.4 step 5) and
 * the offset a lead has now. Pure: the caller supplies the moment.
 */

/** The n-th (1-based) Sunday of a month, or the last one with n = -1 (UTC date parts). */
function sunday(year: number, month: number, n: number): number {
  if (n > 0) {
    const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
    return 1 + ((7 - first) % 7) + (n - 1) * 7;
  }
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return lastDay.getUTCDate() - lastDay.getUTCDay();
}

type Edge = readonly [month: number, nth: number];
interface Rule {
  readonly start: Edge;
  readonly end: Edge;
  readonly hour: number;
}

const RULES: Readonly<Record<string, Rule>> = {
  'SSM-FSN': { start: [2, 2], end: [10, 1], hour: 2 },
  'FSA-LSO': { start: [3, 1], end: [9, -1], hour: 2 },
  'LSM-LSO': { start: [2, -1], end: [9, -1], hour: 1 },
  'LSO-LSM': { start: [9, -1], end: [2, -1], hour: 1 },
  'FSO-LSM': { start: [9, 1], end: [2, -1], hour: 1 },
  'FSO-FSA': { start: [9, 1], end: [3, 1], hour: 1 },
  'FSO-TSM': { start: [9, 1], end: [2, 3], hour: 1 },
  'LSS-FSA': { start: [8, -1], end: [3, 1], hour: 1 },
  'TSO-LSF': { start: [9, 3], end: [1, -1], hour: 1 },
};

/**
 * Is daylight saving in effect under `range` at a wall-clock moment, given as
 * a Date whose UTC fields hold the local wall-clock time?
 */
export function dstInEffect(range: string, localWallClock: Date): boolean {
  const rule = RULES[range];
  if (!rule) return false;
  const year = localWallClock.getUTCFullYear();
  const at = (edge: Edge) => Date.UTC(year, edge[0], sunday(year, edge[0], edge[1]), rule.hour);
  const t = localWallClock.getTime();
  const start = at(rule.start);
  const end = at(rule.end);
  // Northern rules start before they end within a year; southern ones wrap around the new year.
  return start < end ? t >= start && t < end : t >= start || t < end;
}

/** A stored offset text ('-5.00', '+10.00') as a number of hours; undefined when not a number. */
export function parseOffset(text: string | null | undefined): number | undefined {
  if (text === null || text === undefined) return undefined;
  const n = Number.parseFloat(text.replace('+', ''));
  return Number.isFinite(n) ? n : undefined;
}

/** The wall clock at a standard offset, as a Date whose UTC fields hold local time. */
export function wallClockAt(now: Date, offsetHours: number): Date {
  return new Date(now.getTime() + offsetHours * 3_600_000);
}

/** The offset a lead has now: standard offset plus one hour while its DST rule is in effect. */
export function currentOffset(standard: number, dstRange: string, now: Date): number {
  return dstInEffect(dstRange, wallClockAt(now, standard)) ? standard + 1 : standard;
}
