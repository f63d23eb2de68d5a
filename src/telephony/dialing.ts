/**
 * The decisions of a dialer and a queue, as pure functions: how many calls
 * to place, what becomes of a dialled number, which agent takes a call.
 */
import type { SimSettings } from '../domain/telephony.js';
import type { LiveAgent } from '../domain/live-agent.js';
import { parseSet } from '../domain/vicidial-sets.js';
import type { SeededRandom } from './random.js';

/** RATIO and ADAPT campaigns dial ceil(READY agents × dial level) calls at once, minus those still ringing. */
export function callsToPlace(readyAgents: number, dialLevel: number, ringing: number): number {
  if (readyAgents < 1 || dialLevel <= 0) return 0;
  return Math.max(0, Math.ceil(readyAgents * dialLevel - 1e-9) - ringing);
}

export const AUTO_DIAL_METHODS = new Set([
  'RATIO',
  'ADAPT_HARD_LIMIT',
  'ADAPT_TAPERED',
  'ADAPT_AVERAGE',
  'SHARED_RATIO',
  'SHARED_ADAPT_HARD_LIMIT',
  'SHARED_ADAPT_TAPERED',
  'SHARED_ADAPT_AVERAGE',
]);

export type DialOutcome = { readonly kind: 'answered' } | { readonly kind: 'busy' } | { readonly kind: 'no-answer' };

/** The fate of a dialled number and how long it rings first. */
export function dialOutcome(settings: SimSettings, random: SeededRandom): { outcome: DialOutcome; ringSec: number } {
  const ringSec = random.between(settings.ringMinSec, settings.ringMaxSec);
  if (random.percent(settings.answerPercent)) return { outcome: { kind: 'answered' }, ringSec };
  const rest = Math.max(0, 100 - settings.answerPercent);
  const busy = rest === 0 ? false : random.percent((settings.busyPercent / rest) * 100);
  return { outcome: busy ? { kind: 'busy' } : { kind: 'no-answer' }, ringSec };
}

/** VICIdial's status for a dialled number nobody answered. */
export const UNANSWERED_STATUS: Record<'busy' | 'no-answer', string> = { busy: 'B', 'no-answer': 'NA' };

const waitingSince = (a: LiveAgent) => a.lastStateChange?.getTime() ?? 0;

/** Free for a call: READY (or CLOSER, inbound only), no lead on screen, no call. */
export function isFree(agent: LiveAgent): boolean {
  return (agent.status === 'READY' || agent.status === 'CLOSER') && agent.leadId === 0 && !agent.call;
}

/** The agent who has waited longest among those who can take an outbound call of the campaign. */
export function pickOutboundAgent(agents: readonly LiveAgent[], campaignId: string): LiveAgent | undefined {
  return agents
    .filter((a) => isFree(a) && a.status === 'READY' && a.campaignId === campaignId && a.outboundAutodial)
    .sort((a, b) => waitingSince(a) - waitingSince(b) || a.user.localeCompare(b.user))[0];
}

/** The agent for a queued inbound call: the one it is meant for, or the longest waiting of the in-group. */
export function pickInboundAgent(agents: readonly LiveAgent[], ingroup: string, agentOnly: string): LiveAgent | undefined {
  const free = agents.filter(isFree);
  if (agentOnly) return free.find((a) => a.user === agentOnly);
  return free
    .filter((a) => parseSet(a.closerCampaigns).includes(ingroup))
    .sort((a, b) => waitingSince(a) - waitingSince(b) || a.user.localeCompare(b.user))[0];
}
