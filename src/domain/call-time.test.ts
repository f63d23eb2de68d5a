import { describe, expect, it } from 'vitest';
import { dialableNow, parsePipeList, type CallTime } from './call-time.js';

const nineToNine: CallTime = {
  id: '9am-9pm',
  defaultWindow: { start: 900, stop: 2100 },
  days: Array.from({ length: 7 }, () => ({ start: 0, stop: 0 })),
  stateCallTimeIds: [],
};

describe('dialableNow', () => {
  it('uses the lead’s own clock: 18:00 UTC is noon in Chicago, 04:00 UTC is 22:00 the day before', () => {
    expect(dialableNow(nineToNine, -6, new Date('2026-11-28T18:00:00Z'))).toBe(true);
    expect(dialableNow(nineToNine, -6, new Date('2026-11-28T04:00:00Z'))).toBe(false);
  });

  it('is inclusive at the start and exclusive at the stop', () => {
    expect(dialableNow(nineToNine, 0, new Date('2026-11-28T09:00:00Z'))).toBe(true);
    expect(dialableNow(nineToNine, 0, new Date('2026-11-28T21:00:00Z'))).toBe(false);
  });

  it('uses a day’s own window when it has one (Saturday closed from noon)', () => {
    const days = nineToNine.days.map((d, i) => (i === 6 ? { start: 900, stop: 1200 } : d));
    const saturday = new Date('2026-11-28T13:00:00Z');
    expect(dialableNow({ ...nineToNine, days }, 0, saturday)).toBe(false);
  });

  it('reads pipe lists', () => {
    expect(parsePipeList('|TX|FL|')).toEqual(['TX', 'FL']);
    expect(parsePipeList(null)).toEqual([]);
  });
});
