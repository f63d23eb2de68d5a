/**
 * The drop-in's telephony: VICIdial's. Its agent screen and Asterisk act on
 * the columns WrittenCommands writes, so nothing here places, parks or
 * transfers a call: each method is the no-op that leaves the column to
 * VICIdial. What agentgate cannot know from here (the state of a call in
 * Asterisk) reads as nothing.
 */
import type { LiveAgent } from '../domain/live-agent.js';
import type { Recording, TelephonyState } from '../domain/telephony.js';
import type { Telephony } from '../telephony/telephony.js';

const NOTHING: TelephonyState = { call: null, recording: null, playback: null };

export class VicidialTelephony implements Telephony {
  start(): void {}
  stop(): void {}
  stateOf(_agent: LiveAgent): TelephonyState {
    return NOTHING;
  }
  /** VICIdial's screen starts the recording from external_recording; its id is not known here. */
  async startRecording(): Promise<Recording> {
    return { recordingId: 0, filename: '' };
  }
  async stopRecording(): Promise<void> {}
  async sendDtmf(): Promise<void> {}
  async park(): Promise<boolean> {
    return true;
  }
  async transfer(): Promise<boolean> {
    return true;
  }
  playbackOf(): undefined {
    return undefined;
  }
  async playback(): Promise<void> {}
  async callAgent(): Promise<void> {}
  async releaseCall(): Promise<void> {}
}
