/**
 * The non-agent reports, byte for byte, over the demo's live session and its
 * morning of call history (src/demo/seed-non-agent.ts); and the user-group
 * scoping agentgate applies also where VICIdial forgets it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_FLAGS, seedCallHistory } from '../../src/demo/seed-non-agent.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  // A level-9 administrator of TEAM_B: sees OTHERCMP and TEAM_B only.
  // Yesterday morning's history: today's belongs to the sessions the tests start.
  await seedCallHistory(h.services.store, new Date('2026-11-27T10:00:00'));
  await h.services.store.users.insert({ ...ADMIN_FLAGS, user: '7002', ...(await h.storedPassword('1234')), full_name: 'Team B admin', user_group: 'TEAM_B' });
});
afterAll(() => h.close());
beforeEach(async () => {
  h.clock.set(new Date('2026-11-28T18:00:00Z'));
  // Each test starts from agent 1000 freshly logged into TESTCAMP, on a known session id.
  await h.logout('1000');
  await h.login('1000', 'TESTCAMP');
  await h.exec(`update vicidial_live_agents set conf_exten = '8600051' where user = '1000'`);
});

const teamB = (params: Record<string, string>) => h.nonAgent({ user: '7002', ...params });
const DAY = { datetime_start: '2026-11-27 00:00:00', datetime_end: '2026-11-27 23:59:59' };

describe('agent_status', () => {
  it('prints the session, with a header when asked', async () => {
    const res = await h.nonAgent({ function: 'agent_status', agent_user: '1000', header: 'YES' });
    expect(res.body).toBe(
      'status|callerid|lead_id|campaign_id|calls_today|full_name|user_group|user_level|pause_code|real_time_sub_status|phone_number|vendor_lead_code|session_id\n' +
        'PAUSED||0|TESTCAMP|0|Agent 1000|AGENTS|1|||||8600051\n',
    );
  });

  it('shows the lead, the caller id and DISPO once a call has ended; tab-separated with stage=tab', async () => {
    await h.startCall('1000', { leadId: 2 });
    await h.endCall('1000');
    const res = await h.nonAgent({ function: 'agent_status', agent_user: '1000', stage: 'tab' });
    expect(res.body).toBe(['PAUSED', '', '2', 'TESTCAMP', '1', 'Agent 1000', 'AGENTS', '1', '', 'DISPO', '3125550102', 'V0102', '8600051'].join('\t') + '\n');
  });

  it('refuses an empty agent, one outside the viewable groups, and one not logged in', async () => {
    expect((await h.nonAgent({ function: 'agent_status' })).body).toBe('ERROR: agent_status INVALID SEARCH PARAMETERS: 6000|\n');
    expect((await teamB({ function: 'agent_status', agent_user: '1000' })).body).toBe('ERROR: agent_status AGENT NOT FOUND: 7002|1000\n');
    expect((await h.nonAgent({ function: 'agent_status', agent_user: '1001' })).body).toBe('ERROR: agent_status AGENT NOT LOGGED IN: 6000|1001\n');
  });
});

describe('logged_in_agents, user_group_status, in_group_status', () => {
  it('lists the agents, with sub-status', async () => {
    const res = await h.nonAgent({ function: 'logged_in_agents', header: 'YES', show_sub_status: 'YES' });
    expect(res.body).toBe(
      'user|campaign_id|session_id|status|lead_id|callerid|calls_today|full_name|user_group|user_level|pause_code|sub_status\n' +
        '1000|TESTCAMP|8600051|PAUSED|0||0|Agent 1000|AGENTS|1||\n',
    );
  });

  it('sees only the agents of allowed campaigns and viewable groups', async () => {
    expect((await teamB({ function: 'logged_in_agents' })).body).toBe('ERROR: logged_in_agents NO LOGGED IN AGENTS: 7002|\n');
    expect((await h.nonAgent({ function: 'logged_in_agents', campaigns: 'OTHERCMP' })).body).toBe('ERROR: logged_in_agents NO LOGGED IN AGENTS: 6000|\n');
  });

  it('counts a user group', async () => {
    const res = await h.nonAgent({ function: 'user_group_status', user_groups: 'AGENTS|TEAM_B', header: 'YES', stage: 'csv' });
    expect(res.body).toBe(
      'usergroups,calls_waiting,agents_logged_in,agents_in_calls,agents_waiting,agents_paused,agents_in_dead_calls,agents_in_dispo,agents_in_dial\n' +
        'AGENTS TEAM_B,0,1,0,0,1,0,0,0\n',
    );
    expect((await h.nonAgent({ function: 'user_group_status' })).body).toBe('ERROR: user_group_status INVALID SEARCH PARAMETERS: 6000|\n');
  });

  it('counts an in-group, with the agent on a live inbound call', async () => {
    await h.startCall('1000', { leadId: 3, kind: 'INBOUND' });
    const res = await h.nonAgent({ function: 'in_group_status', in_groups: 'TESTIN' });
    expect(res.body).toBe('TESTIN|1|0|1|1|0|0|0|0\n');
    await h.endCall('1000');
  });

  it('in_group_status counts agents by their in-group rows, as VICIdial does, not by closer_campaigns', async () => {
    // A session row written by a program that adds no vicidial_live_inbound_agents rows (VICIdial's screen writes both).
    await h.exec(`delete from vicidial_live_inbound_agents where user = '1000'`);
    expect((await h.rows('vicidial_live_agents', { user: '1000' }))[0]?.closer_campaigns).toBe(' TESTIN -');
    expect((await h.nonAgent({ function: 'in_group_status', in_groups: 'TESTIN' })).body).toBe('TESTIN|0|0|0|0|0|0|0|0\n');
    await h.exec(`insert into vicidial_live_inbound_agents (user, group_id) values ('1000', 'TESTIN')`);
    expect((await h.nonAgent({ function: 'in_group_status', in_groups: 'TESTIN' })).body).toBe('TESTIN|0|0|1|0|0|1|0|0\n');
  });
});

describe('agent_stats_export', () => {
  it('one agent, one call with pause and wait time: the figures of docs/compatibility.md', async () => {
    await h.services.store.reports.insertAgentLog({
      user: '1002', server_ip: '127.0.0.1', event_time: '2026-11-26 09:00:00', lead_id: 3, campaign_id: 'TESTCAMP', pause_epoch: 1795683600,
      pause_sec: 30, wait_sec: 20, talk_sec: 120, dispo_sec: 15, dead_sec: 5, sub_status: '', user_group: 'TEAM_B', uniqueid: '',
    });
    const res = await h.nonAgent({ function: 'agent_stats_export', datetime_start: '2026-11-26 00:00:00', datetime_end: '2026-11-26 23:59:59', agent_user: '1002' });
    // VICIdial prints 1002|Agent 1002|TEAM_B|1|0:03:20|0:01:55|0:00:00|0:00:20|100%|30|1|0:03:20|1|0:00:30|15%|1|0:00:20|0:02:00|0:00:30|0:00:05:
    // it adds the first row's dispo_sec twice (login_time, avg_session, pause_pct, dispo_time) and divides the previous
    // agent's printed customer time, none for the first agent, for avg_talk_time. agentgate counts each once.
    expect(res.body).toBe('1002|Agent 1002|TEAM_B|1|0:03:05|0:01:55|0:01:55|0:00:20|100%|30|1|0:03:05|1|0:00:30|16.2%|1|0:00:20|0:02:00|0:00:15|0:00:05\n');
  });


  it('sums the agent log', async () => {
    const res = await h.nonAgent({ function: 'agent_stats_export', ...DAY, header: 'YES' });
    expect(res.body).toBe(
      'user|full_name|user_group|calls|login_time|total_talk_time|avg_talk_time|avg_wait_time|pct_of_queue|pause_time|sessions|avg_session|pauses|avg_pause_time|pause_pct|pauses_per_session|wait_time|talk_time|dispo_time|dead_time\n' +
        '1001|Agent 1001|AGENTS|3|0:13:15|0:05:45|0:01:55|0:00:20|100%|330|1|0:13:15|4|0:01:23|41.5%|4|0:01:00|0:06:00|0:00:45|0:00:15\n',
    );
  });

  it('groups by campaign and prints seconds with time_format=S', async () => {
    const res = await h.nonAgent({ function: 'agent_stats_export', ...DAY, group_by_campaign: 'YES', time_format: 'S' });
    expect(res.body).toBe('TESTCAMP|1001|Agent 1001|AGENTS|3|795|345|115|20|100%|330|1|795|4|83|41.5%|4|60|360|45|15\n');
  });

  it('refuses malformed dates and says when nothing matched', async () => {
    const bad = await h.nonAgent({ function: 'agent_stats_export', datetime_start: '2026-13-01 00:00:00', datetime_end: '2026-11-28 23:59:59' });
    expect(bad.body).toBe('ERROR: agent_stats_export INVALID SEARCH PARAMETERS: 6000||2026-13-01 00:00:00|2026-11-28 23:59:59|\n');
    const none = await h.nonAgent({ function: 'agent_stats_export', ...DAY, agent_user: '1002' });
    expect(none.body).toBe('ERROR: agent_stats_export NO RECORDS FOUND - 6000|1002|2026-11-27 00:00:00|2026-11-27 23:59:59|\n');
  });

  it('applies the allowed campaigns (VICIdial does not)', async () => {
    expect((await teamB({ function: 'agent_stats_export', ...DAY })).body).toBe(
      'ERROR: agent_stats_export NO RECORDS FOUND - 7002||2026-11-27 00:00:00|2026-11-27 23:59:59|\n',
    );
  });
});

describe('callid_info', () => {
  it('prints the customer time and, with detail, the call', async () => {
    expect((await h.nonAgent({ function: 'callid_info', call_id: 'V1128090000000000001' })).body).toBe('V1128090000000000001|115\n');
    const res = await h.nonAgent({ function: 'callid_info', call_id: 'Y1128092000000000003', detail: 'YES', header: 'YES' });
    expect(res.body).toBe(
      'call_id|custtime|call_date|phone|call_type|campaign_id|list_id|status|user\nY1128092000000000003|115|2026-11-27 09:00:00|3125550103|INBOUND|TESTIN|101|SALE|1001\n',
    );
  });

  it('refuses a malformed id and an unknown one', async () => {
    expect((await h.nonAgent({ function: 'callid_info', call_id: 'Q1128090000000000001' })).body).toBe('ERROR: callid_info INVALID SEARCH PARAMETERS: 6000|Q1128090000000000001\n');
    expect((await h.nonAgent({ function: 'callid_info', call_id: 'V1128090000000009999' })).body).toBe('ERROR: callid_info CALL NOT FOUND: 6000|\n');
  });

  it('hides calls of campaigns outside the group (VICIdial does not)', async () => {
    expect((await teamB({ function: 'callid_info', call_id: 'V1128090000000000001' })).body).toBe('ERROR: callid_info CALL NOT FOUND: 7002|\n');
  });
});

describe('call_status_stats and call_dispo_report', () => {
  const zeros = (hits: Record<string, number>) =>
    Array.from({ length: 24 }, (_, i) => `${String(i).padStart(2, '0')}-${hits[String(i).padStart(2, '0')] ?? 0}`).join(',');

  it('counts calls per campaign and in-group by hour and status', async () => {
    const res = await h.nonAgent({ function: 'call_status_stats', campaigns: 'TESTCAMP', query_date: '2026-11-27' });
    expect(res.body).toBe(
      `TESTCAMP|2|0|${zeros({ '08': 2 })}|NI-1,SALE-1|\nSALESLINE|0|0|${zeros({})}||\nTESTIN|1|0|${zeros({ '09': 1 })}|SALE-1|\n`,
    );
  });

  it('counts human-answered statuses', async () => {
    await h.exec(`update vicidial_statuses set human_answered = 'Y' where status = 'SALE'`);
    const res = await h.nonAgent({ function: 'call_status_stats', campaigns: 'TESTCAMP', ingroups: 'NONE', query_date: '2026-11-27' });
    expect(res.body).toBe(`TESTCAMP|2|1|${zeros({ '08': 2 })}|NI-1,SALE-1|\nNONE|0|0|${zeros({})}||\n`);
    await h.exec(`update vicidial_statuses set human_answered = 'N' where status = 'SALE'`);
  });

  it('reports dispositions as CSV without a final newline', async () => {
    const res = await h.nonAgent({ function: 'call_dispo_report', campaigns: 'TESTCAMP', ingroups: 'TESTIN', query_date: '2026-11-27', status_breakdown: '1', show_percentages: '1' });
    expect(res.body).toBe('CAMPAIGN,TOTAL CALLS,NI,SALE\nTESTCAMP,2,1 (50.0%),1 (50.0%)\nTESTIN,1,0 (0.0%),1 (100.0%)\nTOTAL,3,1 (33.3%),2 (66.7%)');
    expect(res.headers['content-type']).toBe('text/plain');
    const file = await h.nonAgent({ function: 'call_dispo_report', campaigns: 'TESTCAMP', query_date: '2026-11-27', file_download: '1' });
    expect(file.body).toBe('CAMPAIGN,TOTAL CALLS\nTESTCAMP,2\nTOTAL,2');
    expect(file.headers['content-disposition']).toBe('attachment; filename="API_call_dispo_report_20261128180000.csv"');
    expect(file.headers['content-type']).toBe('application/octet-stream');
  });

  it('sees only the allowed campaigns and in-groups (VICIdial does not)', async () => {
    const res = await teamB({ function: 'call_status_stats', campaigns: '---ALL---', query_date: '2026-11-27' });
    expect(res.body).toBe(`OTHERCMP|0|0|${zeros({})}||\n`);
    const dispo = await teamB({ function: 'call_dispo_report', campaigns: 'TESTCAMP', ingroups: 'TESTIN', query_date: '2026-11-27' });
    // TESTCAMP is outside TEAM_B; TESTIN belongs to ---ALL--- and so is visible to every group.
    expect(dispo.body).toBe('CAMPAIGN,TOTAL CALLS\nTESTIN,1\nTOTAL,1');
  });

  it('refuses a malformed date', async () => {
    const res = await h.nonAgent({ function: 'call_status_stats', campaigns: 'TESTCAMP', query_date: '2026-1-2' });
    expect(res.body).toBe('ERROR: call_status_stats INVALID DATE OR TIME - test\n');
  });
});

describe('agent_campaigns, campaigns_list, ingroup_list, user_details', () => {
  it('lists an agent’s campaigns and in-groups', async () => {
    const res = await h.nonAgent({ function: 'agent_campaigns', agent_user: '1000', header: 'YES' });
    expect(res.body).toBe('user|allowed_campaigns_list|allowed_ingroups_list\n1000|OTHERCMP-TESTCAMP|SALESLINE-TESTIN\n');
    expect((await h.nonAgent({ function: 'agent_campaigns', agent_user: '1002' })).body).toBe('1002|OTHERCMP|\n');
    expect((await h.nonAgent({ function: 'agent_campaigns', agent_user: 'nobody' })).body).toBe('ERROR: agent_campaigns AGENT USER DOES NOT EXIST: |6000|nobody\n');
  });

  it('lists campaigns within scope', async () => {
    const res = await h.nonAgent({ function: 'campaigns_list', header: 'YES', stage: 'csv' });
    expect(res.body).toBe(
      'campaign_id,campaign_name,active,user_group,dial_method,dial_level,lead_order,dial_statuses,dial_timeout,dial_prefix,manual_dial_prefix,three_way_dial_prefix\n' +
        'OTHERCMP,Other campaign (manual dial),Y,---ALL---,MANUAL,0,,NEW,60,9,,\nTESTCAMP,Test campaign (auto dial),Y,---ALL---,RATIO,1,,NEW,60,9,,\n',
    );
    expect((await teamB({ function: 'campaigns_list' })).body).toBe('OTHERCMP|Other campaign (manual dial)|Y|---ALL---|MANUAL|0||NEW|60|9||\n');
    expect((await teamB({ function: 'campaigns_list', campaign_id: 'TESTCAMP' })).body).toBe('ERROR: campaigns_list THIS USER HAS NO VIEWABLE CAMPAIGNS: 7002|\n');
  });

  it('prints the in-group picker page', async () => {
    const res = await h.nonAgent({ function: 'ingroup_list' });
    expect(res.body).toBe(
      '<html>\n<head>\n<title>NON-AGENT API</title>\n<script language="Javascript">\n' +
        'function choose_file(filename, fieldname) {\n\tif (filename.length > 0) {\n\t\tparent.document.getElementById(fieldname).value = filename;\n' +
        '\t\tdocument.getElementById("selected_file").innerHTML = filename;\n\t}\n}\n</script>\n</head>\n<body>\n' +
        '<table border="0">\n<tr><td>#</td><td>Inbound Groups</td><td>Name</td><td>Color</td></tr>\n' +
        `<tr><td>1</td><td><a href="javascript:choose_file('SALESLINE','Sales line');">SALESLINE</a></td><td>Sales line</td><td bgcolor=""></td></tr>\n` +
        `<tr><td>2</td><td><a href="javascript:choose_file('TESTIN','Test inbound');">TESTIN</a></td><td>Test inbound</td><td bgcolor=""></td></tr>\n` +
        '</table>\n<span id="selected_file"></span>\n</body>\n</html>\n',
    );
  });

  it('escapes in-group names in the in-group picker (VICIdial injects them into JavaScript)', async () => {
    await h.exec(`insert into vicidial_inbound_groups (group_id, group_name, active, user_group) values ('XSS', 'a'');alert(1);//<b>', 'Y', '---ALL---')`);
    const res = await h.nonAgent({ function: 'ingroup_list' });
    expect(res.body).toContain(`<a href="javascript:choose_file('XSS','a\\&#39;);alert(1);//&#60;b&#62;');">XSS</a>`);
    expect(res.body).not.toContain('<b>');
    await h.exec(`delete from vicidial_inbound_groups where group_id = 'XSS'`);
  });

  it('prints one user within the viewable groups', async () => {
    expect((await h.nonAgent({ function: 'user_details', agent_user: '1000', header: 'YES' })).body).toBe('user|full_name|user_group|user_level|active\n1000|Agent 1000|AGENTS|1|Y\n');
    expect((await teamB({ function: 'user_details', agent_user: '1000' })).body).toBe('ERROR: user_details USER NOT FOUND: 7002|1000\n');
    expect((await teamB({ function: 'user_details', agent_user: '1002' })).body).toBe('1002|Agent 1002|TEAM_B|1|Y\n');
  });
});
