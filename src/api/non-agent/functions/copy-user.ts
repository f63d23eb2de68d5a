/**
 * copy_user (spec §7.29): a new user from another's row and ranks, with its
 * own hashed password. The copy keeps every restriction of its source (API
 * List Restrict, API Only), and its maker grants through it nothing it does
 * not hold itself (domain/grants.ts).
 */
import { mayCreateLevel } from '../../../domain/admin-rights.js';
import { grantsBeyond } from '../../../domain/grants.js';
import { params, text } from '../../parameters.js';
import { t1, t4 } from '../messages.js';
import type { NonAgentFunction } from '../non-agent-function.js';
import { adminLog } from './admin-log.js';
import { hidden, newUserId, USER_RIGHTS, viewableGroup } from './user-rules.js';

/** Columns a copy does not take from its source (spec §7.29). */
const NOT_COPIED = [
  'user_id', 'shift_override_flag', 'failed_login_count', 'last_login_date', 'last_ip', 'failed_login_attempts_today', 'failed_login_count_today',
  'failed_last_ip_today', 'failed_last_type_today', 'modify_stamp', 'manual_dial_lead_id',
];

export const copyUser: NonAgentFunction = {
  name: 'copy_user',
  prelude: 'standard',
  requires: USER_RIGHTS,
  params: params({
    agent_user: text("The new user's id, 2 to 20 characters (AUTOGENERATE for the next free number).", 20),
    agent_pass: text("The new user's password, 2 characters at least.", 100),
    source_user: text('The user to copy.', 20),
    agent_full_name: text("The new user's full name.", 50),
  }),
  denied: (user) => t1('ERROR', 'copy_user USER DOES NOT HAVE PERMISSION TO COPY USERS', [user, '0']),
  async run(call) {
    const { p, unit, rights } = call;
    const store = unit.store;
    const agentUser = p.agent_user ?? '';
    const pass = p.agent_pass ?? '';
    const sourceUser = p.source_user ?? '';
    const fullName = p.agent_full_name ?? '';
    if (agentUser.length < 2 || agentUser.length > 20 || pass.length < 2 || sourceUser.length < 1 || fullName.length < 1 || fullName.length > 50)
      return { lines: [t1('ERROR', 'copy_user YOU MUST USE ALL REQUIRED FIELDS', [rights.user, agentUser, hidden(pass), sourceUser, fullName])] };
    const source = await store.userAdmin.fullRow(sourceUser);
    // agentgate: a source outside the viewable groups reads as a missing one, before its level can tell anything about it.
    const sourceGroup = String(source?.user_group ?? '');
    if (!source || !(await viewableGroup(call, sourceGroup))) return { lines: [t1('ERROR', 'copy_user USER GROUP DOES NOT EXIST', [rights.user, ''])] };
    const sourceLevel = Number(source.user_level ?? 0);
    if (!mayCreateLevel(rights, sourceLevel))
      return { lines: [t1('ERROR', 'copy_user USER DOES NOT HAVE PERMISSION TO COPY USERS IN THIS USER LEVEL', [rights.user, sourceLevel, rights.level])] };
    // agentgate: the copy holds nothing its maker does not (VICIdial copies any permission of the source).
    const beyond = grantsBeyond((await store.userAdmin.fullRow(rights.user)) ?? {}, source);
    if (beyond.length > 0)
      return { lines: [t1('ERROR', 'copy_user SOURCE USER HAS PERMISSIONS YOU DO NOT HOLD', [rights.user, sourceUser, beyond.join(',')])] };
    if (await store.users.exists(agentUser)) return { lines: [t1('ERROR', 'copy_user USER ALREADY EXISTS', [rights.user, agentUser])] };
    const id = await newUserId(call, agentUser);
    const row: Record<string, unknown> = { ...source };
    for (const column of NOT_COPIED) delete row[column];
    Object.assign(row, { user: id, pass: '', pass_hash: await call.passwords.hash(pass), full_name: fullName });
    await store.userAdmin.insertUser(row as never);
    const [ingroups, campaigns] = await store.userAdmin.copyRanks(sourceUser, id);
    await adminLog(call, { section: 'USERS', type: 'COPY', recordId: id, code: 'ADMIN API COPY USER', description: `user ${id} copied from ${sourceUser}`, notes: `user: ${id}|1|${ingroups}|${campaigns}` });
    return { lines: [t4('SUCCESS', 'copy_user USER HAS BEEN COPIED', [rights.user, id, '', fullName, sourceUser])] };
  },
};
