/**
 * What add_user, copy_user and update_user share: their rights, the stand-in
 * for a password in error lines, the viewable-group check, AUTOGENERATE ids.
 */
import { integer, text, TEXT_WIDTH } from '../../parameters.js';
import type { NonAgentCall } from '../non-agent-function.js';
import { levelAbove, MODIFY_USERS, VDC } from '../permissions.js';
import { groupScopeAllows, scopesOf } from '../scope.js';

export const USER_RIGHTS = [VDC, MODIFY_USERS, levelAbove(7)];
/** The optional user settings add_user and update_user both take. */
export const USER_FIELD_PARAMS = {
  phone_login: text("The agent's phone login.", 20).optional(),
  phone_pass: text("The agent's phone password.", 20).optional(),
  hotkeys_active: integer('1: the agent may use hotkeys.', { max: 1 }).optional(),
  voicemail_id: text("The agent's voicemail box, 2 to 10 characters.", 10).optional(),
  email: text("The user's email address.", 100).optional(),
  custom_one: text('Custom field one.', 100).optional(),
  custom_two: text('Custom field two.', 100).optional(),
  custom_three: text('Custom field three (the CRM id that alt_user matches).', 100).optional(),
  custom_four: text('Custom field four.', 100).optional(),
  custom_five: text('Custom field five.', 100).optional(),
  wrapup_seconds_override: integer("Wrap-up seconds for this user, -1 to keep the campaign's.", { min: -1, max: 9999 }).optional(),
  in_groups: text('The in-groups the agent takes calls from, separated by |.', TEXT_WIDTH).optional(),
};

/** What stands where VICIdial echoes a password. */
export const hidden = (pass: string | undefined) => (pass ? '***' : '');

export async function viewableGroup(call: NonAgentCall, group: string): Promise<boolean> {
  const { groups } = await scopesOf(call);
  return groupScopeAllows(groups, group) && (await call.unit.store.userAdmin.groupExists(group));
}

export async function newUserId(call: NonAgentCall, requested: string): Promise<string> {
  return requested.includes('AUTOGENERA') ? call.unit.store.userAdmin.allocateUserId() : requested;
}
