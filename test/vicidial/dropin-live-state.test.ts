/**
 * Live state read, not owned: what VICIdial's screen and dialer write to
 * vicidial_live_agents comes out as the embedded mode's session events — one
 * read per interval for the node, the events written to the event log and
 * delivered from the bus like any other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../src/events/event-bus.js';
import { startHarness, type Harness } from '../support/harness.js';
import { openStream, type SseClient } from '../support/sse-client.js';
import { mysqlServerForTests } from '../support/test-database.js';
import { createVicidialDatabase, initDropIn, type VicidialDatabase } from '../support/vicidial-database.js';

const server = await mysqlServerForTests();

describe.skipIf(!server)('VICIdial’s live sessions as session events', { timeout: 20_000 }, () => {
  let vicidial: VicidialDatabase;
  let h: Harness;
  const seen: StoredEvent[] = [];
  beforeAll(async () => {
    vicidial = await createVicidialDatabase(server!);
    await initDropIn(vicidial.url);
    // Queues are read every 100 ms while a stream listens (2 s in production).
    h = await startHarness({ databaseUrl: vicidial.url, vicidial: true, app: { eventStream: { totalsRefreshMs: 100 } } });
    h.services.bus.subscribe('*', (e) => seen.push(e));
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await vicidial?.drop();
  });

  const sql = (statement: string) => vicidial.on((c) => c.query(statement));
  /** One read of the watcher, and the events it delivered. */
  async function tick() {
    seen.length = 0;
    await h.services.liveWatcher!.tick();
    return seen.map((e) => ({ seq: e.seq, ...e.event }));
  }

  it('starts from what is there, then reports logins, changes and logouts made by VICIdial', async () => {
    await sql(
      `INSERT INTO vicidial_live_agents (user, server_ip, conf_exten, status, lead_id, campaign_id, random_id, last_state_change, closer_campaigns)
       VALUES ('1002', '10.0.0.5', '8600052', 'READY', 0, 'TESTCAMP', 1, '2026-11-28 09:00:00', ' -')`,
    );
    expect(await tick()).toEqual([]); // the baseline: 1002 was logged in before the watcher started

    await sql(
      `INSERT INTO vicidial_live_agents (user, server_ip, conf_exten, status, lead_id, campaign_id, random_id, last_state_change, closer_campaigns)
       VALUES ('1001', '10.0.0.5', '8600051', 'PAUSED', 0, 'TESTCAMP', 2, '2026-11-28 10:00:00', ' -')`,
    );
    const started = await tick();
    expect(started).toEqual([
      { seq: 1, type: 'session.started', user: '1001', session: expect.objectContaining({ user: '1001', status: 'PAUSED', campaignId: 'TESTCAMP', leadId: 0 }) },
    ]);
    expect(await tick()).toEqual([]); // nothing changed, nothing said

    await sql("UPDATE vicidial_live_agents SET status = 'INCALL', lead_id = 3, last_state_change = '2026-11-28 10:01:00' WHERE user = '1001'");
    expect(await tick()).toEqual([
      { seq: 2, type: 'session.changed', user: '1001', cause: 'vicidial', session: expect.objectContaining({ status: 'INCALL', leadId: 3 }) },
    ]);

    // A PAUSE sent through agentgate during the call: written for VICIdial's screen, read back as pending.
    expect((await h.api({ function: 'external_pause', agent_user: '1001', value: 'PAUSE' })).body).toMatch(/^SUCCESS: external_pause function set/);
    expect(await tick()).toEqual([
      { seq: 3, type: 'session.changed', user: '1001', cause: 'vicidial', session: expect.objectContaining({ status: 'INCALL', pending: 'PAUSE' }) },
    ]);

    await sql("DELETE FROM vicidial_live_agents WHERE user = '1001'");
    expect(await tick()).toEqual([{ seq: 4, type: 'session.ended', user: '1001', cause: 'vicidial' }]);
    // Through the event log: what a resuming stream replays.
    const replay = await h.services.bus.replay(['1001'], 0);
    expect(replay.ok && replay.events.map((e) => e.event.type)).toEqual(['session.started', 'session.changed', 'session.changed', 'session.ended']);
  });

  it("calls VICIdial's dialer puts in vicidial_auto_calls show in every event stream's queues", async () => {
    const base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    const streams: SseClient[] = [await openStream(base, { user: '6666' }), await openStream(base, { user: '6666' })];
    try {
      const waitingOn = (data: unknown) => (data as { queues: { id: string; waiting: number }[] }).queues.find((q) => q.id === 'TESTCAMP')?.waiting;
      for (const s of streams) expect(waitingOn((await s.next()).data)).toBe(0);
      await sql(
        `INSERT INTO vicidial_auto_calls (server_ip, campaign_id, status, lead_id, callerid, uniqueid, phone_code, phone_number, call_time, call_type)
         VALUES ('10.0.0.5', 'TESTCAMP', 'LIVE', 1, 'V1128100000000000001', '1764324000.1', '1', '7275550011', NOW(), 'OUT')`,
      );
      // Both streams are told, from the node's one read of the table.
      for (const s of streams) {
        let event = await s.next();
        while (event.event !== 'queues' || waitingOn(event.data) !== 1) event = await s.next();
        expect(event.data).toMatchObject({ queues: expect.arrayContaining([expect.objectContaining({ id: 'TESTCAMP', kind: 'CAMPAIGN', waiting: 1 })]) });
      }
    } finally {
      for (const s of streams) s.close();
      await sql('DELETE FROM vicidial_auto_calls');
    }
  });
});
