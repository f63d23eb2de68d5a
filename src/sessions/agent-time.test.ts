import { describe, expect, it } from 'vitest';
import type { AgentTimeChanges, AgentTimeRow } from '../domain/call-log.js';
import { eventForPhases, loginRow, openSpan, step } from './agent-time.js';

const empty: AgentTimeRow = {
  id: 1,
  pauseEpoch: null,
  waitEpoch: null,
  talkEpoch: null,
  dispoEpoch: null,
  pauseSec: 0,
  waitSec: 0,
  talkSec: 0,
  dispoSec: 0,
  leadId: 0,
  uniqueId: '',
  comments: '',
};
const apply = (row: AgentTimeRow, changes: AgentTimeChanges): AgentTimeRow => ({ ...row, ...(changes as Partial<AgentTimeRow>) });

describe('agent time (vicidial_agent_log)', () => {
  it('splits one cycle into pause, wait, talk and disposition seconds', () => {
    let row = apply(empty, loginRow(1000));
    expect(openSpan(row)).toBe('pause');
    row = apply(row, step(row, { kind: 'available' }, 1030).update);
    expect(row).toMatchObject({ pauseSec: 30, waitEpoch: 1030 });
    row = apply(row, step(row, { kind: 'call-start', leadId: 7, uniqueId: 'u1', callKind: 'AUTO' }, 1045).update);
    expect(row).toMatchObject({ waitSec: 15, talkEpoch: 1045, leadId: 7, uniqueId: 'u1', comments: 'AUTO' });
    row = apply(row, step(row, { kind: 'call-end' }, 1105).update);
    expect(row).toMatchObject({ talkSec: 60, dispoEpoch: 1105 });
    const done = step(row, { kind: 'dispositioned', status: 'SALE', next: 'wait', pauseType: 'AGENT' }, 1112);
    expect(done.update).toEqual({ dispoSec: 7, status: 'SALE' });
    expect(done.open).toEqual({ waitEpoch: 1112 });
  });

  it('a manual dial from pause counts the pause and no wait', () => {
    const row = apply(empty, loginRow(1000));
    expect(step(row, { kind: 'call-start', leadId: 1, uniqueId: 'u', callKind: 'MANUAL' }, 1010).update).toMatchObject({
      pauseSec: 10,
      waitEpoch: 1010,
      waitSec: 0,
      talkEpoch: 1010,
    });
  });

  it('pausing while waiting closes the row and opens a pause row of the right type', () => {
    const waiting = apply(empty, { pauseEpoch: 1000, pauseSec: 5, waitEpoch: 1005 });
    expect(step(waiting, { kind: 'paused', pauseType: 'API' }, 1065)).toEqual({
      update: { waitSec: 60 },
      open: { pauseEpoch: 1065, pauseType: 'API' },
    });
  });

  it('logout closes whichever span is open', () => {
    const talking = apply(empty, { pauseEpoch: 0, waitEpoch: 0, talkEpoch: 100 });
    expect(step(talking, { kind: 'logout' }, 130).update).toEqual({ talkSec: 30 });
    expect(step(apply(empty, loginRow(50)), { kind: 'logout' }, 80).update).toEqual({ pauseSec: 30 });
  });

  it('derives pause and wait from a change of phase, and leaves calls and dispositions to explicit events', () => {
    expect(eventForPhases('paused', 'ready', 'API')).toEqual({ kind: 'available' });
    expect(eventForPhases('ready', 'paused', 'API')).toEqual({ kind: 'paused', pauseType: 'API' });
    expect(eventForPhases('on-call', 'disposition', 'API')).toEqual({ kind: 'call-end' });
    expect(eventForPhases('ready', 'on-call', 'API')).toBeUndefined();
    expect(eventForPhases('disposition', 'ready', 'API')).toBeUndefined();
    expect(eventForPhases('paused', 'paused', 'API')).toBeUndefined();
  });
});
