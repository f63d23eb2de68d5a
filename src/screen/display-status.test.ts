import { describe, expect, it } from 'vitest';
import type { CallCard, SessionSnapshot } from '../wire/agent-screen.js';
import { displayStatus } from './display-status.js';

const session = (s: Partial<SessionSnapshot>): SessionSnapshot => ({
  user: '1001',
  campaignId: 'TESTCAMP',
  status: 'READY',
  phase: 'ready',
  leadId: 0,
  previewLeadId: 0,
  call: null,
  pauseCode: '',
  pending: null,
  ingroups: [],
  since: '2026-11-28T10:00:00.000Z',
  callsToday: 0,
  ...s,
});
const call = (stage: CallCard['stage']): CallCard => ({
  kind: 'MANUAL',
  number: '3125550104',
  queue: { id: 'TESTCAMP', name: 'Test campaign', inbound: false },
  startedAt: null,
  stage,
});

describe('displayStatus', () => {
  it('says DIALING while a manual dial rings, though VICIdial’s row already says INCALL', () => {
    const onCall = session({ status: 'INCALL', phase: 'on-call', leadId: 4 });
    expect(displayStatus(onCall, call('ringing'), '')).toEqual({ label: 'DIALING', text: 'Dialing 3125550104' });
    expect(displayStatus(onCall, call('answered'), '')).toEqual({ label: 'INCALL', text: 'On a call with 3125550104' });
  });

  it('says WRAP-UP during the disposition step, though the row says PAUSED', () => {
    expect(displayStatus(session({ status: 'PAUSED', phase: 'disposition', leadId: 4, pending: 'PAUSE' }), null, '').label).toBe('WRAP-UP');
  });

  it('names the pause code, and tells READY from a call being put through', () => {
    expect(displayStatus(session({ status: 'PAUSED', phase: 'paused', pauseCode: 'BREAK' }), null, 'Break').text).toBe('Paused: Break');
    expect(displayStatus(session({ status: 'PAUSED', phase: 'paused' }), null, '').text).toBe('Paused');
    expect(displayStatus(session({ status: 'QUEUE' }), null, '').label).toBe('INCOMING');
    expect(displayStatus(session({ status: 'CLOSER' }), null, '')).toEqual({ label: 'READY', text: 'Ready for inbound calls' });
  });
});
