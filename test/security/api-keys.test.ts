/**
 * API keys (issue 11 §2, §8): a key acts as its API user and never beyond —
 * narrowed by function and campaign, refused once expired or revoked or once
 * its user is disabled, with the uniform credentials line; never written to a
 * log, an audit row or a stored URL; limited in rate on both legacy endpoints.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiKey, type KeyRequest } from '../../src/admin/api-keys.js';
import { adminClient } from '../support/admin.js';
import { startHarness, type Harness } from '../support/harness.js';

const CRM = 'https://crm.example.com';
const logLines: string[] = [];
let h: Harness;
/** Every key made here, so the last test can look for each of them everywhere. */
const made: string[] = [];

beforeAll(async () => {
  h = await startHarness({ logStream: { write: (line) => void logLines.push(line) }, config: { corsOrigins: [CRM] } });
});
afterAll(() => h.close());

let serial = 0;
async function key(request: Partial<KeyRequest> & { user: string }): Promise<string> {
  const result = await createApiKey(h.services.store, { name: `k${++serial}`, functions: [], campaigns: [], ...request }, h.clock.now());
  if (!result.ok) throw new Error(result.message);
  made.push(result.secret);
  return result.secret;
}

type Params = Record<string, string>;
const bearer = (k: string) => ({ authorization: `Bearer ${k}` });

async function agentApi(k: string | undefined, params: Params, extra: { headers?: Record<string, string>; remoteAddress?: string } = {}) {
  const query = new URLSearchParams({ source: 'test', ...params }).toString();
  const res = await h.app.inject({
    url: `/agc/api.php?${query}`,
    headers: { ...(k ? bearer(k) : {}), ...extra.headers },
    ...(extra.remoteAddress ? { remoteAddress: extra.remoteAddress } : {}),
  });
  return { status: res.statusCode, body: res.body, headers: res.headers };
}

async function nonAgentApi(k: string, params: Params) {
  const res = await h.app.inject({
    method: 'POST',
    url: '/vicidial/non_agent_api.php',
    headers: { ...bearer(k), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ source: 'test', ...params }).toString(),
  });
  return { status: res.statusCode, body: res.body, headers: res.headers };
}

const epoch = () => Math.floor(h.clock.now().getTime() / 1000);
const pause = { agent_user: '1000', function: 'external_pause', value: 'PAUSE' };
const UNIFORM = 'ERROR: Invalid Username/Password: |||0|0||\n';

/** The key name recorded beside the newest audit row, if any. */
async function lastAuditKey(): Promise<{ user: unknown; key: unknown }> {
  const last = await h.lastLog();
  const keyRows = await h.rows('agentgate_api_log_keys', { api_id: Number(last.api_id) });
  return { user: last.user, key: keyRows[0]?.key_name };
}

describe('a key acts as its API user', () => {
  it('works with Authorization: Bearer on /agc/api.php, for an API Only user, and every audit row names the key', async () => {
    const k = await key({ user: '6666', name: 'crm' });
    expect(k).toMatch(/^agk_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    const res = await agentApi(k, pause);
    expect(res.body).toBe(`SUCCESS: external_pause function set - PAUSE|${epoch()}|1000\n`);
    expect(await lastAuditKey()).toEqual({ user: '6666', key: 'crm' });
    const stored = await h.rows('agentgate_api_keys', { name: 'crm' });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.last_used_at).not.toBeNull();
  });

  it('works on /vicidial/non_agent_api.php, and the audit row names the key', async () => {
    const k = await key({ user: '6000', name: 'reports' });
    const res = await nonAgentApi(k, { function: 'list_info', list_id: '101' });
    expect(res.body).toMatch(/^101\|Test leads\|TESTCAMP\|/);
    expect(await lastAuditKey()).toEqual({ user: '6000', key: 'reports' });
  });

  it('leaves HTTP Basic and user/pass in the query working, and audits them with no key', async () => {
    const basic = `Basic ${Buffer.from('6666:1234').toString('base64')}`;
    expect((await agentApi(undefined, pause, { headers: { authorization: basic } })).body).toMatch(/^SUCCESS: external_pause/);
    expect(await lastAuditKey()).toEqual({ user: '6666', key: undefined });
    expect((await agentApi(undefined, { ...pause, user: '6666', pass: '1234' })).body).toMatch(/^SUCCESS: external_pause/);
  });

  it('refuses a key sent with user or pass, clearly, and counts nothing', async () => {
    const k = await key({ user: '6666' });
    const res = await agentApi(k, { ...pause, user: '6666', pass: '1234' });
    expect(res).toMatchObject({ status: 400, body: 'ERROR: send either an API key or user and pass, not both\n' });
    const non = await nonAgentApi(k, { function: 'version', user: '6000' });
    // version answers before any login, as in VICIdial.
    expect(non.body).toMatch(/^VERSION: /);
    const refused = await nonAgentApi(k, { function: 'list_info', list_id: '101', user: '6000', pass: '1234' });
    expect(refused).toMatchObject({ status: 400, body: 'ERROR: send either an API key or user and pass, not both\n' });
  });
});

describe('a key is narrowed by function', () => {
  it('calls only its functions', async () => {
    const k = await key({ user: '6666', functions: ['external_status'] });
    const res = await agentApi(k, pause);
    expect(res.body).toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - PAUSE|6666|external_pause|ADMIN\n');
    expect((await lastAuditKey()).key).toBe(`k${serial}`);
  });

  it('refuses a function of the key that its user has lost since', async () => {
    await h.exec("UPDATE vicidial_users SET api_allowed_functions = ' external_pause external_status ' WHERE user = '6668'");
    const k = await key({ user: '6668', functions: ['external_pause'] });
    expect((await agentApi(k, pause)).body).toMatch(/^SUCCESS: external_pause/);
    await h.exec("UPDATE vicidial_users SET api_allowed_functions = ' external_status ' WHERE user = '6668'");
    expect((await agentApi(k, pause)).body).toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - PAUSE|6668|external_pause|ADMIN\n');
    await h.exec("UPDATE vicidial_users SET api_allowed_functions = ' external_pause external_status ' WHERE user = '6668'");
  });
});

describe('a key is narrowed by campaign', () => {
  beforeEach(async () => {
    await h.logout('1002');
    await h.login('1002', 'OTHERCMP');
  });

  it('drives only agents logged into its campaigns', async () => {
    const k = await key({ user: '6666', campaigns: ['OTHERCMP'] });
    const before = await h.rows('vicidial_live_agents', { user: '1000' });
    const refused = await agentApi(k, pause);
    expect(refused.body).toMatch(/^ERROR: .*1000/);
    expect(await h.rows('vicidial_live_agents', { user: '1000' })).toEqual(before);
    expect((await agentApi(k, { ...pause, agent_user: '1002' })).body).toMatch(/^SUCCESS: external_pause function set - PAUSE\|\d+\|1002\n$/);
  });

  it('touches no lead outside its campaigns, even on an agent it may drive', async () => {
    const k = await key({ user: '6666', campaigns: ['OTHERCMP'] });
    await h.startCall('1002', { leadId: 1 });
    const before = await h.rows('vicidial_list', { lead_id: 1 });
    const res = await agentApi(k, { agent_user: '1002', function: 'update_fields', first_name: 'Changed' });
    expect(res.body).toBe('ERROR: lead is in a list not allowed for this user - 1002|1||6666\n');
    expect(await h.rows('vicidial_list', { lead_id: 1 })).toEqual(before);
  });

  it('on the non-agent API: lists of other campaigns are out of reach', async () => {
    const k = await key({ user: '6000', campaigns: ['OTHERCMP'] });
    expect((await nonAgentApi(k, { function: 'list_info', list_id: '101' })).body).toBe('ERROR: list_info NOT AN ALLOWED LIST ID - 101\n');
    expect((await nonAgentApi(k, { function: 'list_info', list_id: '201' })).body).toMatch(/^201\|Other leads\|OTHERCMP\|/);
  });

  it('loses a campaign its user group loses', async () => {
    const k = await key({ user: '6669', campaigns: ['OTHERCMP'] });
    expect((await agentApi(k, { ...pause, agent_user: '1002' })).body).toMatch(/^SUCCESS/);
    await h.exec("UPDATE vicidial_user_groups SET allowed_campaigns = ' TESTCAMP -' WHERE user_group = 'TEAM_B'");
    try {
      expect((await agentApi(k, { ...pause, agent_user: '1002' })).body).toMatch(/^ERROR: /);
    } finally {
      await h.exec("UPDATE vicidial_user_groups SET allowed_campaigns = ' OTHERCMP -' WHERE user_group = 'TEAM_B'");
    }
  });
});

describe('a key that may not be used gets the uniform line, and never locks its user', () => {
  async function failedCount(user: string): Promise<number> {
    return Number((await h.rows('vicidial_users', { user }))[0]!.failed_login_count);
  }

  it('expired', async () => {
    const k = await key({ user: '6666', expiresAt: new Date(h.clock.now().getTime() + 60_000) });
    expect((await agentApi(k, pause)).body).toMatch(/^SUCCESS/);
    h.clock.advance(61_000);
    expect((await agentApi(k, pause)).body).toBe(UNIFORM);
    expect(await lastAuditKey()).toEqual({ user: '6666', key: `k${serial}` });
    expect((await h.lastLog()).data).toBe('|BADKEY-EXPIRED|');
  });

  it('revoked', async () => {
    const k = await key({ user: '6666', name: 'soon-gone' });
    expect((await agentApi(k, pause)).body).toMatch(/^SUCCESS/);
    expect(await h.services.store.apiKeys.revoke('6666', 'soon-gone', h.clock.now())).toBe(true);
    expect((await agentApi(k, pause)).body).toBe(UNIFORM);
    const res = await nonAgentApi(k, { function: 'list_info', list_id: '101' });
    // The line of a wrong password for an empty user: nothing tells a revoked key from a wrong one.
    expect(res.body).toBe('ERROR: Login incorrect, please try again: ||***|BAD|\n');
  });

  it('its user disabled after the key was made', async () => {
    const k = await key({ user: '6668' });
    expect((await agentApi(k, pause)).body).toMatch(/^SUCCESS/);
    await h.exec("UPDATE vicidial_users SET active = 'N' WHERE user = '6668'");
    try {
      expect((await agentApi(k, pause)).body).toBe(UNIFORM);
    } finally {
      await h.exec("UPDATE vicidial_users SET active = 'Y' WHERE user = '6668'");
    }
    await h.exec("UPDATE vicidial_users SET vdc_agent_api_access = '0' WHERE user = '6668'");
    try {
      expect((await agentApi(k, pause)).body).toBe(UNIFORM);
    } finally {
      await h.exec("UPDATE vicidial_users SET vdc_agent_api_access = '1' WHERE user = '6668'");
    }
  });

  it('a wrong key reads as a wrong password, spends the address budget, and never locks the account', async () => {
    const address = '198.51.100.7';
    const wrong = made[0]!.slice(0, -4) + 'AAAA';
    for (let i = 0; i < 30; i++) expect((await agentApi(wrong, pause, { remoteAddress: address })).body).toBe(UNIFORM);
    const throttled = await agentApi(wrong, pause, { remoteAddress: address });
    expect(throttled.status).toBe(429);
    expect(throttled.body).toMatch(/^ERROR: too many failed logins from this address, try again in \d+ seconds\n$/);
    // Not even a right key from that address now: the budget is the address's.
    expect((await agentApi(made[0]!, pause, { remoteAddress: address })).status).toBe(429);
    expect(await failedCount('6666')).toBe(0);
    expect((await h.api(pause)).body).toMatch(/^SUCCESS/);
  });
});

describe('rate limits', () => {
  it('answers 429 with an ERROR line and the RateLimit headers on /agc/api.php, per key', async () => {
    const k = await key({ user: '6666', ratePerSecond: 2 });
    const first = await agentApi(k, pause);
    expect(first.body).toMatch(/^SUCCESS/);
    expect((await agentApi(k, pause)).body).toMatch(/^SUCCESS/);
    const refused = await agentApi(k, pause);
    expect(refused.status).toBe(429);
    expect(refused.body).toBe('ERROR: too many requests for this API key, try again in 1 second\n');
    expect(refused.headers).toMatchObject({ 'retry-after': '1', 'ratelimit-limit': '2', 'ratelimit-remaining': '0' });
    expect((await lastAuditKey()).key).toBe(`k${serial}`);
    // Another key of the same user has its own bucket; the manual clock has not moved.
    expect((await agentApi(await key({ user: '6666' }), pause)).body).toMatch(/^SUCCESS/);
    h.clock.advance(500);
    expect((await agentApi(k, pause)).body).toMatch(/^SUCCESS/);
  });

  it('answers 429 with an ERROR line on /vicidial/non_agent_api.php', async () => {
    const k = await key({ user: '6000', ratePerSecond: 1 });
    expect((await nonAgentApi(k, { function: 'list_info', list_id: '101' })).body).toMatch(/^101\|/);
    const refused = await nonAgentApi(k, { function: 'list_info', list_id: '101' });
    expect(refused).toMatchObject({ status: 429, body: 'ERROR: too many requests for this API key, try again in 1 second\n' });
    expect(refused.headers['retry-after']).toBe('1');
  });
});

describe('the JSON face: GET /api/v2/me', () => {
  it('names the key and its limits, refuses a bad key with 401, and a rate beyond the key with 429 and its headers', async () => {
    const k = await key({ user: '6666', name: 'json', functions: ['external_pause'], ratePerSecond: 1 });
    const me = await h.app.inject({ url: '/api/v2/me', headers: bearer(k) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: '6666', allowedFunctions: ['external_pause'], key: { name: 'json', functions: ['external_pause'], ratePerSecond: 1 } });
    expect(me.headers).toMatchObject({ 'ratelimit-limit': '1', 'ratelimit-remaining': '0' });
    const limited = await h.app.inject({ url: '/api/v2/me', headers: bearer(k) });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate-limited');
    expect(limited.headers).toMatchObject({ 'retry-after': '1', 'ratelimit-limit': '1', 'ratelimit-remaining': '0', 'ratelimit-reset': '1' });
    const bad = await h.app.inject({ url: '/api/v2/me', headers: bearer(k.slice(0, -3) + 'xyz') });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error).toEqual({ code: 'invalid-credentials', message: 'The API key or the user and password are not valid.' });
    const basic = await h.app.inject({ url: '/api/v2/me', headers: { authorization: `Basic ${Buffer.from('6666:1234').toString('base64')}` } });
    expect(basic.json()).toMatchObject({ user: '6666', key: null });
    expect((await h.app.inject({ url: '/api/v2/me' })).statusCode).toBe(401);
  });
});

describe('CORS', () => {
  it('lets a listed origin call the legacy endpoints with a key, never with credentials', async () => {
    const preflight = await h.app.inject({
      method: 'OPTIONS',
      url: '/agc/api.php',
      headers: { origin: CRM, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers).toMatchObject({ 'access-control-allow-origin': CRM, 'access-control-allow-headers': expect.stringContaining('Authorization') });
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
    const res = await agentApi(await key({ user: '6666' }), pause, { headers: { origin: CRM } });
    expect(res.body).toMatch(/^SUCCESS/);
    expect(res.headers['access-control-allow-origin']).toBe(CRM);
    expect(res.headers['access-control-expose-headers']).toContain('Retry-After');
  });

  it('gives another origin nothing, and the console cookie routes stay closed to every other origin', async () => {
    const other = await agentApi(undefined, { ...pause, user: '6666', pass: '1234' }, { headers: { origin: 'https://evil.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    for (const origin of [CRM, 'https://evil.example']) {
      const post = await h.app.inject({ method: 'POST', url: '/api/v2/auth/login', headers: { origin }, payload: { user: 'admin', pass: '1234', screen: 'admin' } });
      expect(post.statusCode).toBe(403);
    }
  });
});

describe('making keys', () => {
  const refused = async (request: Partial<KeyRequest> & { user: string }) => {
    const result = await createApiKey(h.services.store, { name: 'x', functions: [], campaigns: [], ...request }, h.clock.now());
    return result.ok ? 'made' : result.message;
  };

  it('refuses more than the user holds, a user without API rights, a past expiry, a taken name', async () => {
    expect(await refused({ user: '6667' })).toMatch(/6667 has no Agent API Access/);
    expect(await refused({ user: '6668', functions: ['external_hangup'] })).toMatch(/6668 may not call external_hangup/);
    expect(await refused({ user: '6669', campaigns: ['TESTCAMP'] })).toMatch(/does not allow campaign TESTCAMP/);
    expect(await refused({ user: '6666', functions: ['no_such'] })).toBe('no API function is called no_such');
    expect(await refused({ user: '6666', expiresAt: new Date(h.clock.now().getTime() - 1000) })).toMatch(/in the past/);
    expect(await refused({ user: 'nobody' })).toBe('there is no user nobody');
    expect(await refused({ user: '6666', name: 'crm' })).toMatch(/already has a key named crm/);
    expect(await refused({ user: '6666', name: 'bad name!' })).toMatch(/key name/);
  });
});

describe('the admin console API', () => {
  it('creates a key shown once, lists keys without secrets, revokes, and logs each change without the secret', async () => {
    const admin = await adminClient(h);
    const created = await admin.send('POST', '/api/v2/admin/users/6666/keys', { name: 'console', functions: ['external_pause'], ratePerSecond: 50, expiresAt: '2030-01-31' });
    expect(created.status).toBe(201);
    const secret: string = created.json.secret;
    made.push(secret);
    expect(created.json.key).toMatchObject({ user: '6666', name: 'console', functions: ['external_pause'], ratePerSecond: 50, state: 'active' });
    expect((await agentApi(secret, pause)).body).toMatch(/^SUCCESS/);

    const listed = await admin.get('/api/v2/admin/users/6666/keys');
    expect(listed.status).toBe(200);
    expect(listed.json.keys.map((k: { name: string }) => k.name)).toContain('console');
    expect(listed.body).not.toContain(secret.slice(13));

    expect((await admin.send('POST', '/api/v2/admin/users/6666/keys', { name: 'console' })).status).toBe(409);
    expect((await admin.send('POST', '/api/v2/admin/users/6667/keys', { name: 'x' })).json.error.message).toMatch(/no Agent API Access/);
    expect((await admin.send('POST', '/api/v2/admin/users/6666/keys', { name: 'x', surprise: 1 })).status).toBe(400);

    const revoked = await admin.send('DELETE', '/api/v2/admin/users/6666/keys/console', undefined);
    expect(revoked).toMatchObject({ status: 200, json: { name: 'console', state: 'revoked' } });
    expect((await agentApi(secret, pause)).body).toBe(UNIFORM);
    const log = JSON.stringify(await h.rows('vicidial_admin_log', { record_id: '6666' }));
    expect(log).toContain('API key console created');
    expect(log).toContain('API key console revoked');
    expect(log).not.toContain(secret.slice(13));
  });

  it('a TEAM_B administrator reaches only its own users, and gives only its own campaigns', async () => {
    const teamb = await adminClient(h, 'teamb');
    expect((await teamb.get('/api/v2/admin/users/6666/keys')).status).toBe(404);
    expect((await teamb.send('POST', '/api/v2/admin/users/6666/keys', { name: 'mine' })).status).toBe(404);
    expect((await teamb.send('DELETE', '/api/v2/admin/users/6666/keys/crm', undefined)).status).toBe(404);
    expect((await h.services.store.apiKeys.find('6666', 'crm'))!.revokedAt).toBeUndefined();
    const own = await teamb.send('POST', '/api/v2/admin/users/6669/keys', { name: 'teamkey', campaigns: ['OTHERCMP'] });
    expect(own.status).toBe(201);
    made.push(own.json.secret);
    expect((await teamb.send('POST', '/api/v2/admin/users/6669/keys', { name: 'wider', campaigns: ['TESTCAMP'] })).status).toBe(400);
  });
});

describe('no key is ever written down', () => {
  it('not in the audit rows, the stored URLs, the key table or the server log', async () => {
    expect(made.length).toBeGreaterThan(10);
    const everything = JSON.stringify([
      await h.rows('vicidial_api_log'),
      await h.rows('vicidial_api_urls'),
      await h.rows('agentgate_api_keys'),
      await h.rows('agentgate_api_log_keys'),
    ]);
    const secretPart = (k: string) => k.slice(13);
    for (const k of made) {
      expect(everything).not.toContain(secretPart(k));
      expect(logLines.join('')).not.toContain(secretPart(k));
    }
    // The log did record requests made with keys.
    expect(logLines.join('')).toContain('/agc/api.php');
  });
});
