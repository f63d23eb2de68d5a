import { describe, expect, it } from 'vitest';
import { ingroupsOffered, mayLogIntoCampaign, type AgentLoginRights } from './agent-login.js';

const rights = (over: Partial<AgentLoginRights> = {}): AgentLoginRights => ({ allowedCampaigns: ' OTHERCMP -', choosesIngroups: true, defaultIngroups: ' TESTIN -', ...over });
const ingroups = [{ id: 'TESTIN' }, { id: 'SALESLINE' }];

describe('agent login rights', () => {
  it("allows the user group's campaigns only, all of them with -ALL-CAMPAIGNS-, none without a group", () => {
    expect(mayLogIntoCampaign(rights(), 'OTHERCMP')).toBe(true);
    expect(mayLogIntoCampaign(rights(), 'TESTCAMP')).toBe(false);
    expect(mayLogIntoCampaign(rights({ allowedCampaigns: ' -ALL-CAMPAIGNS- -' }), 'TESTCAMP')).toBe(true);
    expect(mayLogIntoCampaign(rights({ allowedCampaigns: undefined }), 'OTHERCMP')).toBe(false);
    expect(mayLogIntoCampaign(rights({ allowedCampaigns: '' }), 'OTHERCMP')).toBe(false);
  });

  it("offers every in-group of the campaign to an agent who chooses, else only the agent's defaults", () => {
    expect(ingroupsOffered(rights(), ingroups)).toEqual(ingroups);
    expect(ingroupsOffered(rights({ choosesIngroups: false }), ingroups)).toEqual([{ id: 'TESTIN' }]);
    expect(ingroupsOffered(rights({ choosesIngroups: false, defaultIngroups: '' }), ingroups)).toEqual([]);
  });
});
