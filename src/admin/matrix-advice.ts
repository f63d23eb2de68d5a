/**
 * The permission matrix's advice, as pure rules. Advice must fit what the
 * account is for: an integration (API Only) can be deactivated when nothing
 * uses it; a console administrator must never be told to become API Only,
 * which would lock it out of the console; an account that can log into the
 * agent screen is either an integration (make it API Only) or an agent
 * (take its Agent API Access away). "Never used" needs an age: a new account
 * is only "not used yet".
 */
import type { AccountRole, MatrixWarning } from '../wire/admin.js';
import { parseSqlDateTime } from '../domain/clock.js';

/** How long an account may go without a successful call before the matrix suggests removing it. */
export const NEVER_USED_AFTER_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

export interface AccountFacts {
  readonly user: string;
  readonly level: number;
  readonly apiAccess: boolean;
  readonly apiOnly: boolean;
  readonly allowsAll: boolean;
  readonly listRestrict: boolean;
  /** Some user group is limited to some campaigns: several teams share the box. */
  readonly sharedBox: boolean;
  readonly lastSuccess?: string | undefined;
  /** When agentgate created the account (undefined: created elsewhere, unknown). */
  readonly createdAt?: string | undefined;
  /** undefined: unknown (created elsewhere). */
  readonly passwordChanged?: boolean | undefined;
  readonly now: Date;
}

/** The admin console takes level 8 and up, unless API Only (VICIdial's admin rules). */
export function roleOf(account: { readonly level: number; readonly apiOnly: boolean }): AccountRole {
  if (account.apiOnly) return 'integration';
  return account.level >= 8 ? 'administrator' : 'screen-user';
}

const warning = (code: MatrixWarning['code'], message: string): MatrixWarning => ({ code, severity: 'warning', message });
const note = (code: MatrixWarning['code'], message: string): MatrixWarning => ({ code, severity: 'note', message });

function unused(f: AccountFacts, role: AccountRole): MatrixWarning {
  const created = parseSqlDateTime(f.createdAt);
  if (!created) return note('not-used-yet', `${f.user} has no successful API call on record (its creation date is unknown).`);
  const days = Math.floor((f.now.getTime() - created.getTime()) / DAY);
  if (days < NEVER_USED_AFTER_DAYS) return note('not-used-yet', `${f.user} has made no successful API call yet (created ${f.createdAt}).`);
  const remedy = role === 'integration' ? 'deactivate it if nothing uses it' : `turn off its Agent API Access if nothing calls the API as ${f.user}`;
  return warning('never-used', `${f.user} was created ${days} days ago and has never made a successful API call: ${remedy}.`);
}

export function matrixWarnings(f: AccountFacts): MatrixWarning[] {
  const role = roleOf(f);
  const out: MatrixWarning[] = [];
  if (f.apiAccess && role === 'screen-user')
    out.push(
      warning(
        'also-agent',
        `${f.user} can log into the agent screen and also call the agent API: if it is an integration, make it API Only; if it is an agent, turn off its Agent API Access.`,
      ),
    );
  if (f.apiAccess && role === 'administrator')
    out.push(
      note(
        'administrator-api-access',
        `${f.user} is a console administrator with Agent API Access: give each integration its own API Only user rather than this account's password.`,
      ),
    );
  if (f.apiAccess && f.allowsAll && !f.listRestrict && f.sharedBox)
    out.push(
      warning(
        'all-functions-shared',
        `${f.user} has ALL_FUNCTIONS and no API List Restrict on a box several teams share: it can act on every team's agents and leads.`,
      ),
    );
  if (f.apiAccess && !f.lastSuccess) out.push(unused(f, role));
  if (f.passwordChanged === false) out.push(warning('password-unchanged', `${f.user}'s password has not changed since the account was created (${f.createdAt}).`));
  return out;
}
