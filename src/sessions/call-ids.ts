import { callerIdTime, epochSeconds } from '../domain/clock.js';
import type { CallKind } from '../domain/live-agent.js';

const PREFIX: Record<CallKind, string> = { MANUAL: 'M', AUTO: 'V', INBOUND: 'Y' };

/** VICIdial's 20-character caller id: kind letter, MMDDHHMMSS, lead id in 9 digits. */
export function callerIdFor(kind: CallKind, leadId: number, at: Date): string {
  return `${PREFIX[kind]}${callerIdTime(at)}${String(leadId % 1e9).padStart(9, '0')}`;
}

let sequence = 0;

/** An Asterisk-style unique id, `<epoch>.<n>`. */
export function uniqueIdFor(at: Date): string {
  sequence = (sequence + 1) % 100000;
  return `${epochSeconds(at)}.${sequence}`;
}
