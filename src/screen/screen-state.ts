/**
 * What an agent's screen shows, read in one place: the session, the lead on
 * screen (the screen-pop fields), the campaign's dispositions and pause codes,
 * and the telephony's view of the call. Sent whole on connect and after every
 * change, so a screen that reloads or reconnects is at once up to date.
 */
import type { Unit } from '../store/unit-of-work.js';
import type { LeadField } from '../domain/lead.js';
import type { TelephonyState } from '../domain/telephony.js';
import { parseSet } from '../domain/vicidial-sets.js';
import type { SessionSnapshot } from '../events/session-events.js';
import { snapshotOf } from '../sessions/snapshot.js';
import type { Telephony } from '../telephony/telephony.js';

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
  readonly lead: { readonly leadId: number; readonly status: string; readonly fields: Readonly<Record<LeadField, string>> } | null;
  readonly campaign: CampaignView | null;
  readonly telephony: TelephonyState;
  readonly manualDial: boolean;
  /** The server's clock, so a screen counts time in status from the server's moment, not its own. */
  readonly now: string;
}

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

export async function screenState(u: Unit, user: string, telephony: Telephony, campaignCache?: Map<string, CampaignView | null>): Promise<ScreenState> {
  const agent = await u.store.liveAgents.find(user);
  const account = await u.store.users.find(user);
  const manualDial = account?.agentcallManual === '1';
  const now = u.now.toISOString();
  if (!agent) return { user, session: null, lead: null, campaign: null, telephony: NO_TELEPHONY, manualDial, now };
  const leadId = agent.leadId || agent.previewLeadId;
  const lead = leadId > 0 ? await u.store.leads.find(leadId) : undefined;
  let campaign = campaignCache?.get(agent.campaignId);
  if (campaign === undefined) {
    campaign = await campaignView(u, agent.campaignId);
    campaignCache?.set(agent.campaignId, campaign);
  }
  return {
    user,
    session: snapshotOf(agent),
    lead: lead ? { leadId: lead.leadId, status: lead.status, fields: lead.fields } : null,
    campaign,
    telephony: telephony.stateOf(agent),
    manualDial,
    now,
  };
}
