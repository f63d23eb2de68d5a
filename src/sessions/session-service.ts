/**
 * Live agent sessions: login and logout, pause and resume, calls, the
 * disposition step and manual dialing. The agent API's commands are applied
 * through session-commands.ts, on top of this.
 *
 * A change clears the external_* command columns when VICIdial's back end
 * would clear them (a new call, a disposition, going READY), so the row always
 * reads as it would on a VICIdial system that had seen the same events. All methods work
 * inside a Unit (one transaction); events go out after it commits.
 */
import { randomInt } from 'node:crypto';
import type { Unit } from '../store/unit-of-work.js';
import type { Campaign } from '../domain/campaign.js';
import type { Lead } from '../domain/lead.js';
import {
  applyChanges,
  phaseOf,
  type ApiCommands,
  type CallKind,
  type LiveAgent,
  type LiveAgentChanges,
} from '../domain/live-agent.js';
import { formatSet, parseSet } from '../domain/vicidial-sets.js';
import { CallHistory } from './call-history.js';
import { callerIdFor, uniqueIdFor } from './call-ids.js';
import { parseDialRequest, type DialRequest } from './dial-request.js';
import {
  afterDisposition,
  availableStatus,
  CLEARED_AT_CALL_START,
  CLEARED_AT_DISPOSITION,
  CLEARED_GOING_READY,
  decideResume,
  goesReady,
  parsePresetDisposition,
  type PresetDisposition,
} from './rules.js';
import { loginCall } from './login-call.js';
import { snapshotOf } from './snapshot.js';

export type LoginRefusal =
  | 'unknown-user'
  | 'inactive-user'
  | 'api-only-user'
  | 'unknown-campaign'
  | 'inactive-campaign'
  | 'unknown-ingroup'
  | 'busy-elsewhere';

export type Outcome<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
const refuse = <T>(code: string, message: string): Outcome<T> => ({ ok: false, code, message });

export interface LoginRequest {
  readonly user: string;
  readonly campaignId: string;
  /** In-groups to take calls from; defaults to the user's default in-groups. */
  readonly ingroups?: readonly string[];
  readonly blended?: boolean;
}

/** Where a manual dial goes: an existing lead, or a new lead to create in a list. */
export type DialTarget =
  | { readonly kind: 'lead'; readonly lead: Lead; readonly number: string; readonly phoneCode: string }
  | { readonly kind: 'new'; readonly listId: number; readonly number: string; readonly phoneCode: string }
  | { readonly kind: 'nothing-to-dial' };

export interface CallStart {
  readonly lead: Lead;
  readonly kind: CallKind;
  /** The campaign or in-group the call belongs to. */
  readonly queue: string;
  readonly number?: string;
  readonly phoneCode?: string;
  readonly callerId?: string;
  /** The call's unique id, when the telephony gave it one already (a queued inbound call). */
  readonly uniqueId?: string;
}

/** How a call ended: the customer, the agent (screen), the API, or the telephony (busy, no answer). */
export type CallEndedBy = 'customer' | 'agent' | 'api' | 'system';

export interface SessionServiceOptions {
  readonly serverIp: string;
  /** The web phone a session's agent can open (vicidial_session_data.webphone_url); none by default. */
  readonly webphoneUrl?: (user: string, confExten: string) => string;
}

export class SessionService {
  private readonly history = new CallHistory();

  constructor(private readonly options: SessionServiceOptions) {}

  // --- reading -------------------------------------------------------------

  async get(u: Unit, user: string): Promise<LiveAgent | undefined> {
    return u.store.liveAgents.find(user);
  }

  // --- login and logout ------------------------------------------------------

  /**
   * Start a session. A second login of the same user takes the session over
   * (the old one ends with cause "replaced"), except while that session has a
   * call or a disposition open, which must be finished first.
   * API Only users can never hold a session.
   */
  async login(u: Unit, request: LoginRequest): Promise<Outcome<LiveAgent>> {
    const { store } = u;
    const user = await store.users.find(request.user);
    if (!user) return refuse('unknown-user', `user ${request.user} does not exist`);
    if (!user.active) return refuse('inactive-user', `user ${request.user} is not active`);
    if (user.apiOnly) return refuse('api-only-user', `user ${request.user} is an API Only user and cannot log in as an agent`);
    const campaign = await store.campaigns.find(request.campaignId);
    if (!campaign) return refuse('unknown-campaign', `campaign ${request.campaignId} does not exist`);
    if (!campaign.active) return refuse('inactive-campaign', `campaign ${request.campaignId} is not active`);

    const ingroups = request.ingroups ?? (campaign.allowInbound ? parseSet(user.closerCampaigns) : []);
    const missing = await store.campaigns.missingInboundGroups(ingroups);
    if (missing.length > 0) return refuse('unknown-ingroup', `in-group ${missing.join(', ')} does not exist`);

    const existing = await store.liveAgents.find(request.user);
    if (existing) {
      const phase = phaseOf(existing);
      if (phase === 'on-call' || phase === 'disposition')
        return refuse('busy-elsewhere', `user ${request.user} has a call open in another session; finish it first`);
      await this.end(u, existing, 'replaced');
    }

    await store.liveAgents.insert({
      user: request.user,
      serverIp: this.options.serverIp,
      confExten: String(8600000 + randomInt(100000)),
      extension: `agentgate/${request.user}`,
      campaignId: campaign.id,
      userLevel: user.level,
      closerCampaigns: ingroups.length > 0 ? formatSet(ingroups) : '',
      outboundAutodial: campaign.dialLevel > 0 && (request.blended ?? true),
      randomId: 10000000 + randomInt(89999999),
      now: u.now,
    });
    if (ingroups.length > 0) await store.liveAgents.setLiveIngroups(request.user, ingroups, u.now);
    const agent = await this.require(u, request.user);
    const extension = `agentgate/${request.user}`;
    await store.telephony.saveSessionData({
      user: agent.user,
      confExten: agent.confExten,
      serverIp: agent.serverIp,
      campaignId: campaign.id,
      extension,
      webphoneUrl: this.options.webphoneUrl?.(agent.user, agent.confExten) ?? '',
      agentLoginCall: loginCall(agent, extension, u.now),
      now: u.now,
    });
    await this.history.login(u, agent);
    u.events.add({ type: 'session.started', user: agent.user, session: snapshotOf(agent) }, agent.campaignId);
    return ok(agent);
  }

  /** End a session now, whatever it is doing (an administrator's logout). */
  async logout(u: Unit, user: string, cause: string): Promise<boolean> {
    const agent = await u.store.liveAgents.find(user);
    if (!agent) return false;
    await this.end(u, agent, cause);
    return true;
  }

  /** End this session: its call, its in-groups, its row. */
  async end(u: Unit, agent: LiveAgent, cause: string): Promise<void> {
    await this.history.logout(u, agent);
    await u.store.telephony.stopRecordings(agent.confExten, u.now);
    await u.store.telephony.deleteSessionData(agent.user);
    if (agent.call) await u.store.liveAgents.deleteLiveCall(agent.call.callerId);
    await u.store.liveAgents.delete(agent.user);
    await u.store.liveAgents.clearLiveIngroups(agent.user);
    u.events.add({ type: 'session.ended', user: agent.user, cause }, agent.campaignId);
  }

  // --- pause and resume ------------------------------------------------------

  /** The agent pauses (from the screen, or by API while waiting for calls). */
  async pause(u: Unit, agent: LiveAgent, cause: string, pauseCode = '', commands?: Partial<ApiCommands>): Promise<LiveAgent> {
    const paused = await this.change(u, agent, { status: 'PAUSED', lastStateChange: u.now, pauseCode, commands }, cause);
    return this.promoteQueuedDial(u, paused);
  }

  /** The agent becomes available, where its campaign lets it take calls. */
  async resume(u: Unit, agent: LiveAgent, cause: string, commands?: Partial<ApiCommands>): Promise<LiveAgent> {
    const decision = decideResume(agent, await this.campaignOf(u, agent));
    if (decision.kind !== 'resume-now') return commands ? this.change(u, agent, { commands }, cause) : agent;
    return this.change(u, agent, { status: decision.status, lastStateChange: u.now, pauseCode: '', commands }, cause);
  }

  // --- calls -----------------------------------------------------------------

  /** Put the agent on a call with a lead (the dialer, the simulator and tests use this). */
  async startCall(u: Unit, agent: LiveAgent, call: CallStart): Promise<LiveAgent> {
    const callerId = call.callerId ?? callerIdFor(call.kind, call.lead.leadId, u.now);
    const uniqueId = call.uniqueId ?? uniqueIdFor(u.now);
    const number = call.number ?? call.lead.phoneNumber;
    await u.store.liveAgents.insertLiveCall({
      campaignId: call.queue,
      status: 'XFER',
      leadId: call.lead.leadId,
      callerId,
      uniqueId,
      channel: `Local/${number}@agentgate`,
      phoneCode: call.phoneCode ?? call.lead.phoneCode,
      phoneNumber: number,
      callType: call.kind === 'INBOUND' ? 'IN' : 'OUT',
      serverIp: agent.serverIp,
      now: u.now,
    });
    if (call.kind !== 'INBOUND') await u.store.leads.markDialed(call.lead.leadId, u.now);
    const started = await this.change(
      u,
      agent,
      {
        status: 'INCALL',
        leadId: call.lead.leadId,
        previewLeadId: 0,
        callerId,
        uniqueId,
        channel: `Local/${number}@agentgate`,
        callKind: call.kind,
        lastCallTime: u.now,
        lastStateChange: u.now,
        callsToday: agent.callsToday + 1,
        pauseCode: '',
        commands: { ...CLEARED_AT_CALL_START, dial: '' },
      },
      'call-started',
    );
    const phoneCode = call.phoneCode ?? call.lead.phoneCode;
    await this.history.callStarted(u, started, { lead: call.lead, kind: call.kind, queue: call.queue, uniqueId, number, phoneCode });
    return started;
  }

  /**
   * The call ends (customer, agent or API hang-up): the agent moves to the
   * disposition step. A disposition preset by external_status applies at once.
   */
  async endCall(u: Unit, agent: LiveAgent, by: CallEndedBy): Promise<LiveAgent> {
    if (!agent.call) return agent;
    await u.store.liveAgents.deleteLiveCall(agent.call.callerId);
    await this.history.callEnded(u, agent, by);
    await u.store.telephony.stopRecordings(agent.confExten, u.now);
    const ended = await this.change(
      u,
      agent,
      {
        status: 'PAUSED',
        callerId: '',
        uniqueId: '',
        channel: '',
        lastCallFinish: u.now,
        lastStateChange: u.now,
        // The recording ended with the call (StopMonitorConf blanks its column); external_hangup keeps its value.
        commands: { recording: '' },
      },
      `call-ended-by-${by}`,
    );
    const preset = parsePresetDisposition(ended.commands.status);
    return preset ? this.disposition(u, ended, preset, 'preset-disposition') : ended;
  }

  /**
   * Submit the disposition: the lead gets its status (and a callback when one
   * was asked for), then a pending LOGOUT or PAUSE takes effect, or the agent
   * becomes available again.
   */
  async disposition(u: Unit, agent: LiveAgent, dispo: PresetDisposition, cause: string): Promise<LiveAgent> {
    if (phaseOf(agent) !== 'disposition') return agent;
    const lead = await u.store.leads.find(agent.leadId);
    if (lead) {
      const status = dispo.callback ? 'CBHOLD' : dispo.status;
      await u.store.leads.setStatus(lead.leadId, status, agent.user, u.now);
      if (dispo.callback) {
        const user = await u.store.users.find(agent.user);
        await u.store.leads.insertCallback({
          leadId: lead.leadId,
          listId: lead.listId,
          campaignId: agent.campaignId,
          callbackTime: dispo.callback.at,
          user: dispo.callback.type === 'USERONLY' ? agent.user : '',
          userGroup: dispo.callback.type === 'USERONLY' ? (user?.group ?? '') : '',
          recipient: dispo.callback.type,
          comments: dispo.callback.comments,
          leadStatus: dispo.status,
          now: u.now,
        });
      }
    }
    const next = afterDisposition(agent, await this.campaignOf(u, agent));
    const nextSpan = next.kind === 'status' && next.status !== 'PAUSED' ? 'wait' : 'pause';
    await this.history.dispositioned(u, agent, dispo.status, nextSpan, cause);
    // The status as the call keeps it (a callback's lead waits as CBHOLD, the call keeps the chosen status).
    u.events.add({ type: 'call.dispositioned', user: agent.user, leadId: agent.leadId, status: dispo.status }, agent.campaignId);
    // A PAUSE, RESUME or LOGOUT sent during the call takes effect now: what follows shows that command's effect.
    const waited = await u.store.commandWaits.take(agent.user);
    if (next.kind === 'logout') {
      await u.events.onBehalfOf(waited, () => this.end(u, agent, 'logout-after-disposition'));
      return agent;
    }
    const done = await u.events.onBehalfOf(waited, () =>
      this.change(u, agent, { status: next.status, leadId: 0, pauseCode: '', lastStateChange: u.now, commands: CLEARED_AT_DISPOSITION }, cause),
    );
    // A manual dial sent during the call waits for the screen to be free, as VICIdial's screen does.
    const pending = parseDialRequest(done.commands.dial);
    if (pending) return this.dialFromRequest(u, done, pending);
    return this.promoteQueuedDial(u, done);
  }

  /** The telephony routes a call to the agent: QUEUE until the call is put through. */
  async reserve(u: Unit, agent: LiveAgent): Promise<LiveAgent> {
    return this.change(u, agent, { status: 'QUEUE', lastStateChange: u.now }, 'call-routed');
  }

  /** A routed call went away before it reached the agent: available again. */
  async unreserve(u: Unit, agent: LiveAgent): Promise<LiveAgent> {
    if (agent.status !== 'QUEUE') return agent;
    const status = availableStatus(agent, await this.campaignOf(u, agent));
    return this.change(u, agent, { status: status === 'PAUSED' ? 'READY' : status, lastStateChange: u.now }, 'call-unrouted');
  }

  /**
   * ra_call_control: the call is taken from the agent, who is READY at once
   * with no disposition step (agent-api.md §8.16); the lead and the call's
   * record get `status`.
   */
  async releaseCall(u: Unit, agent: LiveAgent, status: string): Promise<LiveAgent> {
    if (!agent.call) return agent;
    await u.store.liveAgents.deleteLiveCall(agent.call.callerId);
    await this.history.callEnded(u, agent, 'api');
    await u.store.telephony.stopRecordings(agent.confExten, u.now);
    if (agent.leadId > 0) await u.store.leads.setStatus(agent.leadId, status, agent.user, u.now);
    await this.history.dispositioned(u, agent, status, 'wait', 'api-release');
    return this.change(
      u,
      agent,
      {
        status: 'READY',
        leadId: 0,
        callerId: '',
        uniqueId: '',
        channel: '',
        randomId: 10000000 + randomInt(89999999),
        lastCallFinish: u.now,
        lastStateChange: u.now,
        commands: { recording: '' },
      },
      'api-call-released',
    );
  }

  /** A number (of a known lead, or searched for) dialled from the agent's own screen: as external_dial would, without the API's column. */
  async screenDial(u: Unit, agent: LiveAgent, number: string, phoneCode: string, lead?: Lead): Promise<LiveAgent> {
    if (phaseOf(agent) !== 'paused') return agent;
    const request: DialRequest = {
      number,
      phoneCode,
      search: 'YES',
      preview: 'NO',
      focus: 'NO',
      vendorId: '',
      epoch: Math.floor(u.now.getTime() / 1000),
      dialPrefix: '',
      groupAlias: '',
      callerIdNumber: '',
      vtigerCallbackId: '',
      leadId: '',
      altDial: '',
      dialIngroup: '',
    };
    return this.dial(u, agent, request, await this.resolveDialTarget(u, agent, lead ? { ...request, lead } : request));
  }


  /** A pause code chosen on the screen while paused. */
  async setPauseCode(u: Unit, agent: LiveAgent, code: string): Promise<LiveAgent> {
    if (agent.status !== 'PAUSED') return agent;
    await this.history.pauseCode(u, agent, code);
    return this.change(u, agent, { pauseCode: code }, 'screen-pause-code');
  }

  // --- manual dialing --------------------------------------------------------

  /**
   * Where an external_dial goes, resolved before anything is written so the
   * caller can check the list against API List Restrict first.
   */
  async resolveDialTarget(u: Unit, agent: LiveAgent, request: DialRequest & { lead?: Lead }): Promise<DialTarget> {
    const campaign = await this.campaignOf(u, agent);
    if (request.lead) return { kind: 'lead', lead: request.lead, number: request.number, phoneCode: request.phoneCode };
    const listIds = campaign ? await u.store.campaigns.activeListIds(campaign.id) : [];
    if (request.number === 'MANUALNEXT') {
      const statuses = parseSet(campaign?.dialStatuses ?? ' NEW -');
      const lead = await u.store.leads.nextDialable(listIds, statuses);
      return lead ? { kind: 'lead', lead, number: lead.phoneNumber, phoneCode: lead.phoneCode } : { kind: 'nothing-to-dial' };
    }
    if (request.search === 'YES') {
      const manualList = campaign?.manualDialListId;
      const lead = await u.store.leads.findByPhoneInLists(request.number, manualList ? [...listIds, manualList] : listIds);
      if (lead) return { kind: 'lead', lead, number: request.number, phoneCode: request.phoneCode };
    }
    return {
      kind: 'new',
      listId: campaign?.manualDialListId ?? 998,
      number: request.number,
      phoneCode: request.phoneCode || '1',
    };
  }

  // --- internals ---------------------------------------------------------------

  /** Dial (or preview) a resolved target now. */
  async dial(u: Unit, agent: LiveAgent, request: DialRequest, target: DialTarget): Promise<LiveAgent> {
    // The screen consumes the command even when there is nothing to dial; it must not fire again later.
    if (target.kind === 'nothing-to-dial') return this.change(u, agent, { commands: { dial: '' } }, 'nothing-to-dial');
    const campaign = await this.campaignOf(u, agent);
    const lead =
      target.kind === 'lead'
        ? target.lead
        : await this.createLead(u, target.listId, target.number, target.phoneCode, request.vendorId, agent.user);
    if (!lead) return agent;
    if (request.preview === 'YES') return this.change(u, agent, { previewLeadId: lead.leadId, commands: { dial: '' } }, 'preview');
    return this.startCall(u, agent, {
      lead,
      kind: 'MANUAL',
      queue: campaign?.id ?? agent.campaignId,
      number: target.number,
      phoneCode: target.phoneCode,
    });
  }

  /** A number with no lead gets one, created as the agent's screen would: by the agent. */
  private async createLead(u: Unit, listId: number, number: string, phoneCode: string, vendorId: string, user: string) {
    const leadId = await u.store.leads.insert({
      listId,
      status: 'NEW',
      user,
      now: u.now,
      fields: { phone_number: number, phone_code: phoneCode, vendor_lead_code: vendorId },
    });
    return u.store.leads.find(leadId);
  }

  /** A free agent with queued manual dials takes the oldest one (VICIdial's poll does this). */
  async promoteQueuedDial(u: Unit, agent: LiveAgent): Promise<LiveAgent> {
    if (phaseOf(agent) !== 'paused') return agent;
    const campaign = await this.campaignOf(u, agent);
    if (!campaign || campaign.apiManualDial === 'STANDARD') return agent;
    const text = await u.store.liveAgents.takeQueuedDial(agent.user);
    const request = text ? parseDialRequest(text) : undefined;
    if (!text || !request) return agent;
    const dialled = await this.dialFromRequest(u, agent, request);
    await u.store.liveAgents.removeQueuedDial(agent.user, text);
    return dialled;
  }

  /** Dial a request read back from a command column or the queue. */
  private async dialFromRequest(u: Unit, agent: LiveAgent, request: DialRequest): Promise<LiveAgent> {
    const lead = request.leadId ? await u.store.leads.find(Number(request.leadId)) : undefined;
    const target = await this.resolveDialTarget(u, agent, { ...request, lead });
    return this.dial(u, agent, request, target);
  }

  campaignOf(u: Unit, agent: LiveAgent): Promise<Campaign | undefined> {
    return u.store.campaigns.find(agent.campaignId);
  }

  private async require(u: Unit, user: string): Promise<LiveAgent> {
    const agent = await u.store.liveAgents.find(user);
    if (!agent) throw new Error(`session of ${user} vanished inside its own transaction`);
    return agent;
  }

  /** Write changes and announce the new state. The row is not read back: the store returns what it stored. */
  async change(u: Unit, agent: LiveAgent, requested: LiveAgentChanges, cause: string): Promise<LiveAgent> {
    const changes = goesReady(agent.status, requested.status)
      ? { ...requested, commands: { ...CLEARED_GOING_READY, ...requested.commands } }
      : requested;
    const stored = await u.store.liveAgents.update(agent.user, changes, u.now);
    const updated = applyChanges(agent, stored);
    if (phaseOf(agent) !== phaseOf(updated)) await this.history.transition(u, agent, updated, cause);
    const statusChanged =
      changes.status !== undefined || changes.leadId !== undefined || changes.callerId !== undefined || changes.previewLeadId !== undefined;
    if (statusChanged || changes.pauseCode !== undefined || pendingChanged(agent.commands, changes.commands))
      u.events.add({ type: 'session.changed', user: updated.user, session: snapshotOf(updated), cause }, updated.campaignId);
    return updated;
  }
}

function pendingChanged(before: ApiCommands, after: Partial<ApiCommands> | undefined): boolean {
  return after?.pause !== undefined && after.pause !== before.pause;
}
