/**
 * external_add_lead (agent-api.md §8.9), with the permission order of
 * permissions.md §1/§3/§4 and agentgate's API List Restrict. Response lines
 * are compared byte for byte; the inserted vicidial_list row column by column.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { harnessForEachTest } from '../support/harness.js';

const h = harnessForEachTest();

type Params = Record<string, string | undefined>;

function addLead(params: Params = {}) {
  const all: Params = { function: 'external_add_lead', agent_user: '1000', phone_code: '1', ...params };
  return h.api(all as Record<string, string>);
}

const SEEDED_LEADS = 11;

async function leads() {
  return h.rows('vicidial_list');
}

async function leadCount(): Promise<number> {
  return (await leads()).length;
}

async function newestLead() {
  const all = await leads();
  return all.sort((a, b) => Number(b.lead_id) - Number(a.lead_id))[0]!;
}

/** The agent's session is not touched by external_add_lead. */
async function expectAgentUntouched(user = '1000') {
  const agent = await h.agent(user);
  expect(agent?.status).toBe('PAUSED');
  expect(agent?.leadId).toBe(0);
  expect(agent?.previewLeadId).toBe(0);
  expect(agent?.call).toBeUndefined();
  const [row] = await h.rows('vicidial_live_agents', { user });
  expect(row?.external_dial).toBe('');
}

// ---------------------------------------------------------------------------
describe('external_add_lead: not valid', () => {
  it('phone_code missing', async () => {
    const res = await addLead({ value: '3125559999', phone_code: undefined });
    expect(res.body).toBe('ERROR: external_add_lead not valid - 3125559999||1000|\n');
    expect(await leadCount()).toBe(SEEDED_LEADS);
  });

  it('phone_code filtered to [0-9X] and then empty', async () => {
    const res = await addLead({ value: '3125559999', phone_code: 'ab' });
    expect(res.body).toBe('ERROR: external_add_lead not valid - 3125559999||1000|\n');
  });

  it('phone shorter than 2', async () => {
    const res = await addLead({ value: '5' });
    expect(res.body).toBe('ERROR: external_add_lead not valid - 5|1|1000|\n');
    expect(await leadCount()).toBe(SEEDED_LEADS);
  });

  it('no phone at all', async () => {
    const res = await addLead({});
    expect(res.body).toBe('ERROR: external_add_lead not valid - |1|1000|\n');
  });

  it('empty value and a 1-character phone_number', async () => {
    const res = await addLead({ value: '', phone_number: '5' });
    expect(res.body).toBe('ERROR: external_add_lead not valid - |1|1000|\n');
  });

  it('no agent_user and no alt_user', async () => {
    const res = await addLead({ value: '3125559999', agent_user: undefined });
    expect(res.body).toBe('ERROR: external_add_lead not valid - 3125559999|1||\n');
  });

  it('agent_user and alt_user shorter than 2', async () => {
    const res = await addLead({ value: '3125559999', agent_user: '1', alt_user: 'Q' });
    expect(res.body).toBe('ERROR: external_add_lead not valid - 3125559999|1|1|Q\n');
  });

  it('is reported before the allowed-functions test (user 6668)', async () => {
    const res = await addLead({ user: '6668', value: '5' });
    expect(res.body).toBe('ERROR: external_add_lead not valid - 5|1|1000|\n');
  });
});

// ---------------------------------------------------------------------------
describe('external_add_lead: permission and target', () => {
  it('refuses a user without external_add_lead in api_allowed_functions', async () => {
    const res = await addLead({ user: '6668', value: '3125559999' });
    expect(res.body).toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 3125559999|6668|external_add_lead|ADMIN\n');
    expect(await leadCount()).toBe(SEEDED_LEADS);
  });

  it('the permission line shows the phone taken from phone_number, as api.php does', async () => {
    const res = await addLead({ user: '6668', phone_number: '3125554444' });
    expect(res.body).toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 3125554444|6668|external_add_lead|ADMIN\n');
  });

  it('refuses an agent who is not logged in', async () => {
    const res = await addLead({ value: '3125559999', agent_user: '1001' });
    expect(res.body).toBe('ERROR: agent_user is not logged in - 1001\n');
    expect(await leadCount()).toBe(SEEDED_LEADS);
  });

  it('resolves alt_user through custom_three', async () => {
    await h.exec("UPDATE vicidial_users SET custom_three = 'CRM1000' WHERE user = '1000'");
    const res = await addLead({ value: '3125559999', agent_user: undefined, alt_user: 'CRM1000' });
    expect(res.body).toBe(`SUCCESS: lead added - 3125559999|TESTCAMP|101|${SEEDED_LEADS + 1}|1000\n`);
  });
});

// ---------------------------------------------------------------------------
describe('external_add_lead: phone number source', () => {
  it('takes the phone from phone_number when value is empty', async () => {
    const res = await addLead({ phone_number: '3125554444' });
    expect(res.body).toBe(`SUCCESS: lead added - 3125554444|TESTCAMP|101|${SEEDED_LEADS + 1}|1000\n`);
    const lead = await newestLead();
    expect(lead.phone_number).toBe('3125554444');    const [log] = await h.rows('vicidial_api_log', { function: 'external_add_lead' });
    expect(log).toMatchObject({ value: '3125554444', data: `3125554444|101|${SEEDED_LEADS + 1}` });
  });

  it('value wins over phone_number', async () => {
    const res = await addLead({ value: '3125553333', phone_number: '3125554444' });
    expect(res.body).toBe(`SUCCESS: lead added - 3125553333|TESTCAMP|101|${SEEDED_LEADS + 1}|1000\n`);
    expect((await newestLead()).phone_number).toBe('3125553333');
  });
});

// ---------------------------------------------------------------------------
describe('external_add_lead: campaign', () => {
  it('campaign row missing → campaign manual dial list undefined', async () => {
    await h.login('1002', 'OTHERCMP');
    await h.exec("DELETE FROM vicidial_campaigns WHERE campaign_id = 'OTHERCMP'");
    const res = await addLead({ value: '3125559999', agent_user: '1002' });
    expect(res.body).toBe('ERROR: campaign manual dial list undefined - 3125559999||1002\n');
    expect(await leadCount()).toBe(SEEDED_LEADS);
  });

  it("uses the campaign's manual_dial_list_id", async () => {
    await h.exec("UPDATE vicidial_campaigns SET manual_dial_list_id = 998 WHERE campaign_id = 'TESTCAMP'");
    const res = await addLead({ value: '3125559999' });
    expect(res.body).toBe(`SUCCESS: lead added - 3125559999|TESTCAMP|998|${SEEDED_LEADS + 1}|1000\n`);
    expect((await newestLead()).list_id).toBe(998);
  });
});

// ---------------------------------------------------------------------------
describe('external_add_lead: DNC checks', () => {
  it.each(['YES', 'Y'])('dnc_check=%s and a system DNC number', async (flag) => {
    const res = await addLead({ value: '3125550199', dnc_check: flag });
    expect(res.body).toBe('ERROR: add_lead PHONE NUMBER IN DNC - 3125550199|1000\n');
    expect(await leadCount()).toBe(SEEDED_LEADS);
    expect(await h.rows('vicidial_list', { phone_number: '3125550199' })).toEqual([]);
  });

  it('the system DNC list is not consulted without dnc_check', async () => {
    const res = await addLead({ value: '3125550199' });
    expect(res.body).toBe(`SUCCESS: lead added - 3125550199|TESTCAMP|101|${SEEDED_LEADS + 1}|1000\n`);
  });

  it('dnc_check=NO does not check', async () => {
    const res = await addLead({ value: '3125550199', dnc_check: 'NO' });
    expect(res.body).toBe(`SUCCESS: lead added - 3125550199|TESTCAMP|101|${SEEDED_LEADS + 1}|1000\n`);
  });

  it.each(['YES', 'Y'])('campaign_dnc_check=%s and a TESTCAMP DNC number', async (flag) => {
    const res = await addLead({ value: '3125550198', campaign_dnc_check: flag });
    expect(res.body).toBe('ERROR: add_lead PHONE NUMBER IN CAMPAIGN DNC - 3125550198|TESTCAMP|1000\n');
    expect(await leadCount()).toBe(SEEDED_LEADS);
  });

  it('the campaign DNC list is not consulted without campaign_dnc_check', async () => {
    const res = await addLead({ value: '3125550198', dnc_check: 'YES' });
    expect(res.body).toBe(`SUCCESS: lead added - 3125550198|TESTCAMP|101|${SEEDED_LEADS + 1}|1000\n`);
  });

  it('campaign_dnc_check does not look at the system DNC list', async () => {
    const res = await addLead({ value: '3125550199', campaign_dnc_check: 'YES' });
    expect(res.body).toBe(`SUCCESS: lead added - 3125550199|TESTCAMP|101|${SEEDED_LEADS + 1}|1000\n`);
  });

  it('a number in both lists with both checks → both lines, nothing inserted', async () => {
    await h.exec("INSERT INTO vicidial_dnc (phone_number) VALUES ('3125550198')");
    const res = await addLead({ value: '3125550198', dnc_check: 'YES', campaign_dnc_check: 'YES' });
    expect(res.body).toBe(
      'ERROR: add_lead PHONE NUMBER IN DNC - 3125550198|1000\n' + 'ERROR: add_lead PHONE NUMBER IN CAMPAIGN DNC - 3125550198|TESTCAMP|1000\n',
    );
    expect(await leadCount()).toBe(SEEDED_LEADS);
  });

  it("use_other_campaign_dnc: the other campaign's DNC list is checked instead", async () => {
    await h.exec("UPDATE vicidial_campaigns SET use_other_campaign_dnc = 'OTHERCMP' WHERE campaign_id = 'TESTCAMP'");
    await h.exec("INSERT INTO vicidial_campaign_dnc (phone_number, campaign_id) VALUES ('3125550197', 'OTHERCMP')");
    const hit = await addLead({ value: '3125550197', campaign_dnc_check: 'YES' });
    expect(hit.body).toBe('ERROR: add_lead PHONE NUMBER IN CAMPAIGN DNC - 3125550197|TESTCAMP|1000\n');
    expect(await leadCount()).toBe(SEEDED_LEADS);
    // TESTCAMP's own list no longer applies.
    const own = await addLead({ value: '3125550198', campaign_dnc_check: 'YES' });
    expect(own.body).toBe(`SUCCESS: lead added - 3125550198|TESTCAMP|101|${SEEDED_LEADS + 1}|1000\n`);
  });

  it('DNC hits are logged as ERROR with api.php\'s data (phone, or phone|campaign)', async () => {
    await addLead({ value: '3125550199', dnc_check: 'YES' });
    await addLead({ value: '3125550198', campaign_dnc_check: 'YES' });
    const logs = await h.rows('vicidial_api_log', { function: 'external_add_lead' });
    expect(logs.map((l) => [l.result, l.result_reason, l.agent_user, l.value, l.data])).toEqual([
      ['ERROR', 'add_lead PHONE NUMBER IN DNC', '1000', '3125550199', '3125550199'],
      ['ERROR', 'add_lead PHONE NUMBER IN CAMPAIGN DNC', '1000', '3125550198', '3125550198|TESTCAMP'],
    ]);
  });
});

// ---------------------------------------------------------------------------
describe('external_add_lead: success', () => {
  const FIELDS = {
    vendor_lead_code: 'VLC1',
    vendor_id: 'VID9',
    source_id: 'SRC1',
    gmt_offset_now: '-5.00',
    title: 'Dr',
    first_name: 'Grace',
    middle_initial: 'M',
    last_name: "O'Brien",
    address1: '1 Main St',
    address2: 'Apt 2',
    address3: 'Bldg 3',
    city: 'Chicago',
    state: 'IL',
    province: 'Cook',
    postal_code: '60601',
    country_code: 'USA',
    gender: 'F',
    date_of_birth: '1970-01-02',
    alt_phone: '3125554321',
    email: 'grace@example.com',
    security_phrase: 'open sesame',
    comments: 'call after 5',
    rank: '5',
    owner: 'owner1',
  };

  it('success line, and the inserted row', async () => {
    const res = await addLead({ value: '3125559999', ...FIELDS });
    const leadId = SEEDED_LEADS + 1;
    expect(res.status).toBe(200);
    expect(res.body).toBe(`SUCCESS: lead added - 3125559999|TESTCAMP|101|${leadId}|1000\n`);
    expect(await leadCount()).toBe(SEEDED_LEADS + 1);

    const [row] = await h.rows('vicidial_list', { lead_id: leadId });
    expect(row).toMatchObject({
      status: 'NEW',
      user: '6666',
      list_id: 101,
      phone_code: '1',
      phone_number: '3125559999',
      called_since_last_reset: 'N',
      // vendor_id overrides vendor_lead_code
      vendor_lead_code: 'VID9',
      source_id: 'SRC1',
      title: 'Dr',
      first_name: 'Grace',
      middle_initial: 'M',
      last_name: "O'Brien",
      address1: '1 Main St',
      address2: 'Apt 2',
      address3: 'Bldg 3',
      city: 'Chicago',
      state: 'IL',
      province: 'Cook',
      postal_code: '60601',
      country_code: 'USA',
      gender: 'F',
      date_of_birth: '1970-01-02',
      alt_phone: '3125554321',
      email: 'grace@example.com',
      security_phrase: 'open sesame',
      comments: 'call after 5',
      rank: 5,
      owner: 'owner1',
      entry_date: '2026-11-28 10:00:00',
      last_local_call_time: '2026-11-28 10:00:00',
      called_count: 0,
    });
    // gmt_offset_now is documented but not stored: the column keeps its default.
    expect(Number(row?.gmt_offset_now)).toBe(0);
  });

  it('vendor_lead_code is kept when no vendor_id is sent', async () => {
    await addLead({ value: '3125559999', vendor_lead_code: 'VLC1' });
    expect((await newestLead()).vendor_lead_code).toBe('VLC1');
  });

  it('writes the audit row with data <phone>|<list_id>|<lead_id>', async () => {
    await addLead({ value: '3125559999' });
    const logs = await h.rows('vicidial_api_log', { function: 'external_add_lead' });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      user: '6666',
      agent_user: '1000',
      value: '3125559999',
      result: 'SUCCESS',
      result_reason: 'lead added',
      data: `3125559999|101|${SEEDED_LEADS + 1}`,
    });
  });

  it('does not touch the agent session', async () => {
    await addLead({ value: '3125559999' });
    await expectAgentUntouched();
    expect(await h.rows('vicidial_auto_calls')).toEqual([]);
  });

  it('cuts an over-long first_name to 30 characters', async () => {
    const long = 'Abcdefghij'.repeat(4);
    const res = await addLead({ value: '3125559999', first_name: long });
    expect(res.body).toBe(`SUCCESS: lead added - 3125559999|TESTCAMP|101|${SEEDED_LEADS + 1}|1000\n`);
    expect((await newestLead()).first_name).toBe(long.slice(0, 30));
  });

  it('each call adds a new lead (no duplicate check)', async () => {
    await addLead({ value: '3125559999' });
    const res = await addLead({ value: '3125559999' });
    expect(res.body).toBe(`SUCCESS: lead added - 3125559999|TESTCAMP|101|${SEEDED_LEADS + 2}|1000\n`);
    expect(await h.rows('vicidial_list', { phone_number: '3125559999' })).toHaveLength(2);
  });
});

// ---------------------------------------------------------------------------
describe('external_add_lead: API List Restrict (user 6669, TEAM_B → OTHERCMP only)', () => {
  beforeEach(async () => {
    await h.login('1002', 'OTHERCMP');
  });

  it('adds to list 201 for agent 1002 logged into OTHERCMP', async () => {
    const res = await addLead({ user: '6669', agent_user: '1002', value: '6175559999' });
    expect(res.body).toBe(`SUCCESS: lead added - 6175559999|OTHERCMP|201|${SEEDED_LEADS + 1}|1002\n`);
    const lead = await newestLead();
    expect(lead).toMatchObject({ list_id: 201, user: '6669', phone_number: '6175559999', status: 'NEW' });
  });

  it('refuses agent 1000 (logged into TESTCAMP)', async () => {
    const res = await addLead({ user: '6669', value: '3125559999' });
    expect(res.body).toBe('ERROR: agent_user is in a campaign not allowed for this user - 1000||6669\n');
    expect(await leadCount()).toBe(SEEDED_LEADS);
  });

  it("refuses when the campaign's manual dial list belongs to a campaign outside the scope", async () => {
    await h.exec("UPDATE vicidial_campaigns SET manual_dial_list_id = 101 WHERE campaign_id = 'OTHERCMP'");
    const res = await addLead({ user: '6669', agent_user: '1002', value: '6175559999' });
    expect(res.body).toBe('ERROR: list is not allowed for this user - 6175559999||1002|6669\n');
    expect(await leadCount()).toBe(SEEDED_LEADS);
  });

  it('refuses a manual dial list that does not exist', async () => {
    await h.exec("UPDATE vicidial_campaigns SET manual_dial_list_id = 998 WHERE campaign_id = 'OTHERCMP'");
    const res = await addLead({ user: '6669', agent_user: '1002', value: '6175559999' });
    expect(res.body).toBe('ERROR: list is not allowed for this user - 6175559999||1002|6669\n');
    expect(await leadCount()).toBe(SEEDED_LEADS);
  });
});

// ---------------------------------------------------------------------------
describe('external_add_lead: SQL injection attempts are stored literally', () => {
  it('comments, vendor_lead_code and source_id with quotes and SQL', async () => {
    const before = await leads();
    const users = await h.rows('vicidial_users');
    const res = await addLead({
      value: '3125559999',
      comments: "x'); DROP TABLE vicidial_list; -- # tail",
      vendor_lead_code: "1' OR '1'='1",
      source_id: "'; UPDATE vicidial_list SET status='X'; --",
    });
    const leadId = SEEDED_LEADS + 1;
    expect(res.body).toBe(`SUCCESS: lead added - 3125559999|TESTCAMP|101|${leadId}|1000\n`);

    const [row] = await h.rows('vicidial_list', { lead_id: leadId });
    // Only ';' and '#' are deleted by the input filter (agent-api.md §3); quotes survive.
    expect(row?.comments).toBe("x') DROP TABLE vicidial_list --  tail");
    expect(row?.vendor_lead_code).toBe("1' OR '1'='1");
    expect(row?.source_id).toBe("' UPDATE vicidial_list SET status='X' --");

    // Nothing else changed.
    const after = await leads();
    expect(after).toHaveLength(before.length + 1);
    expect(after.filter((l) => Number(l.lead_id) !== leadId)).toEqual(before);
    expect(await h.rows('vicidial_users')).toEqual(users);
  });

  it('vendor_id with quotes overrides vendor_lead_code literally', async () => {
    const res = await addLead({ value: '3125559999', vendor_lead_code: 'plain', vendor_id: "a'--\"b" });
    expect(res.body).toBe(`SUCCESS: lead added - 3125559999|TESTCAMP|101|${SEEDED_LEADS + 1}|1000\n`);
    expect((await newestLead()).vendor_lead_code).toBe("a'--\"b");
    expect(await leadCount()).toBe(SEEDED_LEADS + 1);
  });
});
