/**
 * The tables agentgate creates on MariaDB are VICIdial's: each column with
 * VICIdial's type, nullability, default and extra, in VICIdial's order, and
 * indexes that are VICIdial's — read back from information_schema and compared with
 * test/fixtures/vicidial/vicidial-schema.json (a real VICIdial 2.14 database). The
 * deliberate differences are listed here, each with its reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, describe, expect, it } from 'vitest';
import { tables } from '../../src/store/schema/database.js';
import { createTestDatabase, mysqlServerForTests, onServer, type TestDatabase } from '../support/test-database.js';

interface SpecColumn {
  name: string;
  type: string;
  nullable: boolean;
  default: string | null;
  extra?: string;
}
interface SpecTable {
  engine: string;
  columns: SpecColumn[];
  indexes: { name: string; unique: boolean; columns: string[] }[];
}

const specFile = path.resolve(import.meta.dirname, '../fixtures/vicidial/vicidial-schema.json');
const spec: Record<string, SpecTable> = JSON.parse(fs.readFileSync(specFile, 'utf8')).tables;

/** Where agentgate differs on purpose. */
const DELIBERATE = {
  /** VICIdial keeps many tables in MyISAM; agentgate needs transactions and row locks. */
  engine: 'InnoDB',
  /**
   * Indexes for agentgate's own lookups (switch_lead, pause codes per campaign, the audit search by
   * user, session data by user), and a key on user groups, which VICIdial leaves without any.
   */
  extraIndexes: [
    'vicidial_list.vendor_lead_code',
    'vicidial_pause_codes.pause_code_campaign',
    'vicidial_api_log.api_user',
    'vicidial_session_data.user',
    'vicidial_user_groups.PRIMARY',
  ],
  /** Declared once for both tables that share them, so campaign_id follows the shared columns. */
  columnOrder: ['vicidial_log', 'vicidial_closer_log', 'vicidial_campaign_statuses'],
  /**
   * VICIdial's TIMESTAMP columns move to the time of every UPDATE (ON UPDATE CURRENT_TIMESTAMP);
   * agentgate writes them itself, by its clock, so a login's counters cannot move a user's
   * modify_stamp on MySQL when they cannot on SQLite.
   */
  noOnUpdate: 'on update current_timestamp()',
  defaults: {
    // An account made by agentgate has only a hash: the plain-text column defaults to empty.
    'vicidial_users.pass': "''",
    // A status made without the flag is not selectable, as NULL reads in VICIdial.
    'vicidial_campaign_statuses.selectable': "'N'",
  } as Record<string, string>,
};

const server = await mysqlServerForTests();
let database: TestDatabase | undefined;
afterAll(() => database?.release());

async function information(name: string) {
  return onServer(server!, async (c) => {
    const [columns] = await c.query<mysql.RowDataPacket[]>(
      `SELECT TABLE_NAME t, COLUMN_NAME name, COLUMN_TYPE type, IS_NULLABLE = 'YES' nullable, COLUMN_DEFAULT \`default\`, EXTRA extra
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION`,
      [name],
    );
    const [indexes] = await c.query<mysql.RowDataPacket[]>(
      `SELECT TABLE_NAME t, INDEX_NAME name, NON_UNIQUE = 0 \`unique\`, GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX) columns
       FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? GROUP BY TABLE_NAME, INDEX_NAME, NON_UNIQUE`,
      [name],
    );
    const [engines] = await c.query<mysql.RowDataPacket[]>('SELECT TABLE_NAME t, ENGINE engine FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?', [name]);
    return { columns, indexes, engines };
  });
}

describe.skipIf(!server)("agentgate's MariaDB tables against VICIdial's", () => {
  it('have VICIdial’s columns, types, defaults and order, and VICIdial’s indexes, differing only where this file says why', async () => {
    database = await createTestDatabase({ mysqlServer: server! });
    const found = await information(database.name!);
    const problems: string[] = [];
    for (const name of Object.keys(tables)) {
      const vicidial = spec[name];
      if (!vicidial) {
        expect(name, 'only agentgate_* tables are not VICIdial’s').toMatch(/^agentgate_/);
        continue;
      }
      const engine = found.engines.find((e) => e.t === name)?.engine;
      if (engine !== DELIBERATE.engine) problems.push(`${name}: engine ${engine}`);

      const ours = found.columns.filter((c) => c.t === name);
      const theirs = new Map(vicidial.columns.map((c) => [c.name, c]));
      const positions = ours.map((c) => vicidial.columns.findIndex((v) => v.name === c.name));
      if (positions.some((p, i) => i > 0 && p < positions[i - 1]!) && !DELIBERATE.columnOrder.includes(name))
        problems.push(`${name}: columns not in VICIdial's order (${ours.map((c) => c.name).join(', ')})`);
      for (const column of ours) {
        const v = theirs.get(column.name);
        const where = `${name}.${column.name}`;
        if (!v) {
          problems.push(`${where}: not a VICIdial column`);
          continue;
        }
        if (column.type !== v.type) problems.push(`${where}: type ${column.type}, VICIdial ${v.type}`);
        if (Boolean(column.nullable) !== v.nullable) problems.push(`${where}: ${column.nullable ? 'NULL' : 'NOT NULL'}, VICIdial the other`);
        const expected = DELIBERATE.defaults[where] ?? v.default;
        // DECIMAL defaults: 0 and 0.00 are one value.
        const same = column.default === expected || (column.default !== null && expected !== null && Number(column.default) === Number(expected));
        if (!same) problems.push(`${where}: default ${column.default}, VICIdial ${v.default}`);
        const extra = v.extra === DELIBERATE.noOnUpdate ? undefined : v.extra;
        if ((column.extra || undefined) !== (extra || undefined)) problems.push(`${where}: extra "${column.extra}", VICIdial "${v.extra ?? ''}"`);
      }

      // VICIdial has more indexes than agentgate's queries need; each costs on every insert, so only
      // these are declared — and each of them must be one of VICIdial's, or listed above with its reason.
      const ourIndexes = found.indexes.filter((i) => i.t === name);
      for (const index of ourIndexes) {
        const theirsToo = vicidial.indexes.some((i) => i.columns.join(',') === index.columns && i.unique === Boolean(index.unique));
        if (!theirsToo && !DELIBERATE.extraIndexes.includes(`${name}.${index.name}`)) problems.push(`${name}: index ${index.name} (${index.columns}) is not VICIdial's`);
      }
    }
    expect(problems).toEqual([]);
  });
});
