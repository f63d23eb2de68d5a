/**
 * What issue 8's penetration test tried and found held, kept held:
 * - broken function-level authorization: a function outside API Allowed
 *   Functions stays refused however its name is sent — another case, a NUL
 *   byte, as an array, repeated, in GET or POST or multipart, or aimed at
 *   another agent through alt_user — on both APIs, and nothing changes;
 * - SQL injection: every parameter whose character filter keeps a quote or a
 *   backslash, sent to every function of both APIs, changes nothing but what
 *   the function writes as plain text, and never answers 500.
 * (Size limits and secrets: bad-input.test.ts and secrets.test.ts.)
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_PARAMS } from '../../src/api/agent/example-params.js';
import { AGENT_FUNCTION_NAMES } from '../../src/api/agent/registry.js';
import { NON_AGENT_FUNCTIONS } from '../../src/api/non-agent/registry.js';
import { ADMIN_FLAGS } from '../../src/demo/seed-non-agent.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  // A non-agent API user allowed user_details only.
  await h.services.store.users.insert({ ...ADMIN_FLAGS, user: '7010', pass_hash: await h.services.passwords.hash('1234'), user_group: 'ADMIN', api_allowed_functions: ' user_details ' });
});
afterAll(() => h.close());

/** The tables in the database, whichever its dialect. */
const tableNames = async () => (await h.services.database.db.introspection.getTables()).map((t) => t.name);

/** Every table but the audit trail (and the users' login stamps), as text. */
async function state(): Promise<string> {
  const tables = (await tableNames()).filter((name) => !/^(vicidial_api_log|vicidial_api_urls|vicidial_webservers|vicidial_urls|vicidial_users|sqlite_)/.test(name));
  return JSON.stringify([await users(), ...(await Promise.all(tables.map((name) => h.rows(name))))]);
}

/**
 * Users as the permission model reads them: without what a login stamps, and
 * the text fields functions write as plain text (st_login_log's custom_four,
 * update_user's email and names).
 */
async function users(): Promise<string> {
  const written = /^(custom_.*|email|full_name|last_login_date|last_ip|failed_.*)$/;
  return JSON.stringify((await h.rows('vicidial_users')).map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !written.test(k)))));
}

// 6668 may call external_pause and external_status only; external_hangup is the target.
const AGENT_DENIED = 'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 1|6668|external_hangup|ADMIN\n';
const agentCreds = 'source=test&user=6668&pass=1234&agent_user=1000&value=1';
const form = (body: string) => ({ method: 'POST' as const, url: '/agc/api.php', payload: body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const multipart = (fields: Record<string, string>) => {
  const body = Object.entries(fields)
    .map(([k, v]) => `--b\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join('');
  return { method: 'POST' as const, url: '/agc/api.php', payload: `${body}--b--\r\n`, headers: { 'content-type': 'multipart/form-data; boundary=b' } };
};

const BFLA: [string, InjectOptions, RegExp | string][] = [
  ['the plain name', { url: `/agc/api.php?${agentCreds}&function=external_hangup` }, AGENT_DENIED],
  ['another case', { url: `/agc/api.php?${agentCreds}&function=External_Hangup` }, 'ERROR: function not valid - External_Hangup\n'],
  ['upper case', { url: `/agc/api.php?${agentCreds}&function=EXTERNAL_HANGUP` }, 'ERROR: function not valid - EXTERNAL_HANGUP\n'],
  ['a NUL byte after it', { url: `/agc/api.php?${agentCreds}&function=external_hangup%00` }, AGENT_DENIED],
  ['a NUL byte inside it', { url: `/agc/api.php?${agentCreds}&function=external%00_hangup` }, AGENT_DENIED],
  ['as an array', { url: `/agc/api.php?${agentCreds}&function[]=external_hangup` }, 'ERROR: function not valid - \n'],
  ['repeated, the allowed one first', { url: `/agc/api.php?${agentCreds}&function=external_pause&function=external_hangup` }, AGENT_DENIED],
  ['in POST', form(`${agentCreds}&function=external_hangup`), AGENT_DENIED],
  ['in POST under an allowed GET name (GET wins)', { ...form('function=external_hangup'), url: `/agc/api.php?${agentCreds}&function=external_pause` }, /^ERROR: external_pause not valid/],
  ['in multipart', multipart({ source: 'test', user: '6668', pass: '1234', agent_user: '1000', value: '1', function: 'external_hangup' }), AGENT_DENIED],
  ['aimed through alt_user', { url: `/agc/api.php?source=test&user=6668&pass=1234&alt_user=CRM1000&value=1&function=external_hangup` }, AGENT_DENIED],
  [
    'on the non-agent API',
    { url: '/vicidial/non_agent_api.php?source=test&user=7010&pass=1234&function=add_lead&phone_number=3125557777&list_id=101' },
    'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION: |7010|add_lead|\n',
  ],
  [
    'on the non-agent API, with a NUL byte',
    { url: '/vicidial/non_agent_api.php?source=test&user=7010&pass=1234&function=add_lead%00&phone_number=3125557777&list_id=101' },
    'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION: |7010|add_lead|\n',
  ],
  [
    'on the non-agent API, in another case',
    { url: '/vicidial/non_agent_api.php?source=test&user=7010&pass=1234&function=Add_Lead&phone_number=3125557777&list_id=101' },
    'ERROR: NO FUNCTION SPECIFIED\n',
  ],
];

describe('a function outside API Allowed Functions stays refused, however it is named', () => {
  it.each(BFLA)('%s', async (_name, request, expected) => {
    const before = await state();
    const res = await h.app.inject(request);
    if (typeof expected === 'string') expect(res.body).toBe(expected);
    else expect(res.body).toMatch(expected);
    expect(await state()).toBe(before);
  });
});

/** The parameters whose filters keep a quote or a backslash: where an injection could get through. */
const QUOTED = [
  'title', 'first_name', 'last_name', 'alt_phone', 'address1', 'address2', 'address3', 'city', 'owner', 'security_phrase',
  'province', 'postal_code', 'email', 'vendor_lead_code', 'source_id', 'comments', 'vendor_id', 'notification_text', 'stage',
];
const PAYLOADS = ["x' OR '1'='1", 'x\\\' OR 1=1 --', "x'); DROP TABLE vicidial_users; --", 'x" OR "1"="1'];

describe('SQL injection in every parameter that keeps a quote, for every function', () => {
  it.each([...AGENT_FUNCTION_NAMES.filter((f) => f !== 'version')])('agent API %s', async (fn) => {
    const before = await users();
    for (const param of QUOTED)
      for (const payload of PAYLOADS) {
        const res = await h.api({ function: fn, agent_user: '1000', ...EXAMPLE_PARAMS[fn], [param]: payload });
        expect(res.status, `${param}=${payload}`).toBeLessThan(500);
        expect(res.body).not.toMatch(/SQL|sqlite|syntax|\n\s+at /i);
      }
    expect(await users()).toBe(before);
  });

  it.each(NON_AGENT_FUNCTIONS.map((f) => f.name))('non-agent API %s', async (fn) => {
    const before = await users();
    for (const param of QUOTED)
      for (const payload of PAYLOADS) {
        const res = await h.nonAgent({ function: fn, lead_id: '1', list_id: '101', phone_number: '3125550101', agent_user: '1000', campaigns: 'TESTCAMP', [param]: payload });
        expect(res.status, `${param}=${payload}`).toBeLessThan(500);
        expect(res.body).not.toMatch(/SQL|sqlite|syntax|\n\s+at /i);
      }
    expect(await users()).toBe(before);
  });

  it('leaves every table in place', async () => {
    const names = await tableNames();
    expect(names).toContain('vicidial_users');
    expect(names).toContain('vicidial_list');
  });
});
