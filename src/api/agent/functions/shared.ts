/** Checks several agent API functions share. */
import type { Lead } from '../../../domain/lead.js';
import { error, type Line } from '../../legacy/lines.js';
import type { AgentCall } from '../agent-function.js';
import type { FilteredParams } from '../input-filters.js';

export const notValid = (fn: string, fields: readonly (string | number)[]) => error(`${fn} not valid`, fields);

/** The "agent_user ≥ a characters or alt_user ≥ b characters" rule of most functions. */
export function hasTarget(p: FilteredParams, agentMin: number, altMin: number): boolean {
  return (p.agent_user ?? '').length >= agentMin || (p.alt_user ?? '').length >= altMin;
}

/** external_dial and preview_dial_action: the target agent needs agentcall_manual exactly '1'. */
export async function manualDialRefusal(call: AgentCall): Promise<Line | undefined> {
  const agent = await call.unit.store.users.find(call.agentUser);
  if (agent?.agentcallManual === '1') {
    call.trace.pass('agentcall_manual');
    return undefined;
  }
  call.trace.fail(
    'agentcall_manual',
    `${call.agentUser} may not place manual dial calls (agentcall_manual is ${agent?.agentcallManual ?? 'missing'})`,
    `set agentcall_manual to 1 for ${call.agentUser}`,
  );
  return error('agent_user is not allowed to place manual dial calls', [call.agentUser]);
}

/** API List Restrict on a lead: its list's campaign must be allowed to the API user's group. */
export async function leadScopeRefusal(call: AgentCall, lead: Lead): Promise<Line | undefined> {
  if (await call.scope.allowsList(call.unit.store, lead.listId)) {
    call.trace.pass('lead_scope');
    return undefined;
  }
  call.trace.fail(
    'lead_scope',
    `lead ${lead.leadId} is in list ${lead.listId}, whose campaign ${call.apiUser.user}'s user group does not allow`,
    `add the list's campaign to the allowed campaigns of user group ${call.apiUser.group}`,
  );
  return error('lead is in a list not allowed for this user', [call.agentUser, lead.leadId, lead.listId, call.apiUser.user]);
}

/** API List Restrict on a list the command would write to. */
export async function listScopeRefusal(call: AgentCall, listId: number, first: string): Promise<Line | undefined> {
  if (await call.scope.allowsList(call.unit.store, listId)) {
    call.trace.pass('list_scope');
    return undefined;
  }
  call.trace.fail(
    'list_scope',
    `list ${listId} belongs to a campaign ${call.apiUser.user}'s user group does not allow`,
    `add the list's campaign to the allowed campaigns of user group ${call.apiUser.group}`,
  );
  return error('list is not allowed for this user', [first, listId, call.agentUser, call.apiUser.user]);
}

/** A group alias's caller id (external_dial step 5, transfer_conference): '' with no alias, or a refusal. */
export async function groupAliasCallerId(call: AgentCall, groupAlias: string): Promise<string | Line> {
  if (groupAlias.length < 2) return '';
  const cid = await call.unit.store.campaigns.groupAliasCallerId(groupAlias);
  if (cid === undefined) return error('group_alias is not valid', [call.agentUser, groupAlias]);
  if (!(Number(cid) >= 4)) return error('caller_id_number from group_alias is not valid', [call.agentUser, groupAlias, cid]);
  return cid;
}

/** The agent's live call, by VICIdial's test (a lead on screen and a caller id over 15 characters), or the refusal. */
export function liveCallRefusal(call: AgentCall): Line | undefined {
  if (call.agent.leadId > 0 && (call.agent.call?.callerId.length ?? 0) > 15) return undefined;
  call.trace.fail('live_call', `${call.agentUser} has no live call`);
  return error('agent_user does not have a live call', [call.agentUser]);
}
