/**
 * The drop-in's telephony: VICIdial's. Its agent screen and Asterisk act on
 * the columns WrittenCommands writes, so nothing here places, parks or
 * transfers a call: each method is the no-op that leaves the column to
 * VICIdial. What agentgate cannot know from here (the state of a call in
 * Asterisk) reads as nothing.
 */
import type { LiveAgent } from '../domain/live-agent.js';
import type { Playback, Recording, TelephonyState } from '../domain/telephony.js';
import type { Unit } from '../store/unit-of-work.js';
import type { SessionService } from '../sessions/session-service.js';
import type { Telephony } from '../telephony/telephony.js';

const NOTHING: TelephonyState = { call: null, recording: null, playback: null };

export class VicidialTelephony implements Telephony {
  constructor(private readonly sessions: SessionService) {}

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
  /** The `IAX2/ASTplay…` channel Asterisk has on the conference, as VICIdial's updater lists it (the file is not known there). */
  async playbackOf(u: Unit, agent: LiveAgent): Promise<Playback | undefined> {
    const channel = await u.store.telephony.conferencePlayback(agent.serverIp, agent.confExten);
    return channel ? { file: '', state: 'playing', channel } : undefined;
  }
  threeWayCalls(u: Unit, agent: LiveAgent): Promise<number> {
    return u.store.telephony.conferenceThreeWayCalls(agent.serverIp, agent.confExten);
  }
  async playback(): Promise<void> {}
  async callAgent(): Promise<void> {}
  /**
   * ra_call_control after its manager row: api.php itself (not the screen) logs the call's status,
   * sets the lead's, makes the handling agent READY with no lead and deletes the vicidial_auto_calls
   * row (agent-api.md §8.16). Asterisk carries out the Hangup or Redirect; nothing is queued here.
   */
  async releaseCall(u: Unit, agent: LiveAgent, _action: unknown, status: string): Promise<void> {
    await this.sessions.releaseCall(u, agent, status);
  }
}
