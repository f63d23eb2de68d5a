import { describe, expect, it } from 'vitest';
import { DEFAULT_SIM_SETTINGS } from '../domain/telephony.js';
import type { LiveAgent } from '../domain/live-agent.js';
import { callsToPlace, dialOutcome, pickInboundAgent, pickOutboundAgent } from './dialing.js';
import { SeededRandom } from './random.js';

const agent = (user: string, over: Partial<LiveAgent> = {}): LiveAgent =>
  ({
    user,
    status: 'READY',
    leadId: 0,
    call: undefined,
    campaignId: 'C1',
    outboundAutodial: true,
    closerCampaigns: ' IN1 -',
    lastStateChange: new Date(1000),
    ...over,
  }) as LiveAgent;

describe('the dialer', () => {
  it('places ceil(ready × level) calls minus those still ringing', () => {
    expect(callsToPlace(0, 3, 0)).toBe(0);
    expect(callsToPlace(2, 1, 0)).toBe(2);
    expect(callsToPlace(2, 1.5, 0)).toBe(3);
    expect(callsToPlace(2, 1.5, 2)).toBe(1);
    expect(callsToPlace(2, 1, 5)).toBe(0);
    expect(callsToPlace(3, 0, 0)).toBe(0);
  });

  it('answers, busies and rings out at the configured odds, with ring times in range', () => {
    const random = new SeededRandom(42);
    const settings = { ...DEFAULT_SIM_SETTINGS, targetId: 'C1', targetType: 'CAMPAIGN' as const, answerPercent: 50, busyPercent: 25 };
    const counts = { answered: 0, busy: 0, 'no-answer': 0 };
    for (let i = 0; i < 4000; i++) {
      const { outcome, ringSec } = dialOutcome(settings, random);
      counts[outcome.kind]++;
      expect(ringSec).toBeGreaterThanOrEqual(settings.ringMinSec);
      expect(ringSec).toBeLessThanOrEqual(settings.ringMaxSec);
    }
    expect(counts.answered / 4000).toBeCloseTo(0.5, 1);
    expect(counts.busy / 4000).toBeCloseTo(0.25, 1);
    expect(counts['no-answer'] / 4000).toBeCloseTo(0.25, 1);
  });

  it('gives an outbound call to the READY agent of the campaign who waited longest', () => {
    const agents = [
      agent('a', { lastStateChange: new Date(3000) }),
      agent('b', { lastStateChange: new Date(2000) }),
      agent('c', { lastStateChange: new Date(1000), status: 'PAUSED' }),
      agent('d', { lastStateChange: new Date(500), campaignId: 'C2' }),
      agent('e', { lastStateChange: new Date(100), outboundAutodial: false }),
    ];
    expect(pickOutboundAgent(agents, 'C1')?.user).toBe('b');
    expect(pickOutboundAgent([agents[2]!], 'C1')).toBeUndefined();
  });

  it('gives an inbound call to a free agent of the in-group, or to the agent it is meant for', () => {
    const agents = [
      agent('a', { lastStateChange: new Date(3000), status: 'CLOSER' }),
      agent('b', { lastStateChange: new Date(2000), closerCampaigns: ' OTHER -' }),
      agent('c', { lastStateChange: new Date(1000), leadId: 5 }),
    ];
    expect(pickInboundAgent(agents, 'IN1', '')?.user).toBe('a');
    expect(pickInboundAgent(agents, 'IN1', 'b')?.user).toBe('b');
    expect(pickInboundAgent(agents, 'IN1', 'c')).toBeUndefined();
  });
});

describe('the seeded random source', () => {
  it('repeats its sequence for a seed', () => {
    const a = new SeededRandom(9);
    const b = new SeededRandom(9);
    const seq = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seq);
    expect(new SeededRandom(10).next()).not.toBe(seq[0]);
  });
});
