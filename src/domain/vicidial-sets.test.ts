import { describe, expect, it } from 'vitest';
import { campaignScope, formatSet, functionAllowed, parseSet, scopeAllows } from './vicidial-sets.js';

describe('VICIdial set columns', () => {
  it('parses the leading-space, trailing-dash layout', () => {
    expect(parseSet(' TEST_IN SALESLINE -')).toEqual(['TEST_IN', 'SALESLINE']);
    expect(parseSet('')).toEqual([]);
    expect(parseSet(null)).toEqual([]);
    expect(parseSet(' -')).toEqual([]);
  });

  it('formats sets the way the admin pages write them', () => {
    expect(formatSet(['A', 'B'])).toBe(' A B -');
    expect(formatSet([])).toBe(' -');
  });

  it('treats -ALL-CAMPAIGNS- (any case) as every campaign', () => {
    expect(scopeAllows(campaignScope(' -ALL-CAMPAIGNS- -'), 'ANY')).toBe(true);
    expect(scopeAllows(campaignScope(' -all-campaigns- -'), 'ANY')).toBe(true);
  });

  it('allows only listed campaigns otherwise', () => {
    const scope = campaignScope(' OTHERCMP -');
    expect(scopeAllows(scope, 'OTHERCMP')).toBe(true);
    expect(scopeAllows(scope, 'TESTCAMP')).toBe(false);
    expect(scopeAllows(scope, '')).toBe(false);
    expect(scopeAllows(scope, null)).toBe(false);
    expect(scopeAllows(campaignScope(null), 'TESTCAMP')).toBe(false);
  });

  it('checks API Allowed Functions by item, not by substring', () => {
    expect(functionAllowed(' ALL_FUNCTIONS ', 'external_dial')).toBe(true);
    expect(functionAllowed(' external_pause external_status ', 'external_pause')).toBe(true);
    expect(functionAllowed(' external_pause external_status ', 'external_dial')).toBe(false);
    expect(functionAllowed(' external_pause_code ', 'external_pause')).toBe(false);
    expect(functionAllowed('', 'external_pause')).toBe(false);
  });
});
