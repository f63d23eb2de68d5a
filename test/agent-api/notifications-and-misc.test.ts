/**
 * send_notification (agent-api.md §8.30, permissions.md §5, §6), webserver
 * (§8.2, permissions.md §10 #12) and recording (§8.27).
 */
import { describe, expect, it } from 'vitest';
import { AGENTGATE_VERSION } from '../../src/app/version.js';
import { agentRows, DENIED, NOW } from '../support/agent-api.js';
import { harnessForEachTest } from '../support/harness.js';

const h = harnessForEachTest();

const { vla } = agentRows(h);

const notify = (params: Record<string, string>) => h.api({ function: 'send_notification', ...params });
const notifications = () => h.rows('vicidial_agent_notifications');

// ---------------------------------------------------------------------------
describe('send_notification (§8.30)', () => {
  it('queues a notification for a user with the defaults, byte for byte', async () => {
    const res = await notify({ recipient: '1000', recipient_type: 'USER', notification_text: 'Hello there' });
    expect(res.status).toBe(200);
    expect(res.body).toBe('SUCCESS: notification queued - 1000|USER|1\n');
    const rows = await notifications();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      notification_id: 1,
      entry_date: NOW,
      recipient: '1000',
      recipient_type: 'USER',
      notification_date: NOW,
      notification_retry: 'N',
      notification_text: 'Hello there',
      text_size: 12,
      text_font: 'Arial',
      text_weight: 'bold',
      text_color: 'black',
      show_confetti: 'N',
      confetti_options: '2,2350,2',
      notification_status: 'QUEUED',
    });
    const log = await h.lastLog();
    expect(log).toMatchObject({ function: 'send_notification', result: 'SUCCESS', agent_user: '1000', value: 'USER' });
  });

  it('stores every option as given', async () => {
    const res = await notify({
      recipient: 'AGENTS',
      recipient_type: 'USER_GROUP',
      notification_text: `Don't "panic"`,
      notification_date: '2026-12-01 09:30:00',
      text_size: '20',
      text_font: 'Times New Roman',
      text_weight: 'bold,italic',
      text_color: 'FF0000',
      show_confetti: 'Y',
      duration: '5',
      maxParticleCount: '100',
      particleSpeed: '10',
      notification_retry: 'yes',
    });
    expect(res.body).toBe('SUCCESS: notification queued - AGENTS|USER_GROUP|1\n');
    const [row] = await notifications();
    expect(row).toMatchObject({
      recipient: 'AGENTS',
      recipient_type: 'USER_GROUP',
      notification_date: '2026-12-01 09:30:00',
      notification_retry: 'Y',
      notification_text: `Don't "panic"`,
      text_size: 20,
      text_font: 'Times New Roman',
      text_weight: 'bold,italic',
      text_color: '#FF0000',
      show_confetti: 'Y',
      confetti_options: '5,100,10',
      notification_status: 'QUEUED',
    });
  });

  it('a campaign recipient, confetti only (no text), with the confetti defaults', async () => {
    const res = await notify({ recipient: 'TESTCAMP', recipient_type: 'CAMPAIGN', show_confetti: 'Y' });
    expect(res.body).toBe('SUCCESS: notification queued - TESTCAMP|CAMPAIGN|1\n');
    const [row] = await notifications();
    expect(row).toMatchObject({ recipient_type: 'CAMPAIGN', notification_text: '', show_confetti: 'Y', confetti_options: '2,2350,2' });
  });

  it('text_color: 3–6 upper hex digits get a #, other names stay', async () => {
    await notify({ recipient: '1000', recipient_type: 'USER', notification_text: 'a', text_color: 'ABC' });
    await notify({ recipient: '1000', recipient_type: 'USER', notification_text: 'b', text_color: 'red' });
    const rows = await notifications();
    expect(rows.map((r) => r.text_color)).toEqual(['#ABC', 'red']);
  });

  it('ids count up', async () => {
    expect((await notify({ recipient: '1000', recipient_type: 'USER', notification_text: 'a' })).body).toBe(
      'SUCCESS: notification queued - 1000|USER|1\n',
    );
    expect((await notify({ recipient: '1001', recipient_type: 'USER', notification_text: 'b' })).body).toBe(
      'SUCCESS: notification queued - 1001|USER|2\n',
    );
  });

  it('the system switch is checked before the allowed-functions test', async () => {
    await h.exec(`update system_settings set agent_notifications = '0'`);
    const denied = await notify({ user: '6668', recipient: '1000', recipient_type: 'USER', notification_text: 'x' });
    expect(denied.body).toBe('ERROR: Agent API Notifications are disabled on this system - 0\n');
    const allowed = await notify({ recipient: '1000', recipient_type: 'USER', notification_text: 'x' });
    expect(allowed.body).toBe('ERROR: Agent API Notifications are disabled on this system - 0\n');
    expect(await notifications()).toHaveLength(0);
  });

  it('permission denied (value layout)', async () => {
    const res = await notify({ user: '6668', recipient: '1000', recipient_type: 'USER', notification_text: 'x', value: 'V1' });
    expect(res.body).toBe(`${DENIED}V1|6668|send_notification|ADMIN\n`);
    expect(await notifications()).toHaveLength(0);
  });

  it('invalid recipient_type: infers a user, then queues (NOTICE fragment without newline)', async () => {
    const res = await notify({ recipient: '1000', recipient_type: 'PERSON', notification_text: 'x' });
    expect(res.body).toBe('Invalid recipient_type (PERSON), NOTICE: found 1000 as USER<BR>SUCCESS: notification queued - 1000|USER|1\n');
    expect((await notifications())[0]!.recipient_type).toBe('USER');
  });

  it('invalid recipient_type: infers a user group, then a campaign', async () => {
    const group = await notify({ recipient: 'AGENTS', recipient_type: 'X', notification_text: 'x' });
    expect(group.body).toBe('Invalid recipient_type (X), NOTICE: found AGENTS as USER_GROUP<BR>SUCCESS: notification queued - AGENTS|USER_GROUP|1\n');
    const campaign = await notify({ recipient: 'TESTCAMP', notification_text: 'x' });
    expect(campaign.body).toBe(
      'Invalid recipient_type (), NOTICE: found TESTCAMP as CAMPAIGN<BR>SUCCESS: notification queued - TESTCAMP|CAMPAIGN|2\n',
    );
  });

  it('invalid recipient_type: a user wins over a user group and a campaign of the same name', async () => {
    await h.exec(`update vicidial_users set user = 'TESTCAMP' where user = '1001'`);
    const res = await notify({ recipient: 'TESTCAMP', recipient_type: 'FOO', notification_text: 'x' });
    expect(res.body).toBe('Invalid recipient_type (FOO), NOTICE: found TESTCAMP as USER<BR>SUCCESS: notification queued - TESTCAMP|USER|1\n');
  });

  it('invalid recipient_type: no matching recipient', async () => {
    const res = await notify({ recipient: 'NOBODY', recipient_type: 'FOO', notification_text: 'x' });
    expect(res.body).toBe('Invalid recipient_type (FOO), ERROR: no matching recipient found in users, user_groups, or campaigns - NOBODY\n');
    expect((await h.lastLog()).result).toBe('ERROR');
    expect(await notifications()).toHaveLength(0);
  });

  it('ERROR: Missing recipient or recipient_type', async () => {
    expect((await notify({ recipient_type: 'USER', notification_text: 'x' })).body).toBe(
      'ERROR: Missing recipient or recipient_type - |USER\n',
    );
    expect((await notify({ notification_text: 'x' })).body).toBe('ERROR: Missing recipient or recipient_type - |\n');
    expect(await notifications()).toHaveLength(0);
  });

  it('ERROR: <recipient> DOES NOT EXIST in each table', async () => {
    expect((await notify({ recipient: 'NOPE', recipient_type: 'USER', notification_text: 'x' })).body).toBe(
      'ERROR: NOPE DOES NOT EXIST in vicidial_users - |NOPE\n',
    );
    expect((await notify({ recipient: 'NOPE', recipient_type: 'USER_GROUP', notification_text: 'x', value: 'v' })).body).toBe(
      'ERROR: NOPE DOES NOT EXIST in vicidial_user_groups - v|NOPE\n',
    );
    expect((await notify({ recipient: 'NOPE', recipient_type: 'CAMPAIGN', notification_text: 'x' })).body).toBe(
      'ERROR: NOPE DOES NOT EXIST in vicidial_campaigns - |NOPE\n',
    );
    expect(await notifications()).toHaveLength(0);
  });

  it('campaign scoping: TEAM_B (6669) may notify OTHERCMP but not TESTCAMP', async () => {
    const refused = await notify({ user: '6669', recipient: 'TESTCAMP', recipient_type: 'CAMPAIGN', notification_text: 'x', value: 'v' });
    expect(refused.body).toBe('ERROR: ACCESS TO CAMPAIGN TESTCAMP NOT ALLOWED FOR USER 6669 ( OTHERCMP -) - v|TESTCAMP\n');
    expect(await notifications()).toHaveLength(0);
    const ok = await notify({ user: '6669', recipient: 'OTHERCMP', recipient_type: 'CAMPAIGN', notification_text: 'x' });
    expect(ok.body).toBe('SUCCESS: notification queued - OTHERCMP|CAMPAIGN|1\n');
  });

  it('user-group scoping: TEAM_B (6669) views only TEAM_B', async () => {
    const refused = await notify({ user: '6669', recipient: 'AGENTS', recipient_type: 'USER_GROUP', notification_text: 'x' });
    expect(refused.body).toBe('ERROR: ACCESS TO USER GROUP AGENTS NOT ALLOWED FOR USER 6669 - |AGENTS\n');
    const ok = await notify({ user: '6669', recipient: 'TEAM_B', recipient_type: 'USER_GROUP', notification_text: 'x' });
    expect(ok.body).toBe('SUCCESS: notification queued - TEAM_B|USER_GROUP|1\n');
    expect(await notifications()).toHaveLength(1);
  });

  it('scoping applies after inference too', async () => {
    const res = await notify({ user: '6669', recipient: 'TESTCAMP', recipient_type: 'FOO', notification_text: 'x' });
    expect(res.body).toBe(
      'Invalid recipient_type (FOO), NOTICE: found TESTCAMP as CAMPAIGN<BR>ERROR: ACCESS TO CAMPAIGN TESTCAMP NOT ALLOWED FOR USER 6669 ( OTHERCMP -) - |TESTCAMP\n',
    );
    expect(await notifications()).toHaveLength(0);
  });

  it('scoping is independent of api_list_restrict', async () => {
    await h.exec(`update vicidial_users set api_list_restrict = '0' where user = '6669'`);
    const res = await notify({ user: '6669', recipient: 'TESTCAMP', recipient_type: 'CAMPAIGN', notification_text: 'x' });
    expect(res.body).toBe('ERROR: ACCESS TO CAMPAIGN TESTCAMP NOT ALLOWED FOR USER 6669 ( OTHERCMP -) - |TESTCAMP\n');
  });

  it('ERROR: user_group DOES NOT EXIST when the API user’s group is missing', async () => {
    await h.exec(`update vicidial_users set user_group = 'GHOST' where user = '6666'`);
    expect((await notify({ recipient: 'TESTCAMP', recipient_type: 'CAMPAIGN', notification_text: 'x', value: 'v' })).body).toBe(
      'ERROR: user_group DOES NOT EXIST - v|GHOST\n',
    );
    expect((await notify({ recipient: 'AGENTS', recipient_type: 'USER_GROUP', notification_text: 'x' })).body).toBe(
      'ERROR: user_group DOES NOT EXIST - |GHOST\n',
    );
    // USER recipients are not scoped
    expect((await notify({ recipient: '1000', recipient_type: 'USER', notification_text: 'x' })).body).toBe(
      'SUCCESS: notification queued - 1000|USER|1\n',
    );
  });

  it('API List Restrict: a USER recipient outside the scope reads as one that does not exist', async () => {
    // Logged into a campaign outside the group, or logged out and of a group 6669 may not see.
    const refused = await notify({ user: '6669', recipient: '1000', recipient_type: 'USER', notification_text: 'x' });
    expect(refused.body).toBe('ERROR: 1000 DOES NOT EXIST in vicidial_users - |1000\n');
    const offline = await notify({ user: '6669', recipient: '1001', recipient_type: 'USER', notification_text: 'x' });
    expect(offline.body).toBe('ERROR: 1001 DOES NOT EXIST in vicidial_users - |1001\n');
    // Guessing the type does not find it either.
    expect((await notify({ user: '6669', recipient: '1001', recipient_type: 'X', notification_text: 'x' })).body).toBe(
      'Invalid recipient_type (X), ERROR: no matching recipient found in users, user_groups, or campaigns - 1001\n',
    );
    expect(await notifications()).toHaveLength(0);
    // a user of its own group who is not logged in, or one logged into an allowed campaign, is fine
    expect((await notify({ user: '6669', recipient: '1002', recipient_type: 'USER', notification_text: 'x' })).body).toBe(
      'SUCCESS: notification queued - 1002|USER|1\n',
    );
    await h.login('1002', 'OTHERCMP');
    expect((await notify({ user: '6669', recipient: '1002', recipient_type: 'USER', notification_text: 'x' })).body).toBe(
      'SUCCESS: notification queued - 1002|USER|2\n',
    );
  });

  it('NOTICE: Invalid notification date (no newline), then queued for now', async () => {
    const res = await notify({ recipient: '1000', recipient_type: 'USER', notification_text: 'x', notification_date: '2026-13-45 99:99:99' });
    expect(res.body).toBe('NOTICE: Invalid notification date 2026-13-45 99:99:99, changing to now' + 'SUCCESS: notification queued - 1000|USER|1\n');
    expect((await notifications())[0]!.notification_date).toBe(NOW);
  });

  it('calendar check: 29 February only in leap years', async () => {
    const bad = await notify({ recipient: '1000', recipient_type: 'USER', notification_text: 'x', notification_date: '2027-02-29 10:00:00' });
    expect(bad.body).toBe('NOTICE: Invalid notification date 2027-02-29 10:00:00, changing to now' + 'SUCCESS: notification queued - 1000|USER|1\n');
    const good = await notify({ recipient: '1000', recipient_type: 'USER', notification_text: 'x', notification_date: '2028-02-29 23:59:59' });
    expect(good.body).toBe('SUCCESS: notification queued - 1000|USER|2\n');
    expect((await notifications()).map((r) => r.notification_date)).toEqual([NOW, '2028-02-29 23:59:59']);
  });

  it('a date without the time part is invalid too', async () => {
    const res = await notify({ recipient: '1000', recipient_type: 'USER', notification_text: 'x', notification_date: '2026-12-01' });
    expect(res.body).toBe('NOTICE: Invalid notification date 2026-12-01, changing to now' + 'SUCCESS: notification queued - 1000|USER|1\n');
    expect((await notifications())[0]!.notification_date).toBe(NOW);
  });

  it('ERROR: invalid request (no text, no confetti; show_confetti must be Y exactly)', async () => {
    expect((await notify({ recipient: '1000', recipient_type: 'USER' })).body).toBe('ERROR: invalid request - 1000|USER\n');
    expect((await notify({ recipient: '1000', recipient_type: 'USER', show_confetti: 'y' })).body).toBe(
      'ERROR: invalid request - 1000|USER\n',
    );
    expect((await notify({ recipient: '1000', recipient_type: 'USER', show_confetti: 'N' })).body).toBe(
      'ERROR: invalid request - 1000|USER\n',
    );
    expect(await notifications()).toHaveLength(0);
  });

  it('the invalid-date NOTICE comes before the invalid-request ERROR', async () => {
    const res = await notify({ recipient: '1000', recipient_type: 'USER', notification_date: 'nonsense 1' });
    expect(res.body).toBe('NOTICE: Invalid notification date  1, changing to now' + 'ERROR: invalid request - 1000|USER\n');
  });
});

// ---------------------------------------------------------------------------
describe('webserver (§8.2)', () => {
  it('reports only agentgate’s version and uptime, byte for byte', async () => {
    h.clock.advance(90_000);
    const res = await h.api({ function: 'webserver' });
    expect(res.status).toBe(200);
    expect(res.body).toBe(
      '<PRE>Webserver Data:\n' +
        'server name: agentgate\n' +
        `agentgate version: ${AGENTGATE_VERSION}\n` +
        'agent API version: 2.14-82\n' +
        'agent API build: 250122-1010\n' +
        'uptime seconds: 90\n' +
        '</PRE>\n',
    );
    for (const leak of ['uname', 'php', 'apache', 'load average', 'disk free', 'memory limit', 'timezone'])
      expect(res.body.toLowerCase()).not.toContain(leak);
    const log = await h.lastLog();
    expect(log).toMatchObject({ function: 'webserver', result: 'SUCCESS' });
    expect(log.data).toBe(
      `server name: agentgate|agentgate version: ${AGENTGATE_VERSION}|agent API version: 2.14-82|agent API build: 250122-1010|uptime seconds: 90`,
    );
  });

  it('needs no agent_user and ignores one that is not logged in', async () => {
    const res = await h.api({ function: 'webserver', agent_user: '1001' });
    expect(res.body.startsWith('<PRE>Webserver Data:\n')).toBe(true);
  });

  it('permission denied uses the 3-field layout', async () => {
    const res = await h.api({ user: '6668', function: 'webserver', value: 'X', agent_user: '1000' });
    expect(res.body).toBe(`${DENIED}6668|webserver|ADMIN\n`);
  });
});

// ---------------------------------------------------------------------------
describe('recording (§8.27)', () => {
  async function where(user = '1000') {
    const a = await vla(user);
    return `${a.server_ip}|${a.conf_exten}|${a.status}`;
  }

  /**
   * After an accepted START: embedded, the back end replaced the command with the new recording's id, as
   * VICIdial's MonitorConf does (`check` sees the recording); drop-in, api.php's START<stage> waits in the
   * column for VICIdial's screen and back end, and no recording exists yet.
   */
  async function expectStarted(command: string, check: (recording: Record<string, unknown>) => void) {
    const recordings = await h.rows('recording_log');
    if (h.dropIn) {
      expect((await vla('1000')).external_recording).toBe(command);
      expect(recordings).toHaveLength(0);
      return;
    }
    check(recordings[0]!);
    expect((await vla('1000')).external_recording).toBe(String(recordings[0]!.recording_id));
  }

  it('START writes the command with the stage suffix cut to 14 characters, byte for byte', async () => {
    const res = await h.api({ function: 'recording', agent_user: '1000', value: 'START', stage: 'ABCDEFGHIJKLMNOPQR' });
    expect(res.body).toBe(`SUCCESS: recording function sent - 1000|START||||${await where()}\n`);
    await expectStarted('STARTABCDEFGHIJKLMN', (rec) => expect(String(rec.filename)).toMatch(/^\d{8}-\d{6}_1000ABCDEFGHIJKLMN$/));
    const log = await h.lastLog();
    expect(log).toMatchObject({ function: 'recording', result: 'SUCCESS', value: 'STARTABCDEFGHIJKLMN', agent_user: '1000' });
  });

  it('START without stage; works in any state (here on a call)', async () => {
    await h.startCall('1000', { leadId: 1 });
    const res = await h.api({ function: 'recording', agent_user: '1000', value: 'START' });
    expect(res.body).toBe(`SUCCESS: recording function sent - 1000|START||||${await where()}\n`);
    expect(res.body.endsWith('|INCALL\n')).toBe(true);
    await expectStarted('START', (rec) => expect(rec).toMatchObject({ lead_id: 1, user: '1000' }));
  });

  it('STOP with a recording id in the column', async () => {
    await h.exec(`update vicidial_live_agents set external_recording = '12345' where user = '1000'`);
    const res = await h.api({ function: 'recording', agent_user: '1000', value: 'STOP', stage: 'IGNORED' });
    expect(res.body).toBe(`SUCCESS: recording function sent - 1000|STOP||||${await where()}\n`);
    // StopMonitorConf blanks the column; drop-in, api.php's STOP waits there for VICIdial's screen.
    expect((await vla('1000')).external_recording).toBe(h.dropIn ? 'STOP' : '');
  });

  it('ERROR: stop recording error when the column is empty, STOP, or below 1', async () => {
    const w = await where();
    expect((await h.api({ function: 'recording', agent_user: '1000', value: 'STOP' })).body).toBe(
      `ERROR: stop recording error - 1000|||||${w}\n`,
    );
    for (const column of ['STOP', '0']) {
      await h.exec(`update vicidial_live_agents set external_recording = '${column}' where user = '1000'`);
      expect((await h.api({ function: 'recording', agent_user: '1000', value: 'STOP' })).body, column).toBe(
        `ERROR: stop recording error - 1000|${column}||||${w}\n`,
      );
      expect((await vla('1000')).external_recording).toBe(column);
    }
  });

  it('STOP after a pending START is accepted (PHP 8 comparison)', async () => {
    await h.exec(`update vicidial_live_agents set external_recording = 'START' where user = '1000'`);
    const res = await h.api({ function: 'recording', agent_user: '1000', value: 'STOP' });
    expect(res.body).toBe(`SUCCESS: recording function sent - 1000|STOP||||${await where()}\n`);
  });

  it('STATUS with a recording id: NOTICE: recording active', async () => {
    await h.exec(
      `insert into recording_log (channel, server_ip, extension, start_time, start_epoch, filename, location, lead_id, user) values ('Local/8600051@default', '10.9.9.9', '8600051', '2026-11-28 09:58:00', 1795852680, '20261128-095800_3125550101_1000', '', 1, '1000')`,
    );
    const [rec] = await h.rows('recording_log');
    const id = Number(rec!.recording_id);
    await h.exec(`update vicidial_live_agents set external_recording = '${id}' where user = '1000'`);
    const res = await h.api({ function: 'recording', agent_user: '1000', value: 'STATUS' });
    expect(res.body).toBe(
      `NOTICE: recording active - 1000|${id}|20261128-095800_3125550101_1000|10.9.9.9|2026-11-28 09:58:00|${await where()}\n`,
    );
    expect((await vla('1000')).external_recording).toBe(String(id));
    expect((await h.lastLog()).result).toBe('NOTICE');
  });

  it('STATUS without a recording: NOTICE: not recording (empty, START, STOP, unknown id)', async () => {
    const w = await where();
    expect((await h.api({ function: 'recording', agent_user: '1000', value: 'STATUS' })).body).toBe(
      `NOTICE: not recording - 1000|||||${w}\n`,
    );
    for (const column of ['START', 'STOP', '987']) {
      await h.exec(`update vicidial_live_agents set external_recording = '${column}' where user = '1000'`);
      expect((await h.api({ function: 'recording', agent_user: '1000', value: 'STATUS' })).body, column).toBe(
        `NOTICE: not recording - 1000|||||${w}\n`,
      );
      expect((await vla('1000')).external_recording).toBe(column);
    }
  });

  it('ERROR: recording not valid', async () => {
    expect((await h.api({ function: 'recording', agent_user: '1000', value: 'PLAY' })).body).toBe('ERROR: recording not valid - PLAY|1000\n');
    expect((await h.api({ function: 'recording', agent_user: '1000' })).body).toBe('ERROR: recording not valid - |1000\n');
  });

  it('permission denied (value layout)', async () => {
    const res = await h.api({ user: '6668', function: 'recording', agent_user: '1000', value: 'START' });
    expect(res.body).toBe(`${DENIED}START|6668|recording|ADMIN\n`);
    expect((await vla('1000')).external_recording).toBe('');
  });

  it('ERROR: agent_user is not logged in', async () => {
    const res = await h.api({ function: 'recording', agent_user: '1001', value: 'START' });
    expect(res.body).toBe('ERROR: agent_user is not logged in - 1001\n');
  });

  it('accepts alt_user', async () => {
    await h.exec(`update vicidial_users set custom_three = 'CRMX' where user = '1000'`);
    const res = await h.api({ function: 'recording', alt_user: 'CRMX', value: 'START' });
    expect(res.body).toBe(`SUCCESS: recording function sent - 1000|START||||${await where()}\n`);
  });

  it('API List Restrict: agent outside the group is refused', async () => {
    const res = await h.api({ user: '6669', function: 'recording', agent_user: '1000', value: 'START' });
    expect(res.body).toBe('ERROR: agent_user is in a campaign not allowed for this user - 1000||6669\n');
    expect((await vla('1000')).external_recording).toBe('');
  });
});

