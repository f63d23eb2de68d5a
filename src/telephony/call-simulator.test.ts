/**
 * The call simulator as a module: its own instance, on its own virtual
 * scheduler, over the harness's real database, session service and event
 * bus (the harness's simulator is stopped, so only this one acts). Nothing
 * happens until the test moves the scheduler.
 *
 * Demo data: agent 1000 is logged into TESTCAMP (RATIO, dial level 1) and
 * starts PAUSED; 1001 is not logged in.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test/support/harness.js';
import type { CallKind, LiveAgent } from '../domain/live-agent.js';
import { DEFAULT_SIM_SETTINGS, type SimSettings } from '../domain/telephony.js';
import { CallSimulator } from './call-simulator.js';
import { VirtualScheduler } from './scheduler.js';
import { PLAYBACK_SECONDS } from './sim-conference.js';
import type { UnitRunner } from '../store/unit-of-work.js';

let h: Harness;
let scheduler: VirtualScheduler;
let simulator: CallSimulator;

beforeEach(async () => {
  h = await startHarness();
  h.services.telephony.stop();
  scheduler = new VirtualScheduler(h.clock);
  const { runner, sessions, bus } = h.services;
  simulator = new CallSimulator({ runner, sessions, bus, scheduler, seed: 7 });
  simulator.start();
});
afterEach(async () => {
  simulator.stop();
  await h.close();
});

async function configure(settings: Partial<SimSettings>) {
  await h.services.store.telephony.saveSimSettings({
    ...DEFAULT_SIM_SETTINGS,
    ringMinSec: 3,
    ringMaxSec: 3,
    talkMinSec: 30,
    talkMaxSec: 30,
    targetId: 'TESTCAMP',
    targetType: 'CAMPAIGN',
    ...settings,
  });
}

async function agent(user = '1000'): Promise<LiveAgent> {
  const found = await h.agent(user);
  if (!found) throw new Error(`${user} is not logged in`);
  return found;
}

/** Put 1000 on a call with lead 1, as the session service does for a dial. */
function call(kind: CallKind) {
  return h.services.runner.run(async (u) => {
    const lead = await u.store.leads.find(1);
    const me = await u.store.liveAgents.find('1000');
    return h.services.sessions.startCall(u, me!, { lead: lead!, kind, queue: 'TESTCAMP' });
  });
}

const stage = async () => simulator.stateOf(await agent()).call?.stage;
const autoCalls = () => h.rows('vicidial_auto_calls');

describe('CallSimulator', () => {
  it('a manual dial moves on the scheduler only: the clock alone changes nothing', async () => {
    await configure({ answerPercent: 100 });
    await call('MANUAL');
    expect(await stage()).toBe('ringing');

    // The wall clock moving is not enough: only the scheduler runs the simulator's steps.
    h.clock.advance(60_000);
    expect(await stage()).toBe('ringing');
    // The ring time starts when the scheduler runs the dial's first step.
    await scheduler.advance(2_999);
    expect(await stage()).toBe('ringing');
    await scheduler.advance(1);
    expect(await stage()).toBe('answered');
    expect((await agent()).status).toBe('INCALL');
  });

  it('an answered manual dial stays up until the talk time, then goes to the disposition step', async () => {
    await configure({ answerPercent: 100 });
    await call('MANUAL');
    await scheduler.advance(2_999);
    expect(await stage()).toBe('ringing');
    await scheduler.advance(1);
    expect(await stage()).toBe('answered');
    await scheduler.advance(29_999);
    expect((await agent()).status).toBe('INCALL');
    await scheduler.advance(1);
    expect(await agent()).toMatchObject({ status: 'PAUSED', leadId: 1, call: undefined });
  });

  it('a busy manual dial ends by itself with status B and leaves the agent free', async () => {
    await configure({ answerPercent: 0, busyPercent: 100 });
    await call('MANUAL');
    await scheduler.advance(3_000);
    expect(await agent()).toMatchObject({ status: 'READY', leadId: 0, call: undefined });
    expect((await h.rows('vicidial_list', { lead_id: 1 }))[0]?.status).toBe('B');
  });

  it('places no calls while no agent of the campaign is READY, and one for one READY agent', async () => {
    await configure({ answerPercent: 100 });
    await scheduler.advance(10_000);
    expect(await autoCalls()).toHaveLength(0);

    await h.logout('1000');
    await scheduler.advance(10_000);
    expect(await autoCalls()).toHaveLength(0);

    await h.login('1000', 'TESTCAMP');
    await h.services.runner.run(async (u) => h.services.sessions.resume(u, (await u.store.liveAgents.find('1000'))!, 'test'));
    await scheduler.advance(1_000);
    expect(await autoCalls()).toEqual([expect.objectContaining({ status: 'SENT', campaign_id: 'TESTCAMP', call_type: 'OUT' })]);
  });

  it('once stopped it runs nothing: a ringing call is never answered', async () => {
    await configure({ answerPercent: 100 });
    await call('MANUAL');
    simulator.stop();
    await scheduler.advance(120_000);
    expect(await agent()).toMatchObject({ status: 'INCALL', leadId: 1 });
    expect(await stage()).toBeUndefined();
  });

  it('a step that fails later (the database gone) goes to onError, never out as an unhandled rejection', async () => {
    // A playback ends by itself after PLAYBACK_SECONDS and then tells the screen: that step runs long
    // after the command, and the database may be gone by then (a node shutting down, a test's end).
    const errors: unknown[] = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    let failing = false;
    const { runner, sessions, bus } = h.services;
    const flaky = { run: (work: Parameters<UnitRunner['run']>[0]) => (failing ? Promise.reject(new Error('database gone')) : runner.run(work)) } as UnitRunner;
    simulator.stop();
    simulator = new CallSimulator({ runner: flaky, sessions, bus, scheduler, seed: 7, onError: (err) => void errors.push(err) });
    simulator.start();
    try {
      await h.services.runner.run(async (u) => simulator.playback(u, (await u.store.liveAgents.find('1000'))!, 'PLAY', 'hold-music'));
      failing = true;
      await scheduler.advance(PLAYBACK_SECONDS * 1000);
      await new Promise((resolve) => setImmediate(resolve));
      // The dialer's ticks fail the same way meanwhile: every failure is reported, none escapes.
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((err) => (err as Error).message === 'database gone')).toBe(true);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
