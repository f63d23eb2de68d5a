/**
 * Copies of the drop-in template (dropin-database.ts) for the suites' harnesses
 * with TEST_DROPIN=1. Building a VICIdial database (334 tables, their stock rows,
 * agentgate's own tables, the demo) takes seconds; a harness can't pay that. So
 * each worker keeps databases that it makes equal to the template again after
 * use: only the tables whose content (CHECKSUM TABLE, one statement for all) or
 * AUTO_INCREMENT counter differ from the template's are refilled from it, and
 * tables or triggers a test added are dropped. A harness rarely changes more than
 * a dozen tables, so that costs a fraction of a copy.
 */
import type mysql from 'mysql2/promise';

const q = (name: string) => `\`${name.replaceAll('`', '``')}\``;

interface TableState {
  readonly counter: number | null;
  readonly checksum: string;
}
type State = Map<string, TableState>;

async function stateOf(c: mysql.Connection, database: string): Promise<State> {
  const [tables] = await c.query<mysql.RowDataPacket[]>(
    "SELECT TABLE_NAME AS t, AUTO_INCREMENT AS counter FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'",
    [database],
  );
  const state: State = new Map();
  if (tables.length === 0) return state;
  const [sums] = await c.query<mysql.RowDataPacket[]>(`CHECKSUM TABLE ${tables.map((r) => `${q(database)}.${q(r.t)}`).join(', ')}`);
  const byTable = new Map(sums.map((r) => [String(r.Table).slice(database.length + 1), String(r.Checksum)]));
  for (const r of tables) state.set(r.t, { counter: r.counter === null ? null : Number(r.counter), checksum: byTable.get(r.t) ?? '' });
  return state;
}

/** The template's state, read once per worker: nothing changes it after global-setup built it. */
const templates = new Map<string, Promise<State>>();

/** Make `name` (created when missing) hold exactly what `template` holds. */
export async function copyVicidialTemplate(c: mysql.Connection, template: string, name: string): Promise<void> {
  let wanted = templates.get(template);
  if (!wanted) templates.set(template, (wanted = stateOf(c, template)));
  const want = await wanted;
  await c.query(`CREATE DATABASE IF NOT EXISTS ${q(name)} CHARACTER SET utf8`);
  // VICIdial's rows hold zero dates, which a strict session would refuse to copy.
  await c.query("SET SESSION foreign_key_checks = 0, sql_mode = ''");
  const [triggers] = await c.query<mysql.RowDataPacket[]>('SELECT TRIGGER_NAME AS t FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?', [name]);
  for (const { t } of triggers) await c.query(`DROP TRIGGER ${q(name)}.${q(t)}`);
  const have = await stateOf(c, name);
  const target = (table: string) => `${q(name)}.${q(table)}`;
  for (const table of have.keys()) if (!want.has(table)) await c.query(`DROP TABLE ${target(table)}`);
  for (const [table, state] of want) {
    const now = have.get(table);
    if (now && now.checksum === state.checksum && now.counter === state.counter) continue;
    if (now) await c.query(`TRUNCATE TABLE ${target(table)}`);
    else await c.query(`CREATE TABLE ${target(table)} LIKE ${q(template)}.${q(table)}`);
    await c.query(`INSERT INTO ${target(table)} SELECT * FROM ${q(template)}.${q(table)}`);
    if (state.counter !== null) await c.query(`ALTER TABLE ${target(table)} AUTO_INCREMENT = ${state.counter}`);
  }
}
