/**
 * VICIdial's call times: daily dialing windows as HHMM integers (900 = 09:00),
 * with a default window used on days whose start and stop are both 0
 * (spec §4.5). Pure: the caller supplies the moment and the lead's offset.
 */
import { wallClockAt } from './dst-rules.js';

export interface CallWindow {
  readonly start: number;
  readonly stop: number;
}

export interface CallTime {
  readonly id: string;
  readonly defaultWindow: CallWindow;
  /** Sunday first, as PHP's date('w'). */
  readonly days: readonly CallWindow[];
  /** ct_state_call_times: the state rules that may replace these windows. */
  readonly stateCallTimeIds: readonly string[];
}

/** Is a lead at `offsetHours` inside the call time at `now`? (VICIdial's dialable_gmt: 1 or 0.) */
export function dialableNow(callTime: CallTime, offsetHours: number, now: Date): boolean {
  const local = wallClockAt(now, offsetHours);
  const hhmm = local.getUTCHours() * 100 + local.getUTCMinutes();
  const today = callTime.days[local.getUTCDay()];
  const window = !today || (today.start === 0 && today.stop === 0) ? callTime.defaultWindow : today;
  return window.start <= hhmm && hhmm < window.stop;
}

/** ct_state_call_times ('|a|b|') as ids. */
export function parsePipeList(text: string | null | undefined): string[] {
  return (text ?? '').split('|').filter((id) => id.length > 0);
}
