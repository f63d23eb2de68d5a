/**
 * The call simulator on virtual time: every call path, seeded and replayable.
 * Time moves only when a test advances it (h.advance), so no assertion depends
 * on the wall clock.
 *
 * Demo data: agent 1000 is logged into TESTCAMP (RATIO, dial level 1, in-groups
 * TESTIN and SALESLINE) and starts PAUSED; 1001 is not logged in.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SIM_SETTINGS, type SimSettings } from '../../src/domain/telephony.js';
import type { SessionEvent } from '../../src/events/session-events.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
let events: SessionEvent[];

beforeEach(async () => {
  h = await startHarness();
  events = [];
  h.services.bus.subscribe('*', (e) => events.push(e));
});
afterEach(() => h.close());

async function configure(targetId: string, settings: Partial<SimSettings>, targetType: SimSettings['targetType'] = 'CAMPAIGN') {
  await h.services.store.telephony.saveSimSettings({ ...DEFAULT_SIM_SETTINGS, ringMinSec: 3, ringMaxSec: 3, talkMinSec: 30, talkMaxSec: 30, targetId, targetType, ...settings });
}
const resume = (user: string) => h.api({ agent_user: user, function: 'external_pause', value: 'RESUME' });
const dial = (user: string, phone: string) => h.api({ agent_user: user, function: 'external_dial', value: phone, lead_id: '1', search: 'NO', preview: 'NO', focus: 'NO' });
const statuses = (user: string) =>
  events.filter((e): e is Extract<SessionEvent, { type: 'session.changed' }> => e.type === 'session.changed' && e.user === user).map((e) => e.session.status);

describe('manual dial', () => {
  it('rings for the ring time, is answered, and ends when the customer hangs up after the talk time', async () => {
    await configure('TESTCAMP', { answerPercent: 100 });
    expect((await dial('1000', '3125550101')).body).toMatch(/^SUCCESS: external_dial function set/);
    const agent = await h.agent('1000');
    expect(agent).toMatchObject({ status: 'INCALL' });
    expect(h.services.telephony.stateOf(agent!).call).toMatchObject({ stage: 'ringing' });

    await h.advance(3000);
    expect(h.services.telephony.stateOf((await h.agent('1000'))!).call).toMatchObject({ stage: 'answered' });
    expect(events.some((e) => e.type === 'telephony' && e.state.call?.stage === 'answered')).toBe(true);

    await h.advance(29_000);
    expect((await h.agent('1000'))?.status).toBe('INCALL');
    await h.advance(1000);
    const ended = await h.agent('1000');
    expect(ended).toMatchObject({ status: 'PAUSED', leadId: 1 });
    expect(ended?.call).toBeUndefined();
    const [log] = await h.rows('vicidial_log', { lead_id: 1 });
    expect(log).toMatchObject({ user: '1000', comments: 'MANUAL', term_reason: 'CALLER', length_in_sec: 33, campaign_id: 'TESTCAMP' });
  });

  it.each([
    [{ answerPercent: 0, busyPercent: 100 }, 'B'],
    [{ answerPercent: 0, busyPercent: 0 }, 'NA'],
  ])('an unanswered dial (%o) ends by itself with status %s and frees the agent', async (odds, status) => {
    await configure('TESTCAMP', odds);
    await dial('1000', '3125550101');
    await h.advance(3000);
    const agent = await h.agent('1000');
    expect(agent).toMatchObject({ leadId: 0, status: 'READY' });
    expect((await h.rows('vicidial_list', { lead_id: 1 }))[0]).toMatchObject({ status });
    expect((await h.rows('vicidial_log', { lead_id: 1 }))[0]).toMatchObject({ status, term_reason: 'SYSTEM', user: '1000' });
  });

  it('a hang-up by the agent during ringing cancels the outcome', async () => {
    await configure('TESTCAMP', { answerPercent: 100 });
    await dial('1000', '3125550101');
    await h.api({ agent_user: '1000', function: 'external_hangup', value: '1' });
    await h.advance(60_000);
    expect(await h.agent('1000')).toMatchObject({ status: 'PAUSED', leadId: 1 });
    expect((await h.rows('vicidial_log', { lead_id: 1 }))[0]).toMatchObject({ term_reason: 'AGENT', length_in_sec: 0 });
  });
});

describe('auto dial (RATIO)', () => {
  it('dials from the hopper for a READY agent, routes the answer QUEUE then INCALL, and logs it', async () => {
    await configure('TESTCAMP', { answerPercent: 100 });
    await resume('1000');
    await h.advance(1000); // the dialer's tick places one call (1 READY agent × level 1)
    const placed = await h.rows('vicidial_auto_calls', { status: 'SENT' });
    expect(placed).toHaveLength(1);
    expect(String(placed[0]!.callerid)).toMatch(/^V\d{10}0{8}1$/);
    expect((await h.rows('vicidial_hopper')).length).toBeGreaterThan(0);

    await h.advance(3000);
    expect(await h.agent('1000')).toMatchObject({ status: 'INCALL', leadId: 1, call: { kind: 'AUTO' } });
    expect(statuses('1000').slice(-2)).toEqual(['QUEUE', 'INCALL']);
    expect((await h.rows('vicidial_log', { lead_id: 1 }))[0]).toMatchObject({ user: '1000', comments: 'AUTO', status: 'INCALL' });
  });

  it('drops an answered call when no agent is free, as VDAD', async () => {
    await configure('TESTCAMP', { answerPercent: 100 });
    await resume('1000');
    await h.advance(1000);
    await h.api({ agent_user: '1000', function: 'external_pause', value: 'PAUSE' });
    await h.advance(3000);
    expect(await h.agent('1000')).toMatchObject({ status: 'PAUSED', leadId: 0 });
    expect((await h.rows('vicidial_log', { lead_id: 1 }))[0]).toMatchObject({ user: 'VDAD', status: 'DROP', term_reason: 'ABANDON' });
    expect((await h.rows('vicidial_list', { lead_id: 1 }))[0]).toMatchObject({ status: 'DROP', called_count: 1 });
    expect(await h.rows('vicidial_auto_calls')).toEqual([]);
  });

  it('places ceil(READY agents × dial level) calls', async () => {
    await configure('TESTCAMP', { answerPercent: 0, busyPercent: 100, ringMinSec: 5, ringMaxSec: 5 });
    await h.exec(`update vicidial_campaigns set auto_dial_level = '1.5' where campaign_id = 'TESTCAMP'`);
    await h.login('1001', 'TESTCAMP');
    await resume('1000');
    await resume('1001');
    await h.advance(1000);
    expect(await h.rows('vicidial_auto_calls', { status: 'SENT' })).toHaveLength(3);
    await h.advance(1000); // still ringing: nothing more is placed
    expect(await h.rows('vicidial_auto_calls', { status: 'SENT' })).toHaveLength(3);
    await h.advance(4000);
    expect((await h.rows('vicidial_log')).map((r) => r.status)).toEqual(['B', 'B', 'B']);
  });
});

describe('inbound', () => {
  it('queues calls of an in-group and gives them to the agent who has waited longest', async () => {
    await configure('TESTIN', { callsPerMinute: 60, talkMinSec: 500, talkMaxSec: 500 }, 'INGROUP');
    await h.login('1001', 'TESTCAMP', ['TESTIN']);
    await resume('1001');
    h.clock.advance(5000);
    await resume('1000'); // READY later: 1001 has waited longer
    await h.advance(10_000);
    const first = await h.agent('1001');
    expect(first).toMatchObject({ status: 'INCALL', call: { kind: 'INBOUND' } });
    expect(first?.call?.callerId).toMatch(/^Y/);
    const [closer] = await h.rows('vicidial_closer_log', { user: '1001' });
    expect(closer).toMatchObject({ campaign_id: 'TESTIN', status: 'INCALL' });
  });

  it('drops a call that waits longer than the queue timeout', async () => {
    await configure('TESTIN', { callsPerMinute: 6, queueTimeoutSec: 20 }, 'INGROUP');
    await h.advance(120_000);
    const dropped = await h.rows('vicidial_closer_log', { status: 'DROP' });
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped[0]).toMatchObject({ term_reason: 'QUEUETIMEOUT', campaign_id: 'TESTIN', queue_seconds: 20 });
  });

  it('counts waiting calls in calls_in_queue_count', async () => {
    await configure('TESTIN', { callsPerMinute: 30, queueTimeoutSec: 600 }, 'INGROUP');
    await h.advance(30_000);
    const waiting = (await h.rows('vicidial_auto_calls', { status: 'LIVE' })).length;
    expect(waiting).toBeGreaterThan(0);
    const res = await h.api({ agent_user: '1000', function: 'calls_in_queue_count', value: 'DISPLAY' });
    expect(res.body).toBe(`SUCCESS: calls_in_queue_count - ${waiting}`);
  });
});

describe('history and determinism', () => {
  it('writes the agent time of a full cycle: pause, wait, talk and disposition seconds', async () => {
    await configure('TESTCAMP', { answerPercent: 100, ringMinSec: 4, ringMaxSec: 4, talkMinSec: 40, talkMaxSec: 40 });
    await h.advance(10_000); // paused since login
    await resume('1000');
    await h.advance(5000); // the next tick places the call 1 s later; it rings 4 s
    expect((await h.agent('1000'))?.status).toBe('INCALL');
    await h.advance(40_000); // the customer hangs up
    await h.advance(6000);
    await h.api({ agent_user: '1000', function: 'external_status', value: 'SALE' });
    const rows = await h.rows('vicidial_agent_log', { user: '1000' });
    expect(rows[0]).toMatchObject({ pause_sec: 10, wait_sec: 5, talk_sec: 40, dispo_sec: 6, status: 'SALE', lead_id: 1, comments: 'AUTO', sub_status: 'LOGIN' });
    expect(rows[1]).toMatchObject({ wait_epoch: expect.any(Number), pause_epoch: null });
    expect((await h.rows('vicidial_log', { lead_id: 1 }))[0]).toMatchObject({ status: 'SALE', term_reason: 'CALLER', length_in_sec: 40 });
  });

  it('replays the same calls from the same seed', async () => {
    async function run(seed: number) {
      const s = await startHarness({ seed });
      try {
        await s.services.store.telephony.saveSimSettings({ ...DEFAULT_SIM_SETTINGS, targetId: 'TESTCAMP', targetType: 'CAMPAIGN' });
        await s.api({ agent_user: '1000', function: 'external_pause', value: 'RESUME' });
        for (let i = 0; i < 60; i++) {
          await s.advance(10_000);
          if ((await s.agent('1000'))?.status === 'PAUSED')
            await s.api({ agent_user: '1000', function: 'external_status', value: 'SALE' });
        }
        const log = await s.rows('vicidial_log');
        return log.map((r) => `${r.lead_id}:${r.status}:${r.user}:${r.length_in_sec}`);
      } finally {
        await s.close();
      }
    }
    const a = await run(7);
    expect(a.length).toBeGreaterThan(3);
    expect(await run(7)).toEqual(a);
    expect(await run(8)).not.toEqual(a);
  });

  it('does nothing once stopped', async () => {
    await configure('TESTCAMP', { answerPercent: 100 });
    await resume('1000');
    h.services.telephony.stop();
    await h.advance(60_000);
    expect(await h.rows('vicidial_auto_calls')).toEqual([]);
    expect(h.scheduler.size).toBe(0);
  });
});

describe('recording', () => {
  const recordingOf = async (user: string) => h.services.telephony.stateOf((await h.agent(user))!).recording;

  it('ends with the call, as in VICIdial: the recording_log row is closed and nothing shows it on the next call', async () => {
    await configure('TESTCAMP', { answerPercent: 100, talkMinSec: 30, talkMaxSec: 30 });
    await h.startCall('1000', { leadId: 1 });
    await h.advance(5000);
    expect((await h.api({ agent_user: '1000', function: 'recording', value: 'START' })).body).toMatch(/^SUCCESS/);
    expect(await recordingOf('1000')).toMatchObject({ filename: expect.stringMatching(/_1000$/) });

    await h.advance(25_000); // the customer hangs up
    expect((await h.agent('1000'))?.status).toBe('PAUSED');
    expect(await recordingOf('1000')).toBeNull();
    const [row] = await h.rows('recording_log');
    expect(row).toMatchObject({ length_in_sec: 25, end_time: '2026-11-28 10:00:30' });
    expect((await h.rows('vicidial_live_agents', { user: '1000' }))[0]?.external_recording).toBe('');
    expect((await h.api({ agent_user: '1000', function: 'recording', value: 'STATUS' })).body).toMatch(/^NOTICE: not recording/);

    await h.api({ agent_user: '1000', function: 'external_status', value: 'SALE' });
    await h.startCall('1000', { leadId: 2 });
    expect(await recordingOf('1000')).toBeNull();
  });

  it('ends when the agent logs out', async () => {
    await h.api({ agent_user: '1000', function: 'recording', value: 'START' });
    await h.advance(10_000);
    await h.logout('1000');
    expect((await h.rows('recording_log'))[0]).toMatchObject({ length_in_sec: 10 });
  });
});
