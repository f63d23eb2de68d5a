import { describe, expect, it } from 'vitest';
import type { LiveAgent } from '../domain/live-agent.js';
import { snapshotOf } from '../sessions/snapshot.js';
import { diffSessions } from './live-state-diff.js';

const agent = (user: string, overrides: Partial<LiveAgent> = {}, pause = ''): LiveAgent => ({
  user,
  serverIp: '10.0.0.5',
  confExten: '8600051',
  status: 'PAUSED',
  leadId: 0,
  previewLeadId: 0,
  campaignId: 'TESTCAMP',
  call: undefined,
  closerCampaigns: '',
  outboundAutodial: false,
  pauseCode: '',
  callsToday: 0,
  userLevel: 1,
  randomId: 1,
  lastStateChange: new Date('2026-11-28T10:00:00Z'),
  lastCallTime: undefined,
  commands: {
    hangup: '',
    status: '',
    pause,
    dial: '',
    ingroups: '',
    blended: false,
    ingroupsSetBy: '',
    updateFields: false,
    updateFieldsData: '',
    timerAction: '',
    timerActionMessage: '',
    timerActionSeconds: -1,
    dtmf: '',
    transferConf: '',
    park: '',
    recording: '',
    pauseCode: '',
    switchLeadId: 0,
    managerIngroupSet: 'N',
  },
  ...overrides,
});

const types = (before: Map<string, ReturnType<typeof snapshotOf>>, agents: LiveAgent[]) =>
  diffSessions(before, agents).events.map(({ event }) => `${event.type}:${event.user}`);

describe('diffSessions', () => {
  const before = diffSessions(new Map(), [agent('1001'), agent('1002')]).after;

  it('says nothing when the rows read the same, even when columns no screen shows moved', () => {
    expect(types(before, [agent('1001', { randomId: 9 }), agent('1002')])).toEqual([]);
  });

  it('reports a change of the calls counted today: the wallboard shows them', () => {
    expect(types(before, [agent('1001', { callsToday: 3 }), agent('1002')])).toEqual(['session.changed:1001']);
  });

  it('reports a new row as started, a changed one as changed, a missing one as ended', () => {
    const after = [agent('1001', { status: 'INCALL', leadId: 4 }), agent('1003')];
    expect(types(before, after)).toEqual(['session.changed:1001', 'session.started:1003', 'session.ended:1002']);
  });

  it('carries the new snapshot, the agent’s campaign, and the cause', () => {
    const { events, after } = diffSessions(before, [agent('1001', { pauseCode: 'BREAK' }), agent('1002')]);
    expect(events).toEqual([
      { event: { type: 'session.changed', user: '1001', cause: 'vicidial', session: snapshotOf(agent('1001', { pauseCode: 'BREAK' })) }, campaignId: 'TESTCAMP' },
    ]);
    expect(after.get('1001')?.pauseCode).toBe('BREAK');
  });

  it('a repeated user (VICIdial has no unique key on it) reads as its last row', () => {
    const { after } = diffSessions(new Map(), [agent('1001'), agent('1001', { status: 'READY' })]);
    expect(after.get('1001')?.status).toBe('READY');
  });
});
