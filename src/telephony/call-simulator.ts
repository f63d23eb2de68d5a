/**
 * The call simulator: agentgate's embedded telephony. No PBX is needed to run
 * or test agentgate; calls ring, are answered or not, wait in queues and end,
 * and every step goes through the same session service as real commands.
 *
 * - Manual dials (the screen, external_dial) ring, then are answered, busy or
 *   unanswered, with the odds and ring times of the campaign's settings.
 * - RATIO/ADAPT campaigns dial leads from their hopper for READY agents; an
 *   answered call goes to the longest-waiting READY agent (QUEUE, then
 *   INCALL), or is dropped when nobody is free.
 * - In-groups receive calls at their rate; calls wait in vicidial_auto_calls
 *   (LIVE) for an agent who took that in-group, or until the queue timeout.
 * - Answered calls end when the customer hangs up after a talk time.
 *
 * Deterministic: one seeded random source and a Scheduler (virtual time in
 * tests). Every step is serialized, so the simulator never races itself.
 */
import type { Unit, UnitRunner } from '../store/unit-of-work.js';
import { epochSeconds, parseSqlDateTime } from '../domain/clock.js';
import type { CallKind, LiveAgent } from '../domain/live-agent.js';
import { DEFAULT_SIM_SETTINGS, type Recording, type SimSettings, type TelephonyState } from '../domain/telephony.js';
import { parseSet } from '../domain/vicidial-sets.js';
import type { EventBus, Unsubscribe } from '../events/event-bus.js';
import type { SessionEvent } from '../events/session-events.js';
import { callerIdFor, uniqueIdFor } from '../sessions/call-ids.js';
import type { SessionService } from '../sessions/session-service.js';
import { AUTO_DIAL_METHODS, callsToPlace, dialOutcome, pickInboundAgent, pickOutboundAgent, UNANSWERED_STATUS } from './dialing.js';
import { SeededRandom } from './random.js';
import type { Cancel, Scheduler } from './scheduler.js';
import { SimCalls, type SimCall } from './sim-calls.js';
import { Conference } from './sim-conference.js';
import type { ParkAction, PlaybackStage, Telephony, TransferRequest } from './telephony.js';

export interface SimulatorDeps {
  readonly runner: UnitRunner;
  readonly sessions: SessionService;
  readonly bus: EventBus;
  readonly scheduler: Scheduler;
  readonly seed: number;
  /** Where a failed step is reported; the simulator goes on. */
  readonly onError?: (err: unknown) => void;
}

/** How often the dialer and the queues look for work, in simulated milliseconds. */
export const TICK_MS = 1000;

/** The list VICIdial puts new inbound callers in when no list of the in-group's campaigns holds them. */
const INBOUND_LIST = 998;

export class CallSimulator implements Telephony {
  private readonly calls = new SimCalls();
  private readonly random: SeededRandom;
  private readonly conference: Conference;
  private readonly nextArrival = new Map<string, number>();
  private serial: Promise<void> = Promise.resolve();
  private unsubscribe: Unsubscribe | undefined;
  private cancelTick: Cancel | undefined;
  private running = false;

  constructor(private readonly deps: SimulatorDeps) {
    this.random = new SeededRandom(deps.seed);
    this.conference = new Conference({
      calls: this.calls,
      sessions: deps.sessions,
      scheduler: deps.scheduler,
      later: (task) => this.later(task),
      publish: (u, agent, callerId) => this.publish(u, agent, callerId),
      notify: (user) => this.notify(user),
      enqueue: (u, call) => this.enqueue(u, call),
    });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.deps.bus.subscribe('*', ({ event }) => this.onEvent(event));
    this.scheduleTick();
  }

  stop(): void {
    this.running = false;
    this.unsubscribe?.();
    this.cancelTick?.();
    this.calls.clear();
  }

  stateOf(agent: LiveAgent): TelephonyState {
    return this.calls.stateOf(agent.user, agent.call?.callerId);
  }

  // --- the Telephony interface: in-call features ------------------------------------

  startRecording(u: Unit, agent: LiveAgent, suffix: string): Promise<Recording> {
    return this.conference.startRecording(u, agent, suffix);
  }
  stopRecording(u: Unit, agent: LiveAgent): Promise<void> {
    return this.conference.stopRecording(u, agent);
  }
  sendDtmf(u: Unit, agent: LiveAgent, digits: string): Promise<void> {
    return this.conference.sendDtmf(u, agent, digits);
  }
  park(u: Unit, agent: LiveAgent, action: ParkAction): Promise<boolean> {
    return this.conference.park(u, agent, action);
  }
  transfer(u: Unit, agent: LiveAgent, request: TransferRequest): Promise<boolean> {
    return this.conference.transfer(u, agent, request);
  }
  async playbackOf(_u: Unit, agent: LiveAgent) {
    return this.calls.playbackOf(agent.user);
  }
  async threeWayCalls(_u: Unit, agent: LiveAgent): Promise<number> {
    return this.stateOf(agent).call?.thirdParty ? 1 : 0;
  }
  playback(u: Unit, agent: LiveAgent, stage: PlaybackStage, file: string): Promise<void> {
    return this.conference.playback(u, agent, stage, file);
  }
  async callAgent(u: Unit, agent: LiveAgent): Promise<void> {
    // The simulated phone answers at once: the session's state is what the screen shows.
    this.publish(u, agent, agent.call?.callerId);
  }
  releaseCall(u: Unit, agent: LiveAgent, action: Parameters<Telephony['releaseCall']>[2], status: string): Promise<void> {
    return this.conference.release(u, agent, action, status);
  }

  // --- time ------------------------------------------------------------------------------

  /** Run a step after the ones before it: the simulator's state is never touched by two at once. */
  private later(task: () => Promise<void>): Promise<void> {
    const run = this.serial.then(async () => {
      if (!this.running) return;
      try {
        await task();
      } catch (err) {
        this.deps.onError?.(err);
      }
    });
    this.serial = run;
    return run;
  }

  private after(ms: number, task: () => Promise<void>): Cancel {
    return this.deps.scheduler.after(ms, () => this.later(task));
  }

  private scheduleTick(): void {
    if (!this.running) return;
    this.cancelTick = this.after(TICK_MS, async () => {
      await this.tick();
      this.scheduleTick();
    });
  }

  /** One turn of the dialer and the queues. */
  async tick(): Promise<void> {
    const settings = await this.deps.runner.run((u) => u.store.telephony.simSettings());
    for (const s of settings) if (s.active && s.targetType === 'INGROUP' && s.callsPerMinute > 0) await this.arrivals(s);
    await this.serveQueues(settings);
    for (const s of settings) if (s.active && s.targetType === 'CAMPAIGN') await this.autoDial(s);
  }

  // --- events from sessions ----------------------------------------------------------

  private onEvent(event: SessionEvent): void {
    if (event.type === 'session.ended') {
      this.calls.forget(event.user);
      return;
    }
    if (event.type !== 'session.changed' && event.type !== 'session.started') return;
    const call = event.session.call;
    const tracked = this.calls.of(event.user);
    if (tracked && tracked.callerId !== call?.callerId) this.calls.drop(event.user);
    if (!call || this.calls.of(event.user) || this.calls.expected.has(call.callerId)) return;
    // A manual dial from the screen or the API rings first; a call put through by someone else is live already.
    this.callPlaced(event.user, call.callerId, call.kind, event.session.campaignId, event.session.leadId);
  }

  private callPlaced(user: string, callerId: string, kind: CallKind, campaignId: string, leadId: number): void {
    const call: SimCall = {
      callerId,
      uniqueId: '',
      user,
      leadId,
      kind,
      queue: campaignId,
      customer: callerId,
      stage: kind === 'MANUAL' ? 'ringing' : 'answered',
      parked: null,
      thirdParty: null,
      dtmf: '',
      timers: [],
    };
    this.calls.track(call);
    call.timers.push(this.after(0, async () => {
      const settings = await this.settingsFor(campaignId);
      if (kind !== 'MANUAL') {
        this.scheduleTalk(call, settings);
        return;
      }
      const { outcome, ringSec } = dialOutcome(settings, this.random);
      call.timers.push(
        this.after(ringSec * 1000, async () => {
          if (this.calls.of(user) !== call) return;
          if (outcome.kind === 'answered') {
            call.stage = 'answered';
            await this.notify(user);
            this.scheduleTalk(call, settings);
            return;
          }
          await this.deps.runner.run(async (u) => {
            const agent = await u.store.liveAgents.find(user);
            if (agent?.call?.callerId !== callerId) return;
            const ended = await this.deps.sessions.endCall(u, agent, 'system');
            await this.deps.sessions.disposition(u, ended, { status: UNANSWERED_STATUS[outcome.kind], qmCode: '' }, 'telephony-unanswered');
          });
        }),
      );
    }));
  }

  /** The customer hangs up after a talk time; every agent still on that customer's call goes to the disposition. */
  private scheduleTalk(call: SimCall, settings: SimSettings): void {
    const talkSec = this.random.between(settings.talkMinSec, settings.talkMaxSec);
    call.timers.push(
      this.after(talkSec * 1000, () =>
        this.deps.runner.run(async (u) => {
          for (const party of this.calls.withCustomer(call.customer)) {
            const agent = await u.store.liveAgents.find(party.user);
            if (agent?.call?.callerId === party.callerId) await this.deps.sessions.endCall(u, agent, 'customer');
          }
        }),
      ),
    );
  }

  // --- inbound ------------------------------------------------------------------------

  private async arrivals(s: SimSettings): Promise<void> {
    const now = this.deps.scheduler.now().getTime();
    let next = this.nextArrival.get(s.targetId) ?? now + this.random.gapSeconds(s.callsPerMinute) * 1000;
    while (next <= now) {
      await this.deps.runner.run(async (u) => {
        const leadId = await this.callerLead(u, s.targetId);
        const lead = leadId ? await u.store.leads.find(leadId) : undefined;
        if (lead) await this.enqueue(u, { ingroup: s.targetId, lead, agentOnly: '' });
      });
      next += this.random.gapSeconds(s.callsPerMinute) * 1000;
    }
    this.nextArrival.set(s.targetId, next);
  }

  /** A caller: a lead of a campaign that takes this in-group, or a new lead in the inbound list. */
  private async callerLead(u: Unit, ingroup: string): Promise<number | undefined> {
    const listIds: number[] = [];
    for (const campaignId of await u.store.telephony.campaignsTaking(ingroup))
      listIds.push(...(await u.store.campaigns.activeListIds(campaignId)));
    const count = await u.store.telephony.countLeads(listIds);
    if (count > 0) return u.store.telephony.leadIdAt(listIds, this.random.between(0, count - 1));
    const phone = `555${String(this.random.between(0, 9999999)).padStart(7, '0')}`;
    return u.store.leads.insert({ listId: INBOUND_LIST, status: 'NEW', user: '', now: u.now, fields: { phone_number: phone, phone_code: '1' } });
  }

  /** A call waits in an in-group's queue (a new caller, or a transfer). Returns its caller id. */
  private async enqueue(
    u: Unit,
    call: { ingroup: string; lead: { leadId: number; listId: number; phoneCode: string; phoneNumber: string; calledCount: number }; agentOnly: string },
  ): Promise<string> {
    const callerId = callerIdFor('INBOUND', call.lead.leadId, u.now);
    const uniqueId = uniqueIdFor(u.now);
    await u.store.liveAgents.insertLiveCall({
      campaignId: call.ingroup,
      status: 'LIVE',
      leadId: call.lead.leadId,
      callerId,
      uniqueId,
      channel: `Local/${call.lead.phoneNumber}@agentgate`,
      phoneCode: call.lead.phoneCode,
      phoneNumber: call.lead.phoneNumber,
      callType: 'IN',
      serverIp: '127.0.0.1',
      agentOnly: call.agentOnly,
      now: u.now,
    });
    await u.store.callLogs.insertInbound({
      uniqueId,
      leadId: call.lead.leadId,
      listId: call.lead.listId,
      queue: call.ingroup,
      startedAt: u.now,
      phoneCode: call.lead.phoneCode,
      phoneNumber: call.lead.phoneNumber,
      user: '',
      userGroup: '',
      status: 'QUEUE',
      comments: '',
      calledCount: call.lead.calledCount,
      agentOnly: call.agentOnly,
    });
    return callerId;
  }

  /** Time out calls that waited too long, then give the others to free agents. */
  private async serveQueues(settings: readonly SimSettings[]): Promise<void> {
    const queued = await this.deps.runner.run((u) => u.store.telephony.liveCalls({ status: ['LIVE'], direction: 'IN' }));
    const now = this.deps.scheduler.now();
    for (const call of queued) {
      const s = settings.find((x) => x.targetId === call.queue) ?? { ...DEFAULT_SIM_SETTINGS, targetId: call.queue, targetType: 'INGROUP' as const };
      const entered = parseSqlDateTime(call.enteredAt) ?? now;
      if (epochSeconds(now) - epochSeconds(entered) >= s.queueTimeoutSec) {
        await this.deps.runner.run(async (u) => {
          await u.store.liveAgents.deleteLiveCall(call.callerId);
          await u.store.callLogs.endInbound(call.uniqueId, { endedAt: u.now, termReason: 'QUEUETIMEOUT', status: 'DROP', queueSeconds: epochSeconds(u.now) - epochSeconds(entered) });
          await u.store.leads.setStatus(call.leadId, 'DROP', '', u.now);
        });
        this.calls.consults.delete(call.callerId);
        continue;
      }
      const agent = await this.deps.runner.run(async (u) => {
        const chosen = pickInboundAgent(await u.store.liveAgents.list(), call.queue, call.agentOnly);
        if (!chosen) return undefined;
        await u.store.telephony.setLiveCallStatus(call.callerId, 'XFER');
        return this.deps.sessions.reserve(u, chosen);
      });
      if (agent) await this.connect(agent.user, { ...call, kind: 'INBOUND' }, s);
    }
  }

  // --- outbound ----------------------------------------------------------------------

  private async autoDial(s: SimSettings): Promise<void> {
    const placed = await this.deps.runner.run(async (u) => {
      const campaign = await u.store.campaigns.find(s.targetId);
      if (!campaign?.active || !AUTO_DIAL_METHODS.has(campaign.dialMethod)) return [];
      const agents = await u.store.liveAgents.list();
      const ready = agents.filter((a) => a.campaignId === campaign.id && a.status === 'READY' && a.outboundAutodial && a.leadId === 0).length;
      const ringing = (await u.store.telephony.liveCalls({ status: ['SENT'], direction: 'OUT' })).filter((c) => c.queue === campaign.id).length;
      const wanted = callsToPlace(ready, campaign.dialLevel, ringing);
      if (wanted === 0) return [];
      if ((await u.store.telephony.hopperSize(campaign.id)) < wanted)
        await u.store.telephony.fillHopper(campaign.id, await u.store.campaigns.activeListIds(campaign.id), parseSet(campaign.dialStatuses), wanted + 5);
      const calls: { callerId: string; uniqueId: string; leadId: number }[] = [];
      for (let i = 0; i < wanted; i++) {
        const leadId = await u.store.telephony.takeFromHopper(campaign.id);
        const lead = leadId ? await u.store.leads.find(leadId) : undefined;
        if (!lead) break;
        const call = { callerId: callerIdFor('AUTO', lead.leadId, u.now), uniqueId: uniqueIdFor(u.now), leadId: lead.leadId };
        await u.store.liveAgents.insertLiveCall({
          campaignId: campaign.id,
          status: 'SENT',
          leadId: lead.leadId,
          callerId: call.callerId,
          uniqueId: call.uniqueId,
          channel: `Local/${lead.phoneNumber}@agentgate`,
          phoneCode: lead.phoneCode,
          phoneNumber: lead.phoneNumber,
          callType: 'OUT',
          serverIp: '127.0.0.1',
          now: u.now,
        });
        calls.push(call);
      }
      return calls;
    });
    for (const call of placed) {
      const { outcome, ringSec } = dialOutcome(s, this.random);
      this.after(ringSec * 1000, () => (outcome.kind === 'answered' ? this.answered(call, s) : this.unanswered(call, s, UNANSWERED_STATUS[outcome.kind])));
    }
  }

  /** An auto-dialled call is answered: the longest-waiting READY agent gets it, or it is dropped. */
  private async answered(call: { callerId: string; uniqueId: string; leadId: number }, s: SimSettings): Promise<void> {
    const agent = await this.deps.runner.run(async (u) => {
      const chosen = pickOutboundAgent(await u.store.liveAgents.list(), s.targetId);
      if (chosen) {
        await u.store.telephony.setLiveCallStatus(call.callerId, 'XFER');
        return this.deps.sessions.reserve(u, chosen);
      }
      await this.unansweredIn(u, call, s, 'DROP', 'ABANDON');
      return undefined;
    });
    if (agent) await this.connect(agent.user, { ...call, queue: s.targetId, kind: 'AUTO' }, s);
  }

  private unanswered(call: { callerId: string; uniqueId: string; leadId: number }, s: SimSettings, status: string): Promise<void> {
    return this.deps.runner.run((u) => this.unansweredIn(u, call, s, status, 'NONE'));
  }

  /** A call no agent took: logged for VDAD (VICIdial's dialer user), the lead gets the status. */
  private async unansweredIn(u: Unit, call: { callerId: string; uniqueId: string; leadId: number }, s: SimSettings, status: string, termReason: 'NONE' | 'ABANDON'): Promise<void> {
    await u.store.liveAgents.deleteLiveCall(call.callerId);
    const lead = await u.store.leads.find(call.leadId);
    if (!lead) return;
    await u.store.leads.markDialed(lead.leadId, u.now);
    await u.store.leads.setStatus(lead.leadId, status, 'VDAD', u.now);
    await u.store.callLogs.insertOutbound({
      uniqueId: call.uniqueId,
      leadId: lead.leadId,
      listId: lead.listId,
      queue: s.targetId,
      startedAt: u.now,
      phoneCode: lead.phoneCode,
      phoneNumber: lead.phoneNumber,
      user: 'VDAD',
      userGroup: '',
      status,
      comments: 'AUTO',
      calledCount: lead.calledCount + 1,
    });
    await u.store.callLogs.endOutbound(call.uniqueId, { endedAt: u.now, termReason });
  }

  /** Put a routed call through to the agent reserved for it (QUEUE → INCALL). */
  private async connect(
    user: string,
    call: { callerId: string; uniqueId: string; leadId: number; queue: string; kind: CallKind; phoneNumber?: string; phoneCode?: string },
    s: SimSettings,
  ): Promise<void> {
    this.calls.expected.add(call.callerId);
    try {
      const started = await this.deps.runner.run(async (u) => {
        const agent = await u.store.liveAgents.find(user);
        const lead = await u.store.leads.find(call.leadId);
        const stillThere = (await u.store.liveAgents.findLiveCall(call.callerId)) !== undefined;
        if (!agent || agent.status !== 'QUEUE' || !lead || !stillThere) {
          if (agent) await this.deps.sessions.unreserve(u, agent);
          if (stillThere) await u.store.telephony.setLiveCallStatus(call.callerId, call.kind === 'INBOUND' ? 'LIVE' : 'SENT');
          return undefined;
        }
        await u.store.liveAgents.deleteLiveCall(call.callerId);
        return this.deps.sessions.startCall(u, agent, {
          lead,
          kind: call.kind,
          queue: call.queue,
          callerId: call.callerId,
          uniqueId: call.uniqueId,
          ...(call.phoneNumber ? { number: call.phoneNumber } : {}),
          ...(call.phoneCode ? { phoneCode: call.phoneCode } : {}),
        });
      });
      if (!started) return;
      const consult = this.calls.consults.get(call.callerId);
      this.calls.consults.delete(call.callerId);
      const tracked: SimCall = {
        callerId: call.callerId,
        uniqueId: call.uniqueId,
        user,
        leadId: call.leadId,
        kind: call.kind,
        queue: call.queue,
        customer: consult?.customer ?? call.callerId,
        stage: 'answered',
        parked: null,
        thirdParty: null,
        dtmf: '',
        timers: [],
      };
      this.calls.track(tracked);
      if (consult) await this.conference.consultAnswered(consult.fronter);
      this.scheduleTalk(tracked, s);
      await this.notify(user);
    } finally {
      this.calls.expected.delete(call.callerId);
    }
  }

  private async settingsFor(targetId: string): Promise<SimSettings> {
    const all = await this.deps.runner.run((u) => u.store.telephony.simSettings());
    return all.find((s) => s.targetId === targetId) ?? { ...DEFAULT_SIM_SETTINGS, targetId, targetType: 'CAMPAIGN' };
  }

  /** Tell the agent's screen about a change made outside any unit (a timer): read its call id first. */
  private async notify(user: string): Promise<void> {
    await this.deps.runner.run(async (u) => {
      const agent = await u.store.liveAgents.find(user);
      if (agent) this.publish(u, agent, agent.call?.callerId);
    });
  }

  /** Tell the agent's screen what the telephony now looks like (after the unit commits). */
  private publish(u: Unit, agent: LiveAgent, callerId: string | undefined): void {
    u.events.add({ type: 'telephony', user: agent.user, state: this.calls.stateOf(agent.user, callerId) }, agent.campaignId);
  }
}
