import { afterEach, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../events/event-bus.js';
import { EventLog, type EventSource } from '../events/event-log.js';
import { EventFanout, type FanoutConnection } from './event-stream-fanout.js';
import type { SseChunk } from './sse-response.js';

/** The real bus, over a log that holds nothing: these tests hand it their events as a unit of work would. */
const emptyLog: EventSource = {
  after: async () => [],
  ofAgent: async () => [],
  lastId: async () => 0,
  oldestId: async () => undefined,
  sequences: async () => new Map(),
  prune: async () => 0,
};
let bus: EventLog;
let fanout: EventFanout;
afterEach(() => fanout?.close());

let id = 0;
const seqs = new Map<string, number>();
const event = (user: string, campaignId = 'TESTCAMP', type: 'notification' | 'session.ended' = 'session.ended'): StoredEvent => {
  seqs.set(user, (seqs.get(user) ?? 0) + 1);
  const ev = type === 'notification' ? { type, user, notificationId: 1, text: '', confetti: false } : { type, user, cause: 'test' };
  return { id: ++id, seq: seqs.get(user)!, user, campaignId, commandId: null, at: '2026-11-28 10:00:00', event: ev };
};
const textOf = (e: StoredEvent) => (e.event.type === 'notification' ? '' : `id: ${e.id}\n\n`);

/** A connection that records what it is sent; `campaign`: it takes only that campaign's events. */
function connection(campaign?: string) {
  const sent: SseChunk[] = [];
  const held: StoredEvent[] = [];
  return {
    sent,
    held,
    hold: (e: StoredEvent) => void held.push(e),
    takes: (e: StoredEvent) => !campaign || e.campaignId === campaign,
    send: (chunk: SseChunk) => void sent.push(chunk),
    text: () => sent.map((chunk) => chunk.plain.toString()).join(''),
  };
}
/** Added and started. */
const live = <C extends FanoutConnection>(c: C) => {
  fanout.add(c).live();
  return c;
};
const start = (options: Partial<ConstructorParameters<typeof EventFanout>[1]> = {}) => {
  bus = new EventLog({ source: emptyLog });
  seqs.clear(); // a new bus: each agent's events start again at 1
  fanout = new EventFanout(bus, { prepare: () => undefined, textOf, ...options });
};
const nextTurn = () => new Promise((r) => setImmediate(r));

describe('EventFanout', () => {
  it('writes what one turn committed in one write per connection, the same chunk to connections that send the same', async () => {
    start();
    const [a, b, other] = [live(connection()), live(connection()), live(connection('OTHERCMP'))];
    const events = [event('1000'), event('1002', 'OTHERCMP'), event('1001')];
    bus.committed(events);
    expect(a.sent).toEqual([]); // not yet: the batch goes out on the next turn
    await nextTurn();
    expect(a.sent).toHaveLength(1);
    expect(b.sent[0]).toBe(a.sent[0]);
    expect(a.text()).toBe(events.map(textOf).join(''));
    expect(other.text()).toBe(textOf(events[1]!));
    // Its chunk is framed once for HTTP/1.1: size in hex, the bytes, a line break.
    expect(a.sent[0]!.framed.toString()).toBe(`${Buffer.byteLength(a.text()).toString(16)}\r\n${a.text()}\r\n`);
  });

  it('sends nothing for an event no connection tells, but asks each connection about it (it counts it as seen)', async () => {
    start();
    const asked: number[] = [];
    const a = live({ ...connection(), takes: (e: StoredEvent) => asked.push(e.id) > 0 });
    const silent = event('1000', 'TESTCAMP', 'notification');
    bus.committed([silent]);
    await nextTurn();
    expect(asked).toEqual([silent.id]);
    expect(a.sent).toEqual([]);
  });

  it('hands a starting connection each event, in order; once live the pump writes it what follows', async () => {
    start();
    const c = connection();
    const member = fanout.add(c);
    const first = [event('1000'), event('1001')];
    bus.committed(first);
    expect(c.held).toEqual(first);
    await nextTurn();
    expect(c.sent).toEqual([]);
    member.live();
    const then = event('1000');
    bus.committed([then]);
    await nextTurn();
    expect(c.held).toEqual(first);
    expect(c.text()).toBe(textOf(then));
  });

  it('goes round the connections a slice per turn: an event that comes meanwhile reaches those not yet visited in the same write', async () => {
    start();
    const cs = Array.from({ length: 150 }, () => live(connection()));
    const e1 = event('1000');
    bus.committed([e1]);
    await nextTurn(); // the first slice: 100 connections
    expect(cs.filter((c) => c.sent.length === 1)).toHaveLength(100);
    const e2 = event('1001');
    bus.committed([e2]);
    await nextTurn(); // the rest of the round: both events in one write
    for (const c of cs.slice(100)) expect(c.sent.map((chunk) => chunk.plain.toString())).toEqual([textOf(e1) + textOf(e2)]);
    expect(cs[100]!.sent[0]).toBe(cs[149]!.sent[0]);
    await nextTurn(); // the next round: the first ones get e2
    for (const c of cs.slice(0, 100)) expect(c.text()).toBe(textOf(e1) + textOf(e2));
    await nextTurn();
    expect(cs.every((c) => c.text() === textOf(e1) + textOf(e2))).toBe(true);
  });

  it('writes nothing more to a connection that left, even in the middle of a round', async () => {
    start();
    const cs = Array.from({ length: 150 }, () => connection());
    const members = cs.map((c) => fanout.add(c));
    for (const m of members) m.live();
    bus.committed([event('1000')]);
    await nextTurn();
    members[120]!.leave();
    await nextTurn();
    expect(cs[120]!.sent).toEqual([]);
    expect(cs[121]!.sent).toHaveLength(1);
  });

  it('keeps the order when an event must wait to be serialized (a name read): those behind it wait too', async () => {
    let release = () => {};
    const named = new Promise<void>((r) => (release = r));
    start({ prepare: (e) => (e.user === '1000' ? named : undefined) });
    const slow = event('1000');
    const c = live(connection());
    const after = event('1001');
    bus.committed([slow]);
    bus.committed([after]);
    await nextTurn();
    expect(c.sent).toEqual([]);
    release();
    await named;
    await nextTurn();
    expect(c.text()).toBe(textOf(slow) + textOf(after));
  });

  it('writes a burst that never lets the event loop turn as it grows, so a batch stays bounded', () => {
    start({ textOf: (e) => `id: ${e.id}\ndata: ${'x'.repeat(1000)}\n\n` });
    const c = live(connection());
    for (let i = 0; i < 200; i++) bus.committed([event('1000')]);
    // No turn of the loop yet: the writes have happened all the same, each of a bounded size.
    expect(c.sent.length).toBeGreaterThanOrEqual(2);
    for (const chunk of c.sent) expect(chunk.plain.length).toBeLessThan(70 * 1024);
  });

  it('spaces writes to one connection at least frameMs apart: what comes meanwhile waits and goes out together', async () => {
    start({ frameMs: 100 });
    const c = live(connection());
    bus.committed([event('1000')]);
    await nextTurn();
    expect(c.sent).toHaveLength(1); // the first goes at once
    const began = performance.now();
    bus.committed([event('1000')]);
    bus.committed([event('1001')]);
    await nextTurn();
    expect(c.sent).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 150));
    expect(c.sent).toHaveLength(2);
    expect(c.sent[1]!.plain.toString().match(/id: /g)).toHaveLength(2);
    expect(performance.now() - began).toBeGreaterThanOrEqual(90);
  });

  it('subscribes to the bus once for all its connections, and leaves it with the last one', () => {
    start();
    let subscriptions = 0;
    const subscribe = bus.subscribe.bind(bus);
    bus.subscribe = (user, handler) => {
      subscriptions += 1;
      const unsubscribe = subscribe(user, handler);
      return () => {
        subscriptions -= 1;
        unsubscribe();
      };
    };
    const members = [fanout.add(connection()), fanout.add(connection())];
    expect(subscriptions).toBe(1);
    members[0]!.leave();
    expect(subscriptions).toBe(1);
    members[1]!.leave();
    expect(subscriptions).toBe(0);
  });
});
