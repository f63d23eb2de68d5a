import { describe, expect, it } from 'vitest';
import type { SessionEvent, SessionSnapshot } from '../domain/session-events.js';
import type { StoredEvent } from '../events/event-bus.js';
import { EventProjector, leadOfCallerId } from './event-projector.js';

const session: SessionSnapshot = {
  user: '1000', campaignId: 'TESTCAMP', status: 'PAUSED', phase: 'disposition', leadId: 7, previewLeadId: 0, call: null,
  pauseCode: '', pending: null, ingroups: [], since: '2026-11-28T10:00:00.000Z', callsToday: 3,
};
let id = 0;
const stored = (event: SessionEvent, commandId: string | null = null): StoredEvent => ({
  id: ++id, seq: id, user: '1000', campaignId: 'TESTCAMP', commandId, at: '2026-11-28 10:00:00', event,
});
const telephony = (stage: 'ringing' | 'answered' | null): SessionEvent => ({
  type: 'telephony',
  user: '1000',
  state: { call: stage ? { callerId: 'M1128100000000000007', stage, parked: null, thirdParty: null, dtmf: '' } : null, recording: null, playback: null },
});

describe('EventProjector', () => {
  it("projects a status change with VICIdial's word, the name, the seq and the command_id", () => {
    const p = new EventProjector(() => 'Agent 1000');
    const out = p.project(stored({ type: 'session.changed', user: '1000', session, cause: 'api-pause' }, 'cmd-1'));
    expect(out).toEqual({
      name: 'agent',
      data: {
        id, user: '1000', seq: id, campaign: 'TESTCAMP', command_id: 'cmd-1', at: '2026-11-28 10:00:00', kind: 'status', cause: 'api-pause',
        agent: { user: '1000', name: 'Agent 1000', campaign: 'TESTCAMP', status: 'DISPO', pauseCode: '', since: session.since, leadId: 7, callsToday: 3, seq: id },
      },
    });
  });

  it('tells a call once per stage (offered, answered, ended), whatever else the telephony reports', () => {
    const p = new EventProjector(() => '');
    const calls = [telephony('ringing'), telephony('ringing'), telephony('answered'), telephony('answered'), telephony(null), telephony(null)]
      .map((e) => p.project(stored(e)))
      .map((out) => (out?.name === 'call' ? `${out.data.call}:${out.data.leadId}` : '-'));
    expect(calls).toEqual(['offered:7', '-', 'answered:7', '-', 'ended:0', '-']);
  });

  it('knows from the snapshot that an agent is on a call, so its end is told', () => {
    const p = new EventProjector(() => '');
    p.knowCall('1000', true);
    expect(p.project(stored(telephony(null)))?.name).toBe('call');
  });

  it("leaves out what only the agent's own screen needs", () => {
    const p = new EventProjector(() => '');
    expect(p.project(stored({ type: 'panel.refresh', user: '1000', panels: ['x'] }))).toBeUndefined();
    expect(p.project(stored({ type: 'notification', user: '1000', notificationId: 1, text: 'private', confetti: false }))).toBeUndefined();
    expect(p.project(stored({ type: 'call.dispositioned', user: '1000', leadId: 7, status: 'SALE' }))?.name).toBe('disposition');
  });

  it('reads the lead id at the end of a VICIdial caller id', () => {
    expect(leadOfCallerId('M1128100000000000007')).toBe(7);
    expect(leadOfCallerId('Y1128100000000123456')).toBe(123456);
    expect(leadOfCallerId('')).toBe(0);
  });
});
