/**
 * The agent screen's endpoints and its WebSocket: login into a campaign, the
 * pushed state, the screen's own commands, bad input, and isolation between
 * agents. A real listening server and a real WebSocket client.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { startHarness, type Harness } from '../support/harness.js';
import { connectScreen, isState, screenCookie, startScreenSession } from '../support/screen-client.js';

let h: Harness;
let base: string;
const sockets: WebSocket[] = [];

beforeEach(async () => {
  h = await startHarness();
  base = await h.app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.terminate();
  await h.close();
});

const cookieFor = (user: string) => screenCookie(h, user);
const startSession = (cookie: string, body: unknown) => startScreenSession(h, cookie, body);
const connect = (cookie: string) => connectScreen(base, cookie, sockets);

describe('logging into a campaign from the screen', () => {
  it('starts a session with the campaign and its in-groups, and lists what may be chosen', async () => {
    const cookie = await cookieFor('1001');
    const campaigns = await h.app.inject({ url: '/api/v2/agent/campaigns', headers: { cookie } });
    expect(campaigns.json().campaigns).toContainEqual({
      id: 'TESTCAMP',
      name: 'Test campaign (auto dial)',
      allowInbound: true,
      ingroups: [
        { id: 'TESTIN', name: 'Test inbound' },
        { id: 'SALESLINE', name: 'Sales line' },
      ],
    });
    const res = await startSession(cookie, { campaign: 'TESTCAMP', ingroups: ['TESTIN'] });
    expect(res.statusCode).toBe(200);
    expect(res.json().session).toMatchObject({ user: '1001', campaignId: 'TESTCAMP', status: 'PAUSED', ingroups: ['TESTIN'] });
    expect(res.json().campaign.dispositions).toContainEqual({ status: 'APPTBK', name: 'Appointment booked', callback: true });
  });

  it('refuses an unknown campaign or in-group with a clear error, and starts nothing', async () => {
    const cookie = await cookieFor('1001');
    const bad = await startSession(cookie, { campaign: 'NOSUCH' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('unknown-campaign');
    const badGroup = await startSession(cookie, { campaign: 'TESTCAMP', ingroups: ['NOSUCH'] });
    expect(badGroup.json().error).toMatchObject({ code: 'unknown-ingroup' });
    expect((await startSession(cookie, { campaign: 'OTHERCMP', ingroups: ['TESTIN'] })).json().error.code).toBe('unknown-ingroup');
    expect((await startSession(cookie, { campaign: "x'; drop" })).statusCode).toBe(400);
    expect(await h.agent('1001')).toBeUndefined();
  });

  it('a second login takes the session over, but not while a call is open', async () => {
    const cookie = await cookieFor('1000');
    await h.startCall('1000');
    const refused = await startSession(cookie, { campaign: 'TESTCAMP' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('busy-elsewhere');
    expect((await h.agent('1000'))?.status).toBe('INCALL');
    await h.endCall('1000');
    await h.api({ agent_user: '1000', function: 'external_status', value: 'SALE' });
    const screen = await connect(cookie);
    await screen.next(isState);
    expect((await startSession(cookie, { campaign: 'OTHERCMP' })).statusCode).toBe(200);
    expect((await screen.next((m) => m.type === 'event' && m.event.type === 'session.ended')).event.cause).toBe('replaced');
    expect((await h.agent('1000'))?.campaignId).toBe('OTHERCMP');
  });

  it('the WebSocket needs the screen login', async () => {
    await expect(connect('agentgate_agent=forged.token')).rejects.toThrow('HTTP 401');
  });
});

describe('pushed changes', () => {
  it('pushes an API command to the agent’s screen at once, and never to another agent’s', async () => {
    const c1000 = await cookieFor('1000');
    const c1001 = await cookieFor('1001');
    await startSession(c1001, { campaign: 'TESTCAMP' });
    const mine = await connect(c1000);
    const other = await connect(c1001);
    expect((await mine.next(isState)).state.session.status).toBe('PAUSED');
    await other.next(isState);

    await h.api({ agent_user: '1000', function: 'external_pause', value: 'RESUME' });
    expect((await mine.next((m) => m.type === 'event')).event).toMatchObject({ type: 'session.changed', user: '1000', session: { status: 'READY' } });
    expect((await mine.next(isState)).state.session.status).toBe('READY');
    await h.api({ agent_user: '1000', function: 'send_notification', recipient: '1000', recipient_type: 'USER', notification_text: 'hello' } as never);
    await mine.next((m) => m.type === 'event' && m.event.type === 'notification');
    expect(other.messages.filter((m) => JSON.stringify(m).includes('"1000"'))).toEqual([]);
    expect(other.messages).toEqual([]);
  });

  it('a call, its lead and update_fields reach the screen; logout by API ends it', async () => {
    const screen = await connect(await cookieFor('1000'));
    await screen.next(isState);
    await h.startCall('1000', { leadId: 2 });
    const onCall = await screen.next((m) => isState(m) && m.state.lead);
    expect(onCall.state.lead.fields).toMatchObject({ first_name: 'Alan', last_name: 'Turing' });
    await h.api({ agent_user: '1000', function: 'update_fields', first_name: 'Alonzo' });
    expect((await screen.next((m) => isState(m) && m.state.lead?.fields.first_name === 'Alonzo')).state.session.status).toBe('INCALL');
    await h.endCall('1000');
    await h.api({ agent_user: '1000', function: 'logout', value: 'LOGOUT' });
    await h.api({ agent_user: '1000', function: 'external_status', value: 'SALE' });
    expect((await screen.next((m) => m.type === 'event' && m.event.type === 'session.ended')).event.cause).toBe('logout-after-disposition');
    expect((await screen.next((m) => isState(m) && m.state.session === null)).state.session).toBeNull();
  });
});

describe('the screen’s own commands', () => {
  it('pause, resume, pause code, hang-up and a disposition with a callback', async () => {
    const screen = await connect(await cookieFor('1000'));
    await screen.next(isState);
    screen.send({ type: 'resume', ref: 'r1' });
    expect(await screen.next((m) => m.ref === 'r1')).toMatchObject({ type: 'ack' });
    expect((await h.agent('1000'))?.status).toBe('READY');
    screen.send({ type: 'pause', ref: 'p1' });
    await screen.next((m) => m.ref === 'p1');
    screen.send({ type: 'pause_code', code: 'LUNCH', ref: 'c1' });
    await screen.next((m) => m.ref === 'c1');
    expect(await h.agent('1000')).toMatchObject({ status: 'PAUSED', pauseCode: 'LUNCH' });

    await h.startCall('1000', { leadId: 3 });
    screen.send({ type: 'hangup', ref: 'h1' });
    await screen.next((m) => m.ref === 'h1');
    screen.send({ type: 'dispo', status: 'CALLBK', ref: 'd0' });
    expect(await screen.next((m) => m.ref === 'd0')).toMatchObject({ type: 'error', code: 'callback-date-required' });
    screen.send({ type: 'dispo', status: 'CALLBK', callback: { at: '2026-12-01 09:30:00', type: 'USERONLY', comments: 'call me' }, ref: 'd1' });
    expect(await screen.next((m) => m.ref === 'd1')).toMatchObject({ type: 'ack' });
    expect((await h.rows('vicidial_callbacks', { lead_id: 3 }))[0]).toMatchObject({ callback_time: '2026-12-01 09:30:00', user: '1000', lead_status: 'CALLBK' });
  });

  it('answers malformed, unknown, foreign and impossible commands with an error, and changes nothing', async () => {
    const screen = await connect(await cookieFor('1000'));
    await screen.next(isState);
    const before = await h.rows('vicidial_live_agents', { user: '1000' });
    screen.send('{not json');
    expect(await screen.next((m) => m.type === 'error')).toMatchObject({ code: 'malformed' });
    screen.send({ type: 'explode', ref: 'x' });
    expect(await screen.next((m) => m.ref === 'x')).toMatchObject({ code: 'invalid-command' });
    screen.send({ type: 'resume', user: '1001', ref: 'f' });
    expect(await screen.next((m) => m.ref === 'f')).toMatchObject({ code: 'foreign-agent' });
    screen.send({ type: 'dispo', status: 'SALE', ref: 'd' });
    expect(await screen.next((m) => m.ref === 'd')).toMatchObject({ code: 'not-in-disposition' });
    screen.send({ type: 'dial', phone: '12ab', ref: 'n' });
    expect(await screen.next((m) => m.ref === 'n')).toMatchObject({ code: 'invalid-command' });
    screen.send('x'.repeat(5000));
    expect(await screen.next((m) => m.type === 'error')).toMatchObject({ code: 'malformed' });
    expect(await h.rows('vicidial_live_agents', { user: '1000' })).toEqual(before);
    screen.send({ type: 'ping', ref: 'alive' });
    expect(await screen.next((m) => m.ref === 'alive')).toMatchObject({ type: 'ack' });
  });

  it('a manual dial from the screen rings, and is answered by the simulator', async () => {
    await h.services.store.telephony.saveSimSettings({ targetId: 'TESTCAMP', targetType: 'CAMPAIGN', active: true, answerPercent: 100, busyPercent: 0, ringMinSec: 2, ringMaxSec: 2, talkMinSec: 60, talkMaxSec: 60, callsPerMinute: 0, queueTimeoutSec: 60 });
    const screen = await connect(await cookieFor('1000'));
    await screen.next(isState);
    screen.send({ type: 'dial', phone: '3125550104', ref: 'd' });
    await screen.next((m) => m.ref === 'd');
    expect((await screen.next((m) => isState(m) && m.state.telephony.call)).state.telephony.call.stage).toBe('ringing');
    await h.advance(2000);
    expect((await screen.next((m) => isState(m) && m.state.telephony.call?.stage === 'answered')).state.lead.fields.first_name).toBe('Edsger');
  });
});

describe('a screen that goes away', () => {
  it('ends a screen-started session after the timeout, unless the screen comes back', async () => {
    const cookie = await cookieFor('1001');
    await startSession(cookie, { campaign: 'TESTCAMP' });
    const first = await connect(cookie);
    await first.next(isState);
    sockets[0]!.close();
    await new Promise((r) => setTimeout(r, 50));
    await h.advance(30_000);
    const again = await connect(cookie); // a reload: the same session
    expect((await again.next(isState)).state.session.user).toBe('1001');
    sockets[1]!.close();
    await new Promise((r) => setTimeout(r, 50));
    await h.advance(60_000);
    expect(await h.agent('1001')).toBeUndefined();
  });
});
