/**
 * Lead and screen functions of /agc/api.php: update_fields, refresh_panel,
 * set_timer_action, switch_lead, vm_message, st_login_log and
 * st_get_agent_active_lead (agent-api.md §8.11–8.15, §8.20, §8.21;
 * permissions.md §1, §3, §4, §6). Every test starts from fresh demo data.
 */
import { describe, expect, it } from 'vitest';
import { agentRows, DENIED } from '../support/agent-api.js';
import { harnessForEachTest } from '../support/harness.js';

const h = harnessForEachTest();

const { vla, lead } = agentRows(h);

/** Agent 1002 (TEAM_B) in OTHERCMP, for API List Restrict tests with 6669. */
async function teamBAgentOnLead(leadId: number, kind: 'INBOUND' | 'AUTO' | 'MANUAL' = 'INBOUND') {
  await h.login('1002', 'OTHERCMP');
  await h.startCall('1002', { leadId, kind });
}

// ---------------------------------------------------------------------------
describe('update_fields (§8.11)', () => {
  it('updates the present fields of the lead on screen and flags the screen, byte for byte', async () => {
    await h.startCall('1000', { leadId: 1 });
    const res = await h.api({
      function: 'update_fields',
      agent_user: '1000',
      first_name: 'Frank',
      last_name: 'Smith',
      city: 'Chicago',
      formreload: '1',
    });
    expect(res.status).toBe(200);
    expect(res.body).toBe(
      'SUCCESS: update_fields lead updated - 6666|1000|1|1|1|city,first_name,last_name,formreload|city="Chicago",first_name="Frank",last_name="Smith"|\n',
    );
    const row = await lead(1);
    expect(row.first_name).toBe('Frank');
    expect(row.last_name).toBe('Smith');
    expect(row.city).toBe('Chicago');
    // untouched fields keep their values
    expect(row.phone_number).toBe('3125550101');
    expect(row.state).toBe('IL');
    expect(row.vendor_lead_code).toBe('V0101');
    const agent = await vla('1000');
    expect(agent.external_update_fields).toBe('1');
    expect(agent.external_update_fields_data).toBe('city,first_name,last_name,formreload');
    const log = await h.lastLog();
    expect(log.function).toBe('update_fields');
    expect(log.result).toBe('SUCCESS');
    expect(log.agent_user).toBe('1000');
  });

  it('lists fields in api.php order, not request order', async () => {
    await h.startCall('1000', { leadId: 2 });
    const res = await h.api({ function: 'update_fields', agent_user: '1000', email: 'a@b.c', vendor_lead_code: 'VX', phone_code: '44' });
    expect(res.body).toBe(
      'SUCCESS: update_fields lead updated - 6666|1000|2|1|1|phone_code,email,vendor_lead_code|phone_code="44",email="a@b.c",vendor_lead_code="VX"|\n',
    );
    const row = await lead(2);
    expect(row.vendor_lead_code).toBe('VX');
    expect(row.phone_code).toBe('44');
    expect(row.email).toBe('a@b.c');
  });

  it("every field and reload trigger, sent in reverse: the answer and the column follow api.php 2.14's fixed order", async () => {
    await h.startCall('1000', { leadId: 2 });
    // api.php's order (agent-api.md §8.11): its case-sensitive checks, then the case-insensitive ones, then the reload triggers.
    const order = [
      'phone_code', 'address1', 'address2', 'address3', 'alt_phone', 'city', 'comments', 'country_code', 'date_of_birth', 'email',
      'first_name', 'gender', 'gmt_offset_now', 'last_name', 'middle_initial', 'phone_number', 'postal_code', 'province',
      'security_phrase', 'source_id', 'state', 'title', 'vendor_lead_code', 'rank', 'owner',
    ];
    const values: Record<string, string> = { phone_code: '1', gmt_offset_now: '-5.00', date_of_birth: '1970-01-01', rank: '3', gender: 'F', country_code: 'US', phone_number: '3125550102', alt_phone: '3125550199' };
    const triggers = ['formreload', 'scriptreload', 'script2reload', 'emailreload', 'chatreload'];
    const params: Record<string, string> = { function: 'update_fields', agent_user: '1000' };
    for (const name of [...triggers, ...order].reverse()) params[name] = triggers.includes(name) ? '1' : (values[name] ?? 'x');
    const res = await h.api(params);
    const list = [...order, ...triggers].join(',');
    const set = order.map((f) => `${f}="${values[f] ?? 'x'}"`).join(',');
    expect(res.body).toBe(`SUCCESS: update_fields lead updated - 6666|1000|2|1|1|${list}|${set}|\n`);
    // The column is VARCHAR(255): the whole list is longer, and is cut as MySQL cuts it.
    expect((await vla('1000')).external_update_fields_data).toBe(list.slice(0, 255));
  });

  it('decides by parameter presence: emailreload does not blank email, first_name=Frank does not reset rank', async () => {
    await h.exec(`update vicidial_list set email = 'keep@example.com', rank = 7 where lead_id = 1`);
    await h.startCall('1000', { leadId: 1 });
    const res = await h.api({ function: 'update_fields', agent_user: '1000', emailreload: '1', first_name: 'Frank' });
    expect(res.body).toBe('SUCCESS: update_fields lead updated - 6666|1000|1|1|1|first_name,emailreload|first_name="Frank"|\n');
    const row = await lead(1);
    expect(row.email).toBe('keep@example.com');
    expect(Number(row.rank)).toBe(7);
    expect(row.first_name).toBe('Frank');
  });

  it('a present but empty parameter sets the field to empty', async () => {
    await h.startCall('1000', { leadId: 1 });
    const res = await h.api({ function: 'update_fields', agent_user: '1000', last_name: '' });
    expect(res.body).toBe('SUCCESS: update_fields lead updated - 6666|1000|1|1|1|last_name|last_name=""|\n');
    expect((await lead(1)).last_name).toBe('');
  });

  it('only reload triggers: no lead row is written, the screen is still flagged', async () => {
    await h.startCall('1000', { leadId: 1 });
    const before = await lead(1);
    const res = await h.api({ function: 'update_fields', agent_user: '1000', scriptreload: '1', chatreload: '1' });
    expect(res.body).toBe('SUCCESS: update_fields lead updated - 6666|1000|1|0|1|scriptreload,chatreload||\n');
    expect(await lead(1)).toEqual(before);
    const agent = await vla('1000');
    expect(agent.external_update_fields).toBe('1');
    expect(agent.external_update_fields_data).toBe('scriptreload,chatreload');
  });

  it('works during the disposition step (lead still on screen, call over)', async () => {
    await h.startCall('1000', { leadId: 3 });
    await h.endCall('1000');
    const res = await h.api({ function: 'update_fields', agent_user: '1000', comments: 'called back' });
    expect(res.body).toBe('SUCCESS: update_fields lead updated - 6666|1000|3|1|1|comments|comments="called back"|\n');
    expect((await lead(3)).comments).toBe('called back');
  });

  it('stores quotes literally (no SQL injection through comments)', async () => {
    await h.startCall('1000', { leadId: 1 });
    const res = await h.api({ function: 'update_fields', agent_user: '1000', comments: `it's "fine"` });
    expect(res.body).toBe(`SUCCESS: update_fields lead updated - 6666|1000|1|1|1|comments|comments="it's "fine""|\n`);
    expect((await lead(1)).comments).toBe(`it's "fine"`);
    expect((await lead(2)).comments).not.toBe(`it's "fine"`);
  });

  it('ERROR: no fields have been defined', async () => {
    await h.startCall('1000', { leadId: 1 });
    const res = await h.api({ function: 'update_fields', agent_user: '1000' });
    expect(res.body).toBe('ERROR: no fields have been defined - 1000\n');
    expect((await vla('1000')).external_update_fields).not.toBe('1');
  });

  it('ERROR: agent_user not valid', async () => {
    const res = await h.api({ function: 'update_fields', first_name: 'Frank' });
    expect(res.body).toBe('ERROR: agent_user not valid - \n');
  });

  it('permission denied (value layout), checked before the logged-in test', async () => {
    const res = await h.api({ user: '6668', function: 'update_fields', agent_user: '1001', value: 'X', first_name: 'Frank' });
    expect(res.body).toBe(`${DENIED}X|6668|update_fields|ADMIN\n`);
    const res2 = await h.api({ user: '6668', function: 'update_fields', agent_user: '1000', first_name: 'Frank' });
    expect(res2.body).toBe(`${DENIED}|6668|update_fields|ADMIN\n`);
  });

  it('ERROR: agent_user is not logged in', async () => {
    const res = await h.api({ function: 'update_fields', agent_user: '1001', first_name: 'Frank' });
    expect(res.body).toBe('ERROR: agent_user is not logged in - 1001\n');
  });

  it('ERROR: user is not allowed to modify lead information (modify_leads outside 1–4)', async () => {
    await h.startCall('1000', { leadId: 1 });
    for (const level of ['0', '5', '6']) {
      await h.exec(`update vicidial_users set modify_leads = '${level}' where user = '6666'`);
      const res = await h.api({ function: 'update_fields', agent_user: '1000', first_name: 'Frank' });
      expect(res.body, `modify_leads=${level}`).toBe('ERROR: user is not allowed to modify lead information - 1000|6666\n');
    }
    expect((await lead(1)).first_name).toBe('Ada');
    await h.exec(`update vicidial_users set modify_leads = '4' where user = '6666'`);
    const ok = await h.api({ function: 'update_fields', agent_user: '1000', first_name: 'Frank' });
    expect(ok.body).toMatch(/^SUCCESS: update_fields lead updated - /);
  });

  it('modify_leads is checked before the lead-on-screen test', async () => {
    await h.exec(`update vicidial_users set modify_leads = '0' where user = '6666'`);
    const res = await h.api({ function: 'update_fields', agent_user: '1000', first_name: 'Frank' });
    expect(res.body).toBe('ERROR: user is not allowed to modify lead information - 1000|6666\n');
  });

  it('ERROR: agent_user does not have a lead on their screen', async () => {
    const res = await h.api({ function: 'update_fields', agent_user: '1000', first_name: 'Frank' });
    expect(res.body).toBe('ERROR: agent_user does not have a lead on their screen - 1000\n');
  });

  it('API List Restrict: refuses an agent in a campaign outside the group', async () => {
    await h.startCall('1000', { leadId: 1 });
    const res = await h.api({ user: '6669', function: 'update_fields', agent_user: '1000', first_name: 'Frank' });
    expect(res.body).toBe('ERROR: agent_user is in a campaign not allowed for this user - 1000||6669\n');
    expect((await lead(1)).first_name).toBe('Ada');
  });

  it('API List Restrict: refuses a lead in a list outside the group, allows one inside', async () => {
    await teamBAgentOnLead(1, 'MANUAL');
    const res = await h.api({ user: '6669', function: 'update_fields', agent_user: '1002', first_name: 'Frank' });
    expect(res.body).toBe('ERROR: lead is in a list not allowed for this user - 1002|1||6669\n');
    expect((await lead(1)).first_name).toBe('Ada');
    expect((await vla('1002')).external_update_fields).not.toBe('1');

    await h.exec(`update vicidial_live_agents set lead_id = 9 where user = '1002'`);
    const ok = await h.api({ user: '6669', function: 'update_fields', agent_user: '1002', first_name: 'Fran' });
    expect(ok.body).toBe('SUCCESS: update_fields lead updated - 6669|1002|9|1|1|first_name|first_name="Fran"|\n');
    expect((await lead(9)).first_name).toBe('Fran');
  });
});

// ---------------------------------------------------------------------------
describe('refresh_panel (§8.12)', () => {
  it('flags the panels to reload, byte for byte; no lead needed', async () => {
    const res = await h.api({ function: 'refresh_panel', agent_user: '1000', callbacksreload: '1', formreload: '1' });
    expect(res.body).toBe('SUCCESS: refresh_panel request sent - 6666|1000|1|formreload,callbacksreload|\n');
    const agent = await vla('1000');
    expect(agent.external_update_fields).toBe('1');
    expect(agent.external_update_fields_data).toBe('formreload,callbacksreload');
    expect((await h.lastLog()).result).toBe('SUCCESS');
  });

  it('all six panels in order', async () => {
    const res = await h.api({
      function: 'refresh_panel',
      agent_user: '1000',
      chatreload: '1',
      emailreload: '1',
      script2reload: '1',
      scriptreload: '1',
      formreload: '1',
      callbacksreload: '1',
    });
    expect(res.body).toBe(
      'SUCCESS: refresh_panel request sent - 6666|1000|1|formreload,scriptreload,script2reload,emailreload,chatreload,callbacksreload|\n',
    );
  });

  it('ignores lead fields and does not need modify_leads', async () => {
    await h.exec(`update vicidial_users set modify_leads = '0' where user = '6666'`);
    await h.startCall('1000', { leadId: 1 });
    const res = await h.api({ function: 'refresh_panel', agent_user: '1000', first_name: 'Frank', scriptreload: '1' });
    expect(res.body).toBe('SUCCESS: refresh_panel request sent - 6666|1000|1|scriptreload|\n');
    expect((await lead(1)).first_name).toBe('Ada');
  });

  it('ERROR: no panels have been defined', async () => {
    const res = await h.api({ function: 'refresh_panel', agent_user: '1000', first_name: 'Frank' });
    expect(res.body).toBe('ERROR: no panels have been defined - 1000\n');
    expect((await vla('1000')).external_update_fields).not.toBe('1');
  });

  it('ERROR: agent_user not valid', async () => {
    const res = await h.api({ function: 'refresh_panel', formreload: '1' });
    expect(res.body).toBe('ERROR: agent_user not valid - \n');
  });

  it('permission denied (value layout)', async () => {
    const res = await h.api({ user: '6668', function: 'refresh_panel', agent_user: '1000', formreload: '1' });
    expect(res.body).toBe(`${DENIED}|6668|refresh_panel|ADMIN\n`);
    expect((await vla('1000')).external_update_fields).not.toBe('1');
  });

  it('ERROR: agent_user is not logged in', async () => {
    const res = await h.api({ function: 'refresh_panel', agent_user: '1001', formreload: '1' });
    expect(res.body).toBe('ERROR: agent_user is not logged in - 1001\n');
  });

  it('API List Restrict: agent outside the group is refused', async () => {
    const res = await h.api({ user: '6669', function: 'refresh_panel', agent_user: '1000', formreload: '1' });
    expect(res.body).toBe('ERROR: agent_user is in a campaign not allowed for this user - 1000||6669\n');
  });
});

// ---------------------------------------------------------------------------
describe('set_timer_action (§8.13)', () => {
  it('writes the three timer columns, byte for byte', async () => {
    const res = await h.api({ function: 'set_timer_action', agent_user: '1000', value: 'D1_DIAL', notes: 'Say+hello', rank: '30' });
    expect(res.body).toBe('SUCCESS: set_timer_action lead updated - 6666|1000|D1_DIAL|Say hello|30\n');
    const agent = await vla('1000');
    expect(agent.external_timer_action).toBe('D1_DIAL');
    expect(agent.external_timer_action_message).toBe('Say hello');
    expect(Number(agent.external_timer_action_seconds)).toBe(30);
    expect((await h.lastLog()).result).toBe('SUCCESS');
  });

  it('value is not validated against the documented list; empty notes and rank give 0 seconds', async () => {
    const res = await h.api({ function: 'set_timer_action', agent_user: '1000', value: 'ANYTHING' });
    expect(res.body).toBe('SUCCESS: set_timer_action lead updated - 6666|1000|ANYTHING||\n');
    const agent = await vla('1000');
    expect(agent.external_timer_action).toBe('ANYTHING');
    expect(agent.external_timer_action_message).toBe('');
    expect(Number(agent.external_timer_action_seconds)).toBe(0);
  });

  it('ERROR: set_timer_action not valid (value < 2 chars, or no agent_user)', async () => {
    expect((await h.api({ function: 'set_timer_action', agent_user: '1000', value: 'X' })).body).toBe(
      'ERROR: set_timer_action not valid - 1000|X\n',
    );
    expect((await h.api({ function: 'set_timer_action', value: 'WEBFORM' })).body).toBe('ERROR: set_timer_action not valid - |WEBFORM\n');
    expect((await h.api({ function: 'set_timer_action', agent_user: '1000' })).body).toBe('ERROR: set_timer_action not valid - 1000|\n');
  });

  it('permission denied (value layout)', async () => {
    const res = await h.api({ user: '6668', function: 'set_timer_action', agent_user: '1000', value: 'WEBFORM' });
    expect(res.body).toBe(`${DENIED}WEBFORM|6668|set_timer_action|ADMIN\n`);
    expect((await vla('1000')).external_timer_action).not.toBe('WEBFORM');
  });

  it('ERROR: agent_user is not logged in', async () => {
    const res = await h.api({ function: 'set_timer_action', agent_user: '1001', value: 'WEBFORM' });
    expect(res.body).toBe('ERROR: agent_user is not logged in - 1001\n');
  });

  it('ERROR: user is not allowed to modify campaign settings', async () => {
    await h.exec(`update vicidial_users set modify_campaigns = '0' where user = '6666'`);
    const res = await h.api({ function: 'set_timer_action', agent_user: '1000', value: 'WEBFORM', rank: '5' });
    expect(res.body).toBe('ERROR: user is not allowed to modify campaign settings - 1000|6666\n');
    expect((await vla('1000')).external_timer_action).not.toBe('WEBFORM');
  });
});

// ---------------------------------------------------------------------------
describe('switch_lead (§8.20)', () => {
  /** Where the new lead shows: the session's lead; drop-in, api.php's column, until VICIdial's screen switches. */
  const switched = (): 'lead_id' | 'external_lead_id' => (h.dropIn ? 'external_lead_id' : 'lead_id');
  it('switches the live inbound call to another lead by lead_id, byte for byte', async () => {
    await h.startCall('1000', { leadId: 1, kind: 'INBOUND' });
    const res = await h.api({ function: 'switch_lead', agent_user: '1000', lead_id: '3' });
    expect(res.body).toBe('SUCCESS: switch_lead function set - 1000|3|V0103|TESTCAMP|1|\n');
    const agent = await vla('1000');
    // Drop-in: VICIdial's screen switches the call's lead on its poll of the written column.
    expect(Number(agent.lead_id)).toBe(h.dropIn ? 1 : 3);
    // applied at once; the column keeps the lead api.php wrote
    expect(Number(agent.external_lead_id)).toBe(3);
    expect((await h.lastLog()).result).toBe('SUCCESS');
  });

  it('vendor_lead_code wins over lead_id', async () => {
    await h.startCall('1000', { leadId: 1, kind: 'INBOUND' });
    const res = await h.api({ function: 'switch_lead', agent_user: '1000', lead_id: '3', vendor_lead_code: 'V0105' });
    expect(res.body).toBe('SUCCESS: switch_lead function set - 1000|5|V0105|TESTCAMP|1|\n');
    expect(Number((await vla('1000'))[switched()])).toBe(5);
  });

  it('vendor_lead_code picks the newest lead with that code', async () => {
    await h.exec(`update vicidial_list set vendor_lead_code = 'DUP' where lead_id in (2, 4)`);
    await h.startCall('1000', { leadId: 1, kind: 'INBOUND' });
    const res = await h.api({ function: 'switch_lead', agent_user: '1000', vendor_lead_code: 'DUP' });
    expect(res.body).toBe('SUCCESS: switch_lead function set - 1000|4|DUP|TESTCAMP|1|\n');
  });

  it('accepts alt_user (custom_three); an unknown alt_user stops the request', async () => {
    await h.startCall('1000', { leadId: 1, kind: 'INBOUND' });
    const miss = await h.api({ function: 'switch_lead', alt_user: 'CRM9999', lead_id: '2' });
    expect(miss.body).toBe('ERROR: no user found - CRM9999\n');
    expect(Number((await vla('1000')).lead_id)).toBe(1);
    const ok = await h.api({ function: 'switch_lead', alt_user: 'CRM1000', lead_id: '2' });
    expect(ok.body).toBe('SUCCESS: switch_lead function set - 1000|2|V0102|TESTCAMP|1|\n');
  });

  it('ERROR: switch_lead not valid', async () => {
    expect((await h.api({ function: 'switch_lead', agent_user: '1000' })).body).toBe('ERROR: switch_lead not valid - ||1000\n');
    expect((await h.api({ function: 'switch_lead', agent_user: '1000', lead_id: '0' })).body).toBe(
      'ERROR: switch_lead not valid - 0||1000\n',
    );
    expect((await h.api({ function: 'switch_lead', lead_id: '3' })).body).toBe('ERROR: switch_lead not valid - 3||\n');
    expect((await h.api({ function: 'switch_lead', alt_user: 'X', vendor_lead_code: 'V0103' })).body).toBe(
      'ERROR: switch_lead not valid - |V0103|\n',
    );
  });

  it('permission denied (lead_id-first layout)', async () => {
    const res = await h.api({ user: '6668', function: 'switch_lead', agent_user: '1000', lead_id: '3', value: 'IGNORED' });
    expect(res.body).toBe(`${DENIED}3|6668|switch_lead|ADMIN\n`);
    const res2 = await h.api({ user: '6668', function: 'switch_lead', agent_user: '1000', vendor_lead_code: 'V0103' });
    expect(res2.body).toBe(`${DENIED}|6668|switch_lead|ADMIN\n`);
  });

  it('ERROR: agent_user is not logged in', async () => {
    const res = await h.api({ function: 'switch_lead', agent_user: '1001', lead_id: '3' });
    expect(res.body).toBe('ERROR: agent_user is not logged in - 1001\n');
  });

  it('ERROR: agent_user does not have a live call (idle, and after hang-up)', async () => {
    expect((await h.api({ function: 'switch_lead', agent_user: '1000', lead_id: '3' })).body).toBe(
      'ERROR: agent_user does not have a live call - 1000\n',
    );
    await h.startCall('1000', { leadId: 1, kind: 'INBOUND' });
    await h.endCall('1000');
    expect((await h.api({ function: 'switch_lead', agent_user: '1000', lead_id: '3' })).body).toBe(
      'ERROR: agent_user does not have a live call - 1000\n',
    );
  });

  it('ERROR: agent call is not inbound (no newline)', async () => {
    const agent = await h.startCall('1000', { leadId: 1, kind: 'AUTO' });
    const callerId = agent.call!.callerId;
    expect(callerId).toMatch(/^V\d{19}$/);
    const res = await h.api({ function: 'switch_lead', agent_user: '1000', lead_id: '3' });
    expect(res.body).toBe(`ERROR: agent call is not inbound - 1000|${callerId}`);
    expect(Number((await vla('1000')).lead_id)).toBe(1);
    expect((await h.lastLog()).result).toBe('ERROR');
  });

  it('ERROR: campaign not found', async () => {
    await h.startCall('1000', { leadId: 1, kind: 'INBOUND' });
    await h.exec(`update vicidial_live_agents set campaign_id = 'GONE' where user = '1000'`);
    const res = await h.api({ function: 'switch_lead', agent_user: '1000', lead_id: '3' });
    expect(res.body).toBe('ERROR: campaign not found - 1000|GONE\n');
  });

  it('ERROR: campaign does not allow inbound lead search; LIVE_CALL_INBOUND is allowed', async () => {
    await h.startCall('1000', { leadId: 1, kind: 'INBOUND' });
    await h.exec(`update vicidial_campaigns set agent_lead_search = 'DISABLED' where campaign_id = 'TESTCAMP'`);
    const res = await h.api({ function: 'switch_lead', agent_user: '1000', lead_id: '3' });
    expect(res.body).toBe('ERROR: campaign does not allow inbound lead search - 1000|TESTCAMP\n');
    expect(Number((await vla('1000')).lead_id)).toBe(1);

    await h.exec(`update vicidial_campaigns set agent_lead_search = 'LIVE_CALL_INBOUND' where campaign_id = 'TESTCAMP'`);
    const ok = await h.api({ function: 'switch_lead', agent_user: '1000', lead_id: '3' });
    expect(ok.body).toBe('SUCCESS: switch_lead function set - 1000|3|V0103|TESTCAMP|1|\n');
  });

  it('ERROR: switch-to lead not found', async () => {
    await h.startCall('1000', { leadId: 1, kind: 'INBOUND' });
    expect((await h.api({ function: 'switch_lead', agent_user: '1000', lead_id: '999' })).body).toBe(
      'ERROR: switch-to lead not found - 1000|999|\n',
    );
    expect((await h.api({ function: 'switch_lead', agent_user: '1000', lead_id: '3', vendor_lead_code: 'NOPE' })).body).toBe(
      'ERROR: switch-to lead not found - 1000|3|NOPE\n',
    );
    expect(Number((await vla('1000')).lead_id)).toBe(1);
  });

  it('API List Restrict: agent outside the group is refused', async () => {
    await h.startCall('1000', { leadId: 1, kind: 'INBOUND' });
    const res = await h.api({ user: '6669', function: 'switch_lead', agent_user: '1000', lead_id: '9' });
    expect(res.body).toBe('ERROR: agent_user is in a campaign not allowed for this user - 1000||6669\n');
    expect(Number((await vla('1000')).lead_id)).toBe(1);
  });

  it('API List Restrict: the switch-to lead must be in an allowed list', async () => {
    await h.exec(`update vicidial_campaigns set agent_lead_search = 'LIVE_CALL_INBOUND' where campaign_id = 'OTHERCMP'`);
    await teamBAgentOnLead(9);
    const res = await h.api({ user: '6669', function: 'switch_lead', agent_user: '1002', lead_id: '2' });
    expect(res.body).toBe('ERROR: lead is in a list not allowed for this user - 1002|2||6669\n');
    expect(Number((await vla('1002')).lead_id)).toBe(9);

    const ok = await h.api({ user: '6669', function: 'switch_lead', agent_user: '1002', lead_id: '10' });
    expect(ok.body).toBe('SUCCESS: switch_lead function set - 1002|10|V0202|OTHERCMP|9|\n');
    expect(Number((await vla('1002'))[switched()])).toBe(10);
  });
});

// ---------------------------------------------------------------------------
describe('vm_message (§8.21)', () => {
  it('stores the message for the live call’s lead, byte for byte', async () => {
    await h.startCall('1000', { leadId: 2 });
    const res = await h.api({ function: 'vm_message', agent_user: '1000', value: 'vm_hello|vm_bye' });
    expect(res.body).toBe('SUCCESS: vm_message function set - 1000|2|vm_hello|vm_bye|\n');
    const rows = await h.rows('vicidial_lead_messages');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ lead_id: 2, user: '6666', message_entry: 'vm_hello|vm_bye', call_date: '2026-11-28 10:00:00' });
    expect(Number(rows[0]!.played)).toBe(0);
    expect((await h.lastLog()).result).toBe('SUCCESS');
  });

  it('accepts the matching lead_id and alt_user', async () => {
    await h.startCall('1000', { leadId: 2, kind: 'INBOUND' });
    await h.exec(`update vicidial_users set custom_three = 'CRMX' where user = '1000'`);
    const res = await h.api({ function: 'vm_message', alt_user: 'CRMX', lead_id: '2', value: 'msg' });
    expect(res.body).toBe('SUCCESS: vm_message function set - 1000|2|msg|\n');
    expect(await h.rows('vicidial_lead_messages', { lead_id: 2 })).toHaveLength(1);
  });

  it('ERROR: current call does not match lead_id submitted', async () => {
    await h.startCall('1000', { leadId: 2 });
    const res = await h.api({ function: 'vm_message', agent_user: '1000', lead_id: '3', value: 'msg' });
    expect(res.body).toBe('ERROR: current call does not match lead_id submitted - 1000\n');
    expect(await h.rows('vicidial_lead_messages')).toHaveLength(0);
  });

  it('ERROR: vm_message not valid', async () => {
    expect((await h.api({ function: 'vm_message', agent_user: '1000' })).body).toBe('ERROR: vm_message not valid - ||1000\n');
    expect((await h.api({ function: 'vm_message', agent_user: '1000', lead_id: '2', value: '' })).body).toBe(
      'ERROR: vm_message not valid - 2||1000\n',
    );
    expect((await h.api({ function: 'vm_message', value: 'msg' })).body).toBe('ERROR: vm_message not valid - |msg|\n');
    expect((await h.api({ function: 'vm_message', alt_user: 'X', value: 'msg' })).body).toBe('ERROR: vm_message not valid - |msg|\n');
  });

  it('permission denied (lead_id-first layout)', async () => {
    const res = await h.api({ user: '6668', function: 'vm_message', agent_user: '1000', lead_id: '2', value: 'msg' });
    expect(res.body).toBe(`${DENIED}2|6668|vm_message|ADMIN\n`);
    const res2 = await h.api({ user: '6668', function: 'vm_message', agent_user: '1000', value: 'msg' });
    expect(res2.body).toBe(`${DENIED}|6668|vm_message|ADMIN\n`);
    expect(await h.rows('vicidial_lead_messages')).toHaveLength(0);
  });

  it('ERROR: agent_user is not logged in', async () => {
    const res = await h.api({ function: 'vm_message', agent_user: '1001', value: 'msg' });
    expect(res.body).toBe('ERROR: agent_user is not logged in - 1001\n');
  });

  it('ERROR: agent_user does not have a live call (idle, and after hang-up)', async () => {
    expect((await h.api({ function: 'vm_message', agent_user: '1000', value: 'msg' })).body).toBe(
      'ERROR: agent_user does not have a live call - 1000\n',
    );
    await h.startCall('1000', { leadId: 2 });
    await h.endCall('1000');
    expect((await h.api({ function: 'vm_message', agent_user: '1000', value: 'msg' })).body).toBe(
      'ERROR: agent_user does not have a live call - 1000\n',
    );
    expect(await h.rows('vicidial_lead_messages')).toHaveLength(0);
  });

  it('API List Restrict: agent outside the group, and lead outside the allowed lists', async () => {
    await h.startCall('1000', { leadId: 2 });
    expect((await h.api({ user: '6669', function: 'vm_message', agent_user: '1000', value: 'msg' })).body).toBe(
      'ERROR: agent_user is in a campaign not allowed for this user - 1000||6669\n',
    );
    await teamBAgentOnLead(1);
    expect((await h.api({ user: '6669', function: 'vm_message', agent_user: '1002', value: 'msg' })).body).toBe(
      'ERROR: lead is in a list not allowed for this user - 1002|1||6669\n',
    );
    expect(await h.rows('vicidial_lead_messages')).toHaveLength(0);
  });

  it('API List Restrict: a lead in an allowed list is accepted', async () => {
    await teamBAgentOnLead(11);
    const res = await h.api({ user: '6669', function: 'vm_message', agent_user: '1002', value: 'msg' });
    expect(res.body).toBe('SUCCESS: vm_message function set - 1002|11|msg|\n');
    expect(await h.rows('vicidial_lead_messages', { lead_id: 11, user: '6669' })).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------
describe('st_login_log (§8.14)', () => {
  it('stores the CRM team in custom_four of the user with that custom_three, byte for byte', async () => {
    const res = await h.api({ function: 'st_login_log', value: 'CRM1000', vendor_id: 'TEAM7' });
    expect(res.body).toBe('SUCCESS: st_login_log user found - 1000\n');
    const [user] = await h.rows('vicidial_users', { user: '1000' });
    expect(user!.custom_four).toBe('TEAM7');
    const [other] = await h.rows('vicidial_users', { user: '1001' });
    expect(other!.custom_four).not.toBe('TEAM7');
    const log = await h.lastLog();
    expect(log).toMatchObject({ function: 'st_login_log', result: 'SUCCESS', agent_user: '1000' });
  });

  it('needs no login: works for a user who is not logged in', async () => {
    const res = await h.api({ function: 'st_login_log', value: 'CRM1001', vendor_id: 'T2' });
    expect(res.body).toBe('SUCCESS: st_login_log user found - 1001\n');
    expect((await h.rows('vicidial_users', { user: '1001' }))[0]!.custom_four).toBe('T2');
  });

  it('stores quotes in vendor_id literally', async () => {
    const res = await h.api({ function: 'st_login_log', value: 'CRM1000', vendor_id: `O'Brien "B"` });
    expect(res.body).toBe('SUCCESS: st_login_log user found - 1000\n');
    expect((await h.rows('vicidial_users', { user: '1000' }))[0]!.custom_four).toBe(`O'Brien "B"`);
  });

  it('ERROR: st_login_log not valid', async () => {
    expect((await h.api({ function: 'st_login_log', value: 'CRM1000' })).body).toBe('ERROR: st_login_log not valid - CRM1000|\n');
    expect((await h.api({ function: 'st_login_log', vendor_id: 'TEAM7' })).body).toBe('ERROR: st_login_log not valid - |TEAM7\n');
  });

  it('permission denied (value layout)', async () => {
    const res = await h.api({ user: '6668', function: 'st_login_log', value: 'CRM1000', vendor_id: 'TEAM7' });
    expect(res.body).toBe(`${DENIED}CRM1000|6668|st_login_log|ADMIN\n`);
    expect((await h.rows('vicidial_users', { user: '1000' }))[0]!.custom_four).not.toBe('TEAM7');
  });

  it('ERROR: no user found', async () => {
    const res = await h.api({ function: 'st_login_log', value: 'CRM-9999', vendor_id: 'TEAM7' });
    expect(res.body).toBe('ERROR: no user found - CRM-9999\n');
  });

  it('refuses an ambiguous custom_three and writes nothing', async () => {
    await h.exec(`update vicidial_users set custom_three = 'CRM1000' where user = '1001'`);
    const res = await h.api({ function: 'st_login_log', value: 'CRM1000', vendor_id: 'TEAM7' });
    expect(res.body).toBe('ERROR: value matches more than one user - CRM1000\n');
    const users = await h.rows('vicidial_users');
    expect(users.filter((u) => u.custom_four === 'TEAM7')).toHaveLength(0);
  });
});

// ---------------------------------------------------------------------------
describe('st_get_agent_active_lead (§8.15)', () => {
  it('returns the lead on the screen of the agent with that custom_three, byte for byte', async () => {
    await h.exec(`update vicidial_list set province = 'ON', security_phrase = 'blue', source_id = 'SRC9' where lead_id = 4`);
    await h.startCall('1000', { leadId: 4 });
    const res = await h.api({ function: 'st_get_agent_active_lead', value: 'CRM1000', vendor_id: 'TEAM7' });
    expect(res.body).toBe('SUCCESS: st_get_agent_active_lead lead found - 1000|3125550104|4|V0104|ON|blue|SRC9\n');
    const log = await h.lastLog();
    expect(log.result).toBe('SUCCESS');
    expect(log.agent_user).toBe('1000');
    // the function name is truncated to VARCHAR(20) in the log
    expect(log.function).toBe('st_get_agent_active_');
  });

  it('still finds the lead during the disposition step', async () => {
    await h.startCall('1000', { leadId: 4 });
    await h.endCall('1000');
    const res = await h.api({ function: 'st_get_agent_active_lead', value: 'CRM1000', vendor_id: 'x' });
    expect(res.body).toBe('SUCCESS: st_get_agent_active_lead lead found - 1000|3125550104|4|V0104|||\n');
  });

  it('ERROR: st_get_agent_active_lead not valid (vendor_id required though unused)', async () => {
    expect((await h.api({ function: 'st_get_agent_active_lead', value: 'CRM1000' })).body).toBe(
      'ERROR: st_get_agent_active_lead not valid - CRM1000|\n',
    );
    expect((await h.api({ function: 'st_get_agent_active_lead', vendor_id: 'T' })).body).toBe(
      'ERROR: st_get_agent_active_lead not valid - |T\n',
    );
  });

  it('permission denied (value layout)', async () => {
    const res = await h.api({ user: '6668', function: 'st_get_agent_active_lead', value: 'CRM1000', vendor_id: 'T' });
    expect(res.body).toBe(`${DENIED}CRM1000|6668|st_get_agent_active_lead|ADMIN\n`);
  });

  it('ERROR: no user found', async () => {
    const res = await h.api({ function: 'st_get_agent_active_lead', value: 'CRM-9999', vendor_id: 'T' });
    expect(res.body).toBe('ERROR: no user found - CRM-9999\n');
  });

  it('refuses an ambiguous custom_three', async () => {
    await h.exec(`update vicidial_users set custom_three = 'CRM1000' where user = '1001'`);
    await h.startCall('1000', { leadId: 4 });
    const res = await h.api({ function: 'st_get_agent_active_lead', value: 'CRM1000', vendor_id: 'T' });
    expect(res.body).toBe('ERROR: value matches more than one user - CRM1000\n');
  });

  it('ERROR: user not logged in', async () => {
    const res = await h.api({ function: 'st_get_agent_active_lead', value: 'CRM1001', vendor_id: 'T' });
    expect(res.body).toBe('ERROR: user not logged in - 1001\n');
    expect((await h.lastLog()).agent_user).toBe('1001');
  });

  it('ERROR: no active lead found', async () => {
    const res = await h.api({ function: 'st_get_agent_active_lead', value: 'CRM1000', vendor_id: 'T' });
    expect(res.body).toBe('ERROR: no active lead found - 1000\n');
  });

  it('refuses to report on the API user’s own session (two accounts)', async () => {
    await h.exec(`update vicidial_users set custom_three = 'SELF' where user = '6666'`);
    const res = await h.api({ function: 'st_get_agent_active_lead', value: 'SELF', vendor_id: 'T' });
    expect(res.body).toBe('ERROR: API user and agent_user must be different accounts - 6666|6666\n');
  });

  it('API List Restrict: agent outside the group is refused', async () => {
    await h.startCall('1000', { leadId: 4 });
    const res = await h.api({ user: '6669', function: 'st_get_agent_active_lead', value: 'CRM1000', vendor_id: 'T' });
    expect(res.body).toBe('ERROR: agent_user is in a campaign not allowed for this user - 1000||6669\n');
  });

  it('API List Restrict: lead outside the allowed lists is refused, inside is returned', async () => {
    await teamBAgentOnLead(1, 'MANUAL');
    const res = await h.api({ user: '6669', function: 'st_get_agent_active_lead', value: 'CRM1002', vendor_id: 'T' });
    expect(res.body).toBe('ERROR: lead is in a list not allowed for this user - 1002|1||6669\n');

    await h.exec(`update vicidial_live_agents set lead_id = 10 where user = '1002'`);
    const ok = await h.api({ user: '6669', function: 'st_get_agent_active_lead', value: 'CRM1002', vendor_id: 'T' });
    expect(ok.body).toBe('SUCCESS: st_get_agent_active_lead lead found - 1002|6175550202|10|V0202|||\n');
  });
});
