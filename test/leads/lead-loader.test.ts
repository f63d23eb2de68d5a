/**
 * `agentgate leads load` as a library call on a real SQLite file: mapping,
 * add_lead's duplicate modes, rejects with line numbers, bad CSV, and an
 * interrupted load resumed without inserting a lead twice.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLeads, LoadError, type LoadOptions } from '../../src/leads/lead-loader.js';
import { startHarness, type Harness } from '../support/harness.js';
import { tempDir } from '../support/server-process.js';

let h: Harness;
let dir: string;
beforeEach(async () => {
  h = await startHarness();
  dir = tempDir();
});
afterEach(() => h.close());

function csv(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const load = (options: LoadOptions) => loadLeads(h.services.store, h.clock, options);
const listLeads = (listId: number) => h.rows('vicidial_list', { list_id: listId });
const rejects = (file: string) => fs.readFileSync(`${file}.rejects.csv`, 'utf8');

describe('leads load', () => {
  it('maps columns by header name and alias, and stores the leads with their GMT offset', async () => {
    const file = csv('a.csv', 'Phone,First Name,LAST_NAME,zip,Vendor ID\n(312) 555-7001,Ada,Lovelace,60601,V1\n617-555-7002,Alan,Turing,02139,V2\n');
    const summary = await load({ file, listId: 101 });
    expect(summary).toMatchObject({ inserted: 2, duplicates: 0, invalid: 0, lastLine: 3 });
    const rows = (await listLeads(101)).filter((r) => String(r.phone_number).includes('5557'));
    expect(rows.map((r) => [r.phone_number, r.first_name, r.last_name, r.postal_code, r.vendor_lead_code, r.gmt_offset_now, r.status, r.phone_code])).toEqual([
      ['3125557001', 'Ada', 'Lovelace', '60601', 'V1', -6, 'NEW', '1'],
      ['6175557002', 'Alan', 'Turing', '02139', 'V2', -5, 'NEW', '1'],
    ]);
  });

  it('takes an explicit --map over the header names', async () => {
    const file = csv('m.csv', 'tel,who\n3125557003,Grace\n');
    await load({ file, listId: 101, map: { phone_number: 'tel', first_name: '2' } });
    const [row] = (await listLeads(101)).filter((r) => r.phone_number === '3125557003');
    expect(row?.first_name).toBe('Grace');
  });

  it('refuses a mapping without a phone column, or naming an unknown field', async () => {
    const file = csv('n.csv', 'name\nAda\n');
    await expect(load({ file, listId: 101 })).rejects.toThrow(/no column holds the phone number/);
    await expect(load({ file: csv('o.csv', 'phone\n1\n'), listId: 101, map: { shoe_size: 'phone' } })).rejects.toThrow(
      /"shoe_size", which is not a lead field/,
    );
    await expect(load({ file, listId: 999 })).rejects.toThrow(LoadError);
  });

  it('applies DUPLIST against stored leads and within the file, and writes rejects with line numbers', async () => {
    const file = csv(
      'd.csv',
      ['phone_number,first_name', '3125550101,Dup of seeded lead 1', '3125557010,New', '3125557010,Same file again', '12,Too short', '3125557011,' + 'x'.repeat(31), ''].join('\n'),
    );
    const summary = await load({ file, listId: 101, duplicateCheck: 'DUPLIST' });
    expect(summary).toMatchObject({ inserted: 1, duplicates: 2, invalid: 2 });
    expect(rejects(file)).toBe(
      [
        'line,reason,record',
        '2,"DUPLIST: duplicate of lead 1 in list 101","3125550101,Dup of seeded lead 1"',
        '4,"DUPLIST: duplicate of line 3","3125557010,Same file again"',
        '5,"INVALID PHONE NUMBER LENGTH","12,Too short"',
        `6,"first_name is longer than 30 characters","3125557011,${'x'.repeat(31)}"`,
        '',
      ].join('\n'),
    );
  });

  it('DUPSYS finds a number in another list; DUPLIST does not', async () => {
    const file = csv('s.csv', 'phone_number\n6175550201\n');
    expect(await load({ file, listId: 101, duplicateCheck: 'DUPLIST' })).toMatchObject({ inserted: 1 });
    const again = csv('s2.csv', 'phone_number\n6175550202\n');
    expect(await load({ file: again, listId: 101, duplicateCheck: 'DUPSYS' })).toMatchObject({ inserted: 0, duplicates: 1 });
    expect(rejects(again)).toContain('DUPSYS: duplicate of lead 10 in list 201');
  });

  it('refuses numbers on the DNC lists when asked', async () => {
    const file = csv('dnc.csv', 'phone_number\n3125550199\n3125550198\n');
    expect(await load({ file, listId: 101, dncCheck: 'Y', campaignDncCheck: 'Y' })).toMatchObject({ inserted: 0, invalid: 2 });
    expect(rejects(file)).toContain('2,"PHONE NUMBER IN DNC"');
    expect(rejects(file)).toContain('3,"PHONE NUMBER IN CAMPAIGN DNC"');
  });

  it('rejects broken quoting, wrong field counts and Latin-1 bytes, and loads the good lines', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('phone_number,first_name\n3125557020,Good\n3125557021,Jos'),
      Buffer.from([0xe9]),
      Buffer.from('\n3125557022,a"b\n3125557023,one,two\n3125557024,"Multi\nline"\n3125557025,"never closed\n3125557026,lost\n'),
    ]);
    const file = path.join(dir, 'bad.csv');
    fs.writeFileSync(file, latin1);
    const summary = await load({ file, listId: 101 });
    expect(summary.inserted).toBe(2);
    const text = rejects(file);
    expect(text).toContain('3,"first_name is not valid UTF-8 text (convert the file to UTF-8)"');
    expect(text).toContain('4,"first_name has a stray double quote (broken CSV quoting)"');
    expect(text).toContain('5,"has 3 fields, the header has 2"');
    expect(text).toMatch(/\n8,"a quoted field is never closed \(broken CSV quoting\); lines 8-9 not loaded"/);
    const multi = (await listLeads(101)).find((r) => r.phone_number === '3125557024');
    expect(multi?.first_name).toBe('Multi\nline');
  });

  it('resumes an interrupted load after its last committed batch, without inserting twice', async () => {
    const lines = ['phone_number,first_name'];
    for (let i = 0; i < 50; i++) lines.push(`31255580${String(i).padStart(2, '0')},Lead ${i}`);
    lines.push('1,bad');
    const file = csv('r.csv', `${lines.join('\n')}\n`);
    await expect(
      load({
        file,
        listId: 101,
        batchSize: 10,
        afterBatch: (n) => {
          if (n === 3) throw new Error('power cut');
        },
      }),
    ).rejects.toThrow('power cut');
    expect((await listLeads(101)).filter((r) => String(r.phone_number).startsWith('31255580'))).toHaveLength(30);

    const resumed = await load({ file, listId: 101, batchSize: 10 });
    expect(resumed).toMatchObject({ resumedAfterLine: 31, inserted: 50, invalid: 1, lastLine: 52 });
    const loaded = (await listLeads(101)).filter((r) => String(r.phone_number).startsWith('31255580'));
    expect(loaded).toHaveLength(50);
    expect(new Set(loaded.map((r) => r.phone_number)).size).toBe(50);
    expect(rejects(file)).toBe('line,reason,record\n52,"INVALID PHONE NUMBER LENGTH","1,bad"\n');
    await expect(load({ file, listId: 101 })).rejects.toThrow(/already loaded into list 101/);
    expect(await load({ file, listId: 101, reload: true, duplicateCheck: 'DUPLIST' })).toMatchObject({ inserted: 0, duplicates: 50 });
  });
});
