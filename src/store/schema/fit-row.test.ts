import { describe, expect, it } from 'vitest';
import { fitRow } from './fit-row.js';

describe('fitRow', () => {
  it('cuts text to the declared VARCHAR width', () => {
    const row = fitRow('vicidial_live_agents', { external_pause: 'PAUSE!1234567890123456789', user: '1000' });
    expect(row.external_pause).toBe('PAUSE!12345678901234');
    expect(row.user).toBe('1000');
  });

  it('counts characters, not UTF-16 units', () => {
    const row = fitRow('vicidial_list', { state: '😀😀😀' });
    expect(row.state).toBe('😀😀');
  });

  it('stores a value an ENUM does not list as the empty string, as non-strict MySQL does', () => {
    const row = fitRow('vicidial_users', { active: 'MAYBE', agentcall_manual: '1', user: 'MAYBE' });
    expect(row).toEqual({ active: '', agentcall_manual: '1', user: 'MAYBE' });
  });

  it('returns the same object when nothing needs fitting', () => {
    const input = { first_name: 'Ann' };
    expect(fitRow('vicidial_list', input)).toBe(input);
  });

  it('leaves numbers and unknown keys alone', () => {
    const row = fitRow('vicidial_list', { lead_id: 12345678901, nonsense: 'x'.repeat(500) });
    expect(row).toEqual({ lead_id: 12345678901, nonsense: 'x'.repeat(500) });
  });
});
