/**
 * The JSON face (/api/v2/agent/{function}, /api/v2/non-agent/{function}):
 * JSON in and out through the legacy pipeline, credentials in the header
 * only, refusals in one shape with the catalogue's code, status and gate.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { createApiKey, type KeyRequest } from '../../src/admin/api-keys.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const basic = (user: string, pass = '1234') => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

async function key(request: Partial<KeyRequest> & { user: string }): Promise<string> {
  const result = await createApiKey(h.services.store, { name: `json-${Math.random().toString(36).slice(2, 8)}`, functions: [], campaigns: [], ...request }, h.clock.now());
  if (!result.ok) throw new Error(result.message);
  return result.secret;
}

async function call(api: 'agent' | 'non-agent', name: string, body: unknown, authorization: string | null = basic(api === 'agent' ? '6666' : '6000')) {
  const response = await h.app.inject({
    method: 'POST',
    url: `/api/v2/${api}/${name}`,
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    payload: JSON.stringify(body),
  });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
}

beforeEach(async () => {
  // Each test starts with agent 1000 logged in and ready.
  await h.logout('1000');
  await h.login('1000', 'TESTCAMP');
});

describe('agent commands', () => {
  it('pauses with a key: the answer, the command id, the state, the session and the audit row', async () => {
    const secret = await key({ user: '6666', name: 'crm-button', functions: ['external_pause'] });
    const r = await call('agent', 'external_pause', { agent_user: '1000', value: 'PAUSE' }, `Bearer ${secret}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ result: 'SUCCESS', message: 'external_pause function set', state: 'applied' });
    expect(r.body.fields[0]).toBe('PAUSE');
    expect(r.body.command_id).toBe(r.headers['x-command-id']);
    expect((await h.agent('1000'))!.status).toBe('PAUSED');
    const log = await h.lastLog();
    expect(log).toMatchObject({ user: '6666', function: 'external_pause', agent_user: '1000', source: 'apiv2', result: 'SUCCESS' });
    const urls = await h.rows('vicidial_api_urls', { api_id: Number(log.api_id) });
    expect(String(urls[0]!.url)).toContain('/api/v2/agent/external_pause');
    expect(String(urls[0]!.url)).not.toContain(secret);
  });

  it('says a PAUSE during a call is pending until the disposition', async () => {
    await h.startCall('1000');
    const r = await call('agent', 'external_pause', { agent_user: '1000', value: 'PAUSE' });
    expect(r.body).toMatchObject({ result: 'SUCCESS', state: 'pending' });
    expect((await h.agent('1000'))!.status).toBe('INCALL');
    // And a LOGOUT too; once the call ends and is dispositioned, the session ends.
    const logout = await call('agent', 'logout', { agent_user: '1000', value: 'LOGOUT' });
    expect(logout.body).toMatchObject({ result: 'SUCCESS', state: 'pending' });
  });

  it('says a dial on a paused agent and a LOGOUT off a call are applied', async () => {
    await call('agent', 'external_pause', { agent_user: '1000', value: 'PAUSE' });
    const dial = await call('agent', 'external_dial', { agent_user: '1000', value: '3125550150', phone_code: '1', search: 'NO', preview: 'NO', focus: 'NO' });
    expect(dial.body).toMatchObject({ result: 'SUCCESS', state: 'applied' });
    await h.logout('1000');
    await h.login('1000', 'TESTCAMP');
    const logout = await call('agent', 'logout', { agent_user: '1000', value: 'LOGOUT' });
    expect(logout.body).toMatchObject({ result: 'SUCCESS', state: 'applied' });
    expect(await h.agent('1000')).toBeUndefined();
  });

  it('answers a query without a state, its fields split from its line', async () => {
    const r = await call('agent', 'calls_in_queue_count', { agent_user: '1000', value: 'DISPLAY' });
    expect(r.status).toBe(200);
    expect(r.body.result).toBe('SUCCESS');
    expect(r.body).not.toHaveProperty('state');
    expect(r.body.lines).toHaveLength(1);
    expect(r.body.fields).toEqual(r.body.lines[0].split(' - ')[1].split('|'));
  });
});

describe('refusals: one shape, the catalogue’s status and code, the gate that refused', () => {
  it.each([
    ['agent not logged in', '6666', { agent_user: '1001', value: 'PAUSE' }, 409, 'agent-not-logged-in', 'agent_logged_in'],
    ['function not allowed to a weaker API user', '6668', { agent_user: '1000', value: '1' }, 403, 'function-not-allowed', 'allowed_functions'],
    ['no Agent API Access', '6667', { agent_user: '1000', value: 'PAUSE' }, 401, 'invalid-credentials', 'api_access'],
    ['another team’s agent', '6669', { agent_user: '1000', value: 'PAUSE' }, 403, 'agent-out-of-scope', 'agent_scope'],
    ['the API user as its own agent', '6666', { agent_user: '6666', value: 'PAUSE' }, 403, 'same-account', 'two_accounts'],
  ])('%s', async (_name, user, body, status, code, gate) => {
    const name = user === '6668' ? 'external_hangup' : 'external_pause';
    const r = await call('agent', name, body, basic(user));
    expect(r.status).toBe(status);
    expect(r.body.error).toMatchObject({ code, gate });
    expect(Object.keys(r.body)).toEqual(['error']);
  });

  it('a wrong password: 401, and it counts toward the lock like the legacy face', async () => {
    const r = await call('agent', 'external_pause', { agent_user: '1000', value: 'PAUSE' }, basic('6666', 'wrong'));
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('invalid-credentials');
    expect((await h.rows('vicidial_users', { user: '6666' }))[0]!.failed_login_count).toBe(1);
    await h.exec(`UPDATE vicidial_users SET failed_login_count = 0 WHERE user = '6666'`);
  });

  it('no credentials: 401 before anything runs; credentials in the body are not parameters', async () => {
    const none = await call('agent', 'external_pause', { agent_user: '1000', value: 'PAUSE' }, null);
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('no-credentials');
    const inBody = await call('agent', 'external_pause', { agent_user: '1000', value: 'PAUSE', user: '6666', pass: '1234' });
    expect(inBody.status).toBe(422);
    expect(Object.keys(inBody.body.error.fields)).toEqual(['user', 'pass']);
  });

  it('a misspelt field is refused with its name, and nothing changes', async () => {
    const before = (await h.apiLog()).length;
    const r = await call('non-agent', 'add_lead', { phone_numer: '3125550199', list_id: 101 });
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'invalid-parameter', gate: 'parameters' });
    expect(r.body.error.fields.phone_numer).toBe('phone_numer is not a parameter of this function');
    expect((await h.apiLog()).length).toBe(before);
    expect(await h.rows('vicidial_list', { phone_number: '3125550199' })).toEqual([]);
  });

  it('wrong types, a body that is no object, an unknown function, bad JSON', async () => {
    expect((await call('agent', 'external_pause', { agent_user: { $ne: '' }, value: 'PAUSE' })).status).toBe(422);
    expect((await call('agent', 'external_pause', ['PAUSE'])).status).toBe(422);
    const unknown = await call('agent', 'drop_database', {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('unknown-function');
    const bad = await h.app.inject({ method: 'POST', url: '/api/v2/agent/external_pause', headers: { 'content-type': 'application/json', authorization: basic('6666') }, payload: '{"agent_user":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('bad-request');
  });

  it('rate limits a key: 429 with Retry-After and the RateLimit headers', async () => {
    const secret = await key({ user: '6666', ratePerSecond: 1 });
    const first = await call('agent', 'external_pause', { agent_user: '1000', value: 'PAUSE' }, `Bearer ${secret}`);
    expect(first.status).toBe(200);
    const second = await call('agent', 'external_pause', { agent_user: '1000', value: 'RESUME' }, `Bearer ${secret}`);
    expect(second.status).toBe(429);
    expect(second.body.error).toMatchObject({ code: 'rate-limited', gate: 'rate' });
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(0);
    expect(second.headers['ratelimit-limit']).toBe('1');
  });

  it('a key narrowed to some campaigns refuses an agent outside them', async () => {
    const secret = await key({ user: '6666', campaigns: ['OTHERCMP'] });
    const r = await call('agent', 'external_pause', { agent_user: '1000', value: 'PAUSE' }, `Bearer ${secret}`);
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('agent-out-of-scope');
  });
});

describe('non-agent functions', () => {
  it('adds a lead, refuses the same number on the DNC list, and reads a report as lines', async () => {
    const added = await call('non-agent', 'add_lead', { phone_number: '3125550177', phone_code: '1', list_id: 101, first_name: 'Ada' });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ result: 'SUCCESS', message: 'add_lead LEAD HAS BEEN ADDED' });
    expect(added.body).not.toHaveProperty('command_id');
    await call('non-agent', 'add_dnc_phone', { phone_number: '3125550178', campaign_id: 'SYSTEM_INTERNAL' });
    const dnc = await call('non-agent', 'add_lead', { phone_number: '3125550178', phone_code: '1', list_id: 101, dnc_check: 'Y' });
    expect(dnc.status).toBe(409);
    expect(dnc.body.error.code).toBe('phone-in-dnc');
    const report = await call('non-agent', 'logged_in_agents', {});
    expect(report.status).toBe(200);
    expect(report.body.lines.some((l: string) => l.includes('1000'))).toBe(true);
  });

  it('answers a request VICIdial leaves without a word with an empty notice', async () => {
    const r = await call('non-agent', 'update_lead', { lead_id: 1 });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ result: 'NOTICE', message: '', fields: [], lines: [] });
  });

  it('refuses a permission the API user lacks with the flag’s gate', async () => {
    await h.exec(`UPDATE vicidial_users SET view_reports = '0' WHERE user = '6000'`);
    const r = await call('non-agent', 'logged_in_agents', {});
    await h.exec(`UPDATE vicidial_users SET view_reports = '1' WHERE user = '6000'`);
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({ code: 'permission-denied', gate: 'permission' });
  });
});

describe('the OpenAPI document and its page', () => {
  it('describes every function of both APIs, one strict operation each, named as VICIdial names it', async () => {
    const doc = (await h.app.inject({ url: '/api/v2/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.entries(doc.paths as Record<string, { post: { operationId: string; requestBody: { content: Record<string, { schema: { additionalProperties: unknown } }> } } }>);
    const ids = ops.map(([, op]) => op.post.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const name of [...h.services.agentFunctions.keys()]) expect(doc.paths[`/api/v2/agent/${name}`].post.operationId).toBe(name);
    for (const name of [...h.services.nonAgentFunctions.keys()]) expect(doc.paths[`/api/v2/non-agent/${name}`].post.operationId).toBe(name);
    for (const [, op] of ops) expect(op.post.requestBody.content['application/json']!.schema.additionalProperties).toBe(false);
    expect(doc.paths['/api/v2/agent/external_pause'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('agent_user');
  });

  it('is a valid OpenAPI 3.1 document (checked against the specification’s own schema)', async () => {
    const doc = (await h.app.inject({ url: '/api/v2/openapi.json' })).json();
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('is readable at /api/v2/docs, with no script', async () => {
    const page = await h.app.inject({ url: '/api/v2/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('id="external_pause"');
    expect(page.body).toContain('id="add_lead"');
    expect(page.body).not.toMatch(/<script/i);
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'self'");
    expect((await h.app.inject({ url: '/api/v2/docs.css' })).headers['content-type']).toMatch(/text\/css/);
  });
});
