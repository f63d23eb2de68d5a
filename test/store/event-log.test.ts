/**
 * The event log on a real database: two nodes (two sets of services) on one
 * SQLite file, as two processes would share it. Without Redis a node follows
 * the log by polling; what it delivers is each agent's events once, in order.
 * (Commands here run one after another: better-sqlite3 waits for a lock
 * synchronously, so two nodes in one process must not write at once. The
 * process test, test/process/multi-node.test.ts, sends them concurrently.)
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../src/app/services.js';
import { SIMULATOR_LEASE } from '../../src/app/cluster.js';
import { loadConfig } from '../../src/config/config.js';
import { ManualClock } from '../../src/domain/clock.js';
import { seedDemo } from '../../src/demo/seed.js';
import type { StoredEvent } from '../../src/events/event-bus.js';
import { tempDir } from '../support/server-process.js';
import { until } from '../support/until.js';

const open: Services[] = [];
afterEach(async () => {
  for (const s of open.splice(0).reverse()) await s.close();
});

async function node(file: string, overrides: Record<string, unknown> = {}): Promise<Services> {
  const config = loadConfig({}, { databaseUrl: `sqlite:${file}`, bcryptCost: 4, logLevel: 'silent', eventPollMs: 20, simulator: false, ...overrides });
  const services = await createServices(config);
  open.push(services);
  return services;
}

/** Two nodes on a new database with the demo data (agent 1000 logged into TESTCAMP). */
async function twoNodes(overrides: Record<string, unknown> = {}): Promise<[Services, Services]> {
  const file = path.join(tempDir(), 'agentgate.db');
  const a = await node(file, overrides);
  await seedDemo(a);
  const b = await node(file, overrides);
  return [a, b];
}

function collect(services: Services, user: string): StoredEvent[] {
  const seen: StoredEvent[] = [];
  services.bus.subscribe(user, (e) => seen.push(e));
  return seen;
}


/** Pause or resume agent 1000 through a node, as the agent API does. */
async function toggle(services: Services, user = '1000'): Promise<void> {
  await services.runner.run(async (u) => {
    const agent = (await u.store.liveAgents.find(user))!;
    if (agent.status === 'PAUSED') await services.sessions.resume(u, agent, 'test');
    else await services.sessions.pause(u, agent, 'test');
  });
}

describe('the event log', () => {
  it('numbers each agent’s events 1, 2, 3… in the transaction of their change, and keeps nothing of a rolled-back one', async () => {
    const [a] = await twoNodes();
    const before = await a.store.events.sequences();
    await toggle(a);
    await expect(
      a.runner.run(async (u) => {
        const agent = (await u.store.liveAgents.find('1000'))!;
        await a.sessions.pause(u, agent, 'test');
        await a.sessions.resume(u, (await u.store.liveAgents.find('1000'))!, 'test');
        throw new Error('the request failed after its changes');
      }),
    ).rejects.toThrow('the request failed');
    await toggle(a);
    const rows = await a.store.events.after(0, 1000, ['1000']);
    const n = before.get('1000')!;
    expect(rows.slice(-2).map((e) => e.seq)).toEqual([n + 1, n + 2]);
    expect(rows.map((e) => e.seq)).toEqual(Array.from({ length: n + 2 }, (_, i) => i + 1));
    expect(rows.at(-1)!.event.type).toBe('session.changed');
    expect(rows.at(-1)!.campaignId).toBe('TESTCAMP');
    expect(rows.at(-1)!.commandId).toBeNull();
  });

  it('carries the command that caused an event', async () => {
    const [a] = await twoNodes();
    await a.runner.run(async (u) => {
      u.events.causedBy('cmd-42');
      const agent = (await u.store.liveAgents.find('1000'))!;
      await a.sessions.pause(u, agent, 'test');
    });
    const last = (await a.store.events.after(0, 1000, ['1000'])).at(-1)!;
    expect(last.commandId).toBe('cmd-42');
  });

  it('delivers a commit at once on its own node, and on the other node once it reads the log', async () => {
    const [a, b] = await twoNodes();
    b.startBackground();
    const onA = collect(a, '1000');
    const onB = collect(b, '1000');
    await toggle(a);
    // On A before the command even returns to its caller: no read, no wait.
    expect(onA.map((e) => e.event.type)).toEqual(['session.changed']);
    await until(() => onB.length === 1, 'node B to see the event');
    expect(onB[0]).toEqual(onA[0]);
  });

  it('gives each subscriber every event of its agent exactly once and in order, whichever node committed it', async () => {
    const [a, b] = await twoNodes();
    a.startBackground();
    b.startBackground();
    const onA = collect(a, '1000');
    const onB = collect(b, '1000');
    const others = collect(b, '1001');
    for (let i = 0; i < 40; i++) await toggle(i % 3 === 0 ? b : a);
    await until(() => onA.length === 40 && onB.length === 40, 'forty events on both nodes');
    await new Promise((r) => setTimeout(r, 100)); // a few more polls: nothing may come twice
    for (const seen of [onA, onB]) {
      expect(seen).toHaveLength(40);
      const seqs = seen.map((e) => e.seq);
      expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => seqs[0]! + i));
    }
    expect(others).toEqual([]);
  });

  it('fills a gap before delivering its own commit: what another node committed first comes first', async () => {
    const [a, b] = await twoNodes();
    // B does not follow the log: it learns of A's commits only when its own next one shows a gap.
    const onB = collect(b, '1000');
    await toggle(a);
    await toggle(a);
    expect(onB).toEqual([]);
    await toggle(b);
    await until(() => onB.length === 3, 'the two missed events and the new one');
    const seqs = onB.map((e) => e.seq);
    expect(seqs).toEqual([seqs[0]!, seqs[0]! + 1, seqs[0]! + 2]);
    expect(onB.map((e) => (e.event.type === 'session.changed' ? e.event.session.status : ''))).toEqual(['READY', 'PAUSED', 'READY']);
  });

  it('replays the events after a position, for some agents or all, and says when the position is older than it keeps', async () => {
    const [a] = await twoNodes();
    const start = a.cluster.events.position;
    await toggle(a);
    await a.runner.run((u) => a.sessions.login(u, { user: '1001', campaignId: 'TESTCAMP' }));
    await toggle(a);
    const all = await a.bus.replay('*', start);
    expect(all.ok && all.events.map((e) => e.user)).toEqual(['1000', '1001', '1000']);
    const one = await a.bus.replay(['1001'], start);
    expect(one.ok && one.events.map((e) => e.event.type)).toEqual(['session.started']);
    const later = await a.bus.replay('*', all.ok ? all.events[1]!.id : 0);
    expect(later.ok && later.events.map((e) => e.user)).toEqual(['1000']);

    // Everything older than a minute from now goes: the old position is out of the window.
    await a.store.events.prune(a.cluster.events.position, 1_000_000);
    expect(await a.bus.replay('*', start)).toEqual({ ok: false, reason: 'too-old' });
    // What the log holds is still replayable.
    await toggle(a);
    const fresh = await a.bus.replay('*', a.cluster.events.position - 1);
    expect(fresh.ok && fresh.events).toHaveLength(1);
  });

  it('prunes what is older than its retention, told by where the log stood when', async () => {
    const file = path.join(tempDir(), 'agentgate.db');
    const clock = new ManualClock(new Date('2026-11-28T10:00:00'));
    const config = loadConfig({}, { databaseUrl: `sqlite:${file}`, bcryptCost: 4, logLevel: 'silent', simulator: false, eventRetentionMinutes: 10 });
    const a = await createServices(config, { clock });
    open.push(a);
    await seedDemo(a);
    await toggle(a);
    const old = a.cluster.events.position;
    await a.cluster.events.prune(); // 10:00 — the log stood at `old`
    clock.advance(6 * 60_000);
    await toggle(a);
    await a.cluster.events.prune(); // 10:06 — nothing is ten minutes old yet
    expect((await a.store.events.after(0, 100)).at(0)!.id).toBeLessThanOrEqual(old);
    clock.advance(5 * 60_000);
    await a.cluster.events.prune(); // 10:11 — what stood at 10:00 goes, what came at 10:06 stays
    const left = await a.store.events.after(0, 100);
    expect(left.map((e) => e.id)).toEqual([old + 1]);
  });

  it('prunes beyond its row budget, keeping the newest', async () => {
    const [a] = await twoNodes();
    for (let i = 0; i < 6; i++) await toggle(a);
    const removed = await a.store.events.prune(0, 2);
    expect(removed).toBeGreaterThan(0);
    const left = await a.store.events.after(0, 100);
    expect(left).toHaveLength(2);
    expect(left.at(-1)!.id).toBe(a.cluster.events.position);
    // Numbering goes on after a prune: no agent's sequence starts over.
    await toggle(a);
    const next = (await a.store.events.after(0, 100)).at(-1)!;
    expect(next.seq).toBe(left.at(-1)!.seq + 1);
  });
});

describe('the call simulator’s lease', () => {
  it('runs the simulator on one node only, and another takes over when that one stops', async () => {
    const [a, b] = await twoNodes({ simulator: true });
    a.startBackground();
    await until(() => a.cluster.simulatorRunning, 'node A to take the lease');
    b.startBackground();
    await new Promise((r) => setTimeout(r, 100));
    expect(b.cluster.simulatorRunning).toBe(false);
    expect(await a.store.leases.holderOf(SIMULATOR_LEASE, Date.now())).toBe(a.cluster.nodeId);

    // A stops (it releases the lease); B takes it at its next renewal.
    await a.close();
    open.splice(open.indexOf(a), 1);
    await b.cluster.renewLease();
    expect(b.cluster.simulatorRunning).toBe(true);
    expect(await b.store.leases.holderOf(SIMULATOR_LEASE, Date.now())).toBe(b.cluster.nodeId);
  });

  it('is taken over once it expires when its holder dies without giving it up', async () => {
    const file = path.join(tempDir(), 'agentgate.db');
    const b = await node(file, { simulator: true });
    // A dead node's lease: held by someone else, expired a moment ago.
    await b.store.leases.acquire(SIMULATOR_LEASE, 'dead-node', Date.now() - 20_000, Date.now() - 1);
    expect(await b.store.leases.acquire(SIMULATOR_LEASE, 'other', Date.now(), Date.now() + 15_000)).toBe(true);
    expect(await b.store.leases.acquire(SIMULATOR_LEASE, b.cluster.nodeId, Date.now(), Date.now() + 15_000)).toBe(false);
    await b.store.leases.acquire(SIMULATOR_LEASE, 'other', Date.now() - 20_000, Date.now() - 1);
    expect(await b.store.leases.acquire(SIMULATOR_LEASE, b.cluster.nodeId, Date.now(), Date.now() + 15_000)).toBe(true);
  });
});
