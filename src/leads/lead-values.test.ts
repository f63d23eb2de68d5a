import { describe, expect, it } from 'vitest';
import { describeProblem, isRealDate, leadValueProblem } from './lead-values.js';

describe('lead values', () => {
  it('knows real dates', () => {
    expect(isRealDate('1970-01-31')).toBe(true);
    expect(isRealDate('1970-02-30')).toBe(false);
    expect(isRealDate('1970-1-3')).toBe(false);
  });

  it('refuses texts longer than their column and dates that are not dates', () => {
    expect(leadValueProblem({ first_name: 'x'.repeat(30) })).toBeUndefined();
    const long = leadValueProblem({ first_name: 'x'.repeat(31) });
    expect(long && describeProblem(long)).toBe('first_name is longer than 30 characters');
    const date = leadValueProblem({ date_of_birth: '1970-13-01' });
    expect(date && describeProblem(date)).toBe('date_of_birth is not a date (YYYY-MM-DD)');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(leadValueProblem({ state: '😀😀' })).toBeUndefined();
  });
});
