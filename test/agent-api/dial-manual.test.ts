/**
 * external_dial (agent-api.md §8.7) in STANDARD mode: the success line, the
 * lead and the live call it makes, MANUALNEXT, search and preview, and relayed
 * values that cannot break the field strings.
 *
 * Every response line is compared byte for byte; permissions.md §1/§3/§4/§6
 * and agentgate's API List Restrict give the order of the checks.
 */
import { describe, expect, it } from 'vitest';
import { dialing, installDialLog } from '../support/dialing.js';
import { embeddedOnly } from '../support/dropin-database.js';
import { harnessForEachTest } from '../support/harness.js';

const h = harnessForEachTest({}, installDialLog);

const { epoch, dial, dialOk, dialString, dialLog, leadCount, liveCalls, expectDial, setCampaign } = dialing(h);

// ---------------------------------------------------------------------------
describe('external_dial: success and the resulting session (STANDARD)', () => {
  it('a plain number: 12-field line, new lead in list 101, agent INCALL, live call', async () => {
    const before = await leadCount();
    const res = await dial({ value: '3125559999' });
    expect(res.status).toBe(200);
    expect(res.body).toBe(dialOk({ number: '3125559999' }));
    expect(res.body.trimEnd().split(' - ')[1]?.split('|')).toHaveLength(12);

    await expectDial(dialString({ number: '3125559999' }), async () => {
      expect(await leadCount()).toBe(before + 1);
      const [lead] = await h.rows('vicidial_list', { phone_number: '3125559999' });
      expect(lead?.list_id).toBe(101);
      expect(lead?.phone_code).toBe('1');
      const leadId = Number(lead?.lead_id);

      const agent = await h.agent('1000');
      expect(agent?.status).toBe('INCALL');
      expect(agent?.leadId).toBe(leadId);
      const callerId = agent?.call?.callerId ?? '';
      expect(callerId).toHaveLength(20);
      expect(callerId).toMatch(/^M\d{19}$/);
      expect(callerId.endsWith(String(leadId).padStart(9, '0'))).toBe(true);

      const calls = await liveCalls();
      expect(calls).toHaveLength(1);
      expect(calls[0]).toMatchObject({ callerid: callerId, lead_id: leadId, phone_number: '3125559999', campaign_id: 'TESTCAMP', call_type: 'OUT' });

      // The 14-field string was written, then cleared when the call started.
      const [row] = await h.rows('vicidial_live_agents', { user: '1000' });
      expect(row?.external_dial).toBe('');
    });
  });

  it('non-digits in value are removed', async () => {
    const res = await dial({ value: '312-555-9999' });
    expect(res.body).toBe(dialOk({ number: '3125559999' }));
  });

  it('vendor_id, dial_prefix and focus travel in the line and the dial string; vendor_id becomes vendor_lead_code', async () => {
    const res = await dial({ value: '3125559999', vendor_id: 'VEND42', dial_prefix: '9', focus: 'YES' });
    expect(res.body).toBe(dialOk({ number: '3125559999', vendorId: 'VEND42', dialPrefix: '9', focus: 'YES' }));
    await expectDial(dialString({ number: '3125559999', vendorId: 'VEND42', dialPrefix: '9', focus: 'YES' }), async () => {
      const [lead] = await h.rows('vicidial_list', { phone_number: '3125559999' });
      expect(lead?.vendor_lead_code).toBe('VEND42');
    });
  });

  it('logs SUCCESS with the rewritten value (digits only) and the epoch as data', async () => {
    await dial({ value: '312-555-9999' });
    const logs = await h.rows('vicidial_api_log', { function: 'external_dial' });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ user: '6666', agent_user: '1000', value: '3125559999', result: 'SUCCESS', data: String(epoch()) });
  });

  it("logs the lead's number as value when lead_id is given, and an empty value when the lead is unknown", async () => {
    await dial({ value: '3125559999', lead_id: '3' });
    await h.api({ function: 'external_hangup', agent_user: '1000', value: '1' });
    await h.api({ function: 'external_status', agent_user: '1000', value: 'SALE' });
    await h.api({ function: 'external_pause', agent_user: '1000', value: 'PAUSE' });
    await dial({ value: '3125559999', lead_id: '999' });
    const logs = await h.rows('vicidial_api_log', { function: 'external_dial' });
    expect(logs.map((l) => [l.result, l.value])).toEqual([
      ['SUCCESS', '3125550103'],
      ['ERROR', ''],
    ]);
  });

  it('the permission line shows <value> reduced to digits, as api.php does', async () => {
    const res = await dial({ user: '6668', value: '312-555-9999' });
    expect(res.body).toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 3125559999|6668|external_dial|ADMIN\n');
  });

  it.skipIf(embeddedOnly('engine'))('MANUALNEXT dials the lowest NEW lead of the campaign lists', async () => {
    const before = await leadCount();
    const res = await dial({ value: 'MANUALNEXT' });
    expect(res.body).toBe(dialOk({ number: 'MANUALNEXT' }));
    expect(await leadCount()).toBe(before);
    const agent = await h.agent('1000');
    expect(agent?.status).toBe('INCALL');
    expect(agent?.leadId).toBe(1);
    expect((await liveCalls())[0]?.phone_number).toBe('3125550101');
    expect(await dialLog()).toEqual([dialString({ number: 'MANUALNEXT' })]);
  });

  it.skipIf(embeddedOnly('engine'))('MANUALNEXT skips leads that are not NEW', async () => {
    await h.exec("UPDATE vicidial_list SET status = 'SALE' WHERE lead_id IN (1, 2)");
    await dial({ value: 'MANUALNEXT' });
    expect((await h.agent('1000'))?.leadId).toBe(3);
  });

  it('MANUALNEXT never takes a lead of another campaign', async () => {
    await h.exec("UPDATE vicidial_list SET status = 'SALE' WHERE list_id = 101");
    const before = await leadCount();
    const res = await dial({ value: 'MANUALNEXT' });
    expect(res.body).toBe(dialOk({ number: 'MANUALNEXT' }));
    expect(await leadCount()).toBe(before);
    const agent = await h.agent('1000');
    expect(agent?.leadId).toBe(0);
    expect(agent?.status).toBe('PAUSED');
    expect(await liveCalls()).toEqual([]);
  });

  it.skipIf(embeddedOnly('engine'))('search=YES finds an existing lead by phone number', async () => {
    const before = await leadCount();
    const res = await dial({ value: '3125550105', search: 'YES' });
    expect(res.body).toBe(dialOk({ number: '3125550105', search: 'YES' }));
    expect(await leadCount()).toBe(before);
    expect((await h.agent('1000'))?.leadId).toBe(5);
  });

  it.skipIf(embeddedOnly('engine'))('search=NO with a known number creates a new lead in list 101', async () => {
    const before = await leadCount();
    await dial({ value: '3125550105' });
    expect(await leadCount()).toBe(before + 1);
    const leads = await h.rows('vicidial_list', { phone_number: '3125550105' });
    expect(leads).toHaveLength(2);
    const newest = leads.map((l) => Number(l.lead_id)).sort((a, b) => b - a)[0];
    expect((await h.agent('1000'))?.leadId).toBe(newest);
    expect(leads.find((l) => Number(l.lead_id) === newest)?.list_id).toBe(101);
  });

  it.skipIf(embeddedOnly('engine'))('search=YES without a match creates a new lead in list 101', async () => {
    const before = await leadCount();
    await dial({ value: '3125559999', search: 'YES' });
    expect(await leadCount()).toBe(before + 1);
    const [lead] = await h.rows('vicidial_list', { phone_number: '3125559999' });
    expect(lead?.list_id).toBe(101);
  });

  it.skipIf(embeddedOnly('engine'))('preview=YES puts the lead in preview without a call', async () => {
    const res = await dial({ lead_id: '4', preview: 'YES' });
    expect(res.body).toBe(dialOk({ number: '3125550104', preview: 'YES' }));
    const agent = await h.agent('1000');
    expect(agent?.status).toBe('PAUSED');
    expect(agent?.previewLeadId).toBe(4);
    expect(agent?.leadId).toBe(0);
    expect(agent?.call).toBeUndefined();
    expect(await liveCalls()).toEqual([]);
    expect(await dialLog()).toEqual([dialString({ number: '3125550104', preview: 'YES', leadId: '4' })]);
  });

  it.skipIf(embeddedOnly('engine'))('preview=YES for a plain number previews a new lead of list 101', async () => {
    await dial({ value: '3125559999', preview: 'YES' });
    const [lead] = await h.rows('vicidial_list', { phone_number: '3125559999' });
    expect(lead?.list_id).toBe(101);
    expect((await h.agent('1000'))?.previewLeadId).toBe(Number(lead?.lead_id));
    expect(await liveCalls()).toEqual([]);
  });

  it('campaign row missing: the agent counts as ready and the dial is queued (agent-api.md §8.7 step 1)', async () => {
    await h.login('1002', 'OTHERCMP');
    await h.startCall('1002', { leadId: 9 });
    await h.exec("DELETE FROM vicidial_campaigns WHERE campaign_id = 'OTHERCMP'");
    const res = await dial({ agent_user: '1002', value: '6175559999' });
    expect(res.body).toBe(dialOk({ number: '6175559999', agent: '1002' }));
    const rows = await h.rows('vicidial_manual_dial_queue', { user: '1002' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ phone_number: '6175559999', status: 'READY' });
  });

  it('the NOTICE line is logged too, as its own vicidial_api_log row', async () => {
    await dial({ value: '3125559999', dial_ingroup: 'NOPE' });
    const logs = await h.rows('vicidial_api_log', { function: 'external_dial' });
    expect(logs.map((l) => [l.result, l.result_reason])).toEqual([
      ['NOTICE', 'defined dial_ingroup not found'],
      ['SUCCESS', 'external_dial function set'],
    ]);
  });
});

// ---------------------------------------------------------------------------
describe('external_dial: relayed values cannot break the field strings', () => {
  // agentgate's decision: "!" and "|" are deleted from vendor_id (permissions.md §10 #20).
  it('"!" in vendor_id does not add fields to the 14-field dial string', async () => {
    const res = await dial({ value: '3125559999', vendor_id: 'A!B!C' });
    expect(res.body).toBe(dialOk({ number: '3125559999', vendorId: 'ABC' }));
    const [written] = await dialLog();
    expect(written?.split('!')).toHaveLength(14);
    await expectDial(dialString({ number: '3125559999', vendorId: 'ABC' }), async () => {
      const [lead] = await h.rows('vicidial_list', { phone_number: '3125559999' });
      expect(lead?.vendor_lead_code).toBe('ABC');
    });
  });

  it('"|" in vendor_id does not add fields to the 12-field success line', async () => {
    const res = await dial({ value: '3125559999', vendor_id: 'A|B' });
    expect(res.body.trimEnd().split(' - ')[1]?.split('|')).toHaveLength(12);
    expect(res.body).toBe(dialOk({ number: '3125559999', vendorId: 'AB' }));
  });

  it.skipIf(embeddedOnly('engine'))('a forged lead_id in vendor_id cannot dial a lead outside API List Restrict (QUEUE mode)', async () => {
    await h.login('1002', 'OTHERCMP');
    await setCampaign('OTHERCMP', "api_manual_dial = 'QUEUE_AND_AUTOCALL'");
    // Fields 5..13 of the queued string would read V|0|||||1|| — field 11 (lead_id) = 1.
    await dial({ user: '6669', agent_user: '1002', value: '6175559999', vendor_id: 'V!0!!!!!1!!' });
    const agent = await h.agent('1002');
    expect(agent?.leadId).not.toBe(1);
    const lead1 = (await h.rows('vicidial_list', { lead_id: 1 }))[0];
    expect(lead1?.called_count).toBe(0);
    const [created] = await h.rows('vicidial_list', { phone_number: '6175559999' });
    expect(created?.list_id).toBe(201);
    expect(agent?.leadId).toBe(Number(created?.lead_id));
  });
});
