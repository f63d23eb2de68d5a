/**
 * add_user (spec §7.28): a per-user bcrypt hash, never an echoed password, and
 * never a user above its creator's level or outside 1–9 (VICIdial lets level 9
 * create levels 10 and up).
 */
import { mayCreateLevel } from '../../../domain/admin-rights.js';
import { formatSet } from '../../../domain/vicidial-sets.js';
import { integer, params, text } from '../../parameters.js';
import { t1, t4 } from '../messages.js';
import type { NonAgentFunction } from '../non-agent-function.js';
import { adminLog } from './admin-log.js';
import { hidden, newUserId, USER_FIELD_PARAMS, USER_RIGHTS, viewableGroup } from './user-rules.js';

export const addUser: NonAgentFunction = {
  name: 'add_user',
  prelude: 'standard',
  requires: USER_RIGHTS,
  params: params({
    agent_user: text("The new user's id, 2 to 20 characters (AUTOGENERATE for the next free number).", 20),
    agent_pass: text("The new user's password, 2 characters at least.", 100),
    agent_user_level: integer("The new user's level, 1 to 9, below the API user's own (or equal, with modify_same_user_level).", { min: 1, max: 9 }),
    agent_full_name: text("The new user's full name.", 50),
    agent_user_group: text("The new user's group.", 20),
    ...USER_FIELD_PARAMS,
    agent_choose_ingroups: integer('1 (the default): the agent picks its in-groups at login.', { max: 1 }).optional(),
    agent_choose_blended: integer('1 (the default): the agent chooses whether to take outbound calls too.', { max: 1 }).optional(),
    closer_default_blended: integer('1: the agent takes outbound calls too by default.', { max: 1 }).optional(),
  }),
  denied: (user) => t1('ERROR', 'add_user USER DOES NOT HAVE PERMISSION TO ADD USERS', [user, '0']),
  async run(call) {
    const { p, unit, rights } = call;
    const store = unit.store;
    const agentUser = p.agent_user ?? '';
    const pass = p.agent_pass ?? '';
    const levelText = p.agent_user_level ?? '';
    const fullName = p.agent_full_name ?? '';
    const group = p.agent_user_group ?? '';
    if (agentUser.length < 2 || agentUser.length > 20 || pass.length < 2 || levelText.length < 1 || fullName.length < 1 || fullName.length > 50 || group.length < 1)
      return { lines: [t1('ERROR', 'add_user YOU MUST USE ALL REQUIRED FIELDS', [rights.user, agentUser, hidden(pass), levelText, fullName, group])] };
    const level = Number(levelText);
    if (!mayCreateLevel(rights, level)) return { lines: [t1('ERROR', 'add_user USER DOES NOT HAVE PERMISSION TO ADD USERS IN THIS USER LEVEL', [rights.user, levelText, rights.level])] };
    if (!(await viewableGroup(call, group))) return { lines: [t1('ERROR', 'add_user USER GROUP DOES NOT EXIST', [rights.user, group])] };
    if (await store.users.exists(agentUser)) return { lines: [t1('ERROR', 'add_user USER ALREADY EXISTS', [rights.user, agentUser])] };
    const id = await newUserId(call, agentUser);
    const flag = (v: string | undefined, fallback: '0' | '1') => (v === '0' || v === '1' ? v : fallback);
    await store.userAdmin.insertUser({
      user: id,
      pass: '',
      pass_hash: await call.passwords.hash(pass),
      full_name: fullName,
      user_level: level,
      user_group: group,
      phone_login: p.phone_login ?? '',
      phone_pass: p.phone_pass ?? '',
      hotkeys_active: flag(p.hotkeys_active, '0'),
      voicemail_id: p.voicemail_id ?? '',
      email: p.email ?? '',
      custom_one: p.custom_one ?? '',
      custom_two: p.custom_two ?? '',
      custom_three: p.custom_three ?? '',
      custom_four: p.custom_four ?? '',
      custom_five: p.custom_five ?? '',
      wrapup_seconds_override: Number.parseInt(p.wrapup_seconds_override ?? '', 10) || -1,
      agent_choose_ingroups: flag(p.agent_choose_ingroups, '1'),
      agent_choose_blended: flag(p.agent_choose_blended, '1'),
      closer_default_blended: flag(p.closer_default_blended, '0'),
      closer_campaigns: p.in_groups ? formatSet(p.in_groups.split('|').filter(Boolean)) : '',
    });
    await adminLog(call, { section: 'USERS', type: 'ADD', recordId: id, code: 'ADMIN API ADD USER', description: `user ${id} added, level ${level}, group ${group}`, notes: `user: ${id}` });
    return { lines: [t4('SUCCESS', 'add_user USER HAS BEEN ADDED', [rights.user, id, '', levelText, fullName, group])] };
  },
};
