/**
 * What the agent screen shows and does beyond pause and resume: the status as
 * an agent reads it, the call card, a pending pause and who asked for it
 * (and undoing it), staying paused after a dial from a pause, the 3-way call
 * controls, transfers to agents, the script, the lead form, callbacks, and
 * logging yourself out. A real server and a real WebSocket client.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { DEFAULT_SIM_SETTINGS } from '../../src/domain/telephony.js';
import { startHarness, type Harness } from '../support/harness.js';
import { connectScreen, isState, screenCookie, startScreenSession, type ScreenClient } from '../support/screen-client.js';

let h: Harness;
let base: string;
const sockets: WebSocket[] = [];

beforeEach(async () => {
  h = await startHarness();
  base = await h.app.listen({ port: 0, host: '127.0.0.1' });
  // Manual dials ring 2 s and are answered; calls last ten minutes unless someone hangs up.
  await h.services.store.telephony.saveSimSettings({
    ...DEFAULT_SIM_SETTINGS,
    targetId: 'TESTCAMP',
    targetType: 'CAMPAIGN',
    answerPercent: 100,
    ringMinSec: 2,
    ringMaxSec: 2,
    talkMinSec: 600,
    talkMaxSec: 600,
  });
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.terminate();
  await h.close();
});

/** Agent 1000's screen (the demo logs 1000 into TESTCAMP, paused). */
async function screen1000(): Promise<ScreenClient> {
  const screen = await connectScreen(base, await screenCookie(h, '1000'), sockets);
  await screen.next(isState);
  return screen;
}
const stateWhere = (screen: ScreenClient, match: (state: Record<string, any>) => boolean) =>
  screen.next((m) => isState(m) && match(m.state)).then((m) => m.state as Record<string, any>);

describe('the status and the call card', () => {
  it('a manual dial reads DIALING while it rings, then INCALL, with the number and the campaign, not the call id', async () => {
    const screen = await screen1000();
    expect((await screen.command({ type: 'dial', phone: '3125550104', ref: 'd' })).type).toBe('ack');
    const ringing = await stateWhere(screen, (s) => s.call?.stage === 'ringing');
    expect(ringing.session.status).toBe('INCALL'); // VICIdial's row, unchanged
    expect(ringing.display).toEqual({ label: 'DIALING', text: 'Dialing 3125550104' });
    expect(ringing.call).toMatchObject({ kind: 'MANUAL', number: '3125550104', queue: { id: 'TESTCAMP', name: 'Test campaign (auto dial)', inbound: false } });
    await h.advance(2000);
    expect((await stateWhere(screen, (s) => s.call?.stage === 'answered')).display.label).toBe('INCALL');
  });

  it('an inbound call names its in-group; the disposition step reads WRAP-UP, not PAUSED', async () => {
    const screen = await screen1000();
    await h.startCall('1000', { leadId: 2, kind: 'INBOUND' });
    const onCall = await stateWhere(screen, (s) => s.call !== null);
    expect(onCall.call).toMatchObject({ kind: 'INBOUND', number: '3125550102', queue: { id: 'TESTIN', name: 'Test inbound', inbound: true } });
    expect(onCall.call.startedAt).toBe('2026-11-28T10:00:00.000Z');
    await h.endCall('1000');
    const wrapUp = await stateWhere(screen, (s) => s.session.phase === 'disposition');
    expect(wrapUp.session.status).toBe('PAUSED');
    expect(wrapUp.display.label).toBe('WRAP-UP');
    expect(wrapUp.call).toBeNull();
  });
});

describe('pause after this call', () => {
  it('says which API user asked for it, and the agent can undo it', async () => {
    const screen = await screen1000();
    await h.startCall('1000', { leadId: 1 });
    await h.api({ agent_user: '1000', function: 'external_pause', value: 'PAUSE' });
    const pending = await stateWhere(screen, (s) => s.pending !== null);
    expect(pending.pending).toEqual({ action: 'PAUSE', by: { kind: 'api', user: '6666', name: 'Integration API user' } });

    expect((await screen.command({ type: 'cancel_pending', ref: 'c' })).type).toBe('ack');
    expect((await stateWhere(screen, (s) => s.pending === null)).session.pending).toBeNull();
    await h.endCall('1000');
    await screen.command({ type: 'dispo', status: 'SALE', ref: 's' });
    expect((await h.agent('1000'))?.status).toBe('READY');
  });

  it('one the agent asked for reads as its own', async () => {
    const screen = await screen1000();
    await h.startCall('1000', { leadId: 1 });
    await screen.command({ type: 'pause', ref: 'p' });
    expect((await stateWhere(screen, (s) => s.pending !== null)).pending).toEqual({ action: 'PAUSE', by: { kind: 'agent' } });
    await h.endCall('1000');
    await screen.command({ type: 'dispo', status: 'SALE', ref: 's' });
    expect((await h.agent('1000'))?.status).toBe('PAUSED');
  });

  it('a logout waiting for the call cannot be undone from the screen', async () => {
    const screen = await screen1000();
    await h.startCall('1000', { leadId: 1 });
    await h.api({ agent_user: '1000', function: 'logout', value: 'LOGOUT' });
    expect((await stateWhere(screen, (s) => s.pending !== null)).pending).toEqual({ action: 'LOGOUT', by: { kind: 'api', user: '6666', name: 'Integration API user' } });
    expect(await screen.command({ type: 'cancel_pending', ref: 'c' })).toMatchObject({ type: 'error', code: 'logout-pending' });
    expect(await screen.command({ type: 'cancel_pending', ref: 'c' })).toMatchObject({ type: 'error', code: 'logout-pending' });
  });

  it('a dial from a pause keeps the agent paused after the call, unless the agent unticks it', async () => {
    const screen = await screen1000();
    await screen.command({ type: 'pause_code', code: 'BREAK', ref: 'b' });
    await screen.command({ type: 'dial', phone: '3125550104', ref: 'd' });
    expect((await stateWhere(screen, (s) => s.pending !== null)).pending).toEqual({ action: 'PAUSE', by: { kind: 'agent' } });
    await h.advance(2000);
    await screen.command({ type: 'hangup', ref: 'h' });
    await screen.command({ type: 'dispo', status: 'NI', ref: 'n' });
    expect((await h.agent('1000'))?.status).toBe('PAUSED');

    await screen.command({ type: 'dial', phone: '3125550105', ref: 'd2' });
    await screen.command({ type: 'cancel_pending', ref: 'c' });
    await screen.command({ type: 'hangup', ref: 'h2' });
    await screen.command({ type: 'dispo', status: 'NI', ref: 'n2' });
    expect((await h.agent('1000'))?.status).toBe('READY');
  });
});

describe('the 3-way call and transfers', () => {
  it('refuses to leave (or hang up) a 3-way call that is not there, and the customer stays on the line', async () => {
    const screen = await screen1000();
    await h.startCall('1000', { leadId: 1 });
    for (const action of ['leave_3way', 'hangup_xfer', 'hangup_both'])
      expect(await screen.command({ type: 'transfer', action, ref: action })).toMatchObject({ type: 'error', code: 'no-3way' });
    expect((await h.agent('1000'))?.status).toBe('INCALL');
    expect(await h.rows('vicidial_log', { lead_id: 1 })).toMatchObject([{ end_epoch: null }]);
  });

  it('leaves a real 3-way call: the customer stays with the third party', async () => {
    const screen = await screen1000();
    await h.startCall('1000', { leadId: 1 });
    await screen.command({ type: 'transfer', action: 'dial', target: '3125559999', ref: 'x' });
    await h.advance(3000);
    expect((await stateWhere(screen, (s) => s.telephony.call?.thirdParty?.stage === 'connected')).telephony.call.thirdParty.target).toBe('3125559999');
    expect(await screen.command({ type: 'transfer', action: 'blind', target: '3125558888', ref: 'b' })).toMatchObject({ type: 'error', code: '3way-in-progress' });
    expect((await screen.command({ type: 'transfer', action: 'leave_3way', ref: 'l' })).type).toBe('ack');
    expect((await h.agent('1000'))?.status).toBe('PAUSED');
  });

  it('transfers to an agent of the same campaign through an in-group, for that agent only; the directory lists both', async () => {
    const c1001 = await screenCookie(h, '1001');
    await startScreenSession(h, c1001, { campaign: 'TESTCAMP', ingroups: [] });
    await h.api({ agent_user: '1001', function: 'external_pause', value: 'RESUME' });
    const screen = await screen1000();
    const directory = (await h.app.inject({ url: '/api/v2/agent/directory', headers: { cookie: await screenCookie(h, '1000') } })).json();
    expect(directory).toEqual({
      ingroups: [
        { id: 'TESTIN', name: 'Test inbound' },
        { id: 'SALESLINE', name: 'Sales line' },
      ],
      agents: [{ user: '1001', name: 'Agent 1001', status: 'READY' }],
    });
    await h.startCall('1000', { leadId: 1 });
    expect(await screen.command({ type: 'transfer', action: 'agent', target: '1002', ref: 'x' })).toMatchObject({ type: 'error', code: 'unknown-agent', field: 'target' });
    expect(await screen.command({ type: 'transfer', action: 'agent', target: '1000', ref: 'self' })).toMatchObject({ type: 'error', code: 'unknown-agent' });
    expect((await screen.command({ type: 'transfer', action: 'agent', target: '1001', ref: 't' })).type).toBe('ack');
    expect(await h.rows('vicidial_auto_calls', { agent_only: '1001' })).toMatchObject([{ campaign_id: 'TESTIN', status: 'LIVE' }]);
    await h.advance(1000);
    expect(await h.agent('1001')).toMatchObject({ status: 'INCALL', leadId: 1 });
  });

  it('park, digits and transfers wait until the customer answers', async () => {
    const screen = await screen1000();
    await screen.command({ type: 'dial', phone: '3125550104', ref: 'd' });
    for (const command of [{ type: 'park', action: 'PARK_CUSTOMER' }, { type: 'dtmf', digits: '1' }, { type: 'transfer', action: 'blind', target: '3125558888' }])
      expect(await screen.command({ ...command, ref: command.type })).toMatchObject({ type: 'error', code: 'not-answered' });
  });
});

describe('the lead, its script and the disposition', () => {
  it('fills the campaign script with the lead’s and the agent’s values', async () => {
    const screen = await screen1000();
    await h.startCall('1000', { leadId: 1 });
    const onCall = await stateWhere(screen, (s) => s.script !== null);
    expect(onCall.script).toMatchObject({ id: 'DEMOSCRIPT', name: 'Demo script' });
    expect(onCall.script.text).toContain('Hello, may I speak with Ada Lovelace?');
    expect(onCall.script.text).toContain('This is Agent 1000 calling for the TESTCAMP campaign.');
    await h.api({ agent_user: '1000', function: 'update_fields', first_name: 'Augusta' });
    expect((await stateWhere(screen, (s) => s.lead.fields.first_name === 'Augusta')).script.text).toContain('speak with Augusta Lovelace?');
  });

  it('saves the lead’s fields with update_fields’ rules, and names the field it refuses', async () => {
    const screen = await screen1000();
    expect(await screen.command({ type: 'save_lead', fields: { city: 'Paris' }, ref: 'none' })).toMatchObject({ type: 'error', code: 'no-lead' });
    await h.startCall('1000', { leadId: 1 });
    expect((await screen.command({ type: 'save_lead', fields: { city: 'London', email: 'ada@example.com' }, ref: 's' })).type).toBe('ack');
    expect((await stateWhere(screen, (s) => s.lead?.fields.city === 'London')).lead.fields.email).toBe('ada@example.com');
    expect((await h.rows('vicidial_list', { lead_id: 1 }))[0]).toMatchObject({ city: 'London', email: 'ada@example.com' });

    const before = (await h.rows('vicidial_list', { lead_id: 1 }))[0];
    expect(await screen.command({ type: 'save_lead', fields: { city: 'Rome', comments: 'a;b' }, ref: 'bad' })).toMatchObject({
      type: 'error',
      code: 'invalid-field',
      field: 'fields.comments',
      message: 'comments cannot contain these characters: ;.',
    });
    expect(await screen.command({ type: 'save_lead', fields: { status: 'SALE' }, ref: 'status' })).toMatchObject({ code: 'invalid-field', field: 'fields.status' });
    expect(await screen.command({ type: 'save_lead', fields: { postal_code: 'x'.repeat(11) }, ref: 'long' })).toMatchObject({ code: 'invalid-field', field: 'fields.postal_code' });
    expect((await h.rows('vicidial_list', { lead_id: 1 }))[0]).toEqual(before);
  });

  it('a callback needs a date and time after now, said at the date field; a good one is booked', async () => {
    const screen = await screen1000();
    await h.startCall('1000', { leadId: 3 });
    await h.endCall('1000');
    const cases: [unknown, string][] = [
      [undefined, 'callback-date-required'],
      [{ at: '2026-02-30 10:00:00', type: 'USERONLY' }, 'callback-date-invalid'],
      [{ at: '2026-11-28 09:59:00', type: 'USERONLY' }, 'callback-in-past'],
    ];
    for (const [callback, code] of cases)
      expect(await screen.command({ type: 'dispo', status: 'CALLBK', ...(callback ? { callback } : {}), ref: code })).toMatchObject({ type: 'error', code, field: 'callback.at' });
    expect(await screen.command({ type: 'dispo', status: 'CALLBK', callback: { at: 'tomorrow', type: 'USERONLY' }, ref: 'z' })).toMatchObject({ code: 'callback-date-invalid' });
    expect((await h.agent('1000'))?.leadId).toBe(3);
    expect((await screen.command({ type: 'dispo', status: 'CALLBK', callback: { at: '2026-11-28 15:30:00', type: 'ANYONE', comments: 'after lunch' }, ref: 'ok' })).type).toBe('ack');
    expect((await h.rows('vicidial_callbacks', { lead_id: 3 }))[0]).toMatchObject({ callback_time: '2026-11-28 15:30:00', recipient: 'ANYONE', user: '', comments: 'after lunch' });
  });
});

describe('callbacks', () => {
  it('lists the agent’s own callbacks with a count, and dials one, which is then done', async () => {
    const cookie = await screenCookie(h, '1000');
    const screen = await connectScreen(base, cookie, sockets);
    await screen.next(isState);
    for (const [leadId, at, type] of [[3, '2026-11-28 15:00:00', 'USERONLY'], [2, '2026-11-28 09:00:00', 'USERONLY'], [4, '2026-11-28 11:00:00', 'ANYONE']] as const) {
      await h.startCall('1000', { leadId });
      await h.endCall('1000');
      await h.api({ agent_user: '1000', function: 'external_status', value: 'CALLBK', callback_datetime: at, callback_type: type, callback_comments: 'call back' });
    }
    const list = (await h.app.inject({ url: '/api/v2/agent/callbacks', headers: { cookie } })).json();
    expect(list.count).toBe(2);
    expect(list.callbacks).toMatchObject([
      { leadId: 2, at: '2026-11-28 09:00:00', due: true, name: 'Alan Turing', phone: '3125550102', comments: 'call back', campaignId: 'TESTCAMP' },
      { leadId: 3, at: '2026-11-28 15:00:00', due: false, name: 'Grace Hopper' },
    ]);
    await h.api({ agent_user: '1000', function: 'external_pause', value: 'PAUSE' });
    const foreign = (await h.rows('vicidial_callbacks', { lead_id: 4 }))[0]!.callback_id as number;
    expect(await screen.command({ type: 'dial', callbackId: foreign, ref: 'f' })).toMatchObject({ type: 'error', code: 'unknown-callback', field: 'callbackId' });

    expect((await screen.command({ type: 'dial', callbackId: list.callbacks[0].id, ref: 'cb' })).type).toBe('ack');
    expect(await h.agent('1000')).toMatchObject({ status: 'INCALL', leadId: 2 });
    expect((await h.app.inject({ url: '/api/v2/agent/callbacks', headers: { cookie } })).json().count).toBe(1);
    expect((await h.rows('vicidial_callbacks', { lead_id: 2 }))[0]).toMatchObject({ status: 'INACTIVE' });
  });

  it('needs the screen login', async () => {
    expect((await h.app.inject({ url: '/api/v2/agent/callbacks' })).statusCode).toBe(401);
    expect((await h.app.inject({ url: '/api/v2/agent/directory' })).statusCode).toBe(401);
  });
});

describe('logging out from the screen', () => {
  it('ends the session with the cause screen-logout, not api-logout', async () => {
    const cookie = await screenCookie(h, '1000');
    const screen = await connectScreen(base, cookie, sockets);
    await screen.next(isState);
    expect((await h.app.inject({ method: 'DELETE', url: '/api/v2/agent/session', headers: { cookie } })).json()).toEqual({ loggedOut: true, pending: false });
    expect((await screen.next((m) => m.type === 'event' && m.event.type === 'session.ended')).event.cause).toBe('screen-logout');
  });
});
