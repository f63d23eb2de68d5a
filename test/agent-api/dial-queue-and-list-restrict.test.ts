/**
 * external_dial (agent-api.md §8.7) in the QUEUE modes (the manual dial queue),
 * and under API List Restrict (user 6669, TEAM_B → OTHERCMP only).
 *
 * Every response line is compared byte for byte; permissions.md §1/§3/§4/§6
 * and agentgate's API List Restrict give the order of the checks.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { dialing, installDialLog } from '../support/dialing.js';
import { embeddedOnly } from '../support/dropin-database.js';
import { harnessForEachTest } from '../support/harness.js';

const h = harnessForEachTest({}, installDialLog);

const { dial, previewAction, dialOk, dialString, dialLog, leadCount, liveCalls, expectIdle, expectDial, setCampaign } = dialing(h);

// ---------------------------------------------------------------------------
describe('external_dial: QUEUE modes', () => {
  beforeEach(async () => {
    await setCampaign('TESTCAMP', "api_manual_dial = 'QUEUE_AND_AUTOCALL'");
  });

  it('an agent on a call: READY queue row with the dial string, call untouched', async () => {
    const agentBefore = await h.startCall('1000');
    const res = await dial({ value: '3125559999' });
    expect(res.body).toBe(dialOk({ number: '3125559999' }));
    const rows = await h.rows('vicidial_manual_dial_queue', { user: '1000' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ phone_number: '3125559999', status: 'READY', external_dial: dialString({ number: '3125559999' }) });
    const agent = await h.agent('1000');
    expect(agent?.leadId).toBe(1);
    expect(agent?.call?.callerId).toBe(agentBefore.call?.callerId);
  });

  it('the same number twice → already in this agents manual dial queue', async () => {
    await h.startCall('1000');
    await dial({ value: '3125559999' });
    const res = await dial({ value: '3125559999' });
    expect(res.body).toBe('ERROR: phone_number is already in this agents manual dial queue - 1000|3125559999\n');
    expect(await h.rows('vicidial_manual_dial_queue', { user: '1000' })).toHaveLength(1);
  });

  it.skipIf(embeddedOnly('engine'))('a paused agent with no lead takes the queued dial at once', async () => {
    const res = await dial({ value: '3125559999' });
    expect(res.body).toBe(dialOk({ number: '3125559999' }));
    const agent = await h.agent('1000');
    expect(agent?.status).toBe('INCALL');
    const [lead] = await h.rows('vicidial_list', { phone_number: '3125559999' });
    expect(lead?.list_id).toBe(101);
    expect(agent?.leadId).toBe(Number(lead?.lead_id));
    expect(await h.rows('vicidial_manual_dial_queue', { user: '1000' })).toEqual([]);
  });

  it('QUEUE mode (not only QUEUE_AND_AUTOCALL) does not need a paused agent', async () => {
    await setCampaign('TESTCAMP', "api_manual_dial = 'QUEUE'");
    await h.startCall('1000');
    const res = await dial({ value: '3125559999' });
    expect(res.body).toBe(dialOk({ number: '3125559999' }));
    expect(await h.rows('vicidial_manual_dial_queue', { user: '1000', status: 'READY' })).toHaveLength(1);
  });

  it.skipIf(embeddedOnly('engine'))('the oldest queued dial is taken when the agent pauses after the call', async () => {
    await h.startCall('1000');
    await dial({ value: '3125559991' });
    h.clock.advance(1000);
    await dial({ value: '3125559992' });
    await h.endCall('1000');
    await h.api({ function: 'external_status', agent_user: '1000', value: 'SALE' });
    await h.api({ function: 'external_pause', agent_user: '1000', value: 'PAUSE' });
    const agent = await h.agent('1000');
    expect(agent?.status).toBe('INCALL');
    expect((await liveCalls())[0]?.phone_number).toBe('3125559991');
    const rest = await h.rows('vicidial_manual_dial_queue', { user: '1000' });
    expect(rest.map((r) => r.phone_number)).toEqual(['3125559992']);
  });
  it.skipIf(embeddedOnly('engine'))('a dial queued during a preview is taken once the preview is skipped', async () => {
    await dial({ lead_id: '4', preview: 'YES' });
    expect((await h.agent('1000'))?.previewLeadId).toBe(4);
    const res = await dial({ value: '3125559999' });
    expect(res.body).toBe(dialOk({ number: '3125559999' }));
    expect(await h.rows('vicidial_manual_dial_queue', { user: '1000', status: 'READY' })).toHaveLength(1);

    expect((await previewAction({ value: 'SKIP' })).body).toBe('SUCCESS: preview_dial_action function set - SKIP|1000|SKIP\n');
    const agent = await h.agent('1000');
    expect(agent?.status).toBe('INCALL');
    expect((await liveCalls())[0]?.phone_number).toBe('3125559999');
    expect(await h.rows('vicidial_manual_dial_queue', { user: '1000' })).toEqual([]);
  });

  it.skipIf(embeddedOnly('engine'))('on a manual-dial campaign the queued dial is taken right after the disposition', async () => {
    await setCampaign('OTHERCMP', "api_manual_dial = 'QUEUE'");
    await h.login('1002', 'OTHERCMP');
    await h.startCall('1002', { leadId: 9 });
    await dial({ agent_user: '1002', value: '6175559999' });
    await h.endCall('1002');
    await h.api({ function: 'external_status', agent_user: '1002', value: 'SALE' });
    const agent = await h.agent('1002');
    expect(agent?.status).toBe('INCALL');
    expect((await liveCalls())[0]?.phone_number).toBe('6175559999');
    const [lead9] = await h.rows('vicidial_list', { lead_id: 9 });
    expect(lead9?.status).toBe('SALE');
  });
});

// ---------------------------------------------------------------------------
describe('external_dial: API List Restrict (user 6669, TEAM_B → OTHERCMP only)', () => {
  beforeEach(async () => {
    await h.login('1002', 'OTHERCMP');
  });

  it('dials lead 9 (list 201) for agent 1002 logged into OTHERCMP', async () => {
    const res = await dial({ user: '6669', agent_user: '1002', lead_id: '9' });
    expect(res.body).toBe(dialOk({ number: '6175550201', agent: '1002' }));
    const placed = async () => expect(await h.agent('1002')).toMatchObject({ status: 'INCALL', leadId: 9 });
    await expectDial(dialString({ number: '6175550201', leadId: '9' }), placed, '1002');
  });

  it('refuses lead 1 (list 101)', async () => {
    const res = await dial({ user: '6669', agent_user: '1002', lead_id: '1' });
    expect(res.body).toBe('ERROR: lead is in a list not allowed for this user - 1002|1||6669\n');
    await expectIdle('1002');
    expect(await dialLog('1002')).toEqual([]);
  });

  it('refuses agent 1000 (logged into TESTCAMP)', async () => {
    const res = await dial({ user: '6669', value: '3125559999' });
    expect(res.body).toBe('ERROR: agent_user is in a campaign not allowed for this user - 1000||6669\n');
    await expectIdle('1000');
  });

  it('a plain number creates the lead in OTHERCMP list 201', async () => {
    const res = await dial({ user: '6669', agent_user: '1002', value: '6175559999' });
    expect(res.body).toBe(dialOk({ number: '6175559999', agent: '1002' }));
    // Drop-in: VICIdial's screen creates the lead (in its campaign's manual dial list) when it dials.
    const created = async () => expect((await h.rows('vicidial_list', { phone_number: '6175559999' }))[0]?.list_id).toBe(201);
    await expectDial(dialString({ number: '6175559999' }), created, '1002');
  });

  it.skipIf(embeddedOnly('engine'))('search=YES does not find a lead of a list outside the scope', async () => {
    await dial({ user: '6669', agent_user: '1002', value: '3125550101', search: 'YES' });
    const agent = await h.agent('1002');
    expect(agent?.leadId).not.toBe(1);
    const leads = await h.rows('vicidial_list', { phone_number: '3125550101' });
    expect(leads.map((l) => l.list_id).sort()).toEqual([101, 201]);
  });

  it('refuses to create a lead in a list outside the scope', async () => {
    await setCampaign('OTHERCMP', 'manual_dial_list_id = 101');
    const before = await leadCount();
    const res = await dial({ user: '6669', agent_user: '1002', value: '6175559999' });
    expect(res.body).toBe('ERROR: list is not allowed for this user - 6175559999||1002|6669\n');
    expect(await leadCount()).toBe(before);
    await expectIdle('1002');
  });

  it.skipIf(embeddedOnly('engine'))('MANUALNEXT takes the lowest NEW lead of OTHERCMP', async () => {
    await dial({ user: '6669', agent_user: '1002', value: 'MANUALNEXT' });
    expect((await h.agent('1002'))?.leadId).toBe(9);
  });

  it('user 6666 (no restriction) may dial lead 1 for agent 1002', async () => {
    const res = await dial({ agent_user: '1002', lead_id: '1' });
    expect(res.body).toBe(dialOk({ number: '3125550101', agent: '1002' }));
  });
});
