import { describe, expect, it } from 'vitest';
import { grantsBeyond } from './grants.js';

const maker = { user_level: 9, view_reports: '1', modify_users: '1', vdc_agent_api_access: '1', modify_leads: '1', api_allowed_functions: ' ALL_FUNCTIONS ', api_list_restrict: '0', api_only_user: '0' };
const agent = { user_level: 1, view_reports: '0', vdc_agent_api_access: '0', modify_leads: '0', api_allowed_functions: ' ALL_FUNCTIONS ', api_list_restrict: '0', api_only_user: '0' };

describe('grantsBeyond', () => {
  it('finds nothing in a user that holds no more than its maker', () => {
    expect(grantsBeyond(maker, agent)).toEqual([]);
    expect(grantsBeyond(maker, maker)).toEqual([]);
  });

  it('names each flag, Agent API Access and modify_leads the maker lacks', () => {
    const weak = { ...maker, view_reports: '0', vdc_agent_api_access: '0', modify_leads: '0' };
    expect(grantsBeyond(weak, { ...agent, view_reports: '1', load_leads: '1', vdc_agent_api_access: '1', modify_leads: '3' })).toEqual([
      'view_reports',
      'load_leads',
      'vdc_agent_api_access',
      'modify_leads',
    ]);
  });

  it('names API functions beyond the maker’s, for a user that may call an API', () => {
    const narrow = { ...maker, api_allowed_functions: ' copy_user external_pause ' };
    expect(grantsBeyond(narrow, { ...agent, vdc_agent_api_access: '1', api_allowed_functions: ' external_pause ' })).toEqual([]);
    expect(grantsBeyond(narrow, { ...agent, vdc_agent_api_access: '1', api_allowed_functions: ' ALL_FUNCTIONS ' })).toEqual(['api_allowed_functions']);
    expect(grantsBeyond(narrow, { ...agent, user_level: 7, api_allowed_functions: ' external_dial ' })).toEqual(['api_allowed_functions']);
    // An agent that can call no API: its (default) functions give nothing.
    expect(grantsBeyond(narrow, agent)).toEqual([]);
  });

  it('lets no maker under API List Restrict make an API user without it', () => {
    const restricted = { ...maker, api_list_restrict: '1' };
    expect(grantsBeyond(restricted, { ...agent, vdc_agent_api_access: '1' })).toEqual(['api_list_restrict']);
    expect(grantsBeyond(restricted, { ...agent, vdc_agent_api_access: '1', api_list_restrict: '1' })).toEqual([]);
    expect(grantsBeyond(restricted, agent)).toEqual([]);
  });

  it('lets no API Only maker make an account for the admin console', () => {
    const apiOnly = { ...maker, api_only_user: '1' };
    expect(grantsBeyond(apiOnly, { ...agent, user_level: 8 })).toEqual(['api_only_user']);
    expect(grantsBeyond(apiOnly, { ...agent, user_level: 8, api_only_user: '1' })).toEqual([]);
    expect(grantsBeyond(apiOnly, agent)).toEqual([]);
  });
});
