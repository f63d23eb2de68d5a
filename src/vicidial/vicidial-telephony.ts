/**
 * The drop-in's telephony: VICIdial's. Its agent screen and Asterisk act on
 * the columns WrittenCommands writes, so nothing here places, parks or
 * transfers a call: each method is the no-op that leaves the column to
 * VICIdial. What agentgate cannot know from here (the state of a call in
 * Asterisk) reads as nothing.
 */
import type { LiveAgent } from '../domain/live-agent.js';
import type { Recording, TelephonyState } from '../domain/telephony.js';
import type { Unit } from '../store/unit-of-work.js';
import type { Telephony } from '../telephony/telephony.js';

const NOTHING: TelephonyState = { call: null, recording: null, playback: null };

export class VicidialTelephony implements Telephony {
  start(): void {}
  stop(): void {}
  stateOf(_agent: LiveAgent): TelephonyState {
    return NOTHING;
  }
  /**
   * api.php's recording START/STOP: external_recording=`START<stage>` / `STOP`, for VICIdial's
   * screen to start or stop it (and write the recording's id there). The id is not known here.
   */
  async startRecording(u: Unit, agent: LiveAgent, stage: string): Promise<Recording> {
    await u.store.liveAgents.writeCommands(agent.user, { recording: `START${stage}` });
    return { recordingId: 0, filename: '' };
  }
  async stopRecording(u: Unit, agent: LiveAgent): Promise<void> {
    await u.store.liveAgents.writeCommands(agent.user, { recording: 'STOP' });
  }
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
