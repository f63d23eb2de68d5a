/**
 * What happens to a live session, as the outside world (agent screens,
 * wallboards, other nodes) hears it: plain types. The event bus (events/)
 * carries them; src/wire/agent-screen.ts hands them to the browser.
 */
import type { AgentStatus, CallKind, SessionPhase } from './live-agent.js';
import type { TelephonyState } from './telephony.js';

export interface SessionSnapshot {
  readonly user: string;
  readonly campaignId: string;
  readonly status: AgentStatus;
  readonly phase: SessionPhase;
  readonly leadId: number;
  readonly previewLeadId: number;
  readonly call: { readonly callerId: string; readonly kind: CallKind } | null;
  readonly pauseCode: string;
  /** A PAUSE or LOGOUT waiting for the disposition. */
  readonly pending: 'PAUSE' | 'LOGOUT' | null;
  readonly ingroups: readonly string[];
  readonly since: string;
  /** Calls the agent has taken today (vicidial_live_agents.calls_today). */
  readonly callsToday: number;
}

export type SessionEvent =
  | { readonly type: 'session.started'; readonly user: string; readonly session: SessionSnapshot }
  | { readonly type: 'session.changed'; readonly user: string; readonly session: SessionSnapshot; readonly cause: string }
  | { readonly type: 'session.ended'; readonly user: string; readonly cause: SessionEndCause | (string & {}) }
  /** The agent gave the call its status (the disposition step ended), before the session moves on. */
  | { readonly type: 'call.dispositioned'; readonly user: string; readonly leadId: number; readonly status: string }
  | { readonly type: 'lead.updated'; readonly user: string; readonly leadId: number; readonly fields: readonly string[] }
  | { readonly type: 'panel.refresh'; readonly user: string; readonly panels: readonly string[] }
  | {
      readonly type: 'timer.action';
      readonly user: string;
      readonly action: string;
      readonly message: string;
      readonly seconds: number;
    }
  | {
      readonly type: 'notification';
      readonly user: string;
      readonly notificationId: number;
      readonly text: string;
      readonly confetti: boolean;
    }
  /** The telephony side of a session changed: the call rang or was answered, parked, recorded, transferred… */
  | { readonly type: 'telephony'; readonly user: string; readonly state: TelephonyState };

export type SessionEventType = SessionEvent['type'];

/** Why a session ended, in the terms a screen tells its agent (other causes may be recorded). */
export type SessionEndCause = 'screen-logout' | 'api-logout' | 'logout-after-disposition' | 'timeout' | 'replaced';
