/**
 * The non-agent lead functions, byte for byte: add_lead with its phone, DNC
 * and duplicate checks, bad input that must write nothing, update_lead,
 * batch_update_lead and the lead searches.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedCallHistory } from '../../src/demo/seed-non-agent.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.clock.set(new Date('2026-11-28T18:00:00Z'));
});
afterEach(() => h.close());

const add = (params: Record<string, string>) => h.nonAgent({ function: 'add_lead', list_id: '101', ...params });
const leadCount = async () => (await h.rows('vicidial_list')).length;
const SEEDED = 11;

describe('add_lead', () => {
  it('adds a lead with its GMT offset and the API user, and answers VICIdial’s SUCCESS line', async () => {
    const res = await add({ phone_number: '3125557000', first_name: 'Ada', last_name: 'Byron', postal_code: '60601', date_of_birth: '1815-12-10' });
    expect(res.body).toBe('SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125557000|101|12|-6|6000\n');
    const [row] = await h.rows('vicidial_list', { lead_id: 12 });
    expect(row).toMatchObject({ status: 'NEW', user: '6000', list_id: 101, phone_code: '1', gmt_offset_now: -6, first_name: 'Ada', date_of_birth: '1815-12-10', gender: 'U', called_since_last_reset: 'N' });
  });

  it('finds the offset by postal code and applies DST in July', async () => {
    h.clock.set(new Date('2026-07-01T18:00:00Z'));
    const res = await add({ phone_number: '2135557001', postal_code: '60601', tz_method: 'POSTAL' });
    expect(res.body).toBe('SUCCESS: add_lead LEAD HAS BEEN ADDED - 2135557001|101|12|-5|6000\n');
    const byArea = await add({ phone_number: '2135557002' });
    expect(byArea.body).toBe('SUCCESS: add_lead LEAD HAS BEEN ADDED - 2135557002|101|13|-7|6000\n');
  });

  it('defaults list_id to 999 and leaves the offset empty when no reference row matches', async () => {
    expect((await h.nonAgent({ function: 'add_lead', phone_number: '9995557003', phone_code: '44' })).body).toBe('SUCCESS: add_lead LEAD HAS BEEN ADDED - 9995557003|999|12||6000\n');
    expect((await h.rows('vicidial_list', { lead_id: 12 }))[0]).toMatchObject({ gmt_offset_now: 0, phone_code: '44' });
  });

  it.each([
    [{ phone_number: '12345' }, 'ERROR: add_lead INVALID PHONE NUMBER LENGTH - 12345|6000\n'],
    [{ phone_number: '31215557000', usacan_prefix_check: 'Y' }, 'ERROR: add_lead INVALID PHONE NUMBER PREFIX - 31215557000|6000\n'],
    [{ phone_number: '9995557000', usacan_areacode_check: 'Y' }, 'ERROR: add_lead INVALID PHONE NUMBER AREACODE - 9995557000|6000\n'],
    [{ phone_number: '3125550199', dnc_check: 'Y' }, 'ERROR: add_lead PHONE NUMBER IN DNC - 3125550199|6000\n'],
    [{ phone_number: '3125550198', campaign_dnc_check: 'Y', campaign_id: 'TESTCAMP' }, 'ERROR: add_lead PHONE NUMBER IN CAMPAIGN DNC - 3125550198|TESTCAMP|6000\n'],
    [{ phone_number: '3125557000', list_id: '555', list_exists_check: 'Y' }, 'ERROR: add_lead NOT A DEFINED LIST ID, LIST EXISTS CHECK ENABLED - 3125557000|555\n'],
  ])('refuses %j', async (params, expected) => {
    expect((await add(params)).body).toBe(expected);
    expect(await leadCount()).toBe(SEEDED);
  });

  it('says the NANPA options are off when the prefix table is empty, and carries on', async () => {
    const res = await add({ phone_number: '3125557004', nanpa_ac_prefix_check: 'Y' });
    expect(res.body).toBe('NOTICE: add_lead NANPA options disabled, NANPA prefix data not loaded - 0|6000\nSUCCESS: add_lead LEAD HAS BEEN ADDED - 3125557004|101|12|-6|6000\n');
  });

  it('checks an area-code DNC entry in AREACODE mode', async () => {
    await h.exec(`insert into vicidial_dnc (phone_number) values ('617XXXXXXX')`);
    expect((await add({ phone_number: '6175557005', dnc_check: 'AREACODE' })).body).toBe('ERROR: add_lead PHONE NUMBER IN DNC - 6175557005|6000\n');
    expect((await add({ phone_number: '6175557005', dnc_check: 'Y' })).body).toMatch(/^SUCCESS/);
  });

  describe('duplicate checks', () => {
    beforeEach(async () => {
      await h.exec(`update vicidial_list set alt_phone = '3125559999', title = 'Dr' where lead_id = 1`);
      await h.exec(`insert into vicidial_lists (list_id, list_name, campaign_id, active) values (102, 'More test leads', 'TESTCAMP', 'Y')`);
    });
    it.each([
      [{ duplicate_check: 'DUPLIST', phone_number: '3125550101' }, 'ERROR: add_lead DUPLICATE PHONE NUMBER IN LIST - 3125550101|101|1\n'],
      [{ duplicate_check: 'DUPCAMP', phone_number: '3125550101', list_id: '102' }, 'ERROR: add_lead DUPLICATE PHONE NUMBER IN CAMPAIGN LISTS - 3125550101|102|1|101\n'],
      [{ duplicate_check: 'DUPSYS', phone_number: '6175550201' }, 'ERROR: add_lead DUPLICATE PHONE NUMBER IN SYSTEM - 6175550201|101|9|201\n'],
      [{ duplicate_check: 'DUPPHONEALTLIST', phone_number: '3125559999' }, 'ERROR: add_lead DUPLICATE PHONE NUMBER IN LIST - 3125559999|101|1|ALT\n'],
      [{ duplicate_check: 'DUPPHONEALTCAMP', phone_number: '3125550101', list_id: '102' }, 'ERROR: add_lead DUPLICATE PHONE NUMBER IN CAMPAIGN LISTS - 3125550101|102|1|101|PHONE\n'],
      [{ duplicate_check: 'DUPPHONEALTSYS', phone_number: '3125559999', list_id: '201' }, 'ERROR: add_lead DUPLICATE PHONE NUMBER IN SYSTEM - 3125559999|201|1|101|ALT\n'],
      [{ duplicate_check: 'DUPTITLEALTPHONELIST', phone_number: '3125557100', title: 'Dr', alt_phone: '3125559999' }, 'ERROR: add_lead DUPLICATE TITLE ALT_PHONE IN LIST - Dr|3125559999|101|1\n'],
      [{ duplicate_check: 'DUPTITLEALTPHONECAMP', phone_number: '3125557100', title: 'Dr', alt_phone: '3125559999', list_id: '102' }, 'ERROR: add_lead DUPLICATE TITLE ALT_PHONE IN CAMPAIGN LISTS - Dr|3125559999|102|1|101\n'],
      [{ duplicate_check: 'DUPTITLEALTPHONESYS', phone_number: '3125557100', title: 'Dr', alt_phone: '3125559999', list_id: '201' }, 'ERROR: add_lead DUPLICATE TITLE ALT_PHONE IN SYSTEM - Dr|3125559999|201|1|101\n'],
      [{ duplicate_check: 'DUPNAMEPHONELIST', phone_number: '3125550101', first_name: 'Ada', last_name: 'Lovelace' }, 'ERROR: add_lead DUPLICATE NAME PHONE IN LIST - Ada|Lovelace|3125550101|101|1\n'],
      [{ duplicate_check: 'DUPNAMEPHONECAMP', phone_number: '3125550101', first_name: 'Ada', last_name: 'Lovelace', list_id: '102' }, 'ERROR: add_lead DUPLICATE NAME PHONE IN CAMPAIGN LISTS - Ada|Lovelace|3125550101|102|1|101\n'],
      [{ duplicate_check: 'DUPNAMEPHONESYS', phone_number: '3125550101', first_name: 'Ada', last_name: 'Lovelace', list_id: '201' }, 'ERROR: add_lead DUPLICATE NAME PHONE IN SYSTEM - Ada|Lovelace|3125550101|201|1|101\n'],
    ])('%j', async (params, expected) => {
      const before = await leadCount();
      expect((await add(params)).body).toBe(expected);
      expect(await leadCount()).toBe(before);
    });

    it('lets a lead through whose duplicate is older than the age window', async () => {
      h.clock.set(new Date('2026-12-30T18:00:00Z'));
      expect((await add({ duplicate_check: 'DUPLIST30DAY', phone_number: '3125550101' })).body).toMatch(/^SUCCESS/);
      expect((await add({ duplicate_check: 'DUPLIST30DAY', phone_number: '3125550101' })).body).toMatch(/^ERROR: add_lead DUPLICATE PHONE NUMBER IN LIST - 3125550101\|101\|12\n$/);
    });

    it('does not match a different name with DUPNAMEPHONE, and a quote in a name is just a character', async () => {
      expect((await add({ duplicate_check: 'DUPNAMEPHONELIST', phone_number: '3125550101', first_name: "O'Hara", last_name: 'Lovelace' })).body).toMatch(/^SUCCESS/);
    });
  });

  it('adds to the hopper, checks local time, books a callback and loads alternate phones', async () => {
    const res = await add({
      phone_number: '3125557010',
      add_to_hopper: 'Y',
      hopper_local_call_time_check: 'Y',
      hopper_priority: '150',
      callback: 'Y',
      campaign_id: 'TESTCAMP',
      callback_datetime: '2026-12-01 10:00:00',
      callback_type: 'USERONLY',
      callback_user: '1000',
      multi_alt_phones: '3125550001_1_home!3125550002',
    });
    expect(res.body).toBe(
      'SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125557010|101|12|-6|6000\n' +
        'NOTICE: add_lead MULTI-ALT-PHONE NUMBERS LOADED - 2|12|6000\n' +
        'NOTICE: add_lead ADDED TO HOPPER - 3125557010|12|1|6000\n' +
        'NOTICE: add_lead SCHEDULED CALLBACK ADDED - 12|TESTCAMP|2026-12-01 10:00:00|USERONLY|1000|CALLBK\n',
    );
    expect((await h.rows('vicidial_hopper'))[0]).toMatchObject({ lead_id: 12, campaign_id: 'TESTCAMP', priority: 99, source: 'P', status: 'READY' });
    expect((await h.rows('vicidial_callbacks', { lead_id: 12 }))[0]).toMatchObject({ user: '1000', user_group: 'AGENTS', recipient: 'USERONLY', status: 'ACTIVE' });
    expect((await h.rows('vicidial_list', { lead_id: 12 }))[0]!.status).toBe('CBHOLD');
    h.clock.set(new Date('2026-11-28T04:00:00Z'));
    const night = await add({ phone_number: '3125557011', add_to_hopper: 'Y', hopper_local_call_time_check: 'Y' });
    expect(night.body).toBe('SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125557011|101|13|-6|6000\nNOTICE: add_lead NOT ADDED TO HOPPER, OUTSIDE OF LOCAL TIME - 3125557011|13|-6|0|6000\n');
  });

  it('answers the callback notices for a bad campaign, user or time', async () => {
    expect((await add({ phone_number: '3125557020', callback: 'Y', campaign_id: 'NOPE' })).body).toContain('NOTICE: add_lead SCHEDULED CALLBACK NOT ADDED, CAMPAIGN NOT VALID - 12|NOPE\n');
    expect((await add({ phone_number: '3125557021', callback: 'Y', campaign_id: 'TESTCAMP', callback_type: 'USERONLY', callback_user: 'ghost' })).body).toContain(
      'NOTICE: add_lead SCHEDULED CALLBACK NOT ADDED, USER NOT VALID - 13|TESTCAMP|ghost|USERONLY\n',
    );
    expect((await add({ phone_number: '3125557022', callback: 'Y', campaign_id: 'TESTCAMP', callback_datetime: '2026-02-30 10:00:00' })).body).toContain(
      'NOTICE: add_lead SCHEDULED CALLBACK NOT ADDED, CALLBACK DATETIME NOT VALID - 14|TESTCAMP|2026-02-30 10:00:00\n',
    );
  });

  describe('bad input: a clear ERROR line and nothing written', () => {
    it.each([
      [{ phone_number: '3125557030', first_name: 'x'.repeat(31) }, 'ERROR: add_lead FIELD VALUE TOO LONG - 3125557030|first_name|30|6000\n'],
      [{ phone_number: '3125557030', comments: 'c'.repeat(256) }, 'ERROR: add_lead FIELD VALUE TOO LONG - 3125557030|comments|255|6000\n'],
      [{ phone_number: '3125557030', date_of_birth: '1990-02-31' }, 'ERROR: add_lead INVALID DATE OF BIRTH - 3125557030|1990-02-31|6000\n'],
      [{ phone_number: '3125557030', date_of_birth: '31/12/1990' }, 'ERROR: add_lead INVALID DATE OF BIRTH - 3125557030|31121990|6000\n'],
      [{ phone_number: '3125557030', list_id: '123456789012345' }, 'ERROR: add_lead NOT A VALID LIST ID - 3125557030|123456789012345\n'],
      [{ phone_number: '(312) 5x' }, 'ERROR: add_lead INVALID PHONE NUMBER LENGTH - 3125|6000\n'],
    ])('%j', async (params, expected) => {
      const res = await add(params);
      expect(res.status).toBe(200);
      expect(res.body).toBe(expected);
      expect(await leadCount()).toBe(SEEDED);
    });

    it('keeps quotes and backslashes as data: values travel as bound parameters', async () => {
      const res = await add({ phone_number: '3125557031', vendor_lead_code: `x\\"'); --`, comments: `it's "fine"; DROP TABLE vicidial_list` });
      expect(res.body).toBe('SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125557031|101|12|-6|6000\n');
      expect((await h.rows('vicidial_list', { lead_id: 12 }))[0]).toMatchObject({ vendor_lead_code: `x\\') --`, comments: "it's fine DROP TABLE vicidial_list" });
    });
  });
});

describe('update_lead', () => {
  it('updates a lead found by lead_id', async () => {
    const res = await h.nonAgent({ function: 'update_lead', lead_id: '2', first_name: 'Alan M', status: 'CALLBK' });
    expect(res.body).toBe('SUCCESS: update_lead LEAD HAS BEEN UPDATED - 6000|2|1|||\n');
    expect((await h.rows('vicidial_list', { lead_id: 2 }))[0]).toMatchObject({ first_name: 'Alan M', status: 'CALLBK' });
  });

  it('finds by vendor_lead_code or phone, reports with no_update, and inserts when asked', async () => {
    expect((await h.nonAgent({ function: 'update_lead', search_method: 'VENDOR_LEAD_CODE', vendor_lead_code: 'V0103', no_update: 'Y' })).body).toBe(
      'NOTICE: update_lead LEADS FOUND IN THE SYSTEM: |6000|3|V0103||101|0\n',
    );
    expect((await h.nonAgent({ function: 'update_lead', search_method: 'PHONE_NUMBER', phone_number: '3125550000', first_name: 'Nobody' })).body).toBe(
      'ERROR: update_lead NO MATCHES FOUND IN THE SYSTEM: |6000|||3125550000\n',
    );
    const inserted = await h.nonAgent({ function: 'update_lead', search_method: 'PHONE_NUMBER', phone_number: '3125550000', phone_code: '1', list_id: '101', insert_if_not_found: 'Y', first_name: 'New' });
    expect(inserted.body).toBe('NOTICE: update_lead NO MATCHES FOUND IN THE SYSTEM: |6000|||3125550000\nSUCCESS: update_lead LEAD HAS BEEN ADDED - 3125550000|101|12|-6|6000\n');
    expect((await h.nonAgent({ function: 'update_lead', search_method: 'PHONE_NUMBER', phone_number: '3125550001', insert_if_not_found: 'Y' })).body).toBe(
      'NOTICE: update_lead NO MATCHES FOUND IN THE SYSTEM: |6000|||3125550001\nERROR: update_lead INVALID DATA FOR LEAD INSERTION - 6000|3125550001|||Y\n',
    );
  });

  it('deletes a lead, archiving its callbacks', async () => {
    await add({ phone_number: '3125557040', callback: 'Y', campaign_id: 'TESTCAMP', callback_datetime: 'NOW' });
    const res = await h.nonAgent({ function: 'update_lead', lead_id: '12', delete_lead: 'Y' });
    expect(res.body).toBe('SUCCESS: update_lead LEAD HAS BEEN DELETED 1|1 - 6000|12|1|1|1|\n');
    expect(await h.rows('vicidial_callbacks_archive')).toHaveLength(1);
    expect(await h.rows('vicidial_list', { lead_id: 12 })).toHaveLength(0);
  });

  it('moves a lead in and out of the hopper', async () => {
    expect((await h.nonAgent({ function: 'update_lead', lead_id: '4', phone_number: '3125550104', add_to_hopper: 'Y' })).body).toBe('NOTICE: update_lead ADDED TO HOPPER - 3125550104|4|1|6000\n');
    expect((await h.nonAgent({ function: 'update_lead', lead_id: '4', phone_number: '3125550104', add_to_hopper: 'Y' })).body).toBe(
      'NOTICE: update_lead NOT ADDED TO HOPPER, LEAD IS ALREADY IN THE HOPPER - 3125550104|4|6000\n',
    );
    expect((await h.nonAgent({ function: 'update_lead', lead_id: '4', phone_number: '3125550104', remove_from_hopper: 'Y' })).body).toBe(
      'NOTICE: update_lead REMOVED FROM HOPPER - 3125550104|4|READY|6000\n',
    );
  });

  it('refuses a search without keys and values that do not fit', async () => {
    expect((await h.nonAgent({ function: 'update_lead' })).body).toBe('ERROR: update_lead NO VALID SEARCH METHOD - 6000|LEAD_ID|||\n');
    expect((await h.nonAgent({ function: 'update_lead', lead_id: '2', state: 'ILL' })).body).toBe('ERROR: update_lead FIELD VALUE TOO LONG - 6000|state|2\n');
    expect((await h.rows('vicidial_list', { lead_id: 2 }))[0]!.state).toBe('IL');
  });
});

describe('batch_update_lead', () => {
  it('updates the leads found and says which', async () => {
    expect((await h.nonAgent({ function: 'batch_update_lead', lead_ids: '3,4,999', status: 'XFER' })).body).toBe('SUCCESS: batch_update_lead LEADS HAVE BEEN UPDATED - 6000|2|2|4,3\n');
    expect((await h.nonAgent({ function: 'batch_update_lead', lead_ids: '3' })).body).toBe('NOTICE: batch_update_lead NO UPDATES DEFINED - 6000|1\n');
    expect((await h.nonAgent({ function: 'batch_update_lead', lead_ids: '998,999', status: 'NI' })).body).toBe('ERROR: batch_update_lead NO MATCHES FOUND IN THE SYSTEM: |6000|998,999\n');
    expect((await h.nonAgent({ function: 'batch_update_lead', lead_ids: '' })).body).toBe('ERROR: batch_update_lead NO LEADS DEFINED - 6000|\n');
  });
});

describe('lead searches', () => {
  it('lead_search by phone numbers and vendor codes', async () => {
    // VICIdial's header, byte for byte: its delimiter variable is never set (non-agent-api.md §7.19); the rows use pipes.
    expect((await h.nonAgent({ function: 'lead_search', phone_number: '3125550101,3125550000', header: 'YES' })).body).toBe(
      'search_keyrecords_foundlead_ids\n3125550101|1|1\n3125550000|0|\n',
    );
    expect((await h.nonAgent({ function: 'lead_search', search_method: 'VENDOR_LEAD_CODE', vendor_lead_code: 'V0102' })).body).toBe('V0102|1|2\n');
    expect((await h.nonAgent({ function: 'lead_search', phone_number: '3125550000' })).body).toBe('ERROR: lead_search NO MATCHES FOUND IN THE SYSTEM: |6000|||3125550000\n');
    expect((await h.nonAgent({ function: 'lead_search', phone_number: '12' })).body).toBe('ERROR: lead_search NO VALID SEARCH METHOD - 6000|PHONE_NUMBER|(0)|(0)|12(0)\n');
  });

  it('lead_all_info prints every standard field', async () => {
    const res = await h.nonAgent({ function: 'lead_all_info', lead_id: '1', stage: 'csv' });
    expect(res.body).toBe('NEW,,V0101,,101,0.00,1,3125550101,,Ada,,Lovelace,,,,,IL,,,,U,,,,,,0,2026-11-28 10:00:00,0,,0,1\n');
    expect((await h.nonAgent({ function: 'lead_all_info', lead_id: '999' })).body).toBe('ERROR: lead_all_info LEAD NOT FOUND: 6000|999|\n');
  });

  it('lead_field_info prints one value without a newline, and refuses unknown fields with an ERROR line', async () => {
    expect((await h.nonAgent({ function: 'lead_field_info', lead_id: '1', field_name: 'last_name' })).body).toBe('Lovelace');
    for (const field of ['no_such_field', 'first_name;drop', 'lead_id) or (1=1'])
      expect((await h.nonAgent({ function: 'lead_field_info', lead_id: '1', field_name: field })).body).toBe('ERROR: lead_field_info LIST FIELD NOT FOUND: 6000|1\n');
    expect((await h.nonAgent({ function: 'lead_field_info', lead_id: '999', field_name: 'first_name' })).body).toBe('ERROR: lead_field_info LEAD NOT FOUND: 6000|999\n');
    expect((await h.nonAgent({ function: 'lead_field_info', lead_id: '1' })).body).toBe('ERROR: lead_field_info INVALID SEARCH PARAMETERS: 6000|1|\n');
  });

  it('lead_status_search finds leads by the status of a call on a day', async () => {
    await seedCallHistory(h.services.store, new Date('2026-11-27T10:00:00'));
    const res = await h.nonAgent({ function: 'lead_status_search', status: 'NI', date: '2026-11-27' });
    const record = {
      lead_id: '2', status: 'NEW', user: '', vendor_lead_code: 'V0102', source_id: '', list_id: '101', gmt_offset_now: '0.00', phone_code: '1',
      phone_number: '3125550102', title: '', first_name: 'Alan', middle_initial: '', last_name: 'Turing', address1: '', address2: '', address3: '',
      city: '', state: 'IL', province: '', postal_code: '', country_code: '', gender: 'U', date_of_birth: '', alt_phone: '', email: '',
      security_phrase: '', comments: '', called_count: '0', last_local_call_time: '2026-11-28 10:00:00', rank: '0', owner: '', entry_list_id: '0',
    };
    expect(res.body).toBe(`;---------- START OF RECORD 1 ----------\n${Object.entries(record).map(([k, v]) => `${k} => ${v}\n`).join('')}`);
    expect((await h.nonAgent({ function: 'lead_status_search', status: 'NI', date: '2026-11-26' })).body).toBe('ERROR: lead_status_search NO RESULTS FOUND: 6000||NI|\n');
    expect((await h.nonAgent({ function: 'lead_status_search', status: 'NI', date: '28/11/2026' })).body).toBe('ERROR: lead_status_search INVALID SEARCH PARAMETERS: 6000|NI|28112026|\n');
  });
});

describe('check_phone_number', () => {
  it('answers per method whether the number is dialable now', async () => {
    const res = await h.nonAgent({ function: 'check_phone_number', phone_number: '3125550111', local_call_time: '9am-9pm', tz_method: 'AREACODE-POSTAL', postal_code: '60601' });
    expect(res.body).toBe('AREACODE: 1|-6#POSTAL: 1|-6#PHONE: 3125550111|1|60601|||\n');
    h.clock.set(new Date('2026-11-28T04:00:00Z'));
    expect((await h.nonAgent({ function: 'check_phone_number', phone_number: '3125550111', local_call_time: '9am-9pm' })).body).toBe('AREACODE: 0|-6#PHONE: 3125550111|1||||\n');
  });

  it('refuses an unknown call time, an invalid number and a DNC number', async () => {
    expect((await h.nonAgent({ function: 'check_phone_number', phone_number: '3125550111', local_call_time: 'nope' })).body).toBe('ERROR: check_phone_number THIS IS NOT A VALID CALL TIME: |6000|nope|\n');
    expect((await h.nonAgent({ function: 'check_phone_number', phone_number: '31', local_call_time: '9am-9pm' })).body).toBe('ERROR: check_phone_number INVALID PHONE NUMBER LENGTH - 31|6000\n');
    expect((await h.nonAgent({ function: 'check_phone_number', phone_number: '3125550199', local_call_time: '9am-9pm', dnc_check: 'Y' })).body).toBe('ERROR: check_phone_number PHONE NUMBER IN DNC - 3125550199|6000\n');
  });
});
