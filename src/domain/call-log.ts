/**
 * Call history as VICIdial's reports read it: one record per outbound call
 * (vicidial_log), per inbound or transferred call (vicidial_closer_log), and
 * the agent's time split into pause, wait, talk and disposition seconds
 * (vicidial_agent_log).
 */

/** Who or what ended a call (term_reason). */
export type TermReason = 'CALLER' | 'AGENT' | 'QUEUETIMEOUT' | 'ABANDON' | 'NONE' | 'SYSTEM';

export interface CallRecord {
  readonly uniqueId: string;
  readonly leadId: number;
  readonly listId: number;
  /** The campaign (outbound) or in-group (inbound). */
  readonly queue: string;
  readonly startedAt: Date;
  readonly phoneCode: string;
  readonly phoneNumber: string;
  readonly user: string;
  readonly userGroup: string;
  readonly status: string;
  /** MANUAL, AUTO… (outbound comments). */
  readonly comments: string;
  readonly calledCount: number;
  /** Inbound only: the agent a call was meant for (AGENTDIRECT). */
  readonly agentOnly?: string;
}

export interface CallEnd {
  readonly endedAt: Date;
  readonly termReason: TermReason;
  readonly status?: string;
  readonly user?: string;
}

/** One row of the agent's time: the spans that have started carry their epoch. */
export interface AgentTimeRow {
  readonly id: number;
  readonly pauseEpoch: number | null;
  readonly waitEpoch: number | null;
  readonly talkEpoch: number | null;
  readonly dispoEpoch: number | null;
  readonly pauseSec: number;
  readonly waitSec: number;
  readonly talkSec: number;
  readonly dispoSec: number;
  readonly leadId: number;
  readonly uniqueId: string;
  /** The kind of call of this row: MANUAL, AUTO, INBOUND. */
  readonly comments: string;
}

export type PauseType = 'UNDEFINED' | 'SYSTEM' | 'AGENT' | 'API' | 'ADMIN';

/** What changes on an agent time row; undefined keeps a column. */
export type AgentTimeChanges = Partial<{
  pauseEpoch: number;
  pauseSec: number;
  waitEpoch: number;
  waitSec: number;
  talkEpoch: number;
  talkSec: number;
  dispoEpoch: number;
  dispoSec: number;
  leadId: number;
  uniqueId: string;
  comments: string;
  status: string;
  subStatus: string;
  pauseType: PauseType;
}>;
