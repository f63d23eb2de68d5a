/**
 * The whole picture a stream starts with: every agent the caller may see,
 * each with the last sequence number of its events at that moment, and the
 * log position the picture stands at. Whatever the stream sends after it is
 * what happened after it: an event whose seq the snapshot already counts is
 * not sent again.
 */
import { snapshotOf } from '../sessions/snapshot.js';
import type { Store } from '../store/store.js';
import type { BoardAgent } from '../wire/event-stream.js';
import type { BoardScope } from './board-scope.js';
import { boardAgent } from './event-projector.js';

export interface AgentPicture {
  /** The log position the picture stands at: a resume from here misses nothing. */
  readonly position: number;
  readonly agents: readonly BoardAgent[];
  /** Every agent's last seq (all agents, visible or not): the stream sends only later events. */
  readonly sequences: ReadonlyMap<string, number>;
  /** The visible agents on a call now (their call is answered). */
  readonly onCall: readonly string[];
}

/** Read in one unit of work, so that position, sequences and sessions agree (as far as the database's isolation lets them). */
export async function agentPicture(store: Store, scope: BoardScope, nameOf: (user: string) => Promise<string>): Promise<AgentPicture> {
  // Position and sequences first: an event committed between the reads is then sent again, never lost — and dropped by seq.
  const position = await store.events.lastId();
  const sequences = await store.events.sequences();
  const sessions = (await store.liveAgents.list()).filter((a) => scope.allowsCampaign(a.campaignId));
  const agents: BoardAgent[] = [];
  const onCall: string[] = [];
  for (const agent of sessions) {
    const session = snapshotOf(agent);
    agents.push(boardAgent(session, await nameOf(agent.user), sequences.get(agent.user) ?? 0));
    if (session.phase === 'on-call') onCall.push(agent.user);
  }
  return { position, agents, sequences, onCall };
}
