/**
 * The agent screen's JSON, declared once for both ends: the server declares
 * what it sends with these types and the browser (web/agent) reads them with
 * `import type`, so a changed shape breaks the build instead of a screen.
 * Type-only. The session, its events and the telephony's view are the
 * domain's own types, passed on as they are.
 */
import type { AgentStatus, CallKind, SessionPhase } from '../domain/live-agent.js';
import type { SessionEndCause, SessionEvent, SessionSnapshot } from '../domain/session-events.js';
import type { CallState, TelephonyState } from '../domain/telephony.js';

export type { AgentStatus, CallKind, CallState, SessionEndCause, SessionEvent, SessionPhase, SessionSnapshot, TelephonyState };

/**
 * Close codes of the screen's WebSocket that the screen acts on: `loggedOut`, its login has
 * ended (logout on any node, a new password, deactivation): log in again, do not reconnect;
 * `tooSlow`, it did not read what was sent: reconnect and take the whole state again.
 */
export interface StreamCloseCodes {
  readonly loggedOut: 4401;
  readonly tooSlow: 4008;
}

// --- the screen state (sent whole on connect and after every change) -------------------------

/** The status as an agent reads it: DIALING while a manual dial rings (VICIdial's row says INCALL), WRAP-UP during the disposition (the row says PAUSED). */
export type DisplayLabel = 'READY' | 'INCOMING' | 'DIALING' | 'INCALL' | 'WRAP-UP' | 'PAUSED' | 'PREVIEW';

export interface DisplayStatus {
  readonly label: DisplayLabel;
  /** One sentence for the page title and screen readers, e.g. "On a call with 3125550101". */
  readonly text: string;
}

/** The call on the agent's line, as the call card shows it. */
export interface CallCard {
  readonly kind: CallKind;
  /** The customer's number (not the call's internal id). */
  readonly number: string;
  /** The in-group (inbound) or campaign (outbound) the call came through. */
  readonly queue: { readonly id: string; readonly name: string; readonly inbound: boolean };
  /** When the call started (ISO), for the talk timer. */
  readonly startedAt: string | null;
  readonly stage: 'ringing' | 'answered';
}

/** A PAUSE or LOGOUT waiting for the disposition, and who asked for it. */
export interface PendingAction {
  readonly action: 'PAUSE' | 'LOGOUT';
  readonly by: { readonly kind: 'agent' } | { readonly kind: 'api'; readonly user: string; readonly name: string };
}

export interface LeadView {
  readonly leadId: number;
  readonly status: string;
  /** Every standard vicidial_list field, by column name. */
  readonly fields: Readonly<Record<string, string>>;
}

/** The campaign's script with the lead's values in place of its --A--field--B-- placeholders, as plain text. */
export interface ScriptView {
  readonly id: string;
  readonly name: string;
  readonly text: string;
}

export interface CampaignView {
  readonly id: string;
  readonly name: string;
  readonly allowInbound: boolean;
  readonly dialMethod: string;
  readonly ingroups: readonly { readonly id: string; readonly name: string }[];
  readonly dispositions: readonly { readonly status: string; readonly name: string; readonly callback: boolean }[];
  readonly pauseCodes: readonly { readonly code: string; readonly name: string }[];
}

export interface ScreenState {
  readonly user: string;
  readonly session: SessionSnapshot | null;
  readonly display: DisplayStatus | null;
  readonly call: CallCard | null;
  readonly pending: PendingAction | null;
  readonly lead: LeadView | null;
  readonly script: ScriptView | null;
  readonly campaign: CampaignView | null;
  readonly telephony: TelephonyState;
  readonly manualDial: boolean;
  /** Where the agent goes when nothing holds it (after a call, on Resume): PAUSED on a campaign that does not dial. */
  readonly availableStatus: AgentStatus;
  /** The server's clock (ISO): screens count time from the server's moment, not their own. */
  readonly now: string;
  /** The server's local wall-clock time, YYYY-MM-DD HH:MM:SS: callbacks are booked in it. */
  readonly localNow: string;
}

// --- logging in -------------------------------------------------------------------------------

/** POST /api/v2/auth/login and GET /api/v2/auth/me: who is logged into a screen. */
export interface ScreenUser {
  readonly user: string;
  readonly fullName: string;
  readonly level: number;
  readonly group: string;
}

// --- lists the screen asks for ---------------------------------------------------------------

/** GET /api/v2/agent/campaigns */
export interface CampaignChoices {
  readonly campaigns: readonly { readonly id: string; readonly name: string; readonly allowInbound: boolean; readonly ingroups: readonly { readonly id: string; readonly name: string }[] }[];
}

/** One of the agent's own callbacks (vicidial_callbacks, USERONLY, not yet called). */
export interface CallbackView {
  readonly id: number;
  readonly leadId: number;
  readonly campaignId: string;
  /** YYYY-MM-DD HH:MM:SS, server time. */
  readonly at: string;
  /** True once its time has come (VICIdial's LIVE). */
  readonly due: boolean;
  readonly name: string;
  readonly phone: string;
  readonly comments: string;
}

/** GET /api/v2/agent/callbacks */
export interface CallbackList {
  readonly count: number;
  readonly callbacks: readonly CallbackView[];
}

/** GET /api/v2/agent/directory: where a call can be transferred. */
export interface TransferDirectory {
  readonly ingroups: readonly { readonly id: string; readonly name: string }[];
  readonly agents: readonly { readonly user: string; readonly name: string; readonly status: AgentStatus }[];
}

/** DELETE /api/v2/agent/session */
export interface LogoutResult {
  readonly loggedOut: boolean;
  readonly pending: boolean;
}

// --- the WebSocket: commands from the screen, messages to it ------------------------------------

export type ParkAction =
  | 'PARK_CUSTOMER'
  | 'GRAB_CUSTOMER'
  | 'PARK_IVR_CUSTOMER'
  | 'GRAB_IVR_CUSTOMER'
  | 'PARK_XFER'
  | 'GRAB_XFER'
  | 'SWAP_PARK_XFER'
  | 'SWAP_PARK_CUSTOMER'
  | 'HANGUP_XFER_GRAB_CUSTOMER';

/**
 * blind/dial: a number (gone / a 3-way call); ingroup/warm: an in-group (blind / the agent stays until answered);
 * agent/agent_warm: a logged-in agent; hangup_xfer, hangup_both, leave_3way: the 3-way call.
 */
export type TransferAction = 'blind' | 'ingroup' | 'warm' | 'dial' | 'agent' | 'agent_warm' | 'hangup_xfer' | 'hangup_both' | 'leave_3way';

/** A command from the agent's own screen. `ref` comes back on its ack or error; `user`, if given, must be the screen's own. */
export type ScreenCommand = { readonly ref?: string; readonly user?: string } & (
  | { readonly type: 'ping' }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  /** Undo the PAUSE waiting for the disposition ("stay paused after this call" unticked). */
  | { readonly type: 'cancel_pending' }
  | { readonly type: 'pause_code'; readonly code: string }
  | { readonly type: 'hangup' }
  | {
      readonly type: 'dispo';
      readonly status: string;
      readonly callback?: { readonly at: string; readonly type: 'USERONLY' | 'ANYONE'; readonly comments?: string };
    }
  /** A number, or one of the agent's callbacks by id. */
  | { readonly type: 'dial'; readonly phone?: string; readonly phoneCode?: string; readonly callbackId?: number }
  | { readonly type: 'transfer'; readonly action: TransferAction; readonly target?: string }
  | { readonly type: 'park'; readonly action: ParkAction }
  | { readonly type: 'dtmf'; readonly digits: string }
  | { readonly type: 'record'; readonly action: 'start' | 'stop' }
  /** Lead fields edited on screen, saved with update_fields' rules. */
  | { readonly type: 'save_lead'; readonly fields: Readonly<Record<string, string>> }
);

export type StreamMessage =
  | { readonly type: 'state'; readonly state: ScreenState }
  /** id: the event's place in the log; seq: this agent's count, 1, 2, 3… with no gap. */
  | { readonly type: 'event'; readonly id: number; readonly seq: number; readonly event: SessionEvent }
  | { readonly type: 'ack'; readonly ref?: string; readonly command: ScreenCommand['type'] }
  /** `field` names the input the error is about (e.g. `callback.at`, `phone`, `fields.email`). */
  | { readonly type: 'error'; readonly ref?: string; readonly code: string; readonly message: string; readonly field?: string };
