/** Hostile and malformed requests to the non-agent API: a clear line, never a 500, nothing half-written. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const raw = async (query: string) => {
  const res = await h.app.inject({ method: 'GET', url: `/vicidial/non_agent_api.php?source=test&user=6000&pass=1234&${query}` });
  return { status: res.statusCode, body: res.body };
};

describe('bad input', () => {
  it.each([
    ['function=lead_all_info&lead_id=999999999999999999999999', 'ERROR: lead_all_info LEAD NOT FOUND: 6000|999999999999999999999999|\n'],
    ['function=lead_field_info&lead_id=1&field_name=%00%27', 'ERROR: lead_field_info INVALID SEARCH PARAMETERS: 6000|1|\n'],
    ['function=update_lead&lead_id=abc', 'ERROR: update_lead NO VALID SEARCH METHOD - 6000|LEAD_ID|||\n'],
    ['function=add_lead&phone_number[]=3125550000', 'ERROR: add_lead INVALID PHONE NUMBER LENGTH - |6000\n'],
    // An escape that is not UTF-8 stays as written (LegacyRequest); the digit filter then keeps its digits.
    ['function=add_lead&phone_number=%E0%A4%A&list_id=101', 'ERROR: add_lead INVALID PHONE NUMBER LENGTH - 04|6000\n'],
    ['function=list_info&list_id=99999999999999999999', 'ERROR: list_info YOU MUST USE ALL REQUIRED FIELDS: |6000|99999999999999999999||\n'],
    ['function=agent_stats_export&datetime_start=x&datetime_end=y', 'ERROR: agent_stats_export INVALID SEARCH PARAMETERS: 6000||||\n'],
    ['function=batch_update_lead&lead_ids=1,,,99999999999999999999&status=NI', 'SUCCESS: batch_update_lead LEADS HAVE BEEN UPDATED - 6000|1|1|1\n'],
    ['function=update_user&agent_user=1000&wrapup_seconds_override=99999', 'ERROR: update_user wrapup_seconds_override MUST BE A VALID DIGIT BETWEEN -1 AND 9999, THIS IS AN OPTIONAL FIELD: |6000|99999\n'],
  ])('%s', async (query, expected) => {
    const res = await raw(query);
    expect(res.status).toBe(200);
    expect(res.body).toBe(expected);
  });

  it('refuses an over-long URL with 414 and a line that says what to do', async () => {
    const res = await raw(`function=lead_search&phone_number=${'1'.repeat(9000)}`);
    expect(res.status).toBe(414);
    expect(res.body).toMatch(/^ERROR: request URL too long/);
  });
});
