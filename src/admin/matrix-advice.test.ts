import { describe, expect, it } from 'vitest';
import { matrixWarnings, roleOf, type AccountFacts } from './matrix-advice.js';

const now = new Date('2026-11-28T10:00:00');
const integration: AccountFacts = {
  user: '7100',
  level: 7,
  apiAccess: true,
  apiOnly: true,
  allowsAll: false,
  listRestrict: true,
  sharedBox: true,
  createdAt: '2026-11-28 09:00:00',
  passwordChanged: true,
  now,
};
const codes = (f: AccountFacts) => matrixWarnings(f).map((w) => `${w.severity}:${w.code}`);

describe('the permission matrix advice', () => {
  it('knows an integration, a console administrator and an account that can use a screen', () => {
    expect(roleOf({ level: 9, apiOnly: true })).toBe('integration');
    expect(roleOf({ level: 8, apiOnly: false })).toBe('administrator');
    expect(roleOf({ level: 7, apiOnly: false })).toBe('screen-user');
  });

  it('never tells a console administrator to become API Only, which would lock it out of the console', () => {
    const admin = { ...integration, user: 'admin', level: 9, apiOnly: false, allowsAll: true, listRestrict: false };
    const warnings = matrixWarnings(admin);
    expect(warnings.map((w) => w.code)).toEqual(['administrator-api-access', 'all-functions-shared', 'not-used-yet']);
    expect(warnings.map((w) => w.message).join(' ')).not.toMatch(/API Only\./);
    expect(warnings[0]).toMatchObject({ severity: 'note', message: expect.stringContaining('its own API Only user') });
  });

  it('tells an agent-level account with API access to choose: an integration is API Only, an agent has no API access', () => {
    const w = matrixWarnings({ ...integration, level: 1, apiOnly: false });
    expect(w[0]).toMatchObject({ code: 'also-agent', severity: 'warning' });
    expect(w[0]!.message).toContain('if it is an integration, make it API Only; if it is an agent, turn off its Agent API Access');
  });

  it('says "not used yet" about a new account, and advises removal only after 30 days without a successful call', () => {
    expect(codes(integration)).toEqual(['note:not-used-yet']);
    const old = { ...integration, createdAt: '2026-10-01 09:00:00' };
    expect(codes(old)).toEqual(['warning:never-used']);
    expect(matrixWarnings(old)[0]!.message).toBe('7100 was created 58 days ago and has never made a successful API call: deactivate it if nothing uses it.');
    expect(codes({ ...old, lastSuccess: '2026-11-01 10:00:00' })).toEqual([]);
    const unknown = matrixWarnings({ ...integration, createdAt: undefined });
    expect(unknown).toEqual([{ code: 'not-used-yet', severity: 'note', message: '7100 has no successful API call on record (its creation date is unknown).' }]);
    const oldAdmin = matrixWarnings({ ...old, user: 'boss', level: 9, apiOnly: false });
    expect(oldAdmin.find((w) => w.code === 'never-used')!.message).toContain('turn off its Agent API Access if nothing calls the API as boss');
  });

  it('does not call an account without Agent API Access unused, and still warns about an unchanged password', () => {
    expect(codes({ ...integration, apiAccess: false, passwordChanged: false })).toEqual(['warning:password-unchanged']);
  });
});
