/**
 * What the outside world (agent screens, wallboards, other nodes) hears about
 * live sessions. Events are published only after the change has committed.
 */
import type { AgentStatus, CallKind } from '../domain/live-agent.js';
import type { TelephonyState } from '../domain/telephony.js';

export interface SessionSnapshot {
  readonly user: string;
  readonly campaignId: string;
  readonly status: AgentStatus;
  readonly phase: 'ready' | 'paused' | 'on-call' | 'disposition' | 'preview';
  readonly leadId: number;
  readonly previewLeadId: number;
  readonly call: { readonly callerId: string; readonly kind: CallKind } | null;
  readonly pauseCode: string;
  /** A PAUSE or LOGOUT waiting for the disposition. */
  readonly pending: 'PAUSE' | 'LOGOUT' | null;
  readonly ingroups: readonly string[];
  readonly since: string;
}

export type SessionEvent =
  | { readonly type: 'session.started'; readonly user: string; readonly session: SessionSnapshot }
  | { readonly type: 'session.changed'; readonly user: string; readonly session: SessionSnapshot; readonly cause: string }
  | { readonly type: 'session.ended'; readonly user: string; readonly cause: string }
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
