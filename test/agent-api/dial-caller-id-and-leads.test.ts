/**
 * external_dial (agent-api.md §8.7): what to dial and as whom: caller id
 * (group_alias, outbound_cid), lead_id with alt_dial, and dial_ingroup.
 *
 * Every response line is compared byte for byte; permissions.md §1/§3/§4/§6
 * and agentgate's API List Restrict give the order of the checks.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { dialing, installDialLog } from '../support/dialing.js';
import { harnessForEachTest } from '../support/harness.js';

const h = harnessForEachTest({}, installDialLog);

const { dial, dialOk, dialString, dialLog, leadCount, liveCalls, expectIdle, expectDial } = dialing(h);

/** An alt_dial of lead 3: the one string written dials `number` (its first field). */
async function expectAltDial(number: string, placed: () => Promise<void>) {
  const [written] = await dialLog();
  expect(written?.split('!')[0]).toBe(number);
  await expectDial(written!, placed);
}

// ---------------------------------------------------------------------------
describe('external_dial: caller id (group_alias, outbound_cid)', () => {
  it('refuses an unknown group_alias', async () => {
    const res = await dial({ value: '3125559999', group_alias: 'NOPE' });
    expect(res.body).toBe('ERROR: group_alias is not valid - 1000|NOPE\n');
    await expectIdle();
  });

  it('refuses a group_alias whose caller id is not a number of at least 4', async () => {
    await h.exec("INSERT INTO groups_alias (group_alias_id, group_alias_name, caller_id_number, active) VALUES ('BADCID', 'bad', '3', 'Y')");
    const res = await dial({ value: '3125559999', group_alias: 'BADCID' });
    expect(res.body).toBe('ERROR: caller_id_number from group_alias is not valid - 1000|BADCID|3\n');
    await expectIdle();
  });

  it('group_alias is filtered to [0-9A-Za-z]: SALES_CID arrives as SALESCID, the demo alias', async () => {
    // agent-api.md §3: group_alias keeps [0-9A-Za-z] only, so an alias id with "_" could never be named.
    const res = await dial({ value: '3125559999', group_alias: 'SALES_CID' });
    expect(res.body).toBe(dialOk({ number: '3125559999', groupAlias: 'SALESCID', callerId: '3125550100' }));
  });

  it('refuses an unknown group_alias', async () => {
    const res = await dial({ value: '3125559999', group_alias: 'NOSUCHALIAS' });
    expect(res.body).toBe('ERROR: group_alias is not valid - 1000|NOSUCHALIAS\n');
    await expectIdle();
  });

  it('uses a valid group_alias: caller id in the success line and in the dial string', async () => {
    const res = await dial({ value: '3125559999', group_alias: 'SALESCID' });
    expect(res.body).toBe(dialOk({ number: '3125559999', groupAlias: 'SALESCID', callerId: '3125550100' }));
    await expectDial(dialString({ number: '3125559999', groupAlias: 'SALESCID', callerId: '3125550100' }), async () => {
      expect((await h.agent('1000'))?.status).toBe('INCALL');
    });
  });

  it('ignores a group_alias shorter than 2 characters', async () => {
    const res = await dial({ value: '3125559999', group_alias: 'X' });
    expect(res.body).toBe(dialOk({ number: '3125559999', groupAlias: 'X' }));
  });

  it('outbound_cid with outbound_cid_any=API_ONLY → group_alias -FORCE-', async () => {
    const res = await dial({ value: '3125559999', outbound_cid: '3125557777' });
    expect(res.body).toBe(dialOk({ number: '3125559999', groupAlias: '-FORCE-', callerId: '3125557777' }));
    expect(await dialLog()).toEqual([dialString({ number: '3125559999', groupAlias: '-FORCE-', callerId: '3125557777' })]);
  });

  it('outbound_cid wins over a group_alias', async () => {
    const res = await dial({ value: '3125559999', group_alias: 'SALESCID', outbound_cid: '3125557777' });
    expect(res.body).toBe(dialOk({ number: '3125559999', groupAlias: '-FORCE-', callerId: '3125557777' }));
  });

  it('refuses outbound_cid when outbound_cid_any is DISABLED', async () => {
    await h.exec("UPDATE system_settings SET outbound_cid_any = 'DISABLED'");
    const res = await dial({ value: '3125559999', outbound_cid: '3125557777' });
    expect(res.body).toBe('ERROR: outbound_cid is not allowed on this system - 1000|3125557777|DISABLED\n');
    await expectIdle();
    expect(await dialLog()).toEqual([]);
  });

  it('ignores a 1-character outbound_cid even when the setting is DISABLED', async () => {
    await h.exec("UPDATE system_settings SET outbound_cid_any = 'DISABLED'");
    const res = await dial({ value: '3125559999', outbound_cid: '7' });
    expect(res.body).toBe(dialOk({ number: '3125559999' }));
  });
});

// ---------------------------------------------------------------------------
describe('external_dial: lead_id and alt_dial', () => {
  beforeEach(async () => {
    await h.exec("UPDATE vicidial_list SET alt_phone = '3125557003', address3 = '3125558003' WHERE lead_id = 3");
  });

  it('refuses an unknown lead_id', async () => {
    const res = await dial({ lead_id: '999' });
    expect(res.body).toBe('ERROR: lead_id is not valid - 1000|999\n');
    await expectIdle();
  });

  it("dials the lead's main number (value and phone_code are replaced)", async () => {
    const before = await leadCount();
    const res = await dial({ value: '3125559999', phone_code: '44', lead_id: '3' });
    expect(res.body).toBe(dialOk({ number: '3125550103', phoneCode: '1' }));
    expect(await leadCount()).toBe(before);
    await expectDial(dialString({ number: '3125550103', leadId: '3' }), async () => {
      const agent = await h.agent('1000');
      expect(agent?.status).toBe('INCALL');
      expect(agent?.leadId).toBe(3);
      const [call] = await liveCalls();
      expect(call?.phone_number).toBe('3125550103');
      expect(call?.lead_id).toBe(3);
    });
  });

  it('alt_dial=ALT dials alt_phone', async () => {
    const res = await dial({ lead_id: '3', alt_dial: 'ALT' });
    expect(res.body).toBe(dialOk({ number: '3125557003', altDial: 'ALT' }));
    await expectAltDial('3125557003', async () => {
      expect((await liveCalls())[0]?.phone_number).toBe('3125557003');
      expect((await h.agent('1000'))?.leadId).toBe(3);
    });
  });

  it('alt_dial=ADDR3 dials address3', async () => {
    const res = await dial({ lead_id: '3', alt_dial: 'ADDR3' });
    expect(res.body).toBe(dialOk({ number: '3125558003', altDial: 'ADDR3' }));
    await expectAltDial('3125558003', async () => expect((await liveCalls())[0]?.phone_number).toBe('3125558003'));
  });

  it('alt_dial=SEARCH matching phone_number → MAIN', async () => {
    const res = await dial({ value: '3125550103', lead_id: '3', alt_dial: 'SEARCH' });
    expect(res.body).toBe(dialOk({ number: '3125550103', altDial: 'MAIN' }));
  });

  it('alt_dial=SEARCH matching alt_phone → ALT', async () => {
    const res = await dial({ value: '3125557003', lead_id: '3', alt_dial: 'SEARCH' });
    expect(res.body).toBe(dialOk({ number: '3125557003', altDial: 'ALT' }));
    await expectAltDial('3125557003', async () => expect((await liveCalls())[0]?.phone_number).toBe('3125557003'));
  });

  it('alt_dial=SEARCH matching address3 → ADDR3', async () => {
    const res = await dial({ value: '3125558003', lead_id: '3', alt_dial: 'SEARCH' });
    expect(res.body).toBe(dialOk({ number: '3125558003', altDial: 'ADDR3' }));
  });

  it('alt_dial=SEARCH: MAIN has priority when several numbers match', async () => {
    await h.exec("UPDATE vicidial_list SET alt_phone = '3125550103' WHERE lead_id = 3");
    const res = await dial({ value: '3125550103', lead_id: '3', alt_dial: 'SEARCH' });
    expect(res.body).toBe(dialOk({ number: '3125550103', altDial: 'MAIN' }));
  });

  it('alt_dial=SEARCH without a match', async () => {
    const res = await dial({ value: '3125556666', lead_id: '3', alt_dial: 'SEARCH' });
    expect(res.body).toBe('ERROR: phone number lead_id search not found - 1000||3|\n');
    await expectIdle();
  });

  it('phone number not valid when the chosen number is empty', async () => {
    const res = await dial({ lead_id: '2', alt_dial: 'ALT' });
    expect(res.body).toBe('ERROR: phone number is not valid - 1000||2|ALT\n');
    await expectIdle();
    expect(await dialLog()).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
describe('external_dial: dial_ingroup', () => {
  it('unknown dial_ingroup: NOTICE line, then the final line (two lines)', async () => {
    const res = await dial({ value: '3125559999', dial_ingroup: 'NOPE' });
    expect(res.body).toBe('NOTICE: defined dial_ingroup not found - NOPE\n' + dialOk({ number: '3125559999' }));
    // The in-group is dropped from the dial string.
    expect(await dialLog()).toEqual([dialString({ number: '3125559999' })]);
  });

  it('unknown dial_ingroup does not bypass the paused check: NOTICE then ERROR', async () => {
    await h.startCall('1000');
    const res = await dial({ value: '3125559999', dial_ingroup: 'NOPE' });
    expect(res.body).toBe('NOTICE: defined dial_ingroup not found - NOPE\nERROR: agent_user is not paused - 1000\n');
  });

  it('known dial_ingroup goes into field 13 of the dial string', async () => {
    const res = await dial({ value: '3125559999', dial_ingroup: 'TESTIN' });
    expect(res.body).toBe(dialOk({ number: '3125559999' }));
    expect(await dialLog()).toEqual([dialString({ number: '3125559999', dialIngroup: 'TESTIN' })]);
  });

  it('known dial_ingroup bypasses the paused check', async () => {
    await h.startCall('1000');
    const res = await dial({ value: '3125559999', dial_ingroup: 'TESTIN' });
    expect(res.body).toBe(dialOk({ number: '3125559999' }));
    expect(await dialLog()).toEqual([dialString({ number: '3125559999', dialIngroup: 'TESTIN' })]);
  });

  it('known dial_ingroup for an agent on a call does not leave the first call orphaned', async () => {
    await h.startCall('1000');
    const res = await dial({ value: '3125559999', dial_ingroup: 'TESTIN' });
    expect(res.body).toBe(dialOk({ number: '3125559999' }));
    const agent = await h.agent('1000');
    const calls = await liveCalls();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.callerid).toBe(agent?.call?.callerId);
  });
});
