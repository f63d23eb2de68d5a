import { CompiledQuery } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../connect.js';
import { migrate } from '../migrate.js';
import { inList, listSize, runCompiled, runTemplate } from './templates.js';

describe('query templates', () => {
  it('compile once and run with new values each time, constants kept', async () => {
    const { db, dialect, close } = await openDatabase('sqlite::memory:');
    await migrate(db, dialect);
    await db.insertInto('vicidial_lists').values([
      { list_id: 1, campaign_id: 'A', active: 'Y' },
      { list_id: 2, campaign_id: 'B', active: 'Y' },
      { list_id: 3, campaign_id: 'A', active: 'N' },
    ]).execute();
    let builds = 0;
    const find = (campaign: string) =>
      runTemplate(
        db,
        'lists.active',
        (arg) => {
          builds++;
          return db.selectFrom('vicidial_lists').select('list_id').where('campaign_id', '=', arg('campaign')).where('active', '=', 'Y');
        },
        { campaign },
      );
    expect((await find('A')).rows).toEqual([{ list_id: 1 }]);
    expect((await find('B')).rows).toEqual([{ list_id: 2 }]);
    expect(builds).toBe(1);
    await expect(runTemplate(db, 'lists.active', () => db.selectFrom('vicidial_lists').select('list_id'), {})).rejects.toThrow(
      'query template lists.active needs a value for campaign',
    );
    await close();
  });

  it('pad an in-list to a power of two: the same rows, one template per padded length', async () => {
    const { db, dialect, close } = await openDatabase('sqlite::memory:');
    await migrate(db, dialect);
    await db.insertInto('vicidial_lists').values([1, 2, 3, 4, 5].map((id) => ({ list_id: id, campaign_id: 'A', active: 'Y' }))).execute();
    const shapes = new Set<number>();
    const find = async (ids: number[]) => {
      const size = listSize(ids.length);
      const { rows } = await runTemplate(
        db,
        `lists.in:${size}`,
        (arg) => {
          shapes.add(size);
          return db.selectFrom('vicidial_lists').select('list_id').where('list_id', 'in', inList(arg, 'ids', size)).orderBy('list_id');
        },
        { ids },
      );
      return rows.map((r) => r.list_id);
    };
    expect(await find([3])).toEqual([3]);
    expect(await find([5, 1, 4])).toEqual([1, 4, 5]);
    expect(await find([2, 3, 99])).toEqual([2, 3]);
    expect(await find([1, 2, 3, 4, 5])).toEqual([1, 2, 3, 4, 5]);
    expect([...shapes]).toEqual([1, 4, 8]);
    await expect(find([])).rejects.toThrow('query template lists.in:1 needs at least one value in ids');
    await close();
  });

  it('inside a SQLite transaction, run on the connection itself and answer as Kysely\'s driver does', async () => {
    const { db, dialect, close } = await openDatabase('sqlite::memory:');
    await migrate(db, dialect);
    const insert = 'insert into "vicidial_lists" ("list_id", "campaign_id") values (?, ?)';
    const update = 'update "vicidial_lists" set "active" = ? where "campaign_id" = ?';
    const select = 'select "list_id", "active" from "vicidial_lists" order by "list_id"';
    await db.transaction().execute(async (trx) => {
      const viaKysely = (sql: string, parameters: unknown[]) => trx.executeQuery(CompiledQuery.raw(sql, parameters));
      expect(await runCompiled(trx, insert, [7, 'A'])).toEqual(await viaKysely(insert, [8, 'A']).then((r) => ({ ...r, insertId: 7n })));
      expect(await runCompiled(trx, update, ['N', 'A'])).toEqual(await viaKysely(update, ['N', 'A']));
      expect(await runCompiled(trx, select, [])).toEqual(await viaKysely(select, []));
      expect((await runCompiled(trx, select, [])).rows).toEqual([{ list_id: 7, active: 'N' }, { list_id: 8, active: 'N' }]);
      await expect(runCompiled(trx, insert, [7, 'B'])).rejects.toThrow(/UNIQUE constraint failed/);
    });
    await close();
  });
});
