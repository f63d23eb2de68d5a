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
import { functionsBeyond, grantsBeyond } from '../domain/grants.js';

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

const WHY: Readonly<Record<string, string>> = {
  api_list_restrict: 'You are under API List Restrict yourself, so you cannot lift it.',
  api_only_user: 'You are API Only yourself, so you cannot make an account for the admin console.',
};

/** Every permission the change would grant that the administrator does not hold (domain/grants.ts), and the level rule. */
export function grantProblems(admin: RecordValues, before: RecordValues | undefined, after: RecordValues): FieldProblem[] {
  const problems: FieldProblem[] = grantsBeyond(admin, after, before).map((field) => ({
    field,
    message:
      field === 'api_allowed_functions'
        ? `You may grant only functions you hold yourself; not: ${functionsBeyond(admin, after, before).join(', ')}.`
        : (WHY[field] ?? `You do not hold ${field}, so you cannot grant it.`),
  }));
  if (!mayManageLevel(admin, level(after)))
    problems.push({ field: 'user_level', message: `You may set user levels ${levelRuleText(admin)} only.` });
  return problems;
}
