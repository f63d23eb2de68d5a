/**
 * A VICIdial-shaped MariaDB database for the drop-in tests, built from the two
 * fact files of test/fixtures/vicidial/: every table of VICIdial 2.14 with its
 * columns in order, types, defaults, indexes and engine (MyISAM and MEMORY, as
 * VICIdial has them: no transactions), the rows of VICIdial's stock create
 * script, and demo users, a campaign, a list and leads inserted the way
 * VICIdial's admin pages insert them (plain `pass` while pass_hash_enabled=0).
 *
 * The builder's own session runs with sql_mode='' (non-strict), as VICIdial's
 * install requires: its stock rows, like its PHP, rely on MySQL fitting values.
 * The server's global mode is left alone (other tests share the server).
 *
 * Tests that need it skip loudly when no MariaDB answers (mysqlServerForTests).
 */
import fs from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { openDatabase } from '../../src/store/connect.js';
import { prepareDropIn } from '../../src/store/vicidial-dropin.js';
import { mysqlUrl, onServer, testDatabaseName } from './test-database.js';

interface SpecColumn {
  readonly name: string;
  readonly type: string;
  readonly nullable: boolean;
  readonly default: string | null;
  readonly extra?: string;
}
interface SpecTable {
  readonly engine: string;
  readonly columns: SpecColumn[];
  readonly indexes: { name: string; unique: boolean; columns: string[] }[];
}
type Row = Record<string, string | null>;

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/vicidial');
const read = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')).tables as T;

/** Every table of VICIdial 2.14, by name. */
export const VICIDIAL_SCHEMA: Record<string, SpecTable> = read('vicidial-schema.json');
/** The rows VICIdial's stock create script inserts, by table. */
export const VICIDIAL_STOCK_ROWS: Record<string, Row[]> = read('vicidial-stock-rows.json');

const q = (name: string) => `\`${name.replaceAll('`', '``')}\``;

/** CREATE TABLE for one table of the fact file, as VICIdial declares it. */
export function createVicidialTable(name: string, table: SpecTable): string {
  const lines = table.columns.map((c) => {
    const parts = [q(c.name), c.type, c.nullable ? 'NULL' : 'NOT NULL'];
    // information_schema reports NULL as the default of a nullable column without one, and
    // null (none at all) for a NOT NULL column without one: both are "no DEFAULT clause".
    if (c.default !== null && c.default !== 'NULL') parts.push(`DEFAULT ${c.default}`);
    if (c.extra) parts.push(c.extra);
    return parts.join(' ');
  });
  for (const index of table.indexes) {
    const columns = index.columns.map(q).join(', ');
    if (index.name === 'PRIMARY') lines.push(`PRIMARY KEY (${columns})`);
    else lines.push(`${index.unique ? 'UNIQUE ' : ''}KEY ${q(index.name)} (${columns})`);
  }
  // VICIdial's install scripts leave the charset to the server; utf8 (3 bytes) keeps MyISAM's
  // 1000-byte key limit satisfied for the wide VARCHAR indexes, as VICIdial's own installs do.
  return `CREATE TABLE ${q(name)} (\n  ${lines.join(',\n  ')}\n) ENGINE=${table.engine} DEFAULT CHARSET=utf8`;
}

async function insertRows(c: mysql.Connection, table: string, rows: readonly Row[]): Promise<void> {
  for (const row of rows) {
    const names = Object.keys(row);
    await c.query(`INSERT INTO ${q(table)} (${names.map(q).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`, names.map((n) => row[n]));
  }
}

/** The demo data an administrator would add in VICIdial's admin.php on a new system. */
export const VICIDIAL_DEMO = {
  apiUser: '6666',
  nonAgentUser: '6000',
  agents: ['1001', '1002'],
  password: '1234',
  campaign: 'TESTCAMP',
  list: '101',
  pauseCode: 'BREAK',
} as const;

async function insertDemo(c: mysql.Connection): Promise<void> {
  const { password } = VICIDIAL_DEMO;
  // The stock admin 6666 gets Agent API Access and modify_leads, as an administrator ticks them in admin.php.
  await c.query(
    "UPDATE vicidial_users SET vdc_agent_api_access='1', modify_leads='1', agentcall_manual='1', change_agent_campaign='1', modify_campaigns='1' WHERE user='6666'",
  );
  // admin.php's ADD USER: only what the form sends; every other column takes its default.
  const addUser = (user: string, name: string, level: number, group: string, flags: Record<string, string> = {}) => {
    const row: Row = { user, pass: password, full_name: name, user_level: String(level), user_group: group, phone_login: user, phone_pass: password, active: 'Y', ...flags };
    return insertRows(c, 'vicidial_users', [row]);
  };
  await addUser(VICIDIAL_DEMO.nonAgentUser, 'Reports API', 8, 'ADMIN', { vdc_agent_api_access: '1', load_leads: '1', modify_leads: '1' });
  for (const [i, agent] of VICIDIAL_DEMO.agents.entries()) await addUser(agent, `Agent ${i + 1}`, 1, 'AGENTS');
  await c.query("INSERT INTO vicidial_user_groups (user_group, group_name, allowed_campaigns) VALUES ('AGENTS', 'Agents', ' -ALL-CAMPAIGNS- - -')");
  await c.query(
    `INSERT INTO vicidial_campaigns (campaign_id, campaign_name, active, dial_method, auto_dial_level, lead_order, park_ext, park_file_name,
       web_form_address, allow_closers, hopper_level, local_call_time, dial_prefix, campaign_cid, campaign_vdad_exten, dial_statuses, campaign_recording, pause_after_each_call)
     VALUES (?, 'Test campaign', 'Y', 'MANUAL', '0', 'DOWN', '', '', '', 'Y', '100', '24hours', '9', '0000000000', '8368', ' NEW -', 'NEVER', 'N')`,
    [VICIDIAL_DEMO.campaign],
  );
  await c.query("INSERT INTO vicidial_lists (list_id, list_name, campaign_id, active) VALUES (?, 'Test list', ?, 'Y')", [
    VICIDIAL_DEMO.list,
    VICIDIAL_DEMO.campaign,
  ]);
  await c.query("INSERT INTO vicidial_pause_codes (pause_code, pause_code_name, billable, campaign_id) VALUES (?, 'Break', 'NO', ?)", [
    VICIDIAL_DEMO.pauseCode,
    VICIDIAL_DEMO.campaign,
  ]);
  for (let i = 1; i <= 3; i++)
    await c.query(
      `INSERT INTO vicidial_list (entry_date, modify_date, status, list_id, gmt_offset_now, called_since_last_reset, phone_code, phone_number, first_name, last_name, state)
       VALUES (NOW(), NOW(), 'NEW', ?, '-5.00', 'N', '1', ?, ?, 'Doe', 'FL')`,
      [VICIDIAL_DEMO.list, `72755500${10 + i}`, `Lead${i}`],
    );
}

export interface VicidialDatabase {
  readonly name: string;
  /** The DATABASE_URL of the VICIdial database (the server's own user, as cron would be). */
  readonly url: string;
  /** Run statements on it outside agentgate, as VICIdial (its admin pages, its screens) would. */
  on<T>(work: (c: mysql.Connection) => Promise<T>): Promise<T>;
  drop(): Promise<void>;
}

/** Build a new VICIdial database on this server (named `name`, or one of its own): every table, the stock rows, the demo data. */
export async function createVicidialDatabase(server: string, options: { demo?: boolean; name?: string } = {}): Promise<VicidialDatabase> {
  const name = options.name ?? testDatabaseName('vici');
  const on = <T>(work: (c: mysql.Connection) => Promise<T>) =>
    onServer(server, async (c) => {
      await c.query(`USE ${q(name)}`);
      await c.query("SET SESSION sql_mode = ''");
      return work(c);
    });
  await onServer(server, (c) => c.query(`CREATE DATABASE ${q(name)} CHARACTER SET utf8`));
  // One round trip for the 334 tables and one per table of stock rows: a build takes seconds, not tens.
  const bulk = await mysql.createConnection({ uri: mysqlUrl(server, name), multipleStatements: true });
  try {
    await bulk.query("SET SESSION sql_mode = ''");
    await bulk.query(Object.entries(VICIDIAL_SCHEMA).map(([table, spec]) => createVicidialTable(table, spec)).join(';\n'));
    // IGNORE: the fact file's vicidial_settings_containers rows include the lines of multi-line
    // container texts read as rows of their own (ids like '\n'); a key can hold only the first.
    for (const [table, rows] of Object.entries(VICIDIAL_STOCK_ROWS)) {
      // One INSERT per set of columns (the mangled container rows name fewer).
      const byColumns = new Map<string, Row[]>();
      for (const row of rows) {
        const key = Object.keys(row).join(',');
        byColumns.set(key, [...(byColumns.get(key) ?? []), row]);
      }
      for (const [columns, group] of byColumns) {
        const names = columns.split(',');
        await bulk.query(`INSERT IGNORE INTO ${q(table)} (${names.map(q).join(', ')}) VALUES ?`, [group.map((row) => names.map((n) => row[n] ?? null))]);
      }
    }
    if (options.demo !== false) await insertDemo(bulk);
  } finally {
    await bulk.end();
  }
  return {
    name,
    url: mysqlUrl(server, name),
    on,
    drop: () => onServer(server, async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${q(name)}`))),
  };
}

/** `init --vicidial` in process: agentgate's own tables in the VICIdial database. */
export async function initDropIn(url: string): Promise<void> {
  const database = await openDatabase(url);
  try {
    await prepareDropIn(database);
  } finally {
    await database.close();
  }
}
