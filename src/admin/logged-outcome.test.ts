import { describe, expect, it } from 'vitest';
import type { AuditRowView } from '../wire/admin.js';
import { loggedOutcome } from './logged-outcome.js';

const row = (over: Partial<AuditRowView>): AuditRowView => ({
  apiId: 1,
  date: '2026-11-28 10:00:00',
  script: 'agent',
  user: '6668',
  agentUser: '1000',
  function: 'external_pause',
  value: 'PAUSE',
  result: 'ERROR',
  reason: 'Invalid Username/Password',
  source: 'crm',
  data: '6668|BAD|',
  runTime: '0.001',
  remoteIp: '127.0.0.1',
  url: '',
  ...over,
});

describe("a logged request's real outcome", () => {
  it('says a wrong password refused it, which explain cannot judge', () => {
    expect(loggedOutcome(row({}))).toEqual({ refused: true, summary: "refused: the password is not 6668's", beyondExplain: true });
    expect(loggedOutcome(row({ data: '6668|SHORT|' }))).toMatchObject({ refused: true, beyondExplain: true });
  });

  it('names the other login failures, which explain does judge (as things stand now)', () => {
    expect(loggedOutcome(row({ data: '6668|LOCK|' }))).toEqual({
      refused: true,
      summary: 'refused: 6668 is locked after 10 failed logins (15 minutes from the tenth)',
      beyondExplain: false,
    });
    // A row VICIdial's own api.php wrote: no reason code, only its uniform line.
    expect(loggedOutcome(row({ data: '6668|(hidden)|' }))).toEqual({ refused: true, summary: 'refused: Invalid Username/Password', beyondExplain: true });
  });

  it('reports other refusals and successes as logged', () => {
    expect(loggedOutcome(row({ reason: 'auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION', data: '' }))).toEqual({
      refused: true,
      summary: 'refused: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION',
      beyondExplain: false,
    });
    expect(loggedOutcome(row({ result: 'SUCCESS', reason: 'external_pause function set', data: '' }))).toEqual({
      refused: false,
      summary: 'SUCCESS: external_pause function set',
      beyondExplain: false,
    });
  });
});
