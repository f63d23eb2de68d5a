/**
 * change_ingroups (agent-api.md §8.10) and calls_in_queue_count (§8.23),
 * with the permission order of permissions.md §1, §3, §6.
 * Demo start: agent 1000 in TESTCAMP (allows inbound, RATIO) taking TESTIN;
 * the in-groups TESTIN and SALESLINE exist.
 */
import { describe, expect, it } from 'vitest';
import { agentRows, DENIED, NOW } from '../support/agent-api.js';
import { harnessForEachTest } from '../support/harness.js';

const h = harnessForEachTest();

const { vla, liveGroups, userRow } = agentRows(h);

const change = (params: Record<string, string>) =>
  h.api({ function: 'change_ingroups', agent_user: '1000', blended: 'NO', ...params });

// ---------------------------------------------------------------------------
describe('change_ingroups (§8.10)', () => {
  it('starts from the demo state the tests rely on', async () => {
    expect((await vla('1000')).closer_campaigns).toBe(' TESTIN -');
    expect(await liveGroups('1000')).toEqual(['TESTIN']);
  });

  it('CHANGE replaces the in-groups, byte for byte, with every column and row it touches', async () => {
    const res = await change({ value: 'CHANGE', ingroup_choices: ' SALESLINE -' });
    expect(res.status).toBe(200);
    expect(res.body).toBe('SUCCESS: change_ingroups function set - 6666|1000| SALESLINE -|NO|\n');

    const agent = await vla('1000');
    expect(agent.external_ingroups).toBe(' SALESLINE -');
    expect(agent.external_blended).toBe('0');
    expect(agent.external_igb_set_user).toBe('6666');
    // agentgate applies the change at once, as the agent screen's poll would, and leaves api.php's SET
    expect(agent.manager_ingroup_set).toBe('SET');
    // Drop-in: closer_campaigns, outbound_autodial and vicidial_user_closer_log are that poll's, VICIdial's.
    expect(agent.closer_campaigns).toBe(h.dropIn ? ' TESTIN -' : ' SALESLINE -');
    expect(agent.outbound_autodial).toBe(h.dropIn ? 'Y' : 'N');

    expect(await liveGroups('1000')).toEqual(['SALESLINE']);
    const [vlia] = await h.rows('vicidial_live_inbound_agents', { user: '1000', group_id: 'SALESLINE' });
    expect(vlia).toMatchObject({
      group_weight: 0,
      group_grade: 0,
      calls_today: 0,
      calls_today_filtered: 0,
      daily_limit: -1,
      last_call_time: NOW,
      last_call_finish: NOW,
    });

    const closerLog = await h.rows('vicidial_user_closer_log', { user: '1000' });
    expect(closerLog).toHaveLength(h.dropIn ? 0 : 1);
    if (!h.dropIn) expect(closerLog[0]).toMatchObject({ closer_campaigns: ' SALESLINE -', manager_change: '6666', blended: '0', campaign_id: 'TESTCAMP' });

    // not the default: the user row and the admin log are untouched
    expect((await userRow('1000')).closer_campaigns).toBe(' TESTIN -');
    expect(await h.rows('vicidial_admin_log')).toHaveLength(0);
    expect(await h.lastLog()).toMatchObject({ function: 'change_ingroups', result: 'SUCCESS', agent_user: '1000' });
  });

  it('CHANGE with ingroup_choices written with + for spaces (URL form) works the same', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/agc/api.php?source=test&user=6666&pass=1234&function=change_ingroups&agent_user=1000&blended=NO&value=CHANGE&ingroup_choices=+TESTIN+SALESLINE+-',
    });
    expect(res.body).toBe('SUCCESS: change_ingroups function set - 6666|1000| TESTIN SALESLINE -|NO|\n');
    expect(await liveGroups('1000')).toEqual(['SALESLINE', 'TESTIN']);
  });

  it('ADD appends new groups without duplicates and rebuilds the list', async () => {
    const res = await change({ value: 'ADD', ingroup_choices: ' SALESLINE TESTIN -' });
    expect(res.body).toBe('SUCCESS: change_ingroups function set - 6666|1000| TESTIN SALESLINE -|NO|\n');
    expect((await vla('1000')).external_ingroups).toBe(' TESTIN SALESLINE -');
    expect(await liveGroups('1000')).toEqual(['SALESLINE', 'TESTIN']);
    // the existing TESTIN row is kept, not duplicated
    expect(await h.rows('vicidial_live_inbound_agents', { user: '1000', group_id: 'TESTIN' })).toHaveLength(1);
  });

  it('REMOVE takes the groups out of the current list and deletes their live rows', async () => {
    await change({ value: 'CHANGE', ingroup_choices: ' TESTIN SALESLINE -' });
    // Drop-in: REMOVE starts from closer_campaigns, which VICIdial's screen sets from the CHANGE on its poll.
    if (h.dropIn) await h.screenChange('1000', { closerCampaigns: ' TESTIN SALESLINE -' });
    const res = await change({ value: 'REMOVE', ingroup_choices: ' TESTIN -' });
    expect(res.body).toBe('SUCCESS: change_ingroups function set - 6666|1000| SALESLINE -|NO|\n');
    expect((await vla('1000'))[h.dropIn ? 'external_ingroups' : 'closer_campaigns']).toBe(' SALESLINE -');
    expect(await liveGroups('1000')).toEqual(['SALESLINE']);
  });

  it('REMOVE of the only group leaves an empty list and no live rows', async () => {
    const res = await change({ value: 'REMOVE', ingroup_choices: ' TESTIN -' });
    expect(res.body).toBe('SUCCESS: change_ingroups function set - 6666|1000| -|NO|\n');
    expect(await liveGroups('1000')).toEqual([]);
  });

  it('any other word of 3+ capitals behaves like CHANGE', async () => {
    const res = await change({ value: 'SWAP', ingroup_choices: ' SALESLINE -' });
    expect(res.body).toBe('SUCCESS: change_ingroups function set - 6666|1000| SALESLINE -|NO|\n');
    expect(await liveGroups('1000')).toEqual(['SALESLINE']);
  });

  it('the item before the leading space is ignored everywhere, so an unknown one cannot slip in', async () => {
    const res = await change({ value: 'CHANGE', ingroup_choices: 'NOPE SALESLINE -' });
    expect(res.body).toBe('SUCCESS: change_ingroups function set - 6666|1000| SALESLINE -|NO|\n');
    expect(await liveGroups('1000')).toEqual(['SALESLINE']);
    const agent = await vla('1000');
    expect(agent.closer_campaigns).toBe(h.dropIn ? ' TESTIN -' : ' SALESLINE -'); // drop-in: the poll's
    expect(agent.external_ingroups).toBe(' SALESLINE -');
  });

  it('CHANGE with an empty list removes every in-group', async () => {
    const res = await change({ value: 'CHANGE', ingroup_choices: '' });
    expect(res.body).toBe('SUCCESS: change_ingroups function set - 6666|1000||NO|\n');
    expect(await liveGroups('1000')).toEqual([]);
  });

  it('blended=YES sets external_blended and outbound autodial on a dialling campaign', async () => {
    const res = await change({ value: 'CHANGE', ingroup_choices: ' TESTIN -', blended: 'YES' });
    expect(res.body).toBe('SUCCESS: change_ingroups function set - 6666|1000| TESTIN -|YES|\n');
    const agent = await vla('1000');
    expect(agent.external_blended).toBe('1');
    expect(agent.outbound_autodial).toBe('Y');
  });

  it('copies weight, grade and counters from vicidial_inbound_group_agents', async () => {
    await h.exec(
      `insert into vicidial_inbound_group_agents (user, group_id, group_weight, group_grade, calls_today, calls_today_filtered, daily_limit) values ('1000', 'SALESLINE', 3, 7, 5, 4, 20)`,
    );
    await change({ value: 'ADD', ingroup_choices: ' SALESLINE -' });
    const [row] = await h.rows('vicidial_live_inbound_agents', { user: '1000', group_id: 'SALESLINE' });
    expect(row).toMatchObject({ group_weight: 3, group_grade: 7, calls_today: 5, calls_today_filtered: 4, daily_limit: 20 });
  });

  it('refreshes an in-group row that already exists (INSERT … ON DUPLICATE KEY UPDATE), keeping its call times', async () => {
    // 1000 already has a live TESTIN row (defaults) from its login; now the admin gives it weight and a limit
    await h.exec(
      `insert into vicidial_inbound_group_agents (user, group_id, group_weight, group_grade, calls_today, calls_today_filtered, daily_limit) values ('1000', 'TESTIN', 4, 9, 2, 1, 50)`,
    );
    await h.exec(`update vicidial_live_inbound_agents set last_call_time = '2026-11-28 09:00:00' where user = '1000'`);
    const res = await change({ value: 'ADD', ingroup_choices: ' SALESLINE -' });
    expect(res.body).toBe('SUCCESS: change_ingroups function set - 6666|1000| TESTIN SALESLINE -|NO|\n');
    const [row] = await h.rows('vicidial_live_inbound_agents', { user: '1000', group_id: 'TESTIN' });
    expect(row).toMatchObject({ group_weight: 4, group_grade: 9, calls_today: 2, calls_today_filtered: 1, daily_limit: 50 });
    expect(row!.last_call_time).toBe('2026-11-28 09:00:00');
  });

  it('set_as_default=YES writes vicidial_users and one vicidial_admin_log row', async () => {
    const res = await change({ value: 'CHANGE', ingroup_choices: ' TESTIN SALESLINE -', blended: 'YES', set_as_default: 'YES' });
    expect(res.body).toBe('SUCCESS: change_ingroups function set - 6666|1000| TESTIN SALESLINE -|YES|User settings set as default\n');
    const user = await userRow('1000');
    expect(user.closer_campaigns).toBe(' TESTIN SALESLINE -');
    expect(user.closer_default_blended).toBe('1');
    const admin = await h.rows('vicidial_admin_log');
    expect(admin).toHaveLength(1);
    expect(admin[0]).toMatchObject({
      user: '6666',
      event_section: 'USERS',
      event_type: 'MODIFY',
      record_id: '1000',
      event_code: 'API MODIFY USER',
      event_date: NOW,
    });
    expect(String(admin[0]!.event_sql)).toContain(' TESTIN SALESLINE -');
    // other users untouched
    expect((await userRow('1001')).closer_campaigns).toBe(' TESTIN -');
  });

  it('set_as_default=YES with blended=NO stores closer_default_blended 0', async () => {
    await h.exec(`update vicidial_users set closer_default_blended = '1' where user = '1000'`);
    const res = await change({ value: 'ADD', ingroup_choices: ' SALESLINE -', set_as_default: 'YES' });
    expect(res.body).toBe('SUCCESS: change_ingroups function set - 6666|1000| TESTIN SALESLINE -|NO|User settings set as default\n');
    expect((await userRow('1000')).closer_default_blended).toBe('0');
  });

  it('set_as_default other than YES does not write the default', async () => {
    const res = await change({ value: 'CHANGE', ingroup_choices: ' SALESLINE -', set_as_default: 'NO' });
    expect(res.body).toBe('SUCCESS: change_ingroups function set - 6666|1000| SALESLINE -|NO|\n');
    expect((await userRow('1000')).closer_campaigns).toBe(' TESTIN -');
    expect(await h.rows('vicidial_admin_log')).toHaveLength(0);
  });

  it('ERROR: change_ingroups not valid (blended < 2, agent_user < 2, value < 3 capitals)', async () => {
    expect((await h.api({ function: 'change_ingroups', agent_user: '1000', value: 'CHANGE', ingroup_choices: ' TESTIN -' })).body).toBe(
      'ERROR: change_ingroups not valid - CHANGE|| TESTIN -|1000\n',
    );
    expect((await change({ agent_user: '1', value: 'CHANGE', ingroup_choices: ' TESTIN -' })).body).toBe(
      'ERROR: change_ingroups not valid - CHANGE|NO| TESTIN -|1\n',
    );
    expect((await change({ value: 'AD', ingroup_choices: ' TESTIN -' })).body).toBe('ERROR: change_ingroups not valid - AD|NO| TESTIN -|1000\n');
    // value is reduced to [A-Z]: lower case letters do not count
    expect((await change({ value: 'add', ingroup_choices: ' TESTIN -' })).body).toBe('ERROR: change_ingroups not valid - |NO| TESTIN -|1000\n');
    expect(await liveGroups('1000')).toEqual(['TESTIN']);
  });

  it('permission denied (value layout), before the logged-in test', async () => {
    const res = await h.api({ user: '6668', function: 'change_ingroups', agent_user: '1001', blended: 'NO', value: 'CHANGE', ingroup_choices: ' SALESLINE -' });
    expect(res.body).toBe(`${DENIED}CHANGE|6668|change_ingroups|ADMIN\n`);
    expect(await liveGroups('1000')).toEqual(['TESTIN']);
  });

  it('ERROR: agent_user is not logged in', async () => {
    const res = await change({ agent_user: '1001', value: 'CHANGE', ingroup_choices: ' SALESLINE -' });
    expect(res.body).toBe('ERROR: agent_user is not logged in - 1001\n');
  });

  it('ERROR: campaign does not allow inbound calls (checked before change_agent_campaign)', async () => {
    await h.login('1002', 'OTHERCMP');
    await h.exec(`update vicidial_users set change_agent_campaign = '0' where user = '6666'`);
    const res = await change({ agent_user: '1002', value: 'CHANGE', ingroup_choices: ' SALESLINE -' });
    expect(res.body).toBe('ERROR: campaign does not allow inbound calls - 1002\n');
    expect(await liveGroups('1002')).toEqual([]);
  });

  it('ERROR: user is not allowed to change agent in-groups', async () => {
    await h.exec(`update vicidial_users set change_agent_campaign = '0' where user = '6666'`);
    const res = await change({ value: 'CHANGE', ingroup_choices: ' SALESLINE -' });
    expect(res.body).toBe('ERROR: user is not allowed to change agent in-groups - 6666\n');
    expect(await liveGroups('1000')).toEqual(['TESTIN']);
    expect((await vla('1000')).external_ingroups).toBe('');
  });

  it('ERROR: campaign dial_method does not allow outbound autodial (MANUAL and INBOUND_MAN with blended=YES)', async () => {
    for (const method of ['MANUAL', 'INBOUND_MAN']) {
      await h.exec(`update vicidial_campaigns set dial_method = '${method}' where campaign_id = 'TESTCAMP'`);
      const res = await change({ value: 'CHANGE', ingroup_choices: ' SALESLINE -', blended: 'YES' });
      expect(res.body, method).toBe('ERROR: campaign dial_method does not allow outbound autodial - 1000|YES\n');
    }
    expect(await liveGroups('1000')).toEqual(['TESTIN']);
    // blended=NO is fine on a manual campaign
    const ok = await change({ value: 'CHANGE', ingroup_choices: ' SALESLINE -' });
    expect(ok.body).toBe('SUCCESS: change_ingroups function set - 6666|1000| SALESLINE -|NO|\n');
  });

  it('ERROR: ingroup does not exist (stops, nothing written)', async () => {
    const res = await change({ value: 'ADD', ingroup_choices: ' SALESLINE NOPE -' });
    expect(res.body).toBe('ERROR: ingroup does not exist - 1000|NOPE| SALESLINE NOPE -\n');
    expect(await liveGroups('1000')).toEqual(['TESTIN']);
    expect((await vla('1000')).closer_campaigns).toBe(' TESTIN -');
  });

  it('an inactive in-group is accepted (active is not checked)', async () => {
    await h.exec(`update vicidial_inbound_groups set active = 'N' where group_id = 'SALESLINE'`);
    const res = await change({ value: 'ADD', ingroup_choices: ' SALESLINE -' });
    expect(res.body).toBe('SUCCESS: change_ingroups function set - 6666|1000| TESTIN SALESLINE -|NO|\n');
  });

  it('ERROR: ingroup_choices are required for ADD and REMOVE values', async () => {
    expect((await change({ value: 'ADD', ingroup_choices: '' })).body).toBe(
      'ERROR: ingroup_choices are required for ADD and REMOVE values - 1000|ADD|\n',
    );
    expect((await change({ value: 'REMOVE', ingroup_choices: ' -' })).body).toBe(
      'ERROR: ingroup_choices are required for ADD and REMOVE values - 1000|REMOVE| -\n',
    );
    expect(await liveGroups('1000')).toEqual(['TESTIN']);
  });

  it('API List Restrict: agent outside the group is refused', async () => {
    const res = await h.api({ user: '6669', function: 'change_ingroups', agent_user: '1000', blended: 'NO', value: 'CHANGE', ingroup_choices: ' SALESLINE -' });
    expect(res.body).toBe('ERROR: agent_user is in a campaign not allowed for this user - 1000||6669\n');
    expect(await liveGroups('1000')).toEqual(['TESTIN']);
  });

  it('does not honour alt_user', async () => {
    await h.exec(`update vicidial_users set custom_three = 'CRMX' where user = '1000'`);
    const res = await h.api({ function: 'change_ingroups', alt_user: 'CRMX', agent_user: '10', blended: 'NO', value: 'CHANGE', ingroup_choices: ' SALESLINE -' });
    expect(res.body).toBe('ERROR: agent_user is not logged in - 10\n');
    expect(await liveGroups('1000')).toEqual(['TESTIN']);
  });
});

// ---------------------------------------------------------------------------
describe('calls_in_queue_count (§8.23)', () => {
  let seq = 0;
  async function waiting(campaignId: string, status = 'LIVE', agentOnly = ''): Promise<void> {
    seq += 1;
    await h.exec(
      `insert into vicidial_auto_calls (server_ip, campaign_id, status, lead_id, uniqueid, callerid, call_type, agent_only) values ('10.0.0.9', '${campaignId}', '${status}', ${seq}, '1764.${seq}', 'Y11281000000000000${String(seq).padStart(2, '0')}', 'IN', '${agentOnly}')`,
    );
  }

  it('answers 0 with no newline when nothing waits', async () => {
    const res = await h.api({ function: 'calls_in_queue_count', agent_user: '1000', value: 'DISPLAY' });
    expect(res.status).toBe(200);
    expect(res.body).toBe('SUCCESS: calls_in_queue_count - 0');
  });

  it('counts LIVE calls of the agent’s campaign and selected in-groups only', async () => {
    await waiting('TESTCAMP');
    await waiting('TESTIN');
    await waiting('TESTIN');
    await waiting('SALESLINE'); // not selected by 1000
    await waiting('OTHERCMP'); // other campaign
    await waiting('TESTIN', 'XFER'); // not waiting
    await waiting('TESTCAMP', 'RINGING'); // not waiting
    const res = await h.api({ function: 'calls_in_queue_count', agent_user: '1000', value: 'DISPLAY' });
    expect(res.body).toBe('SUCCESS: calls_in_queue_count - 3');
    const log = await h.lastLog();
    expect(log).toMatchObject({ function: 'calls_in_queue_count', result: 'SUCCESS', agent_user: '1000' });
    expect(log.result_reason).toBe('SUCCESS: calls_in_queue_count - 3');
  });

  it('follows a change_ingroups at once', async () => {
    await waiting('TESTIN');
    await waiting('SALESLINE');
    await waiting('SALESLINE');
    await change({ value: 'CHANGE', ingroup_choices: ' SALESLINE -' });
    const res = await h.api({ function: 'calls_in_queue_count', agent_user: '1000', value: 'DISPLAY' });
    // Drop-in: the count reads closer_campaigns, which VICIdial's screen changes on its next poll.
    expect(res.body).toBe(`SUCCESS: calls_in_queue_count - ${h.dropIn ? 1 : 2}`);
  });

  it('ignores the agent’s own live call (status XFER)', async () => {
    await h.startCall('1000', { leadId: 1, kind: 'INBOUND' });
    await waiting('TESTIN');
    const res = await h.api({ function: 'calls_in_queue_count', agent_user: '1000', value: 'DISPLAY' });
    expect(res.body).toBe('SUCCESS: calls_in_queue_count - 1');
  });

  it('with AGENTDIRECT selected, counts AGENTDIRECT calls meant for this agent', async () => {
    await h.exec(`update vicidial_live_agents set closer_campaigns = ' TESTIN AGENTDIRECT -' where user = '1000'`);
    await waiting('AGENTDIRECT_CHAT', 'LIVE', '1000');
    await waiting('AGENTDIRECT_CHAT', 'LIVE', '1001');
    await waiting('TESTIN');
    const res = await h.api({ function: 'calls_in_queue_count', agent_user: '1000', value: 'DISPLAY' });
    expect(res.body).toBe('SUCCESS: calls_in_queue_count - 2');
  });

  it('without AGENTDIRECT selected, AGENTDIRECT calls are not counted', async () => {
    await waiting('AGENTDIRECT_CHAT', 'LIVE', '1000');
    const res = await h.api({ function: 'calls_in_queue_count', agent_user: '1000', value: 'DISPLAY' });
    expect(res.body).toBe('SUCCESS: calls_in_queue_count - 0');
  });

  it('accepts alt_user', async () => {
    await h.exec(`update vicidial_users set custom_three = 'CRMX' where user = '1000'`);
    await waiting('TESTCAMP');
    const res = await h.api({ function: 'calls_in_queue_count', alt_user: 'CRMX', value: 'DISPLAY' });
    expect(res.body).toBe('SUCCESS: calls_in_queue_count - 1');
  });

  it('ERROR: calls_in_queue_count not valid (value must be DISPLAY exactly)', async () => {
    expect((await h.api({ function: 'calls_in_queue_count', agent_user: '1000', value: 'display' })).body).toBe(
      'ERROR: calls_in_queue_count not valid - display|1000\n',
    );
    expect((await h.api({ function: 'calls_in_queue_count', agent_user: '1000' })).body).toBe(
      'ERROR: calls_in_queue_count not valid - |1000\n',
    );
  });

  it('permission denied (value layout)', async () => {
    const res = await h.api({ user: '6668', function: 'calls_in_queue_count', agent_user: '1000', value: 'DISPLAY' });
    expect(res.body).toBe(`${DENIED}DISPLAY|6668|calls_in_queue_count|ADMIN\n`);
  });

  it('ERROR: agent_user is not logged in', async () => {
    const res = await h.api({ function: 'calls_in_queue_count', agent_user: '1001', value: 'DISPLAY' });
    expect(res.body).toBe('ERROR: agent_user is not logged in - 1001\n');
  });

  it('API List Restrict: agent outside the group is refused, inside is counted', async () => {
    expect((await h.api({ user: '6669', function: 'calls_in_queue_count', agent_user: '1000', value: 'DISPLAY' })).body).toBe(
      'ERROR: agent_user is in a campaign not allowed for this user - 1000||6669\n',
    );
    await h.login('1002', 'OTHERCMP');
    await waiting('OTHERCMP');
    expect((await h.api({ user: '6669', function: 'calls_in_queue_count', agent_user: '1002', value: 'DISPLAY' })).body).toBe(
      'SUCCESS: calls_in_queue_count - 1',
    );
  });
});
