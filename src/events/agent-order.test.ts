import { describe, expect, it } from 'vitest';
import { AgentOrder } from './agent-order.js';
import type { StoredEvent } from './event-bus.js';

let nextId = 100;
function ev(user: string, seq: number, id = nextId++): StoredEvent {
  return { id, seq, user, campaignId: 'TESTCAMP', commandId: null, at: '2026-11-28 10:00:00', event: { type: 'panel.refresh', user, panels: [String(seq)] } };
}
const seqs = (events: StoredEvent[]) => events.map((e) => `${e.user}:${e.seq}`);

describe('AgentOrder', () => {
  it('delivers each event once, dropping repeats', () => {
    const order = new AgentOrder();
    expect(seqs(order.offer(ev('1000', 1)))).toEqual(['1000:1']);
    expect(seqs(order.offer(ev('1000', 2)))).toEqual(['1000:2']);
    // The same events again, as a follower re-reading past a held gap sees them.
    expect(order.offer(ev('1000', 1))).toEqual([]);
    expect(order.offer(ev('1000', 2))).toEqual([]);
    expect(order.seen('1000')).toBe(2);
  });

  it('holds an early event until the ones before it arrive, then delivers them in order', () => {
    const order = new AgentOrder();
    expect(order.offer(ev('1000', 3))).toEqual([]);
    expect(order.offer(ev('1000', 2))).toEqual([]);
    expect(order.gaps()).toEqual([{ user: '1000', after: 0, before: 2 }]);
    expect(seqs(order.offer(ev('1000', 1)))).toEqual(['1000:1', '1000:2', '1000:3']);
    expect(order.gaps()).toEqual([]);
  });

  it('keeps agents apart: one agent waiting never holds another back', () => {
    const order = new AgentOrder();
    expect(order.offer(ev('1000', 2))).toEqual([]);
    expect(seqs(order.offer(ev('1001', 1)))).toEqual(['1001:1']);
    expect(seqs(order.offer(ev('1001', 2)))).toEqual(['1001:2']);
    expect(order.gaps()).toEqual([{ user: '1000', after: 0, before: 2 }]);
  });

  it('starts after the numbers it is given: what came before it is not delivered again', () => {
    const order = new AgentOrder([['1000', 7]]);
    expect(order.offer(ev('1000', 7))).toEqual([]);
    expect(seqs(order.offer(ev('1000', 8)))).toEqual(['1000:8']);
    // An agent it was not told about starts at 0: its first event is 1.
    expect(order.offer(ev('1002', 2))).toEqual([]);
    expect(order.gaps()).toEqual([{ user: '1002', after: 0, before: 2 }]);
  });

  it('skips a gap that cannot be filled and delivers what waited behind it, in order', () => {
    const order = new AgentOrder([['1000', 4]]);
    order.offer(ev('1000', 8));
    order.offer(ev('1000', 7));
    expect(order.gaps()).toEqual([{ user: '1000', after: 4, before: 7 }]);
    expect(seqs(order.skip('1000'))).toEqual(['1000:7', '1000:8']);
    expect(order.gaps()).toEqual([]);
    // The missing ones, should they turn up after all, are too late: never out of order.
    expect(order.offer(ev('1000', 5))).toEqual([]);
    expect(seqs(order.offer(ev('1000', 9)))).toEqual(['1000:9']);
  });

  it('delivers a shuffled stream with gaps and repeats exactly once and in order per agent', () => {
    const users = ['a', 'b', 'c'];
    const all = users.flatMap((u) => Array.from({ length: 30 }, (_, i) => ev(u, i + 1)));
    // A deterministic shuffle, every event twice.
    const stream = [...all, ...all].map((e, i) => ({ e, k: (i * 7919) % 61 })).sort((x, y) => x.k - y.k).map((x) => x.e);
    const order = new AgentOrder();
    const out: StoredEvent[] = [];
    for (const e of stream) out.push(...order.offer(e));
    for (const u of users) expect(out.filter((e) => e.user === u).map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(out).toHaveLength(90);
  });
});
