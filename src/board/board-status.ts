/**
 * An agent's status in VICIdial's words, as its real-time report shows it:
 * the row's status, except PAUSED with a lead still on screen, which is the
 * disposition step (DISPO).
 */
import type { SessionSnapshot } from '../domain/session-events.js';
import type { BoardStatus } from '../wire/event-stream.js';

export function boardStatus(session: Pick<SessionSnapshot, 'status' | 'phase'>): BoardStatus {
  if (session.phase === 'disposition') return 'DISPO';
  return session.status;
}
