/**
 * The telephony functions of the agent API (agent-api.md §8.16–8.19,
 * §8.24–8.29), against the call simulator on virtual time: each success line
 * byte for byte, its effect on the call, the session and the tables, and the
 * error lines of its spec section.
 *
 * Demo data: agent 1000 is logged into TESTCAMP (in-groups TESTIN,
 * SALESLINE) and starts PAUSED; 1001 is not logged in; API user 6666 has
 * ALL_FUNCTIONS, 6668 only external_pause and external_status.
 */
import { describe, expect, it } from 'vitest';
import type { TelephonyState } from '../../src/domain/telephony.js';
import { agentRows, DENIED } from '../support/agent-api.js';
import { embeddedOnly } from '../support/dropin-database.js';
import { harnessForEachTest } from '../support/harness.js';

const h = harnessForEachTest();

const { vla, epoch } = agentRows(h);

const state = async (user = '1000') => h.services.telephony.stateOf((await h.agent(user))!);
const callerId = async (user = '1000') => String((await vla(user)).callerid);
/**
 * The simulated call as the simulator holds it (DTMF sent, parked). Drop-in, the call is Asterisk's and
 * agentgate sees no state of it: there is none to check, and the drop-in's telephony reports none.
 */
async function simulated(check: (call: TelephonyState['call']) => void) {
  const { call } = await state();
  if (h.dropIn) expect(call).toBeNull();
  else check(call);
}

describe('send_dtmf (§8.17)', () => {
  it('sends the digits into the call (P, S, Q as #, * and a pause); the column keeps them until the disposition', async () => {
    await h.startCall('1000');
    const res = await h.api({ function: 'send_dtmf', agent_user: '1000', value: '12P3S4Q' });
    expect(res.body).toBe('SUCCESS: send_dtmf function set - 12P3S4Q|1000\n');
    await simulated((call) => expect(call?.dtmf).toBe('12#3*4,'));
    expect((await vla()).external_dtmf).toBe('12P3S4Q');
    await h.api({ function: 'external_hangup', agent_user: '1000', value: '1' });
    await h.api({ function: 'external_status', agent_user: '1000', value: 'A' });
    // Drop-in: VICIdial's screen clears it at its disposition, which it has not reached.
    expect((await vla()).external_dtmf).toBe(h.dropIn ? '12P3S4Q' : '');
  });

  it('ERROR: send_dtmf not valid (empty value, a pipe, no target)', async () => {
    expect((await h.api({ function: 'send_dtmf', agent_user: '1000' })).body).toBe('ERROR: send_dtmf not valid - |1000\n');
    expect((await h.api({ function: 'send_dtmf', agent_user: '1000', value: '1|2' })).body).toBe('ERROR: send_dtmf not valid - 1|2|1000\n');
    expect((await h.api({ function: 'send_dtmf', value: '1' })).body).toBe('ERROR: send_dtmf not valid - 1|\n');
  });

  it('permission denied (value layout)', async () => {
    expect((await h.api({ user: '6668', function: 'send_dtmf', agent_user: '1000', value: '1' })).body).toBe(`${DENIED}1|6668|send_dtmf|ADMIN\n`);
  });
});

describe('park_call (§8.18)', () => {
  it('parks and grabs the customer of the live call', async () => {
    await h.startCall('1000');
    expect((await h.api({ function: 'park_call', agent_user: '1000', value: 'PARK_CUSTOMER' })).body).toBe('SUCCESS: park_call function set - PARK_CUSTOMER|1000\n');
    await simulated((call) => expect(call?.parked).toBe('customer'));
    expect((await vla()).external_park).toBe('PARK_CUSTOMER');
    await h.api({ function: 'park_call', agent_user: '1000', value: 'GRAB_CUSTOMER' });
    await simulated((call) => expect(call?.parked).toBeNull());
    expect((await vla()).external_park).toBe('GRAB_CUSTOMER');
  });

  it('accepts a value that only contains a park word, and leaves it in the column without acting', async () => {
    await h.startCall('1000');
    expect((await h.api({ function: 'park_call', agent_user: '1000', value: 'XPARK_CUSTOMERX' })).body).toBe('SUCCESS: park_call function set - XPARK_CUSTOMERX|1000\n');
    expect((await vla()).external_park).toBe('XPARK_CUSTOMERX');
    await simulated((call) => expect(call?.parked).toBeNull());
  });

  it('ERROR lines: not valid; no lead on the screen', async () => {
    expect((await h.api({ function: 'park_call', agent_user: '1000', value: 'PARK' })).body).toBe('ERROR: park_call not valid - PARK|1000\n');
    expect((await h.api({ function: 'park_call', agent_user: '1000', value: 'PARK_CUSTOMER' })).body).toBe(
      'ERROR: agent_user does not have a lead on their screen - 1000\n',
    );
  });
});

describe('transfer_conference (§8.19)', () => {
  it.skipIf(embeddedOnly('simulator'))('LOCAL_CLOSER blind: the customer waits in the in-group, the agent goes to its disposition', async () => {
    await h.startCall('1000');
    const cid = await callerId();
    const res = await h.api({ function: 'transfer_conference', agent_user: '1000', value: 'LOCAL_CLOSER', ingroup_choices: 'TESTIN' });
    expect(res.body).toBe(`SUCCESS: transfer_conference function set - LOCAL_CLOSER|TESTIN||NO|1000|${cid}|\n`);
    expect(await h.agent('1000')).toMatchObject({ status: 'PAUSED', leadId: 1, call: undefined });
    expect(await h.rows('vicidial_auto_calls', { status: 'LIVE', campaign_id: 'TESTIN', lead_id: 1 })).toHaveLength(1);
    expect(await h.rows('vicidial_closer_log', { campaign_id: 'TESTIN', status: 'QUEUE' })).toHaveLength(1);
    expect((await vla()).external_transferconf).toBe(`LOCAL_CLOSER---TESTIN------NO------------${epoch()}---`);
  });

  it.skipIf(embeddedOnly('simulator'))('a warm transfer to an in-group: the closer answers, then force_fronter_leave_3way sends the fronter away', async () => {
    await h.login('1001', 'TESTCAMP', ['TESTIN']);
    await h.api({ agent_user: '1001', function: 'external_pause', value: 'RESUME' });
    await h.startCall('1000');
    await h.api({ function: 'transfer_conference', agent_user: '1000', value: 'LOCAL_CLOSER', ingroup_choices: 'TESTIN', consultative: 'YES' });
    expect((await state()).call?.thirdParty).toMatchObject({ kind: 'ingroup', target: 'TESTIN', stage: 'ringing' });
    await h.advance(1000);
    expect(await h.agent('1001')).toMatchObject({ status: 'INCALL', leadId: 1 });
    expect((await state()).call?.thirdParty?.stage).toBe('connected');

    const res = await h.api({ function: 'force_fronter_leave_3way', agent_user: '1001', value: 'LOCAL_ONLY' });
    expect(res.body).toBe('SUCCESS: force_fronter_leave_3way SENT - 1000');
    expect(await h.agent('1000')).toMatchObject({ status: 'PAUSED', leadId: 1, call: undefined });
    expect((await vla('1000')).external_transferconf).toBe(`LEAVE_3WAY_CALL---------NO------------${epoch()}`);
    expect((await h.agent('1001'))?.status).toBe('INCALL');
  });

  it.skipIf(embeddedOnly('simulator'))('LOCAL_CLOSER to AGENTDIRECT with phone_number: the call waits for that agent only', async () => {
    await h.exec(`insert into vicidial_inbound_groups (group_id, group_name, active) values ('AGENTDIRECT', 'Direct to agent', 'Y')`);
    await h.login('1001', 'TESTCAMP', ['TESTIN']);
    await h.login('1002', 'OTHERCMP');
    await h.api({ agent_user: '1001', function: 'external_pause', value: 'RESUME' });
    await h.startCall('1000');
    await h.api({ function: 'transfer_conference', agent_user: '1000', value: 'LOCAL_CLOSER', ingroup_choices: 'AGENTDIRECT', phone_number: '1002' });
    expect((await h.rows('vicidial_auto_calls', { campaign_id: 'AGENTDIRECT' }))[0]).toMatchObject({ agent_only: '1002', status: 'LIVE' });
    await h.advance(1000);
    expect((await h.agent('1001'))?.status).toBe('READY'); // free, but the call is not for 1001
    expect((await h.agent('1002'))?.status).toBe('PAUSED');
    await h.exec(`update vicidial_live_agents set status = 'CLOSER' where user = '1002'`);
    await h.advance(1000);
    expect(await h.agent('1002')).toMatchObject({ status: 'INCALL', leadId: 1, call: { kind: 'INBOUND' } });
    expect((await h.rows('vicidial_closer_log', { campaign_id: 'AGENTDIRECT' }))[0]).toMatchObject({ user: '1002', agent_only: '1002' });
  });

  it.skipIf(embeddedOnly('simulator'))('DIAL_WITH_CUSTOMER rings a third party into the call; HANGUP_XFER drops it; LEAVE_3WAY_CALL leaves', async () => {
    await h.startCall('1000');
    const cid = await callerId();
    const res = await h.api({ function: 'transfer_conference', agent_user: '1000', value: 'DIAL_WITH_CUSTOMER', phone_number: '3125559999' });
    expect(res.body).toBe(`SUCCESS: transfer_conference function set - DIAL_WITH_CUSTOMER||3125559999|NO|1000|${cid}|\n`);
    expect((await state()).call?.thirdParty).toMatchObject({ kind: 'number', target: '3125559999', stage: 'ringing' });
    await h.advance(3000);
    expect((await state()).call?.thirdParty?.stage).toBe('connected');
    await h.api({ function: 'transfer_conference', agent_user: '1000', value: 'HANGUP_XFER' });
    expect((await state()).call?.thirdParty).toBeNull();
    expect((await vla()).external_transferconf).toBe(`HANGUP_XFER---------NO------------${epoch()}`);
    await h.api({ function: 'transfer_conference', agent_user: '1000', value: 'LEAVE_3WAY_CALL' });
    expect(await h.agent('1000')).toMatchObject({ status: 'PAUSED', call: undefined });
  });

  it('the fourth field is the consultative flag: NO when not given or not YES (agent-api.md §3), YES when given', async () => {
    const t = (extra: Record<string, string>) => h.api({ function: 'transfer_conference', agent_user: '1000', ...extra });
    await h.startCall('1000');
    let cid = await callerId();
    await t({ value: 'DIAL_WITH_CUSTOMER', phone_number: '3125559999' });
    expect((await t({ value: 'HANGUP_XFER' })).body).toBe(`SUCCESS: transfer_conference function set - HANGUP_XFER|||NO|1000|${cid}|\n`);
    expect((await t({ value: 'BLIND_TRANSFER', phone_number: '3125559999', consultative: 'yes' })).body).toBe(
      `SUCCESS: transfer_conference function set - BLIND_TRANSFER||3125559999|NO|1000|${cid}|\n`,
    );
    await h.api({ agent_user: '1000', function: 'external_status', value: 'A' });
    await h.startCall('1000', { leadId: 2 });
    cid = await callerId();
    expect((await t({ value: 'LOCAL_CLOSER', ingroup_choices: 'TESTIN', consultative: 'YES' })).body).toBe(
      `SUCCESS: transfer_conference function set - LOCAL_CLOSER|TESTIN||YES|1000|${cid}|\n`,
    );
  });

  it('writes the command strings of agent-api.md §7 (seen when the screen cannot act)', async () => {
    await h.startCall('1000');
    await h.api({ function: 'transfer_conference', agent_user: '1000', value: 'BLIND_TRANSFER', group_alias: 'SALESCID', cid_choice: 'CUSTOMER' });
    expect((await vla()).external_transferconf).toBe(`BLIND_TRANSFER---------NO------SALESCID---3125550100---${epoch()}---CUSTOMER`);
  });

  it('multi_dial_phones: keeps 5–18 digit entries not contained in an earlier one', async () => {
    await h.startCall('1000');
    const cid = await callerId();
    const res = await h.api({ function: 'transfer_conference', agent_user: '1000', value: 'DIAL_WITH_CUSTOMER', phone_number: '3125559999', multi_dial_phones: '3125550001,312555,1234,3125550002' });
    expect(res.body).toBe(`SUCCESS: transfer_conference function set - DIAL_WITH_CUSTOMER||3125559999|NO|1000|${cid}|Multi-phones: 3125550001,3125550002 4 1|\n`);
    expect((await h.rows('vicidial_3way_press_multi', { user: '1000' }))[0]).toMatchObject({ phone_numbers: '3125550001,3125550002', phone_numbers_ct: 2, status: 'NEW' });
  });

  const transfer = (extra: Record<string, string>) => h.api({ function: 'transfer_conference', agent_user: '1000', ...extra });

  it('ERROR lines: not valid, no live call, value, ingroup, group_alias, cid_choice', async () => {
    expect((await transfer({ value: 'SHORT' })).body).toBe('ERROR: transfer_conference not valid - SHORT|1000\n');
    expect((await transfer({ value: 'LOCAL_CLOSER' })).body).toBe('ERROR: agent_user does not have a live call - 1000\n');
    await h.startCall('1000');
    expect((await transfer({ value: 'SOMETHING_ELSE' })).body).toBe('ERROR: value is not valid - SOMETHING_ELSE|6666\n');
    expect((await transfer({ value: 'LOCAL_CLOSER', ingroup_choices: 'NOSUCH' })).body).toBe('ERROR: ingroup is not valid - NOSUCH\n');
    expect((await transfer({ value: 'BLIND_TRANSFER', group_alias: 'NOSUCH' })).body).toBe('ERROR: group_alias is not valid - 1000|NOSUCH\n');
    expect((await transfer({ value: 'BLIND_TRANSFER', cid_choice: 'WHATEVER' })).body).toBe('ERROR: cid_choice is not valid - 1000|WHATEVER\n');
  });

  it.skipIf(embeddedOnly('simulator'))('ERROR line: tw_check=YES during a current 3-way call', async () => {
    await h.startCall('1000');
    await transfer({ value: 'DIAL_WITH_CUSTOMER', phone_number: '3125559999' });
    expect((await transfer({ value: 'DIAL_WITH_CUSTOMER', phone_number: '3125559998', tw_check: 'YES' })).body).toBe(
      'ERROR: agent_user has current active 3-way call - 1000|1|0|YES\n',
    );
  });
});

describe('ra_call_control (§8.16)', () => {
  it('HANGUP: queues the manager hang-up, frees the agent at once and sets the status', async () => {
    await h.startCall('1000');
    const cid = await callerId();
    const res = await h.api({ function: 'ra_call_control', agent_user: '1000', value: cid, stage: 'HANGUP' });
    expect(res.body).toBe(`SUCCESS: ra_call_control hungup - 1000|${cid}|HANGUP\n`);
    expect(await h.agent('1000')).toMatchObject({ status: 'READY', leadId: 0, call: undefined });
    expect((await h.rows('vicidial_list', { lead_id: 1 }))[0]).toMatchObject({ status: 'RAXFER' });
    expect((await h.rows('vicidial_manager'))[0]).toMatchObject({ action: 'Hangup', callerid: `HAPI${cid.slice(4)}`, status: 'NEW', response: 'N' });
    expect((await h.rows('vicidial_log', { lead_id: 1 }))[0]).toMatchObject({ status: 'RAXFER', term_reason: 'AGENT' });
  });

  it('INGROUPTRANSFER sends the call to the in-group; the line names phone_number', async () => {
    await h.startCall('1000');
    const cid = await callerId();
    const res = await h.api({ function: 'ra_call_control', agent_user: '1000', value: cid, stage: 'INGROUPTRANSFER', ingroup_choices: 'SALESLINE', phone_number: '55', status: 'XFERD' });
    expect(res.body).toBe(`SUCCESS: ra_call_control transfer - 1000|${cid}|55\n`);
    // The call waits in the in-group: the simulator queues it; drop-in, Asterisk carries out the Redirect
    // and VICIdial's dialplan queues it, while api.php deletes the agent's call row.
    expect(await h.rows('vicidial_auto_calls', { campaign_id: 'SALESLINE', status: 'LIVE' })).toHaveLength(h.dropIn ? 0 : 1);
    expect(await h.rows('vicidial_auto_calls', { callerid: cid })).toHaveLength(0);
    expect((await h.rows('vicidial_manager'))[0]).toMatchObject({ action: 'Redirect', cmd_line_d: 'Exten: 90009*SALESLINE**1**3125550101**1000**' });
  });

  it('ERROR lines: not valid, another agent’s call (live or not: no oracle), stage, phone_number, ingroup', async () => {
    const r = (extra: Record<string, string>) => h.api({ function: 'ra_call_control', agent_user: '1000', ...extra });
    expect((await r({ value: 'X' })).body).toBe('ERROR: ra_call_control not valid - X|1000|\n');
    expect((await r({ value: 'Y0000000000000000001', stage: 'HANGUP' })).body).toBe('ERROR: call does not belong to agent_user - 1000|Y0000000000000000001\n');
    await h.login('1001', 'TESTCAMP');
    await h.startCall('1001');
    const other = await callerId('1001');
    expect((await r({ value: other, stage: 'HANGUP' })).body).toBe(`ERROR: call does not belong to agent_user - 1000|${other}\n`);
    expect((await h.agent('1001'))?.status).toBe('INCALL');
    await h.startCall('1000', { leadId: 2 });
    const own = await callerId();
    expect((await r({ value: own, stage: 'PARK' })).body).toBe('ERROR: stage is not valid - PARK\n');
    expect((await r({ value: own, stage: 'EXTENSIONTRANSFER' })).body).toBe('ERROR: phone_number is not valid - \n');
    expect((await r({ value: own, stage: 'INGROUPTRANSFER', ingroup_choices: 'NOSUCH' })).body).toBe('ERROR: ingroup is not valid - NOSUCH\n');
    // Its own call, no longer live.
    await h.exec(`delete from vicidial_auto_calls where callerid = '${own}'`);
    expect((await r({ value: own, stage: 'HANGUP' })).body).toBe(`ERROR: no active call found - ${own}\n`);
    expect((await h.agent('1000'))?.status).toBe('INCALL');
  });
});

describe('call_agent (§8.29) and webphone_url (§8.28)', () => {
  it('call_agent replays the login call into the current conference', async () => {
    const res = await h.api({ function: 'call_agent', agent_user: '1000', value: 'CALL' });
    expect(res.body).toBe('SUCCESS: call_agent function sent - 1000\n');
    const conf = String((await vla()).conf_exten);
    expect((await h.rows('vicidial_manager'))[0]).toMatchObject({ action: 'Originate', cmd_line_d: `Exten: ${conf}`, status: 'NEW' });
  });

  it('webphone_url DISPLAY answers the bare URL; LAUNCH a redirect page', async () => {
    const conf = String((await vla()).conf_exten);
    const url = `http://agentgate.test/agent?webphone=${conf}`;
    expect((await h.api({ function: 'webphone_url', agent_user: '1000', value: 'DISPLAY' })).body).toBe(url);
    const launch = await h.api({ function: 'webphone_url', agent_user: '1000', value: 'LAUNCH' });
    expect(launch.body).toBe(
      `<META HTTP-EQUIV=Refresh CONTENT="0; URL=${url}">\n` +
        '</HEAD>\n' +
        '<BODY BGCOLOR=#FFFFFF marginheight=0 marginwidth=0 leftmargin=0 topmargin=0>\n' +
        `<a href="${url}">click here to continue. . .</a>\n` +
        '</BODY>\n',
    );
  });

  it('ERROR lines: not valid, no session data, entry empty', async () => {
    expect((await h.api({ function: 'call_agent', agent_user: '1000', value: 'RING' })).body).toBe('ERROR: call_agent not valid - RING|1000\n');
    expect((await h.api({ function: 'webphone_url', agent_user: '1000', value: 'SHOW' })).body).toBe('ERROR: webphone_url not valid - SHOW|1000\n');
    await h.exec(`update vicidial_session_data set agent_login_call = '', webphone_url = 'x' where user = '1000'`);
    expect((await h.api({ function: 'call_agent', agent_user: '1000', value: 'CALL' })).body).toBe('ERROR: call_agent error - entry is empty - 1000\n');
    expect((await h.api({ function: 'webphone_url', agent_user: '1000', value: 'DISPLAY' })).body).toBe('ERROR: webphone_url error - webphone url is empty - 1000\n');
    await h.exec(`delete from vicidial_session_data where user = '1000'`);
    expect((await h.api({ function: 'call_agent', agent_user: '1000', value: 'CALL' })).body).toBe('ERROR: call_agent error - no session data - 1000\n');
    expect((await h.api({ function: 'webphone_url', agent_user: '1000', value: 'DISPLAY' })).body).toBe('ERROR: webphone_url error - no session data - 1000\n');
  });
});

describe('audio_playback (§8.26) and force_fronter_audio_stop (§8.25)', () => {
  const play = (extra: Record<string, string>) => h.api({ function: 'audio_playback', agent_user: '1000', ...extra });

  it.skipIf(embeddedOnly('simulator'))('PLAY, PAUSE, RESUME, STOP: the manager rows of api.php and the playback state', async () => {
    const conf = String((await vla()).conf_exten);
    expect((await play({ value: 'welcome', stage: 'PLAY' })).body).toBe('SUCCESS: audio_playback function sent - welcome|PLAY|1000\n');
    expect((await state()).playback).toMatchObject({ file: 'welcome', state: 'playing' });
    expect((await h.rows('vicidial_manager'))[0]).toMatchObject({
      action: 'Originate',
      callerid: 'welcome',
      cmd_line_b: `Channel: Local/47378216${conf}@default`,
      cmd_line_d: 'Exten: 473782158521111',
      cmd_line_f: 'CallerID: "welcome" <473782158521111>',
    });
    await play({ stage: 'PAUSE' });
    expect((await state()).playback?.state).toBe('paused');
    await play({ stage: 'RESUME' });
    expect((await state()).playback?.state).toBe('playing');
    await play({ stage: 'STOP' });
    expect((await state()).playback).toBeNull();
    expect((await h.rows('vicidial_manager')).map((r) => String(r.callerid).slice(0, 6))).toEqual(['welcom', 'PLAYPA', 'PLAYPA', 'PLAYHU']);
  });

  it.skipIf(embeddedOnly('simulator'))('PLAY over a playback needs dial_override=Y, and then says it stopped the first', async () => {
    const row = await vla();
    await play({ value: 'one', stage: 'PLAY' });
    expect((await play({ value: 'two', stage: 'PLAY' })).body).toBe(
      `ERROR: audio_playback error - audio already playing in agent session - ${row.conf_exten}|${row.server_ip}|PLAY||1000\n`,
    );
    expect((await play({ value: 'two', stage: 'PLAY', dial_override: 'Y' })).body).toBe(
      'NOTICE: audio_playback previous playback stopped - PLAY|Y|1000\nSUCCESS: audio_playback function sent - two|PLAY|1000\n',
    );
    expect((await state()).playback?.file).toBe('two');
  });

  it('the playback ends by itself after its length', async () => {
    await play({ value: 'one', stage: 'PLAY' });
    await h.advance(30_000);
    expect((await state()).playback).toBeNull();
  });

  it('ERROR lines carry the stage: not valid, nothing playing, not logged in, no user found', async () => {
    const row = await vla();
    expect((await play({ stage: 'PLAY' })).body).toBe('ERROR: audio_playback not valid - |PLAY|1000\n');
    expect((await play({ stage: 'JUM' })).body).toBe('ERROR: audio_playback not valid - |JUM|1000\n');
    expect((await play({ stage: 'STOP' })).body).toBe(`ERROR: audio_playback error - no audio playing in agent session - ${row.conf_exten}|${row.server_ip}|STOP|1000\n`);
    expect((await h.api({ function: 'audio_playback', agent_user: '1001', value: 'x', stage: 'PLAY' })).body).toBe('ERROR: agent_user is not logged in - PLAY|1001\n');
    expect((await h.api({ function: 'audio_playback', alt_user: 'NOBODY', value: 'x', stage: 'PLAY' })).body).toBe('ERROR: no user found - PLAY|NOBODY\n');
  });

  it('nothing playing is checked before the stage, as in api.php: an unknown stage gets the no-audio line', async () => {
    const row = await vla();
    for (const stage of ['JUMP', 'stop'])
      expect((await play({ stage })).body).toBe(`ERROR: audio_playback error - no audio playing in agent session - ${row.conf_exten}|${row.server_ip}|${stage}|1000\n`);
    expect(await h.rows('vicidial_manager')).toHaveLength(0);
  });

  it.skipIf(embeddedOnly('simulator'))('an unknown stage while audio plays is refused (api.php answers SUCCESS and does nothing) and changes nothing', async () => {
    await play({ value: 'hold', stage: 'PLAY' });
    expect((await play({ stage: 'JUMP' })).body).toBe('ERROR: audio_playback not valid - |JUMP|1000\n');
    expect((await state()).playback).toMatchObject({ file: 'hold', state: 'playing' });
    expect(await h.rows('vicidial_manager')).toHaveLength(1);
  });

  it.skipIf(embeddedOnly('simulator'))('force_fronter_audio_stop stops the fronter’s playback; without a fronter it says so', async () => {
    await h.login('1001', 'TESTCAMP');
    await h.startCall('1000', { leadId: 3 });
    h.clock.advance(1000);
    await h.startCall('1001', { leadId: 3 });
    expect((await h.api({ function: 'force_fronter_audio_stop', agent_user: '1001', value: 'LOCAL_ONLY', stage: 'X' })).body).toBe(
      `ERROR: force_fronter_audio_stop error - no audio playing in other agent session - ${(await vla()).conf_exten}|${(await vla()).server_ip}|X|1001|1000\n`,
    );
    await play({ value: 'hold', stage: 'PLAY' });
    expect((await h.api({ function: 'force_fronter_audio_stop', agent_user: '1001', value: 'LOCAL_ONLY', stage: 'X' })).body).toBe(
      'SUCCESS: force_fronter_audio_stop function sent - LOCAL_ONLY|X|1001|1000\n',
    );
    expect((await state()).playback).toBeNull();
    // Seen from 1000, the fronter is 1001, who plays nothing.
    const other = await vla('1001');
    expect((await h.api({ function: 'force_fronter_audio_stop', agent_user: '1000', value: 'LOCAL_ONLY' })).body).toBe(
      `ERROR: force_fronter_audio_stop error - no audio playing in other agent session - ${other.conf_exten}|${other.server_ip}||1000|1001\n`,
    );
  });

  it.skipIf(embeddedOnly('simulator'))('force_fronter_*: not valid, not on a phone call, no fronter found, CCC_REMOTE by lead_id', async () => {
    expect((await h.api({ function: 'force_fronter_leave_3way', agent_user: '1000', value: 'ALL' })).body).toBe('ERROR: force_fronter_leave_3way not valid - ALL|1000\n');
    expect((await h.api({ function: 'force_fronter_leave_3way', agent_user: '1000', value: 'LOCAL_ONLY' })).body).toBe('ERROR: agent_user is not on a phone call - 1000\n');
    await h.startCall('1000', { leadId: 4 });
    expect((await h.api({ function: 'force_fronter_leave_3way', agent_user: '1000', value: 'LOCAL_AND_CCC' })).body).toBe('ERROR: no fronter found - 1000\n');
    const res = await h.api({ function: 'force_fronter_leave_3way', agent_user: 'CCC_REMOTE', value: 'CCC_REMOTE', lead_id: '4' });
    expect(res.body).toBe('SUCCESS: force_fronter_leave_3way SENT - 1000');
    expect(await h.agent('1000')).toMatchObject({ status: 'PAUSED', leadId: 4, call: undefined });
  });
});
