/**
 * What changed in VICIdial's live sessions between two reads, as the session
 * events the embedded mode raises: a new row is `session.started`, a row that
 * reads differently (status, lead, call, pause code, a pending PAUSE/LOGOUT,
 * in-groups) is `session.changed`, a row gone is `session.ended`. Pure: the
 * watcher reads, this decides.
 */
import type { LiveAgent } from '../domain/live-agent.js';
import type { SessionEvent, SessionSnapshot } from '../events/session-events.js';
import { snapshotOf } from '../sessions/snapshot.js';

/** The cause the events carry: VICIdial's screen or dialer changed the row, not agentgate. */
export const VICIDIAL_CAUSE = 'vicidial';

export interface RaisedEvent {
  readonly event: SessionEvent;
  readonly campaignId: string;
}

export type Sessions = ReadonlyMap<string, SessionSnapshot>;

const same = (a: SessionSnapshot, b: SessionSnapshot) => JSON.stringify(a) === JSON.stringify(b);

export function diffSessions(before: Sessions, agents: readonly LiveAgent[]): { events: RaisedEvent[]; after: Map<string, SessionSnapshot> } {
  const after = new Map<string, SessionSnapshot>();
  // VICIdial keys the table by live_agent_id, not user: a repeated user reads as its last row.
  for (const agent of agents) after.set(agent.user, snapshotOf(agent));
  const events: RaisedEvent[] = [];
  for (const [user, session] of after) {
    const previous = before.get(user);
    if (!previous) events.push({ event: { type: 'session.started', user, session }, campaignId: session.campaignId });
    else if (!same(previous, session)) events.push({ event: { type: 'session.changed', user, session, cause: VICIDIAL_CAUSE }, campaignId: session.campaignId });
  }
  for (const [user, previous] of before)
    if (!after.has(user)) events.push({ event: { type: 'session.ended', user, cause: VICIDIAL_CAUSE }, campaignId: previous.campaignId });
  return { events, after };
}
