/** Whether the API user's group may see a lead: its list must belong to an allowed campaign (spec §3.6). */
import type { LeadRecord } from '../../../domain/lead-record.js';
import { campaignScope, scopeAllows } from '../../../domain/vicidial-sets.js';
import type { NonAgentCall } from '../non-agent-function.js';

/** Is the lead's list in a campaign the API user's group allows? */
export async function leadVisible(call: NonAgentCall, lead: LeadRecord): Promise<boolean> {
  const list = await call.unit.store.campaigns.findList(Number(lead.list_id));
  return scopeAllows(campaignScope((await call.group())?.allowedCampaigns ?? ''), list?.campaignId ?? '');
}
