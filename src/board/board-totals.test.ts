import { describe, expect, it } from 'vitest';
import type { BoardScope } from './board-scope.js';
import { visibleQueues, visibleToday, type BoardFacts } from './board-totals.js';

const facts: BoardFacts = {
  at: new Date('2026-11-28T10:01:00Z'),
  queues: [
    { id: 'TESTIN', kind: 'INGROUP', campaigns: ['TESTCAMP'], waiting: 2, oldest: new Date('2026-11-28T10:00:15Z') },
    { id: 'TESTCAMP', kind: 'CAMPAIGN', campaigns: ['TESTCAMP'], waiting: 0, oldest: undefined },
    { id: 'OTHERCMP', kind: 'CAMPAIGN', campaigns: ['OTHERCMP'], waiting: 0, oldest: undefined },
  ],
  calls: [
    { queue: 'TESTIN', inbound: true, status: 'SALE', answered: true, fast: true, n: 3 },
    { queue: 'TESTIN', inbound: true, status: 'NI', answered: true, fast: false, n: 1 },
    { queue: 'TESTIN', inbound: true, status: 'DROP', answered: false, fast: false, n: 1 },
    { queue: 'TESTCAMP', inbound: false, status: 'SALE', answered: true, fast: false, n: 2 },
    { queue: 'TESTCAMP', inbound: false, status: 'NA', answered: false, fast: false, n: 4 },
    { queue: 'OTHERCMP', inbound: false, status: 'SALE', answered: true, fast: false, n: 9 },
  ],
};
const only = (...campaigns: string[]): BoardScope => ({
  key: campaigns.join(' '),
  allowsCampaign: (c) => campaigns.includes(c),
  allowsIngroup: (takenBy) => takenBy.some((c) => campaigns.includes(c)),
});

describe('what a caller sees of the shared figures', () => {
  it('queues of its campaigns, and the in-groups they take, with the longest wait', () => {
    expect(visibleQueues(facts, only('TESTCAMP'))).toEqual([
      { id: 'TESTIN', kind: 'INGROUP', waiting: 2, oldestSince: '2026-11-28T10:00:15.000Z', longestWaitSeconds: 45 },
      { id: 'TESTCAMP', kind: 'CAMPAIGN', waiting: 0, oldestSince: null, longestWaitSeconds: 0 },
    ]);
    expect(visibleQueues(facts, only('OTHERCMP')).map((q) => q.id)).toEqual(['OTHERCMP']);
  });

  it("today's calls, answered, dropped, service level and dispositions over those queues only", () => {
    expect(visibleToday(facts, only('TESTCAMP'))).toEqual({
      calls: 11, answered: 6, dropped: 1, serviceLevel: 60, serviceLevelSeconds: 20, dispositions: { SALE: 5, NI: 1 },
    });
    expect(visibleToday(facts, only('OTHERCMP'))).toMatchObject({ calls: 9, serviceLevel: null });
    expect(visibleToday(facts, only())).toMatchObject({ calls: 0, answered: 0, dispositions: {} });
  });
});
