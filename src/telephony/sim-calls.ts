/**
 * The simulator's memory of calls in progress: what a PBX would know and the
 * database does not (ringing or answered, parked, the third party of a
 * conference, digits sent, audio playing, the timers that end them).
 */
import type { CallKind } from '../domain/live-agent.js';
import type { CallState, Playback, Recording, TelephonyState } from '../domain/telephony.js';
import type { Cancel } from './scheduler.js';

export interface SimCall {
  readonly callerId: string;
  readonly uniqueId: string;
  readonly user: string;
  readonly leadId: number;
  readonly kind: CallKind;
  /** The campaign or in-group whose settings apply. */
  readonly queue: string;
  /** The customer on the line: calls of several agents in one conference share it. */
  readonly customer: string;
  stage: CallState['stage'];
  parked: CallState['parked'];
  thirdParty: { -readonly [K in keyof NonNullable<CallState['thirdParty']>]: NonNullable<CallState['thirdParty']>[K] } | null;
  dtmf: string;
  readonly timers: Cancel[];
}

export class SimCalls {
  private readonly byUser = new Map<string, SimCall>();
  private readonly playbacks = new Map<string, { playback: Playback; cancel: Cancel }>();
  private readonly recordings = new Map<string, Recording>();
  /** Calls the simulator itself is putting through, so their start is not taken for a manual dial. */
  readonly expected = new Set<string>();
  /** Queued calls of a warm transfer: the agent who stays on the customer until the other agent answers. */
  readonly consults = new Map<string, { fronter: string; customer: string }>();

  of(user: string): SimCall | undefined {
    return this.byUser.get(user);
  }

  /** The call of `user` if it is still the one with this caller id. */
  current(user: string, callerId: string | undefined): SimCall | undefined {
    const call = this.byUser.get(user);
    return call && call.callerId === callerId ? call : undefined;
  }

  track(call: SimCall): void {
    this.drop(call.user);
    this.byUser.set(call.user, call);
  }

  /** Forget a user's call and cancel its timers. Its recording ends with it, as in VICIdial. */
  drop(user: string): void {
    const call = this.byUser.get(user);
    if (!call) return;
    for (const cancel of call.timers) cancel();
    this.byUser.delete(user);
    this.recordings.delete(user);
  }

  /** Every agent call on this customer (a conference has several). */
  withCustomer(customer: string): SimCall[] {
    return [...this.byUser.values()].filter((c) => c.customer === customer);
  }

  playbackOf(user: string): Playback | undefined {
    return this.playbacks.get(user)?.playback;
  }

  setPlayback(user: string, playback: Playback | undefined, cancel: Cancel = () => {}): void {
    this.playbacks.get(user)?.cancel();
    if (playback) this.playbacks.set(user, { playback, cancel });
    else this.playbacks.delete(user);
  }

  recordingOf(user: string): Recording | undefined {
    return this.recordings.get(user);
  }

  setRecording(user: string, recording: Recording | undefined): void {
    if (recording) this.recordings.set(user, recording);
    else this.recordings.delete(user);
  }

  /** The session ended: nothing of it stays. */
  forget(user: string): void {
    this.drop(user);
    this.setPlayback(user, undefined);
    this.recordings.delete(user);
  }

  stateOf(user: string, callerId: string | undefined): TelephonyState {
    const call = this.current(user, callerId);
    return {
      call: call
        ? { callerId: call.callerId, stage: call.stage, parked: call.parked, thirdParty: call.thirdParty && { ...call.thirdParty }, dtmf: call.dtmf }
        : null,
      recording: this.recordings.get(user) ?? null,
      playback: this.playbacks.get(user)?.playback ?? null,
    };
  }

  clear(): void {
    for (const user of [...this.byUser.keys()]) this.drop(user);
    for (const user of [...this.playbacks.keys()]) this.setPlayback(user, undefined);
    this.recordings.clear();
    this.expected.clear();
    this.consults.clear();
  }
}
