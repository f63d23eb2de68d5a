/**
 * Commands are written, not acted on: on a VICIdial database each agent-API
 * command writes exactly the vicidial_live_agents columns api.php writes, in
 * its formats, and changes nothing else of the row — the status stays as
 * VICIdial's screen left it (that screen acts on its next poll).
 */
import type mysql from 'mysql2/promise';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { mysqlServerForTests } from '../support/test-database.js';
import { createVicidialDatabase, initDropIn, type VicidialDatabase } from '../support/vicidial-database.js';

const server = await mysqlServerForTests();
type Row = Record<string, unknown>;

describe.skipIf(!server)('agent commands in the drop-in', { timeout: 20_000 }, () => {
  let vicidial: VicidialDatabase;
  let h: Harness;
  beforeAll(async () => {
    vicidial = await createVicidialDatabase(server!);
    await initDropIn(vicidial.url);
    h = await startHarness({ databaseUrl: vicidial.url, vicidial: true });
    await sql("UPDATE vicidial_users SET agentcall_manual = '1' WHERE user = '1001'");
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await vicidial?.drop();
  });

  const sql = (statement: string) => vicidial.on((c) => c.query(statement));
  const epoch = () => Math.floor(h.clock.now().getTime() / 1000);
  const row = async (): Promise<Row> => {
    const [rows] = await vicidial.on((c) => c.query<mysql.RowDataPacket[]>("SELECT * FROM vicidial_live_agents WHERE user = '1001'"));
    return { ...rows[0] };
  };

  /** The session vicidial.php makes when agent 1001 logs in to TESTCAMP, paused, no lead. */
  beforeEach(async () => {
    await sql('DELETE FROM vicidial_live_agents');
    await sql(
      `INSERT INTO vicidial_live_agents (user, server_ip, conf_exten, extension, status, lead_id, campaign_id, uniqueid, callerid, channel,
         random_id, last_call_time, last_update_time, last_call_finish, closer_campaigns, user_level, last_state_change, outbound_autodial, manager_ingroup_set)
       VALUES ('1001', '10.0.0.5', '8600051', 'SIP/1001', 'PAUSED', 0, 'TESTCAMP', '', '', '', 12345678,
         '2026-11-28 09:00:00', '2026-11-28 09:59:59', '2026-11-28 09:00:00', ' -', 1, '2026-11-28 09:00:00', 'N', 'N')`,
    );
  });

  /** Run a command and return what changed in the row, column by column. */
  async function changes(params: Record<string, string>): Promise<{ body: string; changed: Row }> {
    const before = await row();
    const { body } = await h.api({ agent_user: '1001', ...params });
    const after = await row();
    const changed: Row = {};
    // last_update_time is VICIdial's TIMESTAMP ON UPDATE CURRENT_TIMESTAMP: MySQL moves it on any
    // UPDATE of the row, api.php's included; agentgate itself never writes it here.
    for (const [k, v] of Object.entries(after)) if (k !== 'last_update_time' && String(before[k]) !== String(v)) changed[k] = v;
    return { body, changed };
  }

  it('external_pause PAUSE and RESUME: `<value>!<epoch>`, and the status stays VICIdial’s', async () => {
    const paused = await changes({ function: 'external_pause', value: 'PAUSE' });
    expect(paused.body).toBe(`SUCCESS: external_pause function set - PAUSE|${epoch()}|1001\n`);
    expect(paused.changed).toEqual({ external_pause: `PAUSE!${epoch()}` });
    await h.clock.advance(5_000);
    expect((await changes({ function: 'external_pause', value: 'RESUME' })).changed).toEqual({ external_pause: `RESUME!${epoch()}` });
    // READY as VICIdial's screen set it: RESUME is refused by api.php's own rule, nothing written.
    await sql("UPDATE vicidial_live_agents SET status = 'READY' WHERE user = '1001'");
    const refused = await changes({ function: 'external_pause', value: 'RESUME' });
    expect(refused.body).toBe('ERROR: external_pause agent is not paused - RESUME|1001\n');
    expect(refused.changed).toEqual({});
  });

  it('logout: external_pause=LOGOUT and the session row stays for VICIdial’s screen to end', async () => {
    const { body, changed } = await changes({ function: 'logout', value: 'LOGOUT' });
    expect(body).toBe(`SUCCESS: logout function set - LOGOUT|${epoch()}|1001\n`);
    expect(changed).toEqual({ external_pause: 'LOGOUT' });
  });

  it('external_hangup and external_status: the values as sent, with no call ended or disposition made', async () => {
    await sql("UPDATE vicidial_live_agents SET status = 'INCALL', lead_id = 1 WHERE user = '1001'");
    expect((await changes({ function: 'external_hangup', value: '1' })).changed).toEqual({ external_hangup: '1' });
    const status = await changes({ function: 'external_status', value: 'SALE' });
    expect(status.body).toBe('SUCCESS: external_status function set - SALE|1001\n');
    expect(status.changed).toEqual({ external_status: 'SALE' });
  });

  it('external_dial: the 14-field string, and no call placed', async () => {
    const { body, changed } = await changes({ function: 'external_dial', value: '7275551234', phone_code: '1', search: 'YES', preview: 'NO', focus: 'YES' });
    expect(body).toMatch(/^SUCCESS: external_dial function set - 7275551234\|1001\|1\|YES\|NO\|YES\|/);
    expect(changed).toEqual({ external_dial: `7275551234!1!YES!NO!YES!!${epoch()}!!!!!!!` });
  });

  it('send_dtmf, park_call and pause_code: their columns only', async () => {
    expect((await changes({ function: 'send_dtmf', value: '12P3' })).changed).toEqual({ external_dtmf: '12P3' });
    expect((await changes({ function: 'pause_code', value: 'BREAK' })).changed).toEqual({ external_pause_code: 'BREAK' });
    await sql("UPDATE vicidial_live_agents SET status = 'INCALL', lead_id = 1 WHERE user = '1001'");
    expect((await changes({ function: 'park_call', value: 'PARK_CUSTOMER' })).changed).toEqual({ external_park: 'PARK_CUSTOMER' });
  });

  it('the session engine is off: no login through agentgate, and a logout is written as api.php’s command', async () => {
    await expect(h.login('1002', 'TESTCAMP')).rejects.toThrow("user 1002 logs in on VICIdial's agent screen: on a VICIdial database agentgate starts no session");
    const before = await row();
    expect(await h.logout('1001')).toBe(true);
    const after = await row();
    expect(after.external_pause).toBe('LOGOUT');
    expect({ ...after, external_pause: '', last_update_time: 0 }).toEqual({ ...before, external_pause: '', last_update_time: 0 });
    expect(await h.logout('1002')).toBe(false);
  });

  it('recording: api.php’s START<stage> and STOP, for VICIdial’s screen to act on', async () => {
    const started = await changes({ function: 'recording', value: 'START', stage: 'intro' });
    expect(started.body).toMatch(/^SUCCESS: recording function sent - 1001\|START\|/);
    expect(started.changed).toEqual({ external_recording: 'STARTintro' });
    // VICIdial's screen has started it and written the recording's id.
    await sql("UPDATE vicidial_live_agents SET external_recording = '42' WHERE user = '1001'");
    expect((await changes({ function: 'recording', value: 'STOP' })).changed).toEqual({ external_recording: 'STOP' });
  });

  it('change_ingroups: the external_* columns with manager_ingroup_set=SET and the in-group rows; closer_campaigns stays the poll’s', async () => {
    await sql("UPDATE vicidial_campaigns SET campaign_allow_inbound = 'Y' WHERE campaign_id = 'TESTCAMP'");
    const { body, changed } = await changes({ function: 'change_ingroups', value: 'CHANGE', blended: 'NO', ingroup_choices: ' AGENTDIRECT -' });
    expect(body).toMatch(/^SUCCESS: change_ingroups function set - 6666\|1001\|/);
    // external_blended is written too, '0' as it already was.
    expect(changed).toEqual({ external_ingroups: ' AGENTDIRECT -', external_igb_set_user: '6666', manager_ingroup_set: 'SET' });
    expect((await row()).external_blended).toBe('0');
    const [groups] = await vicidial.on((c) => c.query<mysql.RowDataPacket[]>("SELECT group_id FROM vicidial_live_inbound_agents WHERE user = '1001'"));
    expect(groups.map((g) => g.group_id)).toEqual(['AGENTDIRECT']);
  });

  it('ra_call_control HANGUP: api.php’s own writes after the manager row — the agent READY, the lead’s status, the call row gone', async () => {
    const cid = 'V1128095900000000001';
    await sql(`UPDATE vicidial_live_agents SET status = 'INCALL', lead_id = 1, callerid = '${cid}', uniqueid = '1764323940.1', channel = 'SIP/carrier-0001' WHERE user = '1001'`);
    await sql(
      `INSERT INTO vicidial_auto_calls (server_ip, campaign_id, status, lead_id, callerid, uniqueid, channel, phone_code, phone_number, call_time, call_type)
       VALUES ('10.0.0.5', 'TESTCAMP', 'XFER', 1, '${cid}', '1764323940.1', 'SIP/carrier-0001', '1', '7275550011', NOW(), 'OUT')`,
    );
    const { body, changed } = await changes({ function: 'ra_call_control', value: cid, stage: 'HANGUP' });
    expect(body).toBe(`SUCCESS: ra_call_control hungup - 1001|${cid}|HANGUP\n`);
    expect(changed).toMatchObject({ status: 'READY', lead_id: 0, callerid: '', uniqueid: '', channel: '' });
    const [calls] = await vicidial.on((c) => c.query<mysql.RowDataPacket[]>(`SELECT * FROM vicidial_auto_calls WHERE callerid = '${cid}'`));
    expect(calls).toHaveLength(0);
    const [lead] = await vicidial.on((c) => c.query<mysql.RowDataPacket[]>('SELECT status FROM vicidial_list WHERE lead_id = 1'));
    expect(lead[0]?.status).toBe('RAXFER');
    const [manager] = await vicidial.on((c) => c.query<mysql.RowDataPacket[]>("SELECT action, callerid, status FROM vicidial_manager WHERE action = 'Hangup'"));
    expect(manager).toEqual([{ action: 'Hangup', callerid: `HAPI${cid.slice(4)}`, status: 'NEW' }]);
  });

  it('update_fields: the lead in vicidial_list, and the flag with the field list for the screen', async () => {
    await sql("UPDATE vicidial_live_agents SET status = 'INCALL', lead_id = 8 WHERE user = '1001'");
    const { body, changed } = await changes({ function: 'update_fields', first_name: 'Bob', city: 'Tampa' });
    expect(body).toMatch(/^SUCCESS: update_fields lead updated - 6666\|1001\|8\|1\|/);
    expect(changed).toEqual({ external_update_fields: '1', external_update_fields_data: 'city,first_name' });
    const [lead] = await vicidial.on((c) => c.query<mysql.RowDataPacket[]>('SELECT first_name, city FROM vicidial_list WHERE lead_id = 8'));
    expect(lead[0]).toEqual({ first_name: 'Bob', city: 'Tampa' });
  });

  /** A channel as VICIdial's updater lists Asterisk's: on agent 1001's conference (8600051), or on another. */
  const channel = (table: 'live_channels' | 'live_sip_channels', name: string, group: string, conference = '8600051') =>
    sql(`INSERT INTO ${table} (channel, server_ip, channel_group, extension, channel_data) VALUES ('${name}', '10.0.0.5', '${group}', '${conference}', '')`);

  it('audio_playback reads what plays from live_channels, as api.php does: STOP hangs up that channel', async () => {
    await sql('DELETE FROM live_channels');
    await channel('live_channels', 'IAX2/ASTplay-0001', 'IAX2', '8600052'); // another agent's conference
    expect((await h.api({ agent_user: '1001', function: 'audio_playback', stage: 'STOP' })).body).toBe(
      'ERROR: audio_playback error - no audio playing in agent session - 8600051|10.0.0.5|STOP|1001\n',
    );
    await channel('live_channels', 'IAX2/ASTplay-0002', 'IAX2');
    expect((await h.api({ agent_user: '1001', function: 'audio_playback', stage: 'PLAY', value: 'welcome' })).body).toBe(
      'ERROR: audio_playback error - audio already playing in agent session - 8600051|10.0.0.5|PLAY||1001\n',
    );
    expect((await h.api({ agent_user: '1001', function: 'audio_playback', stage: 'STOP' })).body).toBe('SUCCESS: audio_playback function sent - |STOP|1001\n');
    const [manager] = await vicidial.on((c) => c.query<mysql.RowDataPacket[]>("SELECT action, cmd_line_b, status FROM vicidial_manager WHERE callerid LIKE 'PLAYHU%'"));
    expect(manager).toEqual([{ action: 'Hangup', cmd_line_b: 'Channel: IAX2/ASTplay-0002', status: 'NEW' }]);
  });

  it('transfer_conference tw_check=YES counts the 3-way calls live_sip_channels shows on the conference', async () => {
    await sql('DELETE FROM live_sip_channels');
    await sql("UPDATE vicidial_live_agents SET status = 'INCALL', lead_id = 1, callerid = 'V1128095900000000002', uniqueid = '1764323940.2', channel = 'SIP/carrier-0002' WHERE user = '1001'");
    const dial = { function: 'transfer_conference', value: 'DIAL_WITH_CUSTOMER', phone_number: '3125559998', tw_check: 'YES' };
    await channel('live_sip_channels', 'SIP/carrier-0003', 'DC8600051W');
    await channel('live_sip_channels', 'SIP/carrier-0004', 'DC8600051W');
    await channel('live_sip_channels', 'SIP/carrier-0005', 'DC8600052W', '8600052');
    await channel('live_sip_channels', 'SIP/1001-0006', 'SIP');
    const refused = await changes(dial);
    expect(refused.body).toBe('ERROR: agent_user has current active 3-way call - 1001|2|0|YES\n');
    expect(refused.changed).toEqual({});
    await sql("DELETE FROM live_sip_channels WHERE channel_group LIKE 'DC%W'");
    const sent = await changes(dial);
    expect(sent.body).toMatch(/^SUCCESS: transfer_conference function set - DIAL_WITH_CUSTOMER\|/);
    expect(sent.changed.external_transferconf).toMatch(/^DIAL_WITH_CUSTOMER---/);
  });
});
