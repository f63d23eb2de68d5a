import { describe, expect, it } from 'vitest';
import { grantProblems, isAdminAccount, mayManageLevel } from './user-rules.js';

const admin = {
  user: 'boss',
  user_level: 8,
  modify_same_user_level: '0',
  modify_users: '1',
  view_reports: '1',
  vdc_agent_api_access: '1',
  modify_leads: '0',
  api_allowed_functions: ' external_pause external_status ',
  api_list_restrict: '0',
  active: 'Y',
  api_only_user: '0',
};
const user = { user: 'x', user_level: 1, vdc_agent_api_access: '0', view_reports: '0', api_allowed_functions: ' external_pause ', api_list_restrict: '1', modify_leads: '0' };

describe('user rules', () => {
  it('manages only lower levels, or its own with modify_same_user_level', () => {
    expect(mayManageLevel(admin, 7)).toBe(true);
    expect(mayManageLevel(admin, 8)).toBe(false);
    expect(mayManageLevel({ ...admin, modify_same_user_level: '1' }, 8)).toBe(true);
    expect(mayManageLevel({ ...admin, modify_same_user_level: '1' }, 9)).toBe(false);
  });

  it('grants only what the administrator holds', () => {
    expect(grantProblems(admin, user, { ...user, vdc_agent_api_access: '1', view_reports: '1' })).toEqual([]);
    const apiUser = { ...user, vdc_agent_api_access: '1' };
    expect(grantProblems(admin, user, { ...user, modify_lists: '1', modify_leads: '1' }).map((p) => p.field)).toEqual(['modify_lists', 'modify_leads']);
    expect(grantProblems(admin, apiUser, { ...apiUser, api_allowed_functions: ' external_pause external_dial ' })[0]).toEqual({
      field: 'api_allowed_functions',
      message: 'You may grant only functions you hold yourself; not: external_dial.',
    });
    expect(grantProblems(admin, apiUser, { ...apiUser, api_allowed_functions: ' ALL_FUNCTIONS ' })[0]?.field).toBe('api_allowed_functions');
    // A user that can call no API gains nothing from functions; given API access later, every function counts anew.
    const withAll = { ...user, api_allowed_functions: ' ALL_FUNCTIONS ' };
    expect(grantProblems(admin, user, withAll)).toEqual([]);
    expect(grantProblems(admin, withAll, { ...withAll, vdc_agent_api_access: '1' }).map((p) => p.field)).toEqual(['api_allowed_functions']);
    expect(grantProblems(admin, user, { ...user, user_level: 8 })[0]?.field).toBe('user_level');
  });

  it('keeps a flag it does not hold when the user already had it', () => {
    const had = { ...user, modify_lists: '1' };
    expect(grantProblems(admin, had, { ...had, full_name: 'new' })).toEqual([]);
  });

  it('lets a list-restricted administrator not lift the restriction', () => {
    const restricted = { ...admin, api_list_restrict: '1' };
    const apiUser = { ...user, vdc_agent_api_access: '1' };
    expect(grantProblems(restricted, apiUser, { ...apiUser, api_list_restrict: '0' })[0]).toEqual({
      field: 'api_list_restrict',
      message: 'You are under API List Restrict yourself, so you cannot lift it.',
    });
    expect(grantProblems(admin, apiUser, { ...apiUser, api_list_restrict: '0' })).toEqual([]);
    // Lifted while the user could call no API, it counts when API access comes.
    const lifted = { ...user, api_list_restrict: '0' };
    expect(grantProblems(restricted, user, lifted)).toEqual([]);
    expect(grantProblems(restricted, lifted, { ...lifted, vdc_agent_api_access: '1' }).map((p) => p.field)).toEqual(['api_list_restrict']);
  });

  it('knows an administrator account', () => {
    expect(isAdminAccount({ ...admin, user_level: 9 })).toBe(true);
    expect(isAdminAccount({ ...admin, user_level: 9, active: 'N' })).toBe(false);
    expect(isAdminAccount({ ...admin, user_level: 9, api_only_user: '1' })).toBe(false);
  });
});
