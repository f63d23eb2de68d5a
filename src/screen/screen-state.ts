/**
 * What an agent's screen shows, read in one place: the session and the status
 * as the agent reads it, the call card (the customer's number and the in-group
 * or campaign), a pending pause or logout and who asked for it, the lead on
 * screen with its script, the campaign's dispositions and pause codes, and the
 * telephony's view of the call. Sent whole on connect and after every change,
 * so a screen that reloads or reconnects is at once up to date.
 */
import type { Unit } from '../store/unit-of-work.js';
import { sqlDateTime } from '../domain/clock.js';
import type { Campaign } from '../domain/campaign.js';
import type { Lead } from '../domain/lead.js';
import { hasLiveCall, type LiveAgent } from '../domain/live-agent.js';
import { parseSet } from '../domain/vicidial-sets.js';
import { availableStatus } from '../sessions/rules.js';
import { snapshotOf } from '../sessions/snapshot.js';
import type { Telephony } from '../telephony/telephony.js';
import type { CallCard, CampaignView, PendingAction, ScreenState, ScriptView, SessionSnapshot, TelephonyState } from '../wire/agent-screen.js';
import { displayStatus } from './display-status.js';
import { fillScript } from './script-text.js';

export type { CampaignView, ScreenState };

type Script = { id: string; name: string; text: string } | undefined;

/** What a connected screen reads once and keeps: its campaigns and scripts change only through an administrator. */
export interface ScreenCache {
  readonly campaigns: Map<string, { view: CampaignView | null; campaign: Campaign | undefined }>;
  readonly scripts: Map<string, Script>;
}

export const newScreenCache = (): ScreenCache => ({ campaigns: new Map(), scripts: new Map() });

const NO_TELEPHONY: TelephonyState = { call: null, recording: null, playback: null };

export async function campaignView(u: Unit, campaignId: string): Promise<CampaignView | null> {
  const campaign = await u.store.campaigns.find(campaignId);
  if (!campaign) return null;
  const ingroups = [];
  for (const id of parseSet(campaign.closerCampaigns)) {
    const group = await u.store.campaigns.findInboundGroup(id);
    if (group?.active) ingroups.push({ id: group.id, name: group.name });
  }
  const dispositions = (await u.store.campaigns.dispositions(campaign.id))
    .filter((d) => d.selectable)
    .map((d) => ({ status: d.status, name: d.name, callback: d.scheduledCallback }));
  const pauseCodes = (await u.store.campaigns.pauseCodes(campaign.id)).map((p) => ({ code: p.code, name: p.name }));
  return { id: campaign.id, name: campaign.name, allowInbound: campaign.allowInbound, dialMethod: campaign.dialMethod, ingroups, dispositions, pauseCodes };
}

export async function screenState(u: Unit, user: string, telephony: Telephony, cache: ScreenCache = newScreenCache()): Promise<ScreenState> {
  const agent = await u.store.liveAgents.find(user);
  const account = await u.store.users.find(user);
  const manualDial = account?.agentcallManual === '1';
  const clock = { now: u.now.toISOString(), localNow: sqlDateTime(u.now) };
  const none = { display: null, call: null, pending: null, lead: null, script: null, campaign: null };
  if (!agent) return { user, session: null, ...none, telephony: NO_TELEPHONY, manualDial, availableStatus: 'PAUSED', ...clock };

  const session = snapshotOf(agent);
  const leadId = agent.leadId || agent.previewLeadId;
  const lead = leadId > 0 ? await u.store.leads.find(leadId) : undefined;
  let cached = cache.campaigns.get(agent.campaignId);
  if (!cached) {
    cached = { view: await campaignView(u, agent.campaignId), campaign: await u.store.campaigns.find(agent.campaignId) };
    cache.campaigns.set(agent.campaignId, cached);
  }
  const campaign = cached.view;
  const phone = telephony.stateOf(agent);
  const call = await callCard(u, agent, phone, lead, campaign);
  const pauseCodeName = campaign?.pauseCodes.find((p) => p.code === agent.pauseCode)?.name ?? '';
  return {
    user,
    session,
    display: displayStatus(session, call, pauseCodeName),
    call,
    pending: await pendingAction(u, agent, session),
    lead: lead ? { leadId: lead.leadId, status: lead.status, fields: lead.fields } : null,
    script: lead ? await scriptView(u, cache, agent, lead, account?.fullName ?? '') : null,
    campaign,
    telephony: phone,
    manualDial,
    availableStatus: availableStatus(agent, cached.campaign),
    ...clock,
  };
}

/** The live call as the agent needs it: who is on the line, through which in-group or campaign, since when. */
async function callCard(u: Unit, agent: LiveAgent, phone: TelephonyState, lead: Lead | undefined, campaign: CampaignView | null): Promise<CallCard | null> {
  if (!agent.call || !hasLiveCall(agent)) return null;
  const live = await u.store.liveAgents.findLiveCall(agent.call.callerId);
  const queueId = live?.campaignOrIngroup || agent.campaignId;
  const inbound = agent.call.kind === 'INBOUND';
  const name = inbound
    ? (await u.store.campaigns.findInboundGroup(queueId))?.name
    : queueId === campaign?.id
      ? campaign.name
      : (await u.store.campaigns.find(queueId))?.name;
  return {
    kind: agent.call.kind,
    number: live?.phoneNumber || lead?.phoneNumber || '',
    queue: { id: queueId, name: name ?? '', inbound },
    startedAt: agent.call.startedAt?.toISOString() ?? null,
    stage: phone.call?.stage ?? 'answered',
  };
}

/**
 * A PAUSE or LOGOUT waiting for the disposition, and who asked for it. The
 * command column does not say; the audit trail does: an agent API request
 * for this agent that wrote it (a PAUSE carries the second it was sent).
 * Otherwise the agent asked from its own screen.
 */
async function pendingAction(u: Unit, agent: LiveAgent, session: SessionSnapshot): Promise<PendingAction | null> {
  if (!session.pending) return null;
  let apiUser: string | undefined;
  if (session.pending === 'PAUSE') {
    const sent = new Date(Number(agent.commands.pause.split('!')[1]) * 1000);
    if (!Number.isNaN(sent.getTime())) apiUser = await u.store.audit.requestedBy(agent.user, 'external_pause', sent, sent);
  } else apiUser = await u.store.audit.requestedBy(agent.user, 'logout', agent.lastCallTime ?? new Date(0), u.now);
  if (!apiUser) return { action: session.pending, by: { kind: 'agent' } };
  const name = (await u.store.users.find(apiUser))?.fullName ?? '';
  return { action: session.pending, by: { kind: 'api', user: apiUser, name } };
}

async function scriptView(u: Unit, cache: ScreenCache, agent: LiveAgent, lead: Lead, fullName: string): Promise<ScriptView | null> {
  const key = `${agent.campaignId}|${lead.listId}`;
  if (!cache.scripts.has(key)) cache.scripts.set(key, await u.store.campaigns.scriptFor(agent.campaignId, lead.listId));
  const script = cache.scripts.get(key);
  if (!script) return null;
  const context = { lead: { leadId: lead.leadId, listId: lead.listId, fields: lead.fields }, user: agent.user, fullName, campaignId: agent.campaignId };
  return { id: script.id, name: script.name, text: fillScript(script.text, context) };
}
