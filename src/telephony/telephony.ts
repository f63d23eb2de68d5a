/**
 * Telephony behind one small interface: what the agent API and the agent
 * screen ask of the phone system. The call simulator is the embedded
 * implementation; a PBX adapter would be another.
 *
 * Methods that change a session run inside the caller's unit of work, so the
 * call, the session and the audit rows commit together.
 */
import type { Unit } from '../store/unit-of-work.js';
import type { LiveAgent } from '../domain/live-agent.js';
import type { CallState, Playback, Recording, TelephonyState } from '../domain/telephony.js';

/** The park and grab commands the agent screen acts on (agent-api.md §8.18). */
export const PARK_ACTIONS = [
  'PARK_CUSTOMER',
  'GRAB_CUSTOMER',
  'PARK_IVR_CUSTOMER',
  'GRAB_IVR_CUSTOMER',
  'PARK_XFER',
  'GRAB_XFER',
  'SWAP_PARK_XFER',
  'SWAP_PARK_CUSTOMER',
  'HANGUP_XFER_GRAB_CUSTOMER',
] as const;
export type ParkAction = (typeof PARK_ACTIONS)[number];

/** A transfer or conference command (agent-api.md §8.19), already validated. */
export type TransferRequest =
  | { readonly kind: 'blind-number'; readonly number: string }
  | { readonly kind: 'voicemail' }
  | { readonly kind: 'ingroup'; readonly ingroup: string; readonly agent: string; readonly warm: boolean }
  | { readonly kind: 'dial-with-customer'; readonly number: string }
  | { readonly kind: 'park-customer-dial'; readonly number: string }
  | { readonly kind: 'hangup-xfer' }
  | { readonly kind: 'hangup-both' }
  | { readonly kind: 'leave-3way' };

export type PlaybackStage = 'PLAY' | 'STOP' | 'PAUSE' | 'RESUME' | 'RESTART';
export type { CallState, Playback, TelephonyState };

export interface Telephony {
  /** Start and stop its work (timers, subscriptions). Stopped, it keeps nothing alive. */
  start(): void;
  stop(): void;

  /** The call, recording and playback of an agent's session, for its screen. */
  stateOf(agent: LiveAgent): TelephonyState;

  startRecording(u: Unit, agent: LiveAgent, suffix: string): Promise<Recording>;
  stopRecording(u: Unit, agent: LiveAgent): Promise<void>;
  /** Digits into the agent's conference (P/S/Q already turned into #, * and a pause). */
  sendDtmf(u: Unit, agent: LiveAgent, digits: string): Promise<void>;
  /** True when there was a call to act on. */
  park(u: Unit, agent: LiveAgent, action: ParkAction): Promise<boolean>;
  /** True when there was a call to act on. */
  transfer(u: Unit, agent: LiveAgent, request: TransferRequest): Promise<boolean>;
  /** What plays into the agent's conference now (api.php reads Asterisk's channels for it). */
  playbackOf(u: Unit, agent: LiveAgent): Promise<Playback | undefined>;
  /** How many 3-way calls the agent's conference holds (transfer_conference's tw_check). */
  threeWayCalls(u: Unit, agent: LiveAgent): Promise<number>;
  playback(u: Unit, agent: LiveAgent, stage: PlaybackStage, file: string): Promise<void>;
  /** Ring the agent's phone into its session again. */
  callAgent(u: Unit, agent: LiveAgent): Promise<void>;
  /**
   * A remote agent's call is taken away (ra_call_control): hung up, or sent to
   * an extension or an in-group. The agent is free at once, without a disposition.
   */
  releaseCall(u: Unit, agent: LiveAgent, action: { kind: 'hangup' } | { kind: 'extension'; number: string } | { kind: 'ingroup'; ingroup: string }, status: string): Promise<void>;
}
