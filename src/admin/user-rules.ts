/**
 * The rules of managing users, as pure functions over user records:
 * - an administrator manages only users below its level (or at its level
 *   with modify_same_user_level), and sets levels by the same rule
 *   (VICIdial's admin pages and update_user, non-agent-api.md §7.30);
 * - it grants no permission it does not hold itself: flags, Agent API
 *   Access, API functions, and lifting API List Restrict;
 * - the last active administrator account cannot be removed.
 */
import type { RecordValues } from '../store/repositories/admin-records.js';
import { levelRuleAllows } from '../domain/admin-rights.js';
import { ALL_FUNCTIONS, parseSet } from '../domain/vicidial-sets.js';
import { PERMISSION_FLAGS } from './catalog.js';

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

const text = (v: RecordValues, field: string) => String(v[field] ?? '');
const level = (v: RecordValues) => Number(v.user_level ?? 0);

/** May an administrator with this record manage users at `targetLevel`? */
export function mayManageLevel(admin: RecordValues, targetLevel: number): boolean {
  return levelRuleAllows(level(admin), text(admin, 'modify_same_user_level') === '1', targetLevel);
}

export function levelRuleText(admin: RecordValues): string {
  const own = level(admin);
  return text(admin, 'modify_same_user_level') === '1' ? `level ${own} or below` : `below level ${own}`;
}

/** An administrator account: may log into the console and manage users. */
export function isAdminAccount(v: RecordValues): boolean {
  return text(v, 'active') === 'Y' && text(v, 'api_only_user') !== '1' && level(v) >= 9 && text(v, 'modify_users') === '1';
}

const holds = (admin: RecordValues, field: string) => text(admin, field) !== '' && text(admin, field) !== '0';

/** Every permission the change would grant that the administrator does not hold. */
export function grantProblems(admin: RecordValues, before: RecordValues | undefined, after: RecordValues): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const newlyOn = (field: string) => holds(after, field) && (!before || text(before, field) !== text(after, field));
  for (const field of [...PERMISSION_FLAGS, 'vdc_agent_api_access', 'modify_leads'])
    if (newlyOn(field) && !holds(admin, field))
      problems.push({ field, message: `You do not hold ${field}, so you cannot grant it.` });

  const adminFunctions = parseSet(text(admin, 'api_allowed_functions'));
  if (!adminFunctions.includes(ALL_FUNCTIONS)) {
    const had = new Set(before ? parseSet(text(before, 'api_allowed_functions')) : []);
    const beyond = parseSet(text(after, 'api_allowed_functions')).filter((f) => !had.has(f) && !adminFunctions.includes(f));
    if (beyond.length > 0)
      problems.push({ field: 'api_allowed_functions', message: `You may grant only functions you hold yourself; not: ${beyond.join(', ')}.` });
  }
  const liftsRestrict = text(after, 'api_list_restrict') !== '1' && (!before || text(before, 'api_list_restrict') === '1');
  if (text(admin, 'api_list_restrict') === '1' && liftsRestrict && (before || holds(after, 'vdc_agent_api_access')))
    problems.push({ field: 'api_list_restrict', message: 'You are under API List Restrict yourself, so you cannot lift it.' });

  if (!mayManageLevel(admin, level(after)))
    problems.push({ field: 'user_level', message: `You may set user levels ${levelRuleText(admin)} only.` });
  return problems;
}
