/**
 * The live-agents repository against a real database (in-memory SQLite, or a
 * fresh MariaDB database with TEST_DATABASE_URL): a session row written and
 * read back, changes to single columns and to the external_* command
 * columns, the live in-group rows, and two transactions changing one agent.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import type { DatabaseHandle } from '../connect.js';
import { openDatabase } from '../connect.js';
import { migrate } from '../migrate.js';
import { Store } from '../store.js';
import type { NewSession } from './live-agents.js';

let testDatabase: TestDatabase;
let database: DatabaseHandle;
let store: Store;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openDatabase(testDatabase.url);
  if (!testDatabase.migrated) await migrate(database.db, database.dialect);
  store = new Store(database.db, database.dialect);
});
afterAll(async () => {
  await database?.close();
  await testDatabase?.release();
});

const AT = new Date('2026-11-28T10:00:00Z');

function session(user: string, overrides: Partial<NewSession> = {}): NewSession {
  return {
    user,
    serverIp: '10.0.0.5',
    confExten: '8600051',
    extension: `agentgate/${user}`,
    campaignId: 'TESTCAMP',
    userLevel: 1,
    closerCampaigns: ' TESTIN SALESLINE -',
    outboundAutodial: true,
    randomId: 12345678,
    now: AT,
    ...overrides,
  };
}

beforeEach(async () => {
  for (const agent of await store.liveAgents.list()) {
    await store.liveAgents.delete(agent.user);
    await store.liveAgents.clearLiveIngroups(agent.user);
  }
});

describe('LiveAgentsRepository', () => {
  it('reads back the session it inserted: PAUSED, no lead, no call, empty command columns', async () => {
    await store.liveAgents.insert(session('1000'));
    const agent = await store.liveAgents.find('1000');
    expect(agent).toMatchObject({
      user: '1000',
      serverIp: '10.0.0.5',
      confExten: '8600051',
      status: 'PAUSED',
      leadId: 0,
      previewLeadId: 0,
      campaignId: 'TESTCAMP',
      call: undefined,
      closerCampaigns: ' TESTIN SALESLINE -',
      outboundAutodial: true,
      pauseCode: '',
      userLevel: 1,
      randomId: 12345678,
      lastStateChange: AT,
    });
    expect(agent?.commands).toMatchObject({ pause: '', status: '', dial: '', hangup: '', blended: false, switchLeadId: 0 });
    expect(await store.liveAgents.isLoggedIn('1000')).toBe(true);
    expect(await store.liveAgents.isLoggedIn('1001')).toBe(false);
    expect(await store.liveAgents.find('1001')).toBeUndefined();
  });

  it('changes only the columns it is given; a call is the caller id, unique id, channel and kind together', async () => {
    await store.liveAgents.insert(session('1000'));
    const later = new Date(AT.getTime() + 60_000);
    await store.liveAgents.update(
      '1000',
      { status: 'INCALL', leadId: 7, callerId: 'M1128100100000000007', uniqueId: '1764324060.1', channel: 'Local/3125550101@agentgate', callKind: 'MANUAL', lastCallTime: later },
      later,
    );
    const agent = await store.liveAgents.find('1000');
    expect(agent).toMatchObject({ status: 'INCALL', leadId: 7, campaignId: 'TESTCAMP', closerCampaigns: ' TESTIN SALESLINE -', outboundAutodial: true });
    expect(agent?.call).toEqual({
      callerId: 'M1128100100000000007',
      uniqueId: '1764324060.1',
      channel: 'Local/3125550101@agentgate',
      kind: 'MANUAL',
      startedAt: later,
    });
    const [row] = await database.db.selectFrom('vicidial_live_agents').select(['last_update_time', 'last_state_change']).where('user', '=', '1000').execute();
    // last_update_time follows every write; the state change only when it is given
    expect(String(row?.last_update_time)).toBe('2026-11-28 10:01:00');
    expect(String(row?.last_state_change)).toBe('2026-11-28 10:00:00');
  });

  it('writes command columns in VICIdial formats and returns what was stored, text cut to its column', async () => {
    await store.liveAgents.insert(session('1000'));
    const stored = await store.liveAgents.update(
      '1000',
      { pauseCode: 'LONGBREAK', commands: { pause: 'PAUSE!1764324000', blended: true, updateFields: true, switchLeadId: 42, managerIngroupSet: 'SET' } },
      AT,
    );
    expect(stored.pauseCode).toBe('LONGBR');
    expect(stored.commands?.pause).toBe('PAUSE!1764324000');
    const [row] = await database.db
      .selectFrom('vicidial_live_agents')
      .select(['pause_code', 'external_pause', 'external_blended', 'external_update_fields', 'external_lead_id', 'manager_ingroup_set'])
      .where('user', '=', '1000')
      .execute();
    expect(row).toMatchObject({ pause_code: 'LONGBR', external_pause: 'PAUSE!1764324000', external_blended: '1', external_update_fields: '1', manager_ingroup_set: 'SET' });
    expect(Number(row?.external_lead_id)).toBe(42);
    const agent = await store.liveAgents.find('1000');
    expect(agent?.commands).toMatchObject({ pause: 'PAUSE!1764324000', blended: true, updateFields: true, switchLeadId: 42, managerIngroupSet: 'SET' });
    expect(agent?.pauseCode).toBe('LONGBR');
  });

  it('keeps the live in-group rows equal to the list it is given, and deletes only its own session', async () => {
    await store.liveAgents.insert(session('1000'));
    await store.liveAgents.insert(session('1001'));
    await store.liveAgents.setLiveIngroups('1000', ['TESTIN', 'SALESLINE'], AT);
    await store.liveAgents.setLiveIngroups('1001', ['TESTIN'], AT);
    expect(await store.liveAgents.liveIngroups('1000')).toEqual(['SALESLINE', 'TESTIN']);
    await store.liveAgents.setLiveIngroups('1000', ['SALESLINE'], AT);
    expect(await store.liveAgents.liveIngroups('1000')).toEqual(['SALESLINE']);

    expect(await store.liveAgents.delete('1000')).toBe(1);
    await store.liveAgents.clearLiveIngroups('1000');
    expect(await store.liveAgents.find('1000')).toBeUndefined();
    expect(await store.liveAgents.liveIngroups('1000')).toEqual([]);
    expect(await store.liveAgents.liveIngroups('1001')).toEqual(['TESTIN']);
    expect((await store.liveAgents.list()).map((a) => a.user)).toEqual(['1001']);
    expect(await store.liveAgents.delete('1000')).toBe(0);
  });

  it('two transactions that read and change one agent at once both count: no lost update', async () => {
    await store.liveAgents.insert(session('1000'));
    // Each reads calls_today and writes it plus one, as a command applied in a unit would.
    // On MySQL the read locks the row until the commit; SQLite runs one transaction at a time.
    const bump = () =>
      store.transaction(async (tx) => {
        const agent = await tx.liveAgents.find('1000');
        await tx.liveAgents.update('1000', { callsToday: (agent?.callsToday ?? 0) + 1 }, AT);
      });
    await Promise.all([bump(), bump(), bump()]);
    expect((await store.liveAgents.find('1000'))?.callsToday).toBe(3);
  });

  it('changes to different columns made at once both stay', async () => {
    await store.liveAgents.insert(session('1000'));
    await Promise.all([
      store.transaction((tx) => tx.liveAgents.update('1000', { commands: { status: 'SALE' } }, AT)),
      store.transaction((tx) => tx.liveAgents.update('1000', { status: 'READY', lastStateChange: AT }, AT)),
    ]);
    const agent = await store.liveAgents.find('1000');
    expect(agent?.status).toBe('READY');
    expect(agent?.commands.status).toBe('SALE');
  });
});
