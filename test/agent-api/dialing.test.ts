/**
 * external_dial (agent-api.md §8.7) and preview_dial_action (§8.8), with the
 * permission order of permissions.md §1/§3/§4/§6 and agentgate's API List
 * Restrict. Every response line is compared byte for byte.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  // Record every value written to vicidial_live_agents.external_dial: agentgate
  // applies the command at once and clears the column when the call starts, so
  // the trigger is the only way to see the 14-field string that was written.
  if (h.services.database.dialect === 'mysql') {
    await h.exec('CREATE TABLE test_dial_log (id INT AUTO_INCREMENT PRIMARY KEY, user TEXT, v TEXT)');
    await h.exec(
      `CREATE TRIGGER test_dial_log_t AFTER UPDATE ON vicidial_live_agents FOR EACH ROW
       IF NOT (NEW.external_dial <=> OLD.external_dial) THEN INSERT INTO test_dial_log (user, v) VALUES (NEW.user, NEW.external_dial); END IF`,
    );
  } else {
    await h.exec('CREATE TABLE test_dial_log (id INTEGER PRIMARY KEY AUTOINCREMENT, user TEXT, v TEXT)');
    await h.exec(
      `CREATE TRIGGER test_dial_log_t AFTER UPDATE OF external_dial ON vicidial_live_agents
       WHEN NEW.external_dial IS NOT OLD.external_dial
       BEGIN INSERT INTO test_dial_log (user, v) VALUES (NEW.user, NEW.external_dial); END`,
    );
  }
});
afterEach(() => h.close());

type Params = Record<string, string | undefined>;

const epoch = () => Math.floor(h.clock.now().getTime() / 1000);

/** external_dial for agent 1000 with the three required YES/NO flags. */
function dial(params: Params = {}) {
  const all: Params = { function: 'external_dial', agent_user: '1000', phone_code: '1', search: 'NO', preview: 'NO', focus: 'NO', ...params };
  return h.api(all as Record<string, string>);
}

function previewAction(params: Params = {}) {
  const all: Params = { function: 'preview_dial_action', agent_user: '1000', ...params };
  return h.api(all as Record<string, string>);
}

/** The 12-field success line of external_dial. */
function dialOk(f: {
  number: string;
  agent?: string;
  phoneCode?: string;
  search?: string;
  preview?: string;
  focus?: string;
  vendorId?: string;
  dialPrefix?: string;
  groupAlias?: string;
  callerId?: string;
  altDial?: string;
}): string {
  return (
    'SUCCESS: external_dial function set - ' +
    [
      f.number,
      f.agent ?? '1000',
      f.phoneCode ?? '1',
      f.search ?? 'NO',
      f.preview ?? 'NO',
      f.focus ?? 'NO',
      f.vendorId ?? '',
      epoch(),
      f.dialPrefix ?? '',
      f.groupAlias ?? '',
      f.callerId ?? '',
      f.altDial ?? '',
    ].join('|') +
    '\n'
  );
}

/** The 14-field `!` string of agent-api.md §7. */
function dialString(f: {
  number: string;
  phoneCode?: string;
  search?: string;
  preview?: string;
  focus?: string;
  vendorId?: string;
  dialPrefix?: string;
  groupAlias?: string;
  callerId?: string;
  vtiger?: string;
  leadId?: string;
  altDial?: string;
  dialIngroup?: string;
}): string {
  return [
    f.number,
    f.phoneCode ?? '1',
    f.search ?? 'NO',
    f.preview ?? 'NO',
    f.focus ?? 'NO',
    f.vendorId ?? '',
    epoch(),
    f.dialPrefix ?? '',
    f.groupAlias ?? '',
    f.callerId ?? '',
    f.vtiger ?? '',
    f.leadId ?? '',
    f.altDial ?? '',
    f.dialIngroup ?? '',
  ].join('!');
}

/** Non-empty values written to external_dial, oldest first. */
async function dialLog(user = '1000'): Promise<string[]> {
  const rows = await h.rows('test_dial_log', { user });
  return rows.map((r) => String(r.v)).filter((v) => v !== '');
}

async function leadCount(): Promise<number> {
  return (await h.rows('vicidial_list')).length;
}

async function liveCalls() {
  return h.rows('vicidial_auto_calls');
}

/** The agent is untouched: paused, no lead, no preview, no call. */
async function expectIdle(user = '1000') {
  const agent = await h.agent(user);
  expect(agent?.status).toBe('PAUSED');
  expect(agent?.leadId).toBe(0);
  expect(agent?.previewLeadId).toBe(0);
  expect(agent?.call).toBeUndefined();
}

async function setCampaign(campaign: string, assignments: string) {
  await h.exec(`UPDATE vicidial_campaigns SET ${assignments} WHERE campaign_id = '${campaign}'`);
}

// ---------------------------------------------------------------------------
describe('external_dial: not valid (8-field line, checked before anything else)', () => {
  it('value shorter than 2 digits without lead_id', async () => {
    const res = await dial({ value: '5' });
    expect(res.body).toBe('ERROR: external_dial not valid - 5|1|NO|NO|NO||1000|\n');
    await expectIdle();
  });

  it('value is reduced to digits before the length test (letters only → empty)', async () => {
    const res = await dial({ value: 'abc' });
    expect(res.body).toBe('ERROR: external_dial not valid - |1|NO|NO|NO||1000|\n');
  });

  it('missing value without lead_id', async () => {
    const res = await dial({});
    expect(res.body).toBe('ERROR: external_dial not valid - |1|NO|NO|NO||1000|\n');
  });

  it('no agent_user and no alt_user', async () => {
    const res = await dial({ value: '3125559999', agent_user: undefined });
    expect(res.body).toBe('ERROR: external_dial not valid - 3125559999|1|NO|NO|NO|||\n');
  });

  it('agent_user and alt_user both shorter than 2', async () => {
    const res = await dial({ value: '3125559999', agent_user: '1', alt_user: 'X' });
    expect(res.body).toBe('ERROR: external_dial not valid - 3125559999|1|NO|NO|NO||1|X\n');
  });

  it('search missing or shorter than 2', async () => {
    expect((await dial({ value: '3125559999', search: undefined })).body).toBe(
      'ERROR: external_dial not valid - 3125559999|1||NO|NO||1000|\n',
    );
    expect((await dial({ value: '3125559999', search: 'Y' })).body).toBe(
      'ERROR: external_dial not valid - 3125559999|1|Y|NO|NO||1000|\n',
    );
  });

  it('preview missing or shorter than 2', async () => {
    expect((await dial({ value: '3125559999', preview: undefined })).body).toBe(
      'ERROR: external_dial not valid - 3125559999|1|NO||NO||1000|\n',
    );
    expect((await dial({ value: '3125559999', preview: 'N' })).body).toBe(
      'ERROR: external_dial not valid - 3125559999|1|NO|N|NO||1000|\n',
    );
  });

  it('focus missing or shorter than 2', async () => {
    expect((await dial({ value: '3125559999', focus: undefined })).body).toBe(
      'ERROR: external_dial not valid - 3125559999|1|NO|NO|||1000|\n',
    );
    expect((await dial({ value: '3125559999', focus: 'Y' })).body).toBe(
      'ERROR: external_dial not valid - 3125559999|1|NO|NO|Y||1000|\n',
    );
  });

  it('lead_id is echoed in the line when the target is missing', async () => {
    const res = await dial({ lead_id: '3', agent_user: undefined, phone_code: undefined });
    expect(res.body).toBe('ERROR: external_dial not valid - ||NO|NO|NO|3||\n');
  });

  it('is reported before the allowed-functions test (user 6668)', async () => {
    const res = await dial({ user: '6668', value: '1' });
    expect(res.body).toBe('ERROR: external_dial not valid - 1|1|NO|NO|NO||1000|\n');
  });

  it('writes nothing', async () => {
    const before = await leadCount();
    await dial({ value: '5' });
    expect(await leadCount()).toBe(before);
    expect(await dialLog()).toEqual([]);
    expect(await liveCalls()).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
describe('external_dial: permission and target', () => {
  it('refuses a user without external_dial in api_allowed_functions', async () => {
    const res = await dial({ user: '6668', value: '3125559999' });
    expect(res.body).toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 3125559999|6668|external_dial|ADMIN\n');
    await expectIdle();
    expect(await dialLog()).toEqual([]);
  });

  it('refuses an agent who is not logged in', async () => {
    const res = await dial({ value: '3125559999', agent_user: '1001' });
    expect(res.body).toBe('ERROR: agent_user is not logged in - 1001\n');
  });

  it('resolves alt_user through custom_three', async () => {
    await h.exec("UPDATE vicidial_users SET custom_three = 'CRM1000' WHERE user = '1000'");
    const res = await dial({ value: '3125559999', agent_user: undefined, alt_user: 'CRM1000' });
    expect(res.body).toBe(dialOk({ number: '3125559999' }));
    expect((await h.agent('1000'))?.status).toBe('INCALL');
  });

  it('stops on an unknown alt_user', async () => {
    const res = await dial({ value: '3125559999', alt_user: 'NOBODY' });
    expect(res.body).toBe('ERROR: no user found - NOBODY\n');
    await expectIdle();
  });
});

// ---------------------------------------------------------------------------
describe('external_dial: session preconditions (STANDARD mode)', () => {
  it('refuses an agent with a call in progress', async () => {
    await h.startCall('1000');
    const res = await dial({ value: '3125559999' });
    expect(res.body).toBe('ERROR: agent_user is not paused - 1000\n');
    const agent = await h.agent('1000');
    expect(agent?.leadId).toBe(1);
    expect(await liveCalls()).toHaveLength(1);
    expect(await dialLog()).toEqual([]);
  });

  it('refuses a READY agent', async () => {
    await h.api({ function: 'external_pause', agent_user: '1000', value: 'RESUME' });
    expect((await h.agent('1000'))?.status).toBe('READY');
    const res = await dial({ value: '3125559999' });
    expect(res.body).toBe('ERROR: agent_user is not paused - 1000\n');
  });

  it('refuses a paused agent that still has a lead (disposition step)', async () => {
    await h.startCall('1000');
    await h.endCall('1000');
    const agent = await h.agent('1000');
    expect(agent?.status).toBe('PAUSED');
    expect(agent?.leadId).toBe(1);
    const res = await dial({ value: '3125559999' });
    expect(res.body).toBe('ERROR: agent_user is not paused - 1000\n');
  });

  it.each(['0', '2'])('refuses when the TARGET agent has agentcall_manual=%s', async (flag) => {
    await h.exec(`UPDATE vicidial_users SET agentcall_manual = '${flag}' WHERE user = '1000'`);
    const res = await dial({ value: '3125559999' });
    expect(res.body).toBe('ERROR: agent_user is not allowed to place manual dial calls - 1000\n');
    await expectIdle();
    expect(await dialLog()).toEqual([]);
  });

  it("does not look at the API user's own agentcall_manual", async () => {
    const [api] = await h.rows('vicidial_users', { user: '6666' });
    expect(api?.agentcall_manual).toBe('0');
    const res = await dial({ value: '3125559999' });
    expect(res.body).toBe(dialOk({ number: '3125559999' }));
  });

  it('checks "not paused" before agentcall_manual', async () => {
    await h.startCall('1000');
    await h.exec("UPDATE vicidial_users SET agentcall_manual = '0' WHERE user = '1000'");
    const res = await dial({ value: '3125559999' });
    expect(res.body).toBe('ERROR: agent_user is not paused - 1000\n');
  });
});

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
    expect(await dialLog()).toEqual([dialString({ number: '3125559999', groupAlias: 'SALESCID', callerId: '3125550100' })]);
    expect((await h.agent('1000'))?.status).toBe('INCALL');
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
    const agent = await h.agent('1000');
    expect(agent?.status).toBe('INCALL');
    expect(agent?.leadId).toBe(3);
    const [call] = await liveCalls();
    expect(call?.phone_number).toBe('3125550103');
    expect(call?.lead_id).toBe(3);
    expect(await dialLog()).toEqual([dialString({ number: '3125550103', leadId: '3' })]);
  });

  it('alt_dial=ALT dials alt_phone', async () => {
    const res = await dial({ lead_id: '3', alt_dial: 'ALT' });
    expect(res.body).toBe(dialOk({ number: '3125557003', altDial: 'ALT' }));
    expect((await liveCalls())[0]?.phone_number).toBe('3125557003');
    expect((await h.agent('1000'))?.leadId).toBe(3);
  });

  it('alt_dial=ADDR3 dials address3', async () => {
    const res = await dial({ lead_id: '3', alt_dial: 'ADDR3' });
    expect(res.body).toBe(dialOk({ number: '3125558003', altDial: 'ADDR3' }));
    expect((await liveCalls())[0]?.phone_number).toBe('3125558003');
  });

  it('alt_dial=SEARCH matching phone_number → MAIN', async () => {
    const res = await dial({ value: '3125550103', lead_id: '3', alt_dial: 'SEARCH' });
    expect(res.body).toBe(dialOk({ number: '3125550103', altDial: 'MAIN' }));
  });

  it('alt_dial=SEARCH matching alt_phone → ALT', async () => {
    const res = await dial({ value: '3125557003', lead_id: '3', alt_dial: 'SEARCH' });
    expect(res.body).toBe(dialOk({ number: '3125557003', altDial: 'ALT' }));
    expect((await liveCalls())[0]?.phone_number).toBe('3125557003');
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

// ---------------------------------------------------------------------------
describe('external_dial: success and the resulting session (STANDARD)', () => {
  it('a plain number: 12-field line, new lead in list 101, agent INCALL, live call', async () => {
    const before = await leadCount();
    const res = await dial({ value: '3125559999' });
    expect(res.status).toBe(200);
    expect(res.body).toBe(dialOk({ number: '3125559999' }));
    expect(res.body.trimEnd().split(' - ')[1]?.split('|')).toHaveLength(12);

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
    expect(await dialLog()).toEqual([dialString({ number: '3125559999' })]);
    const [row] = await h.rows('vicidial_live_agents', { user: '1000' });
    expect(row?.external_dial).toBe('');
  });

  it('non-digits in value are removed', async () => {
    const res = await dial({ value: '312-555-9999' });
    expect(res.body).toBe(dialOk({ number: '3125559999' }));
  });

  it('vendor_id, dial_prefix and focus travel in the line and the dial string; vendor_id becomes vendor_lead_code', async () => {
    const res = await dial({ value: '3125559999', vendor_id: 'VEND42', dial_prefix: '9', focus: 'YES' });
    expect(res.body).toBe(dialOk({ number: '3125559999', vendorId: 'VEND42', dialPrefix: '9', focus: 'YES' }));
    expect(await dialLog()).toEqual([dialString({ number: '3125559999', vendorId: 'VEND42', dialPrefix: '9', focus: 'YES' })]);
    const [lead] = await h.rows('vicidial_list', { phone_number: '3125559999' });
    expect(lead?.vendor_lead_code).toBe('VEND42');
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

  it('MANUALNEXT dials the lowest NEW lead of the campaign lists', async () => {
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

  it('MANUALNEXT skips leads that are not NEW', async () => {
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

  it('search=YES finds an existing lead by phone number', async () => {
    const before = await leadCount();
    const res = await dial({ value: '3125550105', search: 'YES' });
    expect(res.body).toBe(dialOk({ number: '3125550105', search: 'YES' }));
    expect(await leadCount()).toBe(before);
    expect((await h.agent('1000'))?.leadId).toBe(5);
  });

  it('search=NO with a known number creates a new lead in list 101', async () => {
    const before = await leadCount();
    await dial({ value: '3125550105' });
    expect(await leadCount()).toBe(before + 1);
    const leads = await h.rows('vicidial_list', { phone_number: '3125550105' });
    expect(leads).toHaveLength(2);
    const newest = leads.map((l) => Number(l.lead_id)).sort((a, b) => b - a)[0];
    expect((await h.agent('1000'))?.leadId).toBe(newest);
    expect(leads.find((l) => Number(l.lead_id) === newest)?.list_id).toBe(101);
  });

  it('search=YES without a match creates a new lead in list 101', async () => {
    const before = await leadCount();
    await dial({ value: '3125559999', search: 'YES' });
    expect(await leadCount()).toBe(before + 1);
    const [lead] = await h.rows('vicidial_list', { phone_number: '3125559999' });
    expect(lead?.list_id).toBe(101);
  });

  it('preview=YES puts the lead in preview without a call', async () => {
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

  it('preview=YES for a plain number previews a new lead of list 101', async () => {
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
    expect(written).toBe(dialString({ number: '3125559999', vendorId: 'ABC' }));
    const [lead] = await h.rows('vicidial_list', { phone_number: '3125559999' });
    expect(lead?.vendor_lead_code).toBe('ABC');
  });

  it('"|" in vendor_id does not add fields to the 12-field success line', async () => {
    const res = await dial({ value: '3125559999', vendor_id: 'A|B' });
    expect(res.body.trimEnd().split(' - ')[1]?.split('|')).toHaveLength(12);
    expect(res.body).toBe(dialOk({ number: '3125559999', vendorId: 'AB' }));
  });

  it('a forged lead_id in vendor_id cannot dial a lead outside API List Restrict (QUEUE mode)', async () => {
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

  it('a paused agent with no lead takes the queued dial at once', async () => {
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

  it('the oldest queued dial is taken when the agent pauses after the call', async () => {
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
  it('a dial queued during a preview is taken once the preview is skipped', async () => {
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

  it('on a manual-dial campaign the queued dial is taken right after the disposition', async () => {
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
    const agent = await h.agent('1002');
    expect(agent?.status).toBe('INCALL');
    expect(agent?.leadId).toBe(9);
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
    const [lead] = await h.rows('vicidial_list', { phone_number: '6175559999' });
    expect(lead?.list_id).toBe(201);
  });

  it('search=YES does not find a lead of a list outside the scope', async () => {
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

  it('MANUALNEXT takes the lowest NEW lead of OTHERCMP', async () => {
    await dial({ user: '6669', agent_user: '1002', value: 'MANUALNEXT' });
    expect((await h.agent('1002'))?.leadId).toBe(9);
  });

  it('user 6666 (no restriction) may dial lead 1 for agent 1002', async () => {
    const res = await dial({ agent_user: '1002', lead_id: '1' });
    expect(res.body).toBe(dialOk({ number: '3125550101', agent: '1002' }));
  });
});

// ---------------------------------------------------------------------------
describe('preview_dial_action', () => {
  /** Put lead 3 in preview for agent 1000 (alt and address3 numbers set). */
  async function previewLead3() {
    await h.exec("UPDATE vicidial_list SET alt_phone = '3125557003', address3 = '3125558003' WHERE lead_id = 3");
    const res = await dial({ lead_id: '3', preview: 'YES' });
    expect(res.body).toBe(dialOk({ number: '3125550103', preview: 'YES' }));
    expect((await h.agent('1000'))?.previewLeadId).toBe(3);
  }

  it('not valid: unknown action', async () => {
    const res = await previewAction({ value: 'BOGUS' });
    expect(res.body).toBe('ERROR: preview_dial_action not valid - BOGUS||1000|\n');
  });

  it('not valid: value reduced to [A-Z0-9] (lower case is dropped)', async () => {
    const res = await previewAction({ value: 'skip' });
    expect(res.body).toBe('ERROR: preview_dial_action not valid - ||1000|\n');
  });

  it('not valid: no target', async () => {
    const res = await previewAction({ value: 'SKIP', agent_user: undefined });
    expect(res.body).toBe('ERROR: preview_dial_action not valid - SKIP|||\n');
  });

  it('not valid: agent_user and alt_user shorter than 2', async () => {
    const res = await previewAction({ value: 'SKIP', agent_user: '1', alt_user: 'Z' });
    expect(res.body).toBe('ERROR: preview_dial_action not valid - SKIP||1|Z\n');
  });

  it('permission line for user 6668', async () => {
    const res = await previewAction({ user: '6668', value: 'SKIP' });
    expect(res.body).toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - SKIP|6668|preview_dial_action|ADMIN\n');
  });

  it('agent not logged in', async () => {
    const res = await previewAction({ value: 'SKIP', agent_user: '1001' });
    expect(res.body).toBe('ERROR: agent_user is not logged in - 1001\n');
  });

  it('campaign manual_preview_dial=DISABLED', async () => {
    await setCampaign('TESTCAMP', "manual_preview_dial = 'DISABLED'");
    const res = await previewAction({ value: 'DIALONLY' });
    expect(res.body).toBe('ERROR: preview dialing not allowed on this campaign - 1000|TESTCAMP|DISABLED\n');
  });

  it('campaign PREVIEW_ONLY refuses SKIP', async () => {
    await setCampaign('TESTCAMP', "manual_preview_dial = 'PREVIEW_ONLY'");
    const res = await previewAction({ value: 'SKIP' });
    expect(res.body).toBe('ERROR: preview dial skipping not allowed on this campaign - 1000|TESTCAMP|PREVIEW_ONLY\n');
  });

  it('campaign PREVIEW_ONLY allows DIALONLY', async () => {
    await setCampaign('TESTCAMP', "manual_preview_dial = 'PREVIEW_ONLY'");
    const res = await previewAction({ value: 'DIALONLY' });
    expect(res.body).toBe('SUCCESS: preview_dial_action function set - DIALONLY|1000|DIALONLY\n');
  });

  it.each(['ALTDIAL', 'ADR3DIAL', 'FINISH'])('alt_number_dialing=N refuses %s', async (action) => {
    await setCampaign('TESTCAMP', "alt_number_dialing = 'N'");
    const res = await previewAction({ value: action });
    expect(res.body).toBe('ERROR: alt number dialing not allowed on this campaign - 1000|TESTCAMP|N\n');
  });

  it('alt_number_dialing=N still allows SKIP and DIALONLY', async () => {
    await setCampaign('TESTCAMP', "alt_number_dialing = 'N'");
    expect((await previewAction({ value: 'SKIP' })).body).toBe('SUCCESS: preview_dial_action function set - SKIP|1000|SKIP\n');
    expect((await previewAction({ value: 'DIALONLY' })).body).toBe(
      'SUCCESS: preview_dial_action function set - DIALONLY|1000|DIALONLY\n',
    );
  });

  it('campaign checks come before the paused check', async () => {
    await h.startCall('1000');
    await setCampaign('TESTCAMP', "manual_preview_dial = 'DISABLED'");
    const res = await previewAction({ value: 'SKIP' });
    expect(res.body).toBe('ERROR: preview dialing not allowed on this campaign - 1000|TESTCAMP|DISABLED\n');
  });

  it('agent not paused', async () => {
    await h.startCall('1000');
    const res = await previewAction({ value: 'SKIP' });
    expect(res.body).toBe('ERROR: agent_user is not paused - 1000\n');
    expect((await h.rows('vicidial_live_agents', { user: '1000' }))[0]?.external_dial).toBe('');
  });

  it('target agent not allowed to place manual dial calls', async () => {
    await h.exec("UPDATE vicidial_users SET agentcall_manual = '3' WHERE user = '1000'");
    const res = await previewAction({ value: 'SKIP' });
    expect(res.body).toBe('ERROR: agent_user is not allowed to place manual dial calls - 1000\n');
  });

  it('success line; without a previewed lead the value is only written to external_dial', async () => {
    const res = await previewAction({ value: 'SKIP' });
    expect(res.body).toBe('SUCCESS: preview_dial_action function set - SKIP|1000|SKIP\n');
    const [row] = await h.rows('vicidial_live_agents', { user: '1000' });
    expect(row?.external_dial).toBe('SKIP');
    await expectIdle();
  });

  it('SKIP clears the preview', async () => {
    await previewLead3();
    const res = await previewAction({ value: 'SKIP' });
    expect(res.body).toBe('SUCCESS: preview_dial_action function set - SKIP|1000|SKIP\n');
    await expectIdle();
    expect(await liveCalls()).toEqual([]);
    expect(await dialLog()).toContain('SKIP');
  });

  it('DIALONLY dials the previewed lead', async () => {
    await previewLead3();
    const res = await previewAction({ value: 'DIALONLY' });
    expect(res.body).toBe('SUCCESS: preview_dial_action function set - DIALONLY|1000|DIALONLY\n');
    const agent = await h.agent('1000');
    expect(agent?.status).toBe('INCALL');
    expect(agent?.leadId).toBe(3);
    expect(agent?.previewLeadId).toBe(0);
    expect(agent?.call?.callerId).toMatch(/^M\d{10}000000003$/);
    const calls = await liveCalls();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.phone_number).toBe('3125550103');
  });

  it('ALTDIAL dials the alt phone of the previewed lead', async () => {
    await previewLead3();
    await previewAction({ value: 'ALTDIAL' });
    expect((await h.agent('1000'))?.leadId).toBe(3);
    expect((await liveCalls())[0]?.phone_number).toBe('3125557003');
  });

  it('ADR3DIAL dials address3 of the previewed lead', async () => {
    await previewLead3();
    await previewAction({ value: 'ADR3DIAL' });
    expect((await liveCalls())[0]?.phone_number).toBe('3125558003');
  });

  it('value is reduced to [A-Z0-9] before use: SK_IP acts as SKIP and is logged as SKIP', async () => {
    const res = await previewAction({ value: 'SK_IP' });
    expect(res.body).toBe('SUCCESS: preview_dial_action function set - SKIP|1000|SKIP\n');
    const logs = await h.rows('vicidial_api_log', { function: 'preview_dial_action' });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ value: 'SKIP', data: 'SKIP', result: 'SUCCESS' });
    expect((await h.rows('vicidial_live_agents', { user: '1000' }))[0]?.external_dial).toBe('SKIP');
  });

  it('the permission line shows the reduced value, as api.php does', async () => {
    const res = await previewAction({ user: '6668', value: 'SK_IP' });
    expect(res.body).toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - SKIP|6668|preview_dial_action|ADMIN\n');
  });

  it('API List Restrict: 6669 may act for 1002 in OTHERCMP, not for 1000', async () => {
    await h.login('1002', 'OTHERCMP');
    expect((await previewAction({ user: '6669', agent_user: '1002', value: 'SKIP' })).body).toBe(
      'SUCCESS: preview_dial_action function set - SKIP|1002|SKIP\n',
    );
    expect((await previewAction({ user: '6669', value: 'SKIP' })).body).toBe(
      'ERROR: agent_user is in a campaign not allowed for this user - 1000||6669\n',
    );
  });
});
