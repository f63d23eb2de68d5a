/**
 * The wallboard's picture, kept up to date from the event stream: the
 * snapshot replaces it, each event changes the part it is about.
 */
import type { BoardAgent, BoardQueue, BoardToday, StreamEventMap, StreamEventName } from '../../src/wire/event-stream';

export interface Board {
  readonly agents: ReadonlyMap<string, BoardAgent>;
  readonly queues: readonly BoardQueue[];
  readonly today: BoardToday | null;
  /** Server time minus browser time, from the snapshot: times in status count on the server's clock. */
  readonly clockOffsetMs: number;
}

export const EMPTY_BOARD: Board = { agents: new Map(), queues: [], today: null, clockOffsetMs: 0 };

export type StreamEvent = { [K in StreamEventName]: { readonly name: K; readonly data: StreamEventMap[K] } }[StreamEventName];

export function applyEvent(board: Board, event: StreamEvent): Board {
  switch (event.name) {
    case 'snapshot':
      return {
        agents: new Map(event.data.agents.map((a) => [a.user, a])),
        queues: event.data.queues,
        today: event.data.today,
        clockOffsetMs: Date.parse(event.data.at) - Date.now(),
      };
    case 'agent': {
      const agents = new Map(board.agents);
      agents.set(event.data.user, event.data.agent);
      return { ...board, agents };
    }
    case 'logout': {
      const agents = new Map(board.agents);
      agents.delete(event.data.user);
      return { ...board, agents };
    }
    case 'queues':
      return { ...board, queues: event.data.queues };
    case 'today':
      return { ...board, today: event.data };
    case 'call':
    case 'disposition':
    case 'lead':
      // Shown through the status and today's figures that follow them.
      return board;
  }
}
