/**
 * "An agent": the agent screen offers and accepts only the campaigns of the
 * agent's user group, and only the in-groups it may take (VICIdial's agent
 * login), whatever the browser sends.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

async function screenOf(user: string) {
  const login = await h.app.inject({ method: 'POST', url: '/api/v2/auth/login', payload: { user, pass: '1234', screen: 'agent' } });
  const cookies = { agentgate_agent: login.cookies.find((c) => c.name === 'agentgate_agent')!.value };
  return {
    campaigns: async () => (await h.app.inject({ url: '/api/v2/agent/campaigns', cookies })).json().campaigns as { id: string; ingroups: { id: string }[] }[],
    start: (campaign: string, ingroups: string[] = []) => h.app.inject({ method: 'POST', url: '/api/v2/agent/session', cookies, payload: { campaign, ingroups } }),
  };
}

describe("an agent's campaigns", () => {
  it("are its user group's allowed campaigns: TEAM_B's agent sees and starts OTHERCMP only", async () => {
    const screen = await screenOf('1002');
    expect((await screen.campaigns()).map((c) => c.id)).toEqual(['OTHERCMP']);
    const refused = await screen.start('TESTCAMP');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toEqual({ code: 'campaign-not-allowed', message: "campaign TESTCAMP is not one of user group TEAM_B's allowed campaigns" });
    expect(await h.agent('1002')).toBeUndefined();
    expect((await screen.start('OTHERCMP')).statusCode).toBe(200);
    expect((await h.agent('1002'))!.campaignId).toBe('OTHERCMP');
  });

  it('are none when its user group does not exist', async () => {
    await h.exec(`update vicidial_users set user_group = 'GONE' where user = '1001'`);
    const screen = await screenOf('1001');
    expect(await screen.campaigns()).toEqual([]);
    expect((await screen.start('TESTCAMP')).statusCode).toBe(403);
  });
});

describe("an agent's in-groups", () => {
  it('are its default in-groups only when it may not choose them (agent_choose_ingroups=0)', async () => {
    await h.exec(`update vicidial_users set agent_choose_ingroups = '0' where user = '1001'`);
    const screen = await screenOf('1001');
    const testcamp = (await screen.campaigns()).find((c) => c.id === 'TESTCAMP')!;
    expect(testcamp.ingroups.map((g) => g.id)).toEqual(['TESTIN']);
    const refused = await screen.start('TESTCAMP', ['TESTIN', 'SALESLINE']);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('ingroup-not-allowed');
    expect(await h.agent('1001')).toBeUndefined();
    expect((await screen.start('TESTCAMP', ['TESTIN'])).statusCode).toBe(200);
  });

  it("are any of the campaign's when it may choose (the default), and never another campaign's", async () => {
    const screen = await screenOf('1001');
    expect((await screen.campaigns()).find((c) => c.id === 'TESTCAMP')!.ingroups.map((g) => g.id)).toEqual(['TESTIN', 'SALESLINE']);
    expect((await screen.start('OTHERCMP', ['TESTIN'])).statusCode).toBe(400);
    expect((await screen.start('TESTCAMP', ['SALESLINE'])).statusCode).toBe(200);
  });
});
