/**
 * What GET /api/v2/events sends, as types. A copy of agentgate's
 * src/wire/event-stream.ts (the package stands alone and cannot import the
 * server's files); test/sdk/event-types.test.ts fails to compile when the two
 * drift apart.
 */

/** VICIdial's words for what an agent is doing; DISPO is PAUSED with a lead still on screen (the real-time report's word). */
export type BoardStatus = 'READY' | 'QUEUE' | 'INCALL' | 'PAUSED' | 'CLOSER' | 'MQUEUE' | 'DISPO';

export interface BoardAgent {
  readonly user: string;
  readonly name: string;
  readonly campaign: string;
  readonly status: BoardStatus;
  readonly pauseCode: string;
  /** When the agent entered this status (ISO 8601). */
  readonly since: string;
  /** The lead on the agent's screen, 0 when none. */
  readonly leadId: number;
  readonly callsToday: number;
  /** The agent's last event sequence number: the events that follow it carry seq + 1, + 2… (some kinds are not sent). */
  readonly seq: number;
}

export interface BoardQueue {
  readonly id: string;
  readonly kind: 'INGROUP' | 'CAMPAIGN';
  readonly waiting: number;
  /** When the longest-waiting call entered the queue (ISO 8601), null when none waits. */
  readonly oldestSince: string | null;
  /** Its wait in seconds when this was sent. */
  readonly longestWaitSeconds: number;
}

/** Today's calls over the queues the caller may see. */
export interface BoardToday {
  readonly calls: number;
  readonly answered: number;
  readonly dropped: number;
  /** Inbound calls answered within SERVICE_LEVEL_SECONDS, as a percent of inbound calls (null when there were none). */
  readonly serviceLevel: number | null;
  readonly serviceLevelSeconds: number;
  /** Calls per disposition status. */
  readonly dispositions: Readonly<Record<string, number>>;
}

/** `event: snapshot` — the whole picture: first on every connection, and again (reset: true) when a resume is too old. */
export interface BoardSnapshot {
  readonly reset: boolean;
  readonly at: string;
  /** Whether this caller may send commands (Agent API Access) or only read (reporting rights). */
  readonly access: 'agent-api' | 'reports';
  readonly agents: readonly BoardAgent[];
  readonly queues: readonly BoardQueue[];
  readonly today: BoardToday;
}

/** What every event taken from the event log carries (its SSE `id:` is the log id). */
export interface LoggedEventBase {
  readonly id: number;
  readonly user: string;
  readonly seq: number;
  readonly campaign: string;
  /** The command (any face) whose effect this event shows; null when none caused it. */
  readonly command_id: string | null;
  readonly at: string;
}

/** `event: agent` — an agent logged in, changed status or pause code; `cause` says why (VICIdial-neutral words). */
export interface AgentEvent extends LoggedEventBase {
  readonly kind: 'login' | 'status';
  readonly cause: string;
  readonly agent: BoardAgent;
}

/** `event: logout`. */
export interface LogoutEvent extends LoggedEventBase {
  readonly cause: string;
}

/** `event: call` — a call offered to (ringing), answered by, or ended at an agent. */
export interface CallEvent extends LoggedEventBase {
  readonly call: 'offered' | 'answered' | 'ended';
  readonly leadId: number;
}

/** `event: disposition` — the agent gave the call its status. */
export interface DispositionEvent extends LoggedEventBase {
  readonly leadId: number;
  readonly status: string;
}

/** `event: lead` — fields of the agent's lead changed (names only). */
export interface LeadEvent extends LoggedEventBase {
  readonly leadId: number;
  readonly fields: readonly string[];
}

/** `event: queues` and `event: today` are state, not log entries: they carry no id and are sent again after a resume. */
export interface QueuesEvent {
  readonly queues: readonly BoardQueue[];
}

export type StreamEventMap = {
  snapshot: BoardSnapshot;
  agent: AgentEvent;
  logout: LogoutEvent;
  call: CallEvent;
  disposition: DispositionEvent;
  lead: LeadEvent;
  queues: QueuesEvent;
  today: BoardToday;
};

export type StreamEventName = keyof StreamEventMap;

/** One event of the stream: `event` names it and decides the shape of `data`. */
export type StreamEvent = {
  readonly [K in StreamEventName]: {
    readonly event: K;
    /** The SSE id: the log id of logged events and of the snapshot; undefined for queues and today. */
    readonly id: string | undefined;
    readonly data: StreamEventMap[K];
  };
}[StreamEventName];

/** The names this client knows: a record, so a name added to StreamEventMap and not here fails to compile. */
const KNOWN: Readonly<Record<StreamEventName, true>> = { snapshot: true, agent: true, logout: true, call: true, disposition: true, lead: true, queues: true, today: true };

export function isStreamEventName(name: string): name is StreamEventName {
  return Object.hasOwn(KNOWN, name);
}
