/** Checks several agent API functions share. */
import type { Lead } from '../../../domain/lead.js';
import { error, type Line } from '../../legacy/lines.js';
import type { AgentCall } from '../agent-function.js';
import type { FilteredParams } from '../input-filters.js';

export const notValid = (fn: string, fields: readonly (string | number)[]) => error(`${fn} not valid`, fields);

/**
 * A value the agent screen reads from its pipe-delimited poll line: non-empty
 * and without '|', which would shift every later field (agent-api.md §6,
 * permissions.md §10 #20). agentgate refuses such a value as not valid.
 */
export const relayable = (value: string) => value.length > 0 && !value.includes('|');

/** The "agent_user ≥ a characters or alt_user ≥ b characters" rule of most functions. */
export function hasTarget(p: FilteredParams, agentMin: number, altMin: number): boolean {
  return (p.agent_user ?? '').length >= agentMin || (p.alt_user ?? '').length >= altMin;
}

/** external_dial and preview_dial_action: the target agent needs agentcall_manual exactly '1'. */
export async function manualDialRefusal(call: AgentCall): Promise<Line | undefined> {
  const agent = await call.unit.store.users.find(call.agentUser);
  if (agent?.agentcallManual === '1') {
    call.trace.pass('agentcall_manual', `${call.agentUser} may dial by hand`, 'vicidial_users.agentcall_manual');
    return undefined;
  }
  call.trace.fail(
    'agentcall_manual',
    `${call.agentUser} may not place manual dial calls (agentcall_manual is ${agent?.agentcallManual ?? 'missing'})`,
    `set agentcall_manual to 1 for ${call.agentUser}`,
    'vicidial_users.agentcall_manual',
  );
  return error('agent_user is not allowed to place manual dial calls', [call.agentUser]);
}

/** Words for a list outside the API user's scope: which campaign, which group, what would allow it. */
async function listOutOfScope(call: AgentCall, listId: number): Promise<{ detail: string; fix: string; setting: string }> {
  const group = call.apiUser.group;
  const setting = `vicidial_user_groups.allowed_campaigns (${group})`;
  const list = call.trace.keeping ? await call.unit.store.campaigns.findList(listId) : undefined;
  if (!list) return { detail: `list ${listId} does not exist or has no campaign (API List Restrict is on)`, fix: `give list ${listId} a campaign ${group} allows`, setting };
  return {
    detail: `list ${listId} is in campaign ${list.campaignId}, which is not in ${group}'s allowed campaigns (API List Restrict is on for ${call.apiUser.user})`,
    fix: `add ${list.campaignId} to ${group}'s allowed campaigns, or turn off API List Restrict for ${call.apiUser.user}`,
    setting,
  };
}

/**
 * The refusal of an agent outside the API user's campaigns. The line keeps
 * its fields but not the agent's campaign: a refusal does not reveal what it
 * protects (explain's trace names it, for the administrator).
 */
export const agentScopeLine = (agentUser: string, apiUser: string): Line =>
  error('agent_user is in a campaign not allowed for this user', [agentUser, '', apiUser]);

/** API List Restrict on a lead: its list's campaign must be allowed to the API user's group. The line leaves the list out. */
export async function leadScopeRefusal(call: AgentCall, lead: Lead): Promise<Line | undefined> {
  if (await call.scope.allowsList(call.unit.store, lead.listId)) {
    call.trace.pass('lead_scope', `lead ${lead.leadId} is in list ${lead.listId}: ${call.scope.restricted ? 'an allowed campaign' : 'API List Restrict is off'}`);
    return undefined;
  }
  const words = await listOutOfScope(call, lead.listId);
  call.trace.fail('lead_scope', `lead ${lead.leadId}: ${words.detail}`, words.fix, words.setting);
  return error('lead is in a list not allowed for this user', [call.agentUser, lead.leadId, '', call.apiUser.user]);
}

/** API List Restrict on the lead an agent has on screen (or previews), when it has one. */
export async function screenLeadRefusal(call: AgentCall, leadId: number): Promise<Line | undefined> {
  if (!(leadId > 0)) return undefined;
  const lead = await call.unit.store.leads.find(leadId);
  return lead ? leadScopeRefusal(call, lead) : undefined;
}

/**
 * API List Restrict on the list a command would write to: the campaign's
 * manual dial list, which the caller did not name, so the line leaves it out.
 */
export async function listScopeRefusal(call: AgentCall, listId: number, first: string): Promise<Line | undefined> {
  if (await call.scope.allowsList(call.unit.store, listId)) {
    call.trace.pass('list_scope', `list ${listId}: ${call.scope.restricted ? 'an allowed campaign' : 'API List Restrict is off'}`);
    return undefined;
  }
  const words = await listOutOfScope(call, listId);
  call.trace.fail('list_scope', words.detail, words.fix, words.setting);
  return error('list is not allowed for this user', [first, '', call.agentUser, call.apiUser.user]);
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
