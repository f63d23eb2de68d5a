/**
 * Group commit on a real SQLite file: units that arrive in one turn of the
 * event loop share a commit, each in a savepoint; a failing unit takes only
 * itself back; and no unit hears "done" before its rows are committed (a
 * second connection, which sees committed rows only, already sees them).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql, type Transaction } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './database-handle.js';
import { GroupCommit, MAX_UNITS_PER_COMMIT } from './group-commit.js';
import type { Database } from './schema/database.js';
import { openSqlite } from './sqlite-database.js';

let dir: string;
let handle: DatabaseHandle;
let group: GroupCommit;
let reader: SQLite.Database;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentgate-group-'));
  handle = openSqlite(path.join(dir, 'group.db'));
  await sql`create table marks (name text primary key)`.execute(handle.db);
  group = new GroupCommit(handle.db);
  reader = new SQLite(path.join(dir, 'group.db'), { readonly: true });
});
afterEach(async () => {
  reader.close();
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const committed = () => (reader.prepare('select name from marks order by name').all() as { name: string }[]).map((r) => r.name);
const mark = (name: string) => (trx: Transaction<Database>) => sql`insert into marks (name) values (${name})`.execute(trx).then(() => name);
const failing = (name: string) => async (trx: Transaction<Database>) => {
  await mark(name)(trx);
  throw new Error(`${name} failed`);
};

describe('GroupCommit', () => {
  it('units that arrive in one turn share one commit, and each hears only after its rows are committed', async () => {
    const seenAtAnswer: string[][] = [];
    const units = ['a', 'b', 'c', 'd', 'e'].map((name) => group.run(mark(name)).then((value) => (seenAtAnswer.push(committed()), value)));
    expect(await Promise.all(units)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(group.stats).toEqual({ units: 5, commits: 1 });
    // The first unit to hear already finds every row of its commit there, from another connection.
    expect(seenAtAnswer[0]).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('a unit that fails takes back only its own rows; the others commit', async () => {
    const outcomes = await Promise.allSettled([group.run(mark('a')), group.run(failing('b')), group.run(mark('c'))]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error('b failed'));
    expect(committed()).toEqual(['a', 'c']);
  });

  it('so does the first unit of a transaction, and the last', async () => {
    const outcomes = await Promise.allSettled([group.run(failing('a')), group.run(mark('b')), group.run(failing('c'))]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled', 'rejected']);
    expect(committed()).toEqual(['b']);
    expect(group.stats).toEqual({ units: 3, commits: 1 });
  });

  it(`takes at most ${MAX_UNITS_PER_COMMIT} units into one commit, so the first waits for no more than that`, async () => {
    const names = Array.from({ length: MAX_UNITS_PER_COMMIT + 3 }, (_, i) => `u${String(i).padStart(3, '0')}`);
    await Promise.all(names.map((name) => group.run(mark(name))));
    expect(group.stats).toEqual({ units: names.length, commits: 2 });
    expect(committed()).toEqual(names);
  });

  it('a unit that arrives alone runs alone', async () => {
    await group.run(mark('a'));
    await group.run(mark('b'));
    expect(group.stats).toEqual({ units: 2, commits: 2 });
  });
});
