/**
 * What happens inside a simulated call's conference: recording, digits, park
 * and grab, transfers and three-way calls, audio playback, and a remote
 * agent's call taken away. Each acts inside the caller's unit of work.
 */
import type { Unit } from '../store/unit-of-work.js';
import { compactDateTime } from '../domain/clock.js';
import type { Lead } from '../domain/lead.js';
import type { LiveAgent } from '../domain/live-agent.js';
import type { Recording } from '../domain/telephony.js';
import type { SessionService } from '../sessions/session-service.js';
import type { Scheduler } from './scheduler.js';
import type { SimCall, SimCalls } from './sim-calls.js';
import type { ParkAction, PlaybackStage, Telephony, TransferRequest } from './telephony.js';

/** How long a simulated audio file plays (the simulator has no audio store to measure). */
export const PLAYBACK_SECONDS = 30;
/** How long a third party rings before it answers a conference dial. */
export const THIRD_PARTY_RING_SECONDS = 3;

export interface ConferenceDeps {
  readonly calls: SimCalls;
  readonly sessions: SessionService;
  readonly scheduler: Scheduler;
  readonly later: (task: () => Promise<void>) => Promise<void>;
  readonly publish: (u: Unit, agent: LiveAgent, callerId: string | undefined) => void;
  readonly notify: (user: string) => Promise<void>;
  readonly enqueue: (u: Unit, call: { ingroup: string; lead: Lead; agentOnly: string }) => Promise<string>;
}

export class Conference {
  constructor(private readonly deps: ConferenceDeps) {}

  async startRecording(u: Unit, agent: LiveAgent, suffix: string): Promise<Recording> {
    const filename = `${compactDateTime(u.now).slice(0, 8)}-${compactDateTime(u.now).slice(8)}_${agent.user}${suffix}`;
    const recording = await u.store.telephony.startRecording({
      serverIp: agent.serverIp,
      confExten: agent.confExten,
      filename,
      leadId: agent.leadId,
      user: agent.user,
      vicidialId: agent.call?.uniqueId ?? '',
      now: u.now,
    });
    this.deps.calls.setRecording(agent.user, recording);
    this.deps.publish(u, agent, agent.call?.callerId);
    return recording;
  }

  async stopRecording(u: Unit, agent: LiveAgent): Promise<void> {
    await u.store.telephony.stopRecordings(agent.confExten, u.now);
    this.deps.calls.setRecording(agent.user, undefined);
    this.deps.publish(u, agent, agent.call?.callerId);
  }

  async sendDtmf(u: Unit, agent: LiveAgent, digits: string): Promise<void> {
    const call = this.callOf(agent);
    if (call) call.dtmf = `${call.dtmf}${digits}`.slice(-100);
    this.deps.publish(u, agent, agent.call?.callerId);
  }

  async park(u: Unit, agent: LiveAgent, action: ParkAction): Promise<boolean> {
    const call = this.callOf(agent);
    if (!call) return false;
    const party = call.thirdParty;
    switch (action) {
      case 'PARK_CUSTOMER':
        call.parked = 'customer';
        break;
      case 'PARK_IVR_CUSTOMER':
        call.parked = 'ivr';
        break;
      case 'GRAB_CUSTOMER':
      case 'GRAB_IVR_CUSTOMER':
        call.parked = null;
        break;
      case 'PARK_XFER':
      case 'GRAB_XFER':
        if (!party) return false;
        party.parked = action === 'PARK_XFER';
        break;
      case 'SWAP_PARK_XFER':
        if (!party) return false;
        party.parked = true;
        call.parked = null;
        break;
      case 'SWAP_PARK_CUSTOMER':
        if (!party) return false;
        party.parked = false;
        call.parked = 'customer';
        break;
      case 'HANGUP_XFER_GRAB_CUSTOMER':
        await this.hangupThirdParty(u, call);
        call.parked = null;
        break;
    }
    this.deps.publish(u, agent, call.callerId);
    return true;
  }

  async transfer(u: Unit, agent: LiveAgent, request: TransferRequest): Promise<boolean> {
    const call = this.callOf(agent);
    if (!call || !agent.call) {
      // Leaving a conference the simulator did not set up (two agents put on one lead) still ends the agent's part.
      if (request.kind === 'leave-3way' && agent.call) {
        await this.deps.sessions.endCall(u, agent, 'agent');
        return true;
      }
      return false;
    }
    switch (request.kind) {
      case 'blind-number':
      case 'voicemail':
        // The customer goes on to the number (or a voicemail box): the agent's part of the call is over.
        await this.deps.sessions.endCall(u, agent, 'agent');
        return true;
      case 'ingroup': {
        const lead = await u.store.leads.find(agent.leadId);
        if (!lead) return false;
        const queued = await this.deps.enqueue(u, { ingroup: request.ingroup, lead, agentOnly: request.agent });
        if (!request.warm) {
          await this.deps.sessions.endCall(u, agent, 'agent');
          return true;
        }
        // Warm: the agent stays with the customer until the other agent answers, then may leave the 3-way.
        this.deps.calls.consults.set(queued, { fronter: agent.user, customer: call.customer });
        call.thirdParty = { kind: request.agent ? 'agent' : 'ingroup', target: request.agent || request.ingroup, stage: 'ringing', parked: false };
        break;
      }
      case 'dial-with-customer':
      case 'park-customer-dial':
        if (request.kind === 'park-customer-dial') call.parked = 'customer';
        call.thirdParty = { kind: 'number', target: request.number, stage: 'ringing', parked: false };
        this.ringThirdParty(call);
        break;
      case 'hangup-xfer':
        await this.hangupThirdParty(u, call);
        break;
      case 'hangup-both':
        await this.hangupThirdParty(u, call);
        await this.deps.sessions.endCall(u, agent, 'agent');
        return true;
      case 'leave-3way':
        await this.deps.sessions.endCall(u, agent, 'agent');
        return true;
    }
    this.deps.publish(u, agent, call.callerId);
    return true;
  }

  /** The agent of a warm transfer answered: the fronter's third party is connected. */
  async consultAnswered(fronter: string): Promise<void> {
    const call = this.deps.calls.of(fronter);
    if (!call?.thirdParty) return;
    call.thirdParty.stage = 'connected';
    await this.deps.notify(fronter);
  }

  async playback(u: Unit, agent: LiveAgent, stage: PlaybackStage, file: string): Promise<void> {
    const { calls } = this.deps;
    const current = calls.playbackOf(agent.user);
    if (stage === 'STOP') calls.setPlayback(agent.user, undefined);
    else if (stage === 'PLAY') {
      const channel = `IAX2/ASTplay-${String(Math.floor(u.now.getTime() / 1000) % 100000).padStart(5, '0')}`;
      calls.setPlayback(agent.user, { file, state: 'playing', channel }, this.endPlaybackLater(agent.user));
    } else if (current && stage === 'PAUSE') calls.setPlayback(agent.user, { ...current, state: 'paused' });
    else if (current && (stage === 'RESUME' || stage === 'RESTART'))
      calls.setPlayback(agent.user, { ...current, state: 'playing' }, this.endPlaybackLater(agent.user));
    this.deps.publish(u, agent, agent.call?.callerId);
  }

  async release(u: Unit, agent: LiveAgent, action: Parameters<Telephony['releaseCall']>[2], status: string): Promise<void> {
    if (action.kind === 'ingroup') {
      const lead = await u.store.leads.find(agent.leadId);
      if (lead) await this.deps.enqueue(u, { ingroup: action.ingroup, lead, agentOnly: '' });
    }
    this.deps.calls.drop(agent.user);
    await this.deps.sessions.releaseCall(u, agent, status);
  }

  private callOf(agent: LiveAgent): SimCall | undefined {
    return this.deps.calls.current(agent.user, agent.call?.callerId);
  }

  private ringThirdParty(call: SimCall): void {
    call.timers.push(
      this.deps.scheduler.after(THIRD_PARTY_RING_SECONDS * 1000, () =>
        this.deps.later(async () => {
          if (call.thirdParty?.stage !== 'ringing' || call.thirdParty.kind !== 'number') return;
          call.thirdParty.stage = 'connected';
          await this.deps.notify(call.user);
        }),
      ),
    );
  }

  /** Hang up the third party; an agent who had joined leaves the call for its disposition. */
  private async hangupThirdParty(u: Unit, call: SimCall): Promise<void> {
    call.thirdParty = null;
    for (const other of this.deps.calls.withCustomer(call.customer)) {
      if (other.user === call.user) continue;
      const agent = await u.store.liveAgents.find(other.user);
      if (agent?.call?.callerId === other.callerId) await this.deps.sessions.endCall(u, agent, 'system');
    }
  }

  private endPlaybackLater(user: string) {
    return this.deps.scheduler.after(PLAYBACK_SECONDS * 1000, () =>
      this.deps.later(async () => {
        this.deps.calls.setPlayback(user, undefined);
        await this.deps.notify(user);
      }),
    );
  }
}
