/**
 * The non-agent API's permission matrix (../shared/spec/non-agent-api.md §0,
 * §8) as data: each function lists the conditions its permission query puts
 * on the API user's row. The pipeline tests them; the tests revoke each one
 * in turn; an administrator reads them to see which flag is missing.
 */
import type { AdminRights } from '../../domain/admin-rights.js';

export interface Requirement {
  /** The vicidial_users column the condition reads. */
  readonly column: string;
  /** The condition, in the words of the admin screens. */
  readonly describe: string;
  readonly holds: (rights: AdminRights) => boolean;
  /** A value of `column` that fails the condition (used by tests and explanations). */
  readonly failingValue: string | number;
}

const flag = (column: string, holds: (r: AdminRights) => boolean): Requirement => ({
  column,
  describe: `${column} = 1`,
  holds,
  failingValue: '0',
});

export const VDC = flag('vdc_agent_api_access', (r) => r.apiAccess);
export const VIEW_REPORTS = flag('view_reports', (r) => r.viewReports);
export const MODIFY_LISTS = flag('modify_lists', (r) => r.modifyLists);
export const DELETE_FROM_DNC = flag('delete_from_dnc', (r) => r.deleteFromDnc);
export const MODIFY_USERS = flag('modify_users', (r) => r.modifyUsers);
export const DELETE_USERS = flag('delete_users', (r) => r.deleteUsers);
export const DELETE_LISTS = flag('delete_lists', (r) => r.deleteLists);

export const levelAbove = (n: number): Requirement => ({
  column: 'user_level',
  describe: `user_level > ${n}`,
  holds: (r) => r.level > n,
  failingValue: n,
});

const MODIFY_LEADS_1_4 = new Set(['1', '2', '3', '4']);
const MODIFY_LEADS_1_5 = new Set(['1', '2', '3', '4', '5']);
export const MODIFY_LEADS: Requirement = {
  column: 'modify_leads',
  describe: 'modify_leads 1-4',
  holds: (r) => MODIFY_LEADS_1_4.has(r.modifyLeads),
  failingValue: '5',
};
export const READ_LEADS: Requirement = {
  column: 'modify_leads',
  describe: 'modify_leads 1-5',
  holds: (r) => MODIFY_LEADS_1_5.has(r.modifyLeads),
  failingValue: '0',
};

export function unmet(requirements: readonly Requirement[], rights: AdminRights): Requirement | undefined {
  return requirements.find((req) => !req.holds(rights));
}
