/**
 * update_user (spec §7.30): change or delete a user at most at the API user's
 * level, ranks and grades; passwords hashed; a reset password is never mailed.
 */
import { mayCreateLevel, mayManageLevel } from '../../../domain/admin-rights.js';
import { formatSet } from '../../../domain/vicidial-sets.js';
import type { Line } from '../../legacy/lines.js';
import { customLine } from '../../legacy/lines.js';
import { flag, integer, params, text } from '../../parameters.js';
import { t1, t4 } from '../messages.js';
import type { NonAgentCall, NonAgentFunction } from '../non-agent-function.js';
import { groupScopeAllows, scopesOf } from '../scope.js';
import { adminLog } from './admin-log.js';
import { blank } from './lead-params.js';
import { USER_FIELD_PARAMS, USER_RIGHTS, viewableGroup } from './user-rules.js';

const CUSTOM = [
  ['custom_one', 'ONE'],
  ['custom_two', 'TWO'],
  ['custom_three', 'THREE'],
  ['custom_four', 'FOUR'],
  ['custom_five', 'FIVE'],
] as const;

export const updateUser: NonAgentFunction = {
  name: 'update_user',
  prelude: 'standard',
  requires: USER_RIGHTS,
  params: params({
    agent_user: text('The user to change, 2 to 20 characters.', 20),
    delete_user: flag('Y: delete the user (needs delete_users).').optional(),
    agent_pass: text('A new password.', 100).optional(),
    agent_full_name: text('A new full name (--BLANK-- clears it).', 50).optional(),
    agent_user_level: integer("A new level, 1 to 9, below the API user's own (or equal, with modify_same_user_level).", { min: 1, max: 9 }).optional(),
    agent_user_group: text('A new user group.', 20).optional(),
    active: flag('Y or N: whether the user may log in.').optional(),
    ...USER_FIELD_PARAMS,
    campaign_rank: integer("The user's rank in its campaigns, -9 to 9.", { min: -9, max: 9 }).optional(),
    campaign_grade: integer("The user's grade in its campaigns, 1 to 10.", { min: 1, max: 10 }).optional(),
    camp_rg_only: integer('1: rank and grade only in campaign_id.', { max: 1 }).optional(),
    campaign_id: text('With camp_rg_only: the one campaign.', 8).optional(),
    ingroup_rank: integer("The user's rank in its in-groups, -9 to 9.", { min: -9, max: 9 }).optional(),
    ingroup_grade: integer("The user's grade in its in-groups, 1 to 10.", { min: 1, max: 10 }).optional(),
    ingrp_rg_only: integer('1: rank and grade only in group_id.', { max: 1 }).optional(),
    group_id: text('With ingrp_rg_only: the one in-group.', 20).optional(),
    reset_password: integer('8 or more: reset the password to a new one of that length (agentgate mails no passwords: it answers that the reset failed).', { max: 100 }).optional(),
    server_ip: text('Echoed in the "user does not exist" line, as VICIdial does.', 15).optional(),
  }),
  denied: (user) => t1('ERROR', 'update_user USER DOES NOT HAVE PERMISSION TO UPDATE USERS', [user, '0']),
  async run(call) {
    const { p, unit, rights } = call;
    const store = unit.store;
    const me = rights.user;
    const agentUser = p.agent_user ?? '';
    if (agentUser.length < 2 || agentUser.length > 20) return { lines: [t1('ERROR', 'update_user YOU MUST USE ALL REQUIRED FIELDS', [me, agentUser, ''])] };
    const target = await store.userAdmin.summary(agentUser);
    const { groups } = await scopesOf(call);
    // VICIdial's line ends with the server_ip parameter (usually absent), not the user it looked for.
    // A user outside the viewable groups reads as a missing one (VICIdial refuses it as out of reach, telling that it exists).
    if (!target || !groupScopeAllows(groups, target.group)) return { lines: [t1('ERROR', 'update_user USER DOES NOT EXIST', [me, p.server_ip ?? ''])] };
    if (!mayManageLevel(rights, target.level)) {
      const op = rights.modifySameUserLevel ? '<=' : '<';
      return { lines: [customLine('ERROR', 'update_user USER DOES NOT HAVE PERMISSION TO UPDATE THIS USER', `ERROR: update_user USER DOES NOT HAVE PERMISSION TO UPDATE THIS USER: |${me}|${agentUser}|${op}|${rights.level}\n\n`)] };
    }
    if (p.delete_user === 'Y') {
      if (!rights.deleteUsers) return { lines: [t1('ERROR', 'update_user USER DOES NOT HAVE PERMISSION TO DELETE USERS', [me, '0'])] };
      await store.userAdmin.delete(agentUser);
      call.forgetCredentials(agentUser);
      await adminLog(call, { section: 'USERS', type: 'DELETE', recordId: agentUser, code: 'ADMIN API DELETE USER', description: `user ${agentUser} deleted`, notes: '' });
      return { lines: [t4('SUCCESS', 'update_user USER HAS BEEN DELETED', [me, agentUser, ''])] };
    }

    const fail = (reason: string, data: (string | number)[]) => ({ lines: [t1('ERROR', `update_user ${reason}`, [me, ...data])] });
    const changes: Record<string, unknown> = {};
    if (p.agent_pass) changes.pass_hash = await call.passwords.hash(p.agent_pass);
    if (p.agent_pass) changes.pass = '';
    if (p.agent_full_name) {
      if (p.agent_full_name !== '--BLANK--' && p.agent_full_name.length > 50) return fail('YOU MUST USE A VALID FULL NAME, THIS IS AN OPTIONAL FIELD', [p.agent_full_name]);
      changes.full_name = blank(p.agent_full_name);
    }
    if (p.agent_user_level) {
      const level = Number(p.agent_user_level);
      if (!mayCreateLevel(rights, level)) return fail('YOU MUST USE A VALID USER LEVEL, THIS IS AN OPTIONAL FIELD', [p.agent_user_level, rights.level, rights.modifySameUserLevel ? 1 : 0]);
      changes.user_level = level;
    }
    if (p.agent_user_group) {
      const ok = p.agent_user_group.length <= 20 && (await viewableGroup(call, p.agent_user_group));
      if (!ok) return fail('YOU MUST USE A VALID USER GROUP, THIS IS AN OPTIONAL FIELD', [p.agent_user_group, 0]);
      changes.user_group = p.agent_user_group;
    }
    if (p.phone_login) {
      if (p.phone_login !== '--BLANK--' && (p.phone_login.length > 20 || !(await store.userAdmin.phoneLoginExists(p.phone_login))))
        return fail('YOU MUST USE A VALID PHONE LOGIN, THIS IS AN OPTIONAL FIELD', [p.phone_login, 0, 0]);
      changes.phone_login = blank(p.phone_login);
    }
    if (p.phone_pass) {
      if (p.phone_pass !== '--BLANK--' && p.phone_pass.length > 20) return fail('YOU MUST USE A VALID PHONE PASSWORD, THIS IS AN OPTIONAL FIELD', ['***']);
      changes.phone_pass = blank(p.phone_pass);
    }
    if (p.hotkeys_active) {
      if (p.hotkeys_active !== '0' && p.hotkeys_active !== '1') return fail('YOU MUST USE A VALID HOTKEYS SETTING, THIS IS AN OPTIONAL FIELD', [p.hotkeys_active]);
      changes.hotkeys_active = p.hotkeys_active;
    }
    if (p.voicemail_id) {
      if (p.voicemail_id.length < 2 || p.voicemail_id.length > 10) return fail('YOU MUST USE A VALID VOICEMAIL ID, THIS IS AN OPTIONAL FIELD', [p.voicemail_id]);
      changes.voicemail_id = p.voicemail_id;
    }
    if (p.email) {
      if (p.email !== '--BLANK--' && (p.email.length < 5 || p.email.length > 100)) return fail('YOU MUST USE A VALID EMAIL, THIS IS AN OPTIONAL FIELD', [p.email]);
      changes.email = blank(p.email);
    }
    for (const [name, word] of CUSTOM) {
      const value = p[name];
      if (!value) continue;
      if (value !== '--BLANK--' && value.length > 100) return fail(`YOU MUST USE A VALID CUSTOM ${word}, THIS IS AN OPTIONAL FIELD`, [value]);
      changes[name] = blank(value);
    }
    if (p.active) {
      if (p.active !== 'Y' && p.active !== 'N') return fail('ACTIVE MUST BE Y OR N, THIS IS AN OPTIONAL FIELD', [p.active]);
      changes.active = p.active;
    }
    if (p.wrapup_seconds_override) {
      const n = Number(p.wrapup_seconds_override);
      if (!Number.isInteger(n) || n < -1 || n > 9999) return fail('wrapup_seconds_override MUST BE A VALID DIGIT BETWEEN -1 AND 9999, THIS IS AN OPTIONAL FIELD', [p.wrapup_seconds_override]);
      changes.wrapup_seconds_override = n;
    }
    if (p.in_groups) changes.closer_campaigns = formatSet(p.in_groups.split('|').filter(Boolean));

    const lines: Line[] = [];
    const rankLines = await ranks(call, agentUser);
    if ('error' in rankLines) return { lines: [...lines, rankLines.error] };
    lines.push(...rankLines.lines);
    if (Number(p.reset_password) > 7) {
      // agentgate sends no mail: a password mailed in clear is what §10 says not to do.
      const email = (p.email ?? '').length >= 5 ? p.email! : target.email;
      lines.push(
        email.length < 5
          ? t4('NOTICE', 'update_user USER PASSWORD RESET FAILED: NO VALID EMAIL PROVIDED', [me, agentUser, email])
          : t4('NOTICE', 'update_user USER PASSWORD RESET FAILED: EMAIL FAILURE', [me, agentUser, email, 'agentgate does not send passwords by mail']),
      );
    }
    if (Object.keys(changes).length === 0) return { lines: [...lines, t1('ERROR', 'update_user NO UPDATES DEFINED', [me, ''])] };
    await store.userAdmin.update(agentUser, { ...changes, failed_login_count: 0 });
    call.forgetCredentials(agentUser);
    const described = Object.keys(changes).filter((k) => k !== 'pass').map((k) => (k === 'pass_hash' ? 'password' : k));
    await adminLog(call, { section: 'USERS', type: 'MODIFY', recordId: agentUser, code: 'ADMIN API UPDATE USER', description: `changed ${described.join(' ')}`, notes: '' });
    return { lines: [...lines, t4('SUCCESS', 'update_user USER HAS BEEN UPDATED', [me, agentUser, ''])] };
  },
};

/** campaign_rank/campaign_grade and ingroup_rank/ingroup_grade (update_user steps 6–7). */
async function ranks(call: NonAgentCall, agentUser: string): Promise<{ lines: Line[] } | { error: Line }> {
  const { p, unit, rights } = call;
  const store = unit.store;
  const lines: Line[] = [];
  const num = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number(v));
  const campRank = num(p.campaign_rank);
  const campGrade = num(p.campaign_grade);
  if (campRank !== undefined || campGrade !== undefined) {
    if (campRank !== undefined && !(Number.isInteger(campRank) && campRank >= -9 && campRank <= 9))
      return { error: t1('ERROR', 'update_user YOU MUST USE A VALID CAMPAIGN RANK, THIS IS AN OPTIONAL FIELD', [rights.user, p.campaign_rank ?? '']) };
    if (campGrade !== undefined && !(Number.isInteger(campGrade) && campGrade >= 1 && campGrade <= 10))
      return { error: t1('ERROR', 'update_user YOU MUST USE A VALID CAMPAIGN GRADE, THIS IS AN OPTIONAL FIELD', [rights.user, p.campaign_grade ?? '']) };
    const only = p.camp_rg_only === '1' && p.campaign_id;
    await store.userAdmin.setCampaignRank(agentUser, only ? [p.campaign_id!] : await store.campaigns.allCampaignIds(), campRank, campGrade);
    await adminLog(call, { section: 'USERS', type: 'MODIFY', recordId: agentUser, code: 'ADMIN API UPDATE USER RANK', description: 'campaign rank/grade', notes: '' });
    lines.push(t4('NOTICE', 'update_user USER CAMPAIGN RANKS/GRADES HAVE BEEN UPDATED', [rights.user, agentUser, p.campaign_rank ?? '', p.campaign_grade ?? '', ...(only ? [p.campaign_id!, 1] : [])]));
  }
  const groupRank = num(p.ingroup_rank);
  const groupGrade = num(p.ingroup_grade);
  if (groupRank !== undefined || groupGrade !== undefined) {
    if (groupRank !== undefined && !(Number.isInteger(groupRank) && groupRank >= -9 && groupRank <= 9))
      return { error: t1('ERROR', 'update_user YOU MUST USE A VALID IN-GROUP RANK, THIS IS AN OPTIONAL FIELD', [rights.user, p.ingroup_rank ?? '']) };
    if (groupGrade !== undefined && !(Number.isInteger(groupGrade) && groupGrade >= 1 && groupGrade <= 10))
      return { error: t1('ERROR', 'update_user YOU MUST USE A VALID IN-GROUP GRADE, THIS IS AN OPTIONAL FIELD', [rights.user, p.ingroup_grade ?? '']) };
    const only = p.ingrp_rg_only === '1' && p.group_id;
    const ids = only ? [p.group_id!] : (await store.campaigns.inboundGroupRows()).map((g) => g.group_id);
    await store.userAdmin.setIngroupRank(agentUser, ids, groupRank, groupGrade);
    await adminLog(call, { section: 'USERS', type: 'MODIFY', recordId: agentUser, code: 'ADMIN API UPDATE USER RANK', description: 'in-group rank/grade', notes: '' });
    lines.push(t4('NOTICE', 'update_user USER IN-GROUP RANKS/GRADES HAVE BEEN UPDATED', [rights.user, agentUser, p.ingroup_rank ?? '', p.ingroup_grade ?? '', ...(only ? [p.group_id!, 1] : [])]));
  }
  return { lines };
}
