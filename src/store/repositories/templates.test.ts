import { describe, expect, it } from 'vitest';
import { openDatabase } from '../connect.js';
import { migrate } from '../migrate.js';
import { runTemplate } from './templates.js';

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
});
