/**
 * client.legacy() and the legacy parser against a real agentgate: the lines
 * of both VICIdial endpoints, each parsed into the result and reason the
 * server itself recorded for it in vicidial_api_log — so the parser reads
 * every line the way the server meant it, irregular ones included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/admin/api-keys.js';
import { AgentgateClient, AgentgateError, type Api, type LegacyCallResult, type Params } from '../../packages/client/src/index.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
let baseUrl: string;
let agentApi: AgentgateClient;
let nonAgentApi: AgentgateClient;

beforeAll(async () => {
  h = await startHarness();
  baseUrl = await h.app.listen({ port: 0, host: '127.0.0.1' });
  const made = await createApiKey(h.services.store, { user: '6666', name: 'sdk', functions: [], campaigns: [] }, h.clock.now());
  if (!made.ok) throw new Error(made.message);
  agentApi = new AgentgateClient({ baseUrl, key: made.secret, source: 'sdktest' });
  nonAgentApi = new AgentgateClient({ baseUrl, user: '6000', pass: '1234', source: 'sdktest' });
});
afterAll(async () => {
  await h?.close();
});

/** Call, then read the audit rows that call wrote: one per line, with the server's own result and reason. */
async function callAndAudit(client: AgentgateClient, api: Api, name: string, params: Params) {
  const before = (await h.apiLog()).length;
  const answer = await client.legacy(api, name, params);
  const rows = (await h.apiLog()).slice(before);
  return { answer, audited: rows.map((r) => [r.result, r.result_reason]) };
}
const parsed = (answer: LegacyCallResult) => answer.lines.flatMap((l) => (l.kind === 'result' ? [[l.result, l.reason]] : []));

describe('the agent API through client.legacy()', () => {
  const cases: [string, Params][] = [
    ['external_pause', { agent_user: '1000', value: 'RESUME' }],
    // Two lines: a NOTICE, then the ERROR (the agent is READY, not paused).
    ['external_dial', { agent_user: '1000', value: '3125550150', phone_code: '1', search: 'NO', preview: 'NO', focus: 'NO', dial_ingroup: 'NOPE' }],
    // A reason with a dash of its own: `pause_code error - agent is not paused - 1000`.
    ['pause_code', { agent_user: '1000', value: 'BREAK' }],
    ['external_pause', { agent_user: '1000', value: 'PAUSE' }],
    ['external_pause', { agent_user: '1000', value: 'PAUS' }],
    ['external_pause', { agent_user: '9999', value: 'PAUSE' }],
    ['call_agent', { agent_user: '1000', value: 'CALL' }],
    ['external_hangup', { agent_user: '1000', value: '' }],
    ['nonexistent_function', { agent_user: '1000' }],
  ];
  for (const [name, params] of cases) {
    it(`${name} ${JSON.stringify(params)}: each line parsed as the server recorded it`, async () => {
      const { answer, audited } = await callAndAudit(agentApi, 'agent', name, params);
      expect(answer.status).toBe(200);
      expect(answer.lines.length).toBeGreaterThan(0);
      expect(parsed(answer)).toEqual(audited);
      expect(answer.ok).toBe(answer.outcome?.result !== 'ERROR');
    });
  }

  it('reads calls_in_queue_count, whose line ends without a newline (the audit row keeps the whole line as its reason)', async () => {
    const { answer, audited } = await callAndAudit(agentApi, 'agent', 'calls_in_queue_count', { agent_user: '1000', value: 'DISPLAY' });
    expect(answer.body).toBe('SUCCESS: calls_in_queue_count - 0');
    expect(answer.outcome).toMatchObject({ result: 'SUCCESS', reason: 'calls_in_queue_count', fields: ['0'] });
    expect(audited).toEqual([['SUCCESS', answer.body]]);
  });

  it('reads the fields of a success, and the command id of the request', async () => {
    await h.api({ agent_user: '1000', function: 'external_pause', value: 'PAUSE' });
    const answer = await agentApi.legacy('agent', 'external_pause', { agent_user: 1000, value: 'RESUME' });
    expect(answer.outcome).toMatchObject({ result: 'SUCCESS', reason: 'external_pause function set', separator: ' - ' });
    expect(answer.outcome!.fields).toEqual(['RESUME', expect.stringMatching(/^\d{10}$/), '1000']);
    expect(answer.commandId).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.body).toBe(`${answer.outcome!.text}\n`);
    // The audit trail names the caller's source and the key.
    expect(await h.lastLog()).toMatchObject({ source: 'sdktest', function: 'external_pause' });
  });

  it("reads version, and the coffee names' teapot (HTTP 418)", async () => {
    const version = await agentApi.legacy('agent', 'version');
    expect(version.lines[0]).toMatchObject({ kind: 'version', version: '2.14-82', build: expect.any(String) });
    expect(version.ok).toBe(true);
    const teapot = await agentApi.legacy('agent', 'brew_coffee');
    expect(teapot.status).toBe(418);
    expect(teapot).toMatchObject({ ok: false, lines: [{ kind: 'teapot', function: 'brew_coffee' }] });
  });

  it('reads a refused login as an ERROR line, with nothing of the password in it', async () => {
    const wrong = new AgentgateClient({ baseUrl, user: '6666', pass: 'not-the-pass' });
    const { answer, audited } = await callAndAudit(wrong, 'agent', 'external_pause', { agent_user: '1000', value: 'PAUSE' });
    expect(answer.outcome).toMatchObject({ result: 'ERROR', reason: 'Invalid Username/Password', separator: ': ' });
    expect(parsed(answer)).toEqual(audited);
    expect(answer.body).not.toContain('not-the-pass');
  });
});

describe('the non-agent API through client.legacy()', () => {
  const cases: [string, Params][] = [
    ['agent_status', { agent_user: '9999' }],
    ['add_lead', { phone_number: '3125557011', list_id: 101, phone_code: '1', add_to_hopper: 'Y' }],
    ['add_lead', { phone_number: '12', list_id: 101 }],
    ['update_user', { agent_user: '1000', campaign_rank: '3', campaign_id: 'TESTCAMP' }],
    ['agent_status', { agent_user: '1000', source: 'x' }],
  ];
  for (const [name, params] of cases) {
    it(`${name} ${JSON.stringify(params)}: each line parsed as the server recorded it`, async () => {
      const { answer, audited } = await callAndAudit(nonAgentApi, 'non-agent', name, params);
      expect(answer.lines.length).toBeGreaterThan(0);
      expect(parsed(answer)).toEqual(audited);
    });
  }

  it('reads a report as data rows, on the delimiter its stage chose', async () => {
    const piped = await nonAgentApi.legacy('non-agent', 'agent_status', { agent_user: '1000' });
    expect(piped).toMatchObject({ ok: true, outcome: undefined });
    const row = piped.lines[0]!;
    if (piped.lines.length !== 1 || row.kind !== 'data') throw new Error(`not one data row: ${piped.body}`);
    const fields = row.fields;
    expect(fields[0]).toBe((await h.agent('1000'))!.status);
    const csv = await nonAgentApi.legacy('non-agent', 'agent_status', { agent_user: '1000', stage: 'csv', header: 'YES' });
    expect(csv.lines).toHaveLength(2);
    expect(csv.lines.map((l) => (l.kind === 'data' ? l.fields.length : 0))).toEqual([fields.length, fields.length]);
    expect(csv.lines[1]).toMatchObject({ kind: 'data', fields });
  });

  it("reads the non-agent version line's extra values", async () => {
    const version = await nonAgentApi.legacy('non-agent', 'version');
    expect(version.lines[0]).toMatchObject({ kind: 'version', version: '2.14-202', values: { DST: expect.any(String), TZNOW: expect.any(String) } });
  });
});

describe('the client itself', () => {
  it('refuses a base URL with credentials, a bad name, and credentials it cannot send', async () => {
    expect(() => new AgentgateClient({ baseUrl: 'http://6666:1234@127.0.0.1/', key: 'k' })).toThrow(/must not hold credentials/);
    expect(() => new AgentgateClient({ baseUrl: 'ftp://127.0.0.1/', key: 'k' })).toThrow(/http or https/);
    expect(() => new AgentgateClient({ baseUrl: 'http://127.0.0.1/', key: ' ' })).toThrow(/key is empty/);
    expect(() => new AgentgateClient({ baseUrl: 'http://127.0.0.1/', user: 'a:b', pass: 'x' })).toThrow(/no colon/);
    expect(() => new AgentgateClient({ baseUrl: 'http://127.0.0.1/' } as never)).toThrow(/needs a key, or a user and a pass/);
    await expect(agentApi.legacy('agent', '../admin')).rejects.toThrow(/not a function name/);
    await expect(agentApi.call('other' as Api, 'version')).rejects.toThrow(/api must be/);
  });

  it('keeps a path prefix of the base URL, and sends a UTF-8 password as HTTP Basic', async () => {
    const seen: string[] = [];
    const client = new AgentgateClient({ baseUrl: 'http://127.0.0.1:9/agentgate', user: 'jörg', pass: 'pässwörd' }, async (url, init) => {
      seen.push(url, (init.headers as Record<string, string>).authorization!);
      return new Response('ERROR: NO FUNCTION SPECIFIED\n');
    });
    await client.legacy('non-agent', 'version');
    expect(seen[0]).toBe('http://127.0.0.1:9/agentgate/vicidial/non_agent_api.php');
    expect(Buffer.from(seen[1]!.replace(/^Basic /, ''), 'base64').toString('utf8')).toBe('jörg:pässwörd');
  });

  it('a server that cannot be reached is an AgentgateError network-error with status 0', async () => {
    const away = new AgentgateClient({ baseUrl: 'http://127.0.0.1:9/', key: 'agk_x' });
    const err = await away.legacy('agent', 'version').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AgentgateError);
    expect(err).toMatchObject({ code: 'network-error', status: 0 });
  });
});
