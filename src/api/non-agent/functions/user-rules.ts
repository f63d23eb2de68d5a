/**
 * What add_user, copy_user and update_user share: their rights, the stand-in
 * for a password in error lines, the viewable-group check, AUTOGENERATE ids.
 */
import type { NonAgentCall } from '../non-agent-function.js';
import { levelAbove, MODIFY_USERS, VDC } from '../permissions.js';
import { groupScopeAllows, scopesOf } from '../scope.js';

export const USER_RIGHTS = [VDC, MODIFY_USERS, levelAbove(7)];
/** What stands where VICIdial echoes a password. */
export const hidden = (pass: string | undefined) => (pass ? '***' : '');

export async function viewableGroup(call: NonAgentCall, group: string): Promise<boolean> {
  const { groups } = await scopesOf(call);
  return groupScopeAllows(groups, group) && (await call.unit.store.userAdmin.groupExists(group));
}

export async function newUserId(call: NonAgentCall, requested: string): Promise<string> {
  return requested.includes('AUTOGENERA') ? call.unit.store.userAdmin.allocateUserId() : requested;
}
