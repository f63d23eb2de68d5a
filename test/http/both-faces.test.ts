/**
 * Both faces give the same decision for the same request: two identical
 * worlds (same seed, same clock) receive every request, one on the legacy
 * endpoint with user and pass in the query, the other on the JSON face with
 * HTTP Basic. Over every function × API users of every kind × agents logged
 * in, not logged in and the API user itself, the legacy line and the JSON
 * answer must agree: the same SUCCESS/NOTICE reason, or the same refusal
 * reason with the status the catalogue gives it. Both worlds take the same
 * decisions, so they stay identical and later requests meet the same state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_PARAMS } from '../../src/api/agent/example-params.js';
import { catalogueEntry } from '../../src/api/error-catalogue.js';
import { agentOperationSchema, nonAgentOperationSchema } from '../../src/api/json-face.js';
import { startHarness, type Harness } from '../support/harness.js';

let legacy: Harness;
let json: Harness;
beforeAll(async () => {
  [legacy, json] = await Promise.all([startHarness(), startHarness()]);
});
afterAll(async () => {
  await Promise.all([legacy.close(), json.close()]);
});

type Api = 'agent' | 'non-agent';

/** The last line of a legacy answer. */
const lastLine = (body: string) => body.trim().split('\n').at(-1) ?? '';

/** Values each world draws at random (session and conference ids): masked before two reports are compared. */
const masked = (lines: readonly string[]) => lines.map((l) => l.replace(/\b\d{7,8}\b/g, '#'));

/** One request to both worlds; the decisions must match. */
async function compare(api: Api, name: string, user: string, pass: string, params: Record<string, string>): Promise<void> {
  const old = api === 'agent'
    ? await legacy.api({ ...params, function: name, user, pass, source: 'apiv2' })
    : await legacy.nonAgent({ ...params, function: name, user, pass, source: 'apiv2' });
  const now = await json.app.inject({
    method: 'POST',
    url: `/api/v2/${api}/${name}`,
    headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}` },
    payload: JSON.stringify(params),
  });
  const answer = now.json();
  const last = lastLine(old.body);
  const context = `${name} by ${user}/${pass} with ${JSON.stringify(params)}: legacy "${old.body.trim().slice(0, 160)}"`;
  if (last.startsWith('ERROR: ')) {
    // The JSON message is the legacy line's reason, and the status is the catalogue's for it.
    expect(answer.error, context).toBeDefined();
    expect(last.startsWith(`ERROR: ${answer.error.message}`), context).toBe(true);
    expect(now.statusCode, context).toBe(catalogueEntry(answer.error.message).status);
  } else {
    expect(now.statusCode, context).toBe(200);
    expect(masked(answer.lines), context).toEqual(masked(old.body.split('\n').filter((l) => l !== '')));
  }
}

/** Full rights, a narrowed API user, no Agent API Access, another team's. */
const AGENT_CALLERS = ['6666', '6668', '6667', '6669'];
const AGENTS = ['1000', '1001', '6666'];

describe('the legacy face and the JSON face decide alike', () => {
  it('for every agent function, caller and agent', async () => {
    const names = [...legacy.services.agentFunctions.keys()].filter((name) => name !== 'logout');
    let compared = 0;
    // logout last: it ends the session the others act on.
    for (const name of [...names, 'logout'])
      for (const user of AGENT_CALLERS)
        for (const agentUser of AGENTS) {
          // A function that acts on no agent takes no agent_user: the JSON face would refuse it as unknown.
          const takesAgent = 'agent_user' in agentOperationSchema(legacy.services.agentFunctions.get(name)!).shape;
          await compare('agent', name, user, '1234', { ...(EXAMPLE_PARAMS[name] ?? {}), ...(takesAgent ? { agent_user: agentUser } : {}) });
          compared++;
        }
    expect(compared).toBe((names.length + 1) * AGENT_CALLERS.length * AGENTS.length);
    // Both worlds took the same decisions: agent 1000 ends where it ended in the other (random ids aside).
    const where = async (h: Harness) => {
      const agent = await h.agent('1000');
      return agent && { status: agent.status, campaignId: agent.campaignId, leadId: agent.leadId, pauseCode: agent.pauseCode };
    };
    expect(await where(json)).toEqual(await where(legacy));
  });

  it('for every non-agent function a bare request may reach, by a full and a narrowed caller', async () => {
    await Promise.all([legacy, json].map((h) => h.exec(`UPDATE vicidial_users SET view_reports = '0' WHERE user = '6666'`)));
    const bare = [...legacy.services.nonAgentFunctions.values()].filter((spec) => nonAgentOperationSchema(spec).safeParse({}).success);
    expect(bare.length).toBeGreaterThan(5);
    for (const spec of bare) for (const user of ['6000', '6666']) await compare('non-agent', spec.name, user, '1234', {});
  });

  it('for failed logins: an unknown user, a wrong password (counted alike in both worlds)', async () => {
    await compare('agent', 'external_pause', 'nosuch', '1234', { agent_user: '1000', value: 'PAUSE' });
    await compare('agent', 'external_pause', '6666', 'wrong', { agent_user: '1000', value: 'PAUSE' });
    await compare('non-agent', 'logged_in_agents', '6000', 'wrong', {});
    const counts = await Promise.all([legacy, json].map(async (h) => (await h.rows('vicidial_users', { user: '6666' }))[0]!.failed_login_count));
    expect(counts[0]).toBe(1);
    expect(counts[1]).toBe(counts[0]);
  });
});
