import { describe, expect, it } from 'vitest';
import { countedStatus, subStatus, type SubStatusFacts } from './sub-status.js';

const base: SubStatusFacts = {
  status: 'READY',
  leadId: 0,
  previewLeadId: 0,
  onHookAgent: false,
  ringCallerId: '',
  comments: '',
  threeWay: false,
  parked: false,
  liveCall: undefined,
};

describe('real-time sub-status', () => {
  it('is empty for a waiting agent', () => expect(subStatus(base)).toBe(''));
  it('DISPO: paused with a lead', () => expect(subStatus({ ...base, status: 'PAUSED', leadId: 5 })).toBe('DISPO'));
  it('PREVIEW wins over DISPO', () => expect(subStatus({ ...base, status: 'PAUSED', leadId: 5, previewLeadId: 6 })).toBe('PREVIEW'));
  it('DEAD: in a call that no longer exists', () => expect(subStatus({ ...base, status: 'INCALL', leadId: 5 })).toBe('DEAD'));
  it('PARK', () => expect(subStatus({ ...base, status: 'INCALL', leadId: 5, parked: true })).toBe('PARK'));
  it('DIAL: a manual call not yet connected', () =>
    expect(subStatus({ ...base, status: 'INCALL', leadId: 5, comments: 'MANUAL', liveCall: { uniqueId: '', channel: '' } })).toBe('DIAL'));
  it('3-WAY stays when the call is live', () =>
    expect(subStatus({ ...base, status: 'INCALL', leadId: 5, threeWay: true, liveCall: { uniqueId: '123456.7', channel: 'SIP/x-1' } })).toBe('3-WAY'));
  it('RING: an on-hook agent being rung', () => expect(subStatus({ ...base, onHookAgent: true, ringCallerId: 'Y1128100000000000123' })).toBe('RING'));
  it('counts a paused agent with a lead as DISPO, and only variant B finds DEAD', () => {
    expect(countedStatus({ ...base, status: 'PAUSED', leadId: 3 }, 'C')).toBe('DISPO');
    expect(countedStatus({ ...base, status: 'INCALL', leadId: 3 }, 'B')).toBe('DEAD');
    expect(countedStatus({ ...base, status: 'INCALL', leadId: 3 }, 'C')).toBe('INCALL');
  });
});
