/**
 * The session service on a real database with the demo data (the test
 * harness: in-memory SQLite, or MariaDB with TEST_DATABASE_URL), driven
 * directly in units of work, without the API in front of it.
 *
 * One harness for the file, to stay fast: each test starts with nobody logged
 * in and uses agent 1001 (TESTCAMP, RATIO, dial level 1, default in-group
 * TESTIN).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test/support/harness.js';
import type { LiveAgent } from '../domain/live-agent.js';
import type { SessionEvent } from '../events/session-events.js';
import type { Unit } from '../store/unit-of-work.js';
import type { LoginRequest } from './session-service.js';

let h: Harness;
let events: SessionEvent[] = [];

beforeAll(async () => {
  h = await startHarness();
  h.services.bus.subscribe('*', ({ event }) => void events.push(event));
});
afterAll(() => h?.close());
beforeEach(async () => {
  for (const user of ['1000', '1001', '1002']) await h.logout(user);
  events = [];
});

const run = <T>(work: (u: Unit, sessions: Harness['services']['sessions']) => Promise<T>) =>
  h.services.runner.run((u) => work(u, h.services.sessions));
const login = (request: Partial<LoginRequest> = {}) => run((u, s) => s.login(u, { user: '1001', campaignId: 'TESTCAMP', ...request }));
/** The session of 1001, read through the unit when given (inside a unit only unit.store may be used). */
const find = async (u?: Unit, user = '1001'): Promise<LiveAgent> => {
  const agent = await (u ? u.store.liveAgents.find(user) : h.agent(user));
  if (!agent) throw new Error(`${user} is not logged in`);
  return agent;
};
/** Log 1001 in, make it READY and put it on a call with lead 2. */
async function onCall(): Promise<LiveAgent> {
  await login();
  await run(async (u, s) => s.resume(u, await find(u), 'test'));
  return run(async (u, s) => {
    const lead = await u.store.leads.find(2);
    return s.startCall(u, await find(u), { lead: lead!, kind: 'AUTO', queue: 'TESTCAMP' });
  });
}

describe('SessionService', () => {
  it('login starts a PAUSED session in the campaign with the user’s default in-groups, and announces it', async () => {
    const result = await login();
    expect(result.ok).toBe(true);
    expect(await find()).toMatchObject({ status: 'PAUSED', campaignId: 'TESTCAMP', leadId: 0, call: undefined, closerCampaigns: ' TESTIN -' });
    expect(await h.services.store.liveAgents.liveIngroups('1001')).toEqual(['TESTIN']);
    expect(events.filter((e) => e.type === 'session.started').map((e) => e.user)).toEqual(['1001']);
  });

  it('a second login takes an idle session over: the first ends as "replaced", one row remains', async () => {
    await login();
    const second = await login({ ingroups: [] });
    expect(second.ok).toBe(true);
    expect(events.filter((e) => e.type === 'session.ended')).toEqual([expect.objectContaining({ user: '1001', cause: 'replaced' })]);
    expect(await h.rows('vicidial_live_agents', { user: '1001' })).toHaveLength(1);
    expect(await h.services.store.liveAgents.liveIngroups('1001')).toEqual([]);
  });

  it('a second login is refused while the first has a call or a disposition open, and changes nothing', async () => {
    const before = await onCall();
    expect(before.status).toBe('INCALL');
    expect(await login()).toMatchObject({ ok: false, code: 'busy-elsewhere' });
    expect((await find()).call?.callerId).toBe(before.call?.callerId);

    await run(async (u, s) => s.endCall(u, await find(u), 'customer'));
    expect(await find()).toMatchObject({ status: 'PAUSED', leadId: 2 });
    expect(await login()).toMatchObject({ ok: false, code: 'busy-elsewhere' });
    expect(await find()).toMatchObject({ status: 'PAUSED', leadId: 2 });
  });

  it.each([
    [{ user: '9999' }, 'unknown-user'],
    [{ user: '6666' }, 'api-only-user'],
    [{ campaignId: 'NOPE' }, 'unknown-campaign'],
    [{ ingroups: ['TESTIN', 'NOPE'] }, 'unknown-ingroup'],
  ])('login %o is refused (%s) and writes nothing', async (request, code) => {
    expect(await login(request)).toMatchObject({ ok: false, code });
    expect(await h.rows('vicidial_live_agents')).toHaveLength(0);
    expect(events).toHaveLength(0);
  });

  it('logout with a call open ends the call with the session: no live call, no in-groups, no row', async () => {
    const agent = await onCall();
    const callerId = agent.call!.callerId;
    expect(await h.rows('vicidial_auto_calls', { callerid: callerId })).toHaveLength(1);

    expect(await h.logout('1001')).toBe(true);
    expect(await h.agent('1001')).toBeUndefined();
    expect(await h.rows('vicidial_auto_calls', { callerid: callerId })).toHaveLength(0);
    expect(await h.services.store.liveAgents.liveIngroups('1001')).toEqual([]);
    expect(events.filter((e) => e.type === 'session.ended')).toEqual([expect.objectContaining({ user: '1001', cause: 'test' })]);
    // nothing left to end
    expect(await h.logout('1001')).toBe(false);
  });

  it('a PAUSE pending during INCALL waits for the disposition, then the agent is PAUSED instead of READY', async () => {
    await onCall();
    await run(async (u, s) => s.change(u, await find(u), { commands: { pause: 'PAUSE!1764324000' } }, 'test'));
    expect((await find()).status).toBe('INCALL');

    await run(async (u, s) => s.endCall(u, await find(u), 'customer'));
    expect(await find()).toMatchObject({ status: 'PAUSED', leadId: 2 });
    await run(async (u, s) => s.disposition(u, await find(u), { status: 'SALE', qmCode: '' }, 'test'));
    expect(await find()).toMatchObject({ status: 'PAUSED', leadId: 0 });
    expect((await h.rows('vicidial_list', { lead_id: 2 }))[0]?.status).toBe('SALE');
  });

  it('without a pending pause the agent is READY again after the disposition', async () => {
    await onCall();
    await run(async (u, s) => s.endCall(u, await find(u), 'customer'));
    await run(async (u, s) => s.disposition(u, await find(u), { status: 'NI', qmCode: '' }, 'test'));
    expect(await find()).toMatchObject({ status: 'READY', leadId: 0 });
  });

  it('a disposition preset during the call (external_status) applies as soon as the call ends', async () => {
    await onCall();
    await run(async (u, s) => s.change(u, await find(u), { commands: { status: 'DNC' } }, 'test'));
    await run(async (u, s) => s.endCall(u, await find(u), 'customer'));
    expect(await find()).toMatchObject({ status: 'READY', leadId: 0 });
    expect((await find()).commands.status).toBe('');
    expect((await h.rows('vicidial_list', { lead_id: 2 }))[0]?.status).toBe('DNC');
  });

  it('endCall and disposition at the wrong moment change nothing', async () => {
    await login();
    const idle = await find();
    expect(await run((u, s) => s.endCall(u, idle, 'agent'))).toBe(idle);
    expect(await run((u, s) => s.disposition(u, idle, { status: 'SALE', qmCode: '' }, 'test'))).toBe(idle);
    expect(await find()).toEqual(idle);
    expect(events.filter((e) => e.type === 'session.changed')).toHaveLength(0);
  });
});
