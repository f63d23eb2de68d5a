/**
 * The VICIdial-shaped test database itself: every table of the fact file with
 * VICIdial's engine, columns and indexes, the stock rows, and the demo data
 * the drop-in tests use.
 */
import type mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mysqlServerForTests } from '../support/test-database.js';
import { createVicidialDatabase, VICIDIAL_SCHEMA, VICIDIAL_STOCK_ROWS, type VicidialDatabase } from '../support/vicidial-database.js';

const server = await mysqlServerForTests();
let vicidial: VicidialDatabase;

describe.skipIf(!server)('a VICIdial-shaped database', () => {
  beforeAll(async () => {
    vicidial = await createVicidialDatabase(server!);
  }, 60_000);
  afterAll(() => vicidial?.drop());

  it('has every table of VICIdial 2.14 with its engine and columns in order', async () => {
    const [tables, columns] = await vicidial.on(async (c) => [
      (await c.query<mysql.RowDataPacket[]>('SELECT TABLE_NAME t, ENGINE e FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()'))[0],
      (await c.query<mysql.RowDataPacket[]>(
        'SELECT TABLE_NAME t, GROUP_CONCAT(COLUMN_NAME ORDER BY ORDINAL_POSITION) cols FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() GROUP BY TABLE_NAME',
      ))[0],
    ]);
    expect(tables.length).toBe(Object.keys(VICIDIAL_SCHEMA).length);
    const engines = Object.fromEntries(tables.map((r) => [r.t, r.e]));
    const order = Object.fromEntries(columns.map((r) => [r.t, r.cols]));
    for (const [name, spec] of Object.entries(VICIDIAL_SCHEMA)) {
      expect(engines[name], name).toBe(spec.engine);
      expect(order[name], name).toBe(spec.columns.map((c) => c.name).join(','));
    }
    expect(engines.vicidial_auto_calls).toBe('MEMORY');
    expect(engines.vicidial_users).toBe('MyISAM');
  });

  it('holds the stock rows and the demo data an administrator adds', async () => {
    const counts = await vicidial.on(async (c) => {
      const [rows] = await c.query<mysql.RowDataPacket[]>(
        "SELECT (SELECT COUNT(*) FROM vicidial_statuses) statuses, (SELECT pass_hash_enabled FROM system_settings) hashing, (SELECT CONCAT(pass, '/', vdc_agent_api_access) FROM vicidial_users WHERE user = '6666') api, (SELECT COUNT(*) FROM vicidial_list WHERE list_id = 101) leads",
      );
      return rows[0]!;
    });
    expect(counts).toEqual({
      statuses: VICIDIAL_STOCK_ROWS.vicidial_statuses!.length,
      hashing: '0',
      api: '1234/1',
      leads: 10, // seven stock leads, three of the demo
    });
  });
});
