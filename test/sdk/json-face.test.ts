/**
 * The SDK's JSON calls against a real agentgate on a port: the typed methods
 * cover every operation the server documents, a command's answer and its
 * event carry one command_id, refusals become AgentgateErrors with the
 * server's code, status, gate, fields and Retry-After, and the legacy parser
 * reads each answer as the JSON face reports it — so an integration can swap
 * one face for the other call by call.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/admin/api-keys.js';
import { AgentgateClient, AgentgateError, type Api, type CallResult, type Params, type StreamEvent } from '../../packages/client/src/index.js';
import { operationsSource, type OpenApiDocument } from '../../packages/client/scripts/openapi-to-typescript.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
let baseUrl: string;
let client: AgentgateClient;
let reports: AgentgateClient;

const keyFor = async (user: string, extra: { functions?: string[]; ratePerSecond?: number } = {}) => {
  const made = await createApiKey(h.services.store, { user, name: `sdk-${Math.random().toString(36).slice(2, 8)}`, functions: [], campaigns: [], ...extra }, h.clock.now());
  if (!made.ok) throw new Error(made.message);
  return made.secret;
};
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (err: unknown) => {
      if (!(err instanceof AgentgateError)) throw err;
      return err;
    },
  );

beforeAll(async () => {
  h = await startHarness();
  baseUrl = await h.app.listen({ port: 0, host: '127.0.0.1' });
  client = new AgentgateClient({ baseUrl, key: await keyFor('6666') });
  reports = new AgentgateClient({ baseUrl, user: '6000', pass: '1234' });
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  // Each test starts with agent 1000 logged in and paused.
  await h.logout('1000');
  await h.login('1000', 'TESTCAMP');
});

describe('typed calls', () => {
  it("cover every operation the server documents (operations.ts is what the server's OpenAPI document gives)", async () => {
    const served = (await (await fetch(`${baseUrl}/api/v2/openapi.json`)).json()) as OpenApiDocument;
    const committed = readFileSync(new URL('../../packages/client/src/operations.ts', import.meta.url), 'utf8');
    // On failure: `cd packages/client && npm run generate -- <server>/api/v2/openapi.json`.
    expect(operationsSource(served)).toBe(committed);
    for (const name of h.services.agentFunctions.keys()) expect(typeof client.agent[name as keyof typeof client.agent]).toBe('function');
    for (const name of h.services.nonAgentFunctions.keys()) expect(typeof client.nonAgent[name as keyof typeof client.nonAgent]).toBe('function');
  });

  it('resume and pause: the answer, its state, and the event of its effect with the same command_id', async () => {
    const stop = new AbortController();
    const events: StreamEvent[] = [];
    const reading = (async () => {
      for await (const e of client.events({ signal: stop.signal })) events.push(e);
    })();
    await waitFor(() => events.some((e) => e.event === 'snapshot'), 'the snapshot');

    const resumed = await client.agent.external_pause({ agent_user: '1000', value: 'RESUME' });
    expect(resumed).toMatchObject({ result: 'SUCCESS', message: 'external_pause function set', state: 'applied' });
    expect(resumed.fields).toEqual(['RESUME', expect.stringMatching(/^\d+$/), '1000']);
    expect(resumed.command_id).toMatch(/^[0-9a-f-]{36}$/);
    const ready = await waitFor(() => events.find((e) => e.event === 'agent' && e.data.command_id === resumed.command_id), 'the READY event');
    expect(ready).toMatchObject({ event: 'agent', data: { user: '1000', agent: { status: 'READY' } } });

    await h.startCall('1000');
    const paused = await client.agent.external_pause({ agent_user: '1000', value: 'PAUSE' });
    expect(paused.state).toBe('pending');
    stop.abort();
    await reading;
  });

  it('non-agent functions, with ids as numbers', async () => {
    const added = await reports.nonAgent.add_lead({ phone_number: '3125550177', phone_code: '1', list_id: 101, first_name: 'Ada' });
    expect(added).toMatchObject({ result: 'SUCCESS', message: 'add_lead LEAD HAS BEEN ADDED' });
    expect(added.fields.slice(0, 2)).toEqual(['3125550177', '101']);
    expect(added).not.toHaveProperty('command_id');
    const report = await reports.nonAgent.logged_in_agents();
    expect(report.lines.some((l) => l.startsWith('1000|'))).toBe(true);
  });
});

describe('refusals are AgentgateErrors with what the server said', () => {
  it('a misspelt field: 422, the field named (and the typed method does not compile with it)', async () => {
    // @ts-expect-error phone_numer is not a parameter of add_lead
    const typo = reports.nonAgent.add_lead({ phone_numer: '3125550199', list_id: 101, phone_code: '1' });
    const err = await refusal(typo);
    expect(err).toMatchObject({ status: 422, code: 'invalid-parameter', gate: 'parameters' });
    expect(err.fields).toMatchObject({ phone_numer: 'phone_numer is not a parameter of this function' });
    expect(err.message).toContain('phone_numer');
  });

  it('the gates: 409 not logged in, 403 a function the key lacks, 401 a wrong password, 404 an unknown function', async () => {
    expect(await refusal(client.agent.external_pause({ agent_user: '1001', value: 'PAUSE' }))).toMatchObject({
      status: 409,
      code: 'agent-not-logged-in',
      gate: 'agent_logged_in',
    });
    const narrow = new AgentgateClient({ baseUrl, key: await keyFor('6666', { functions: ['external_pause'] }) });
    expect(await refusal(narrow.agent.external_hangup({ agent_user: '1000', value: '1' }))).toMatchObject({ status: 403, code: 'function-not-allowed', gate: 'allowed_functions' });
    const wrong = new AgentgateClient({ baseUrl, user: '6666', pass: 'wrong' });
    const denied = await refusal(wrong.agent.external_pause({ agent_user: '1000', value: 'PAUSE' }));
    expect(denied).toMatchObject({ status: 401, code: 'invalid-credentials' });
    expect(denied.message).not.toContain('wrong');
    await h.exec(`UPDATE vicidial_users SET failed_login_count = 0 WHERE user = '6666'`);
    expect(await refusal(client.call('agent', 'drop_database'))).toMatchObject({ status: 404, code: 'unknown-function' });
  });

  it('a rate limit: 429 with retryAfter in seconds', async () => {
    const limited = new AgentgateClient({ baseUrl, key: await keyFor('6666', { ratePerSecond: 1 }) });
    await limited.agent.external_pause({ agent_user: '1000', value: 'PAUSE' });
    const err = await refusal(limited.agent.external_pause({ agent_user: '1000', value: 'PAUSE' }));
    expect(err).toMatchObject({ status: 429, code: 'rate-limited', gate: 'rate', retryAfter: 1 });
  });
});

describe('the legacy parser reads an answer as the JSON face reports it', () => {
  // Calls that leave the session as they found it, so both faces meet the same state.
  const cases: [Api, string, Params][] = [
    ['agent', 'external_pause', { agent_user: '1000', value: 'PAUSE' }],
    ['agent', 'external_pause', { agent_user: '1000', value: 'PAUS' }],
    ['agent', 'external_pause', { agent_user: '1001', value: 'PAUSE' }],
    ['agent', 'pause_code', { agent_user: '1000', value: 'BREAK' }],
    ['agent', 'call_agent', { agent_user: '1000', value: 'CALL' }],
    // A line without a newline.
    ['agent', 'calls_in_queue_count', { agent_user: '1000', value: 'DISPLAY' }],
    ['non-agent', 'agent_status', { agent_user: '1000' }],
    ['non-agent', 'agent_status', { agent_user: '9999' }],
    ['non-agent', 'add_lead', { phone_number: '12', phone_code: '1', list_id: 101 }],
    // Two lines: a NOTICE, then the ERROR.
    ['non-agent', 'update_user', { agent_user: '1000', campaign_rank: '3', campaign_id: 'TESTCAMP' }],
  ];
  for (const [api, name, params] of cases) {
    it(`${api} ${name} ${JSON.stringify(params)}`, async () => {
      const who = api === 'agent' ? client : reports;
      const legacy = await who.legacy(api, name, params);
      const json: CallResult | AgentgateError = await who.call(api, name, params).catch((err: unknown) => {
        if (err instanceof AgentgateError) return err;
        throw err;
      });
      const outcome = legacy.outcome;
      if (json instanceof AgentgateError) {
        expect(legacy.ok).toBe(false);
        expect(json.message).toBe(outcome!.reason);
      } else {
        expect(legacy.ok).toBe(true);
        expect(json.lines).toEqual(legacy.body.split('\n').filter(Boolean));
        expect([json.message, json.fields]).toEqual(outcome ? [outcome.reason, outcome.fields] : [json.message, json.fields]);
        if (outcome) expect(json.result).toBe(outcome.result);
      }
    });
  }
});

async function waitFor<T>(find: () => T | undefined | false, what: string): Promise<T> {
  const end = Date.now() + 10_000;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
