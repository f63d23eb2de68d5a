import type { Insertable } from 'kysely';
import type { Campaign, InboundGroup, LeadList, PauseCode, StatusDefinition } from '../../domain/campaign.js';
import type { Database } from '../schema/database.js';
import { fitRow } from '../schema/fit-row.js';
import type { Executor } from './executor.js';

/** Campaigns and what hangs off them: lists, in-groups, statuses, pause codes, caller-id aliases. */
export class CampaignsRepository {
  constructor(private readonly db: Executor) {}

  async find(campaignId: string): Promise<Campaign | undefined> {
    const row = await this.db
      .selectFrom('vicidial_campaigns')
      .select([
        'campaign_id',
        'campaign_name',
        'active',
        'dial_method',
        'auto_dial_level',
        'campaign_allow_inbound',
        'manual_dial_list_id',
        'use_other_campaign_dnc',
        'api_manual_dial',
        'manual_preview_dial',
        'alt_number_dialing',
        'default_xfer_group',
        'agent_lead_search',
        'closer_campaigns',
        'dial_statuses',
      ])
      .where('campaign_id', '=', campaignId)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      id: row.campaign_id,
      name: row.campaign_name ?? '',
      active: row.active === 'Y',
      dialMethod: row.dial_method,
      dialLevel: Number.parseFloat(row.auto_dial_level) || 0,
      allowInbound: row.campaign_allow_inbound === 'Y',
      manualDialListId: Number(row.manual_dial_list_id),
      useOtherCampaignDnc: row.use_other_campaign_dnc,
      apiManualDial: row.api_manual_dial,
      manualPreviewDial: row.manual_preview_dial,
      altNumberDialing: row.alt_number_dialing,
      defaultXferGroup: row.default_xfer_group,
      agentLeadSearch: row.agent_lead_search,
      closerCampaigns: row.closer_campaigns ?? '',
      dialStatuses: row.dial_statuses,
    };
  }

  /** Active campaigns, by id: what an agent may log into. */
  async listActive(): Promise<{ id: string; name: string }[]> {
    const rows = await this.db.selectFrom('vicidial_campaigns').select(['campaign_id', 'campaign_name']).where('active', '=', 'Y').orderBy('campaign_id').execute();
    return rows.map((r) => ({ id: r.campaign_id, name: r.campaign_name ?? '' }));
  }

  async exists(campaignId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('vicidial_campaigns')
      .select('campaign_id')
      .where('campaign_id', '=', campaignId)
      .executeTakeFirst();
    return !!row;
  }

  async findList(listId: number): Promise<LeadList | undefined> {
    const row = await this.db
      .selectFrom('vicidial_lists')
      .select(['list_id', 'list_name', 'campaign_id', 'active'])
      .where('list_id', '=', listId)
      .executeTakeFirst();
    return (
      row && {
        listId: Number(row.list_id),
        name: row.list_name ?? '',
        campaignId: row.campaign_id ?? '',
        active: row.active === 'Y',
      }
    );
  }

  /** Active lists of a campaign, lowest id first. */
  async activeListIds(campaignId: string): Promise<number[]> {
    const rows = await this.db
      .selectFrom('vicidial_lists')
      .select('list_id')
      .where('campaign_id', '=', campaignId)
      .where('active', '=', 'Y')
      .orderBy('list_id')
      .execute();
    return rows.map((r) => Number(r.list_id));
  }

  /** Every list of a campaign, active or not (duplicate checks across a campaign's lists). */
  async listIdsOfCampaign(campaignId: string): Promise<number[]> {
    const rows = await this.db.selectFrom('vicidial_lists').select('list_id').where('campaign_id', '=', campaignId).orderBy('list_id').execute();
    return rows.map((r) => Number(r.list_id));
  }

  /** vicidial_lists.local_call_time ('campaign' defers to the campaign's). */
  async listCallTime(listId: number): Promise<string | undefined> {
    const row = await this.db.selectFrom('vicidial_lists').select('local_call_time').where('list_id', '=', listId).executeTakeFirst();
    return row?.local_call_time;
  }

  async campaignCallTime(campaignId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('vicidial_campaigns').select('local_call_time').where('campaign_id', '=', campaignId).executeTakeFirst();
    return row?.local_call_time;
  }

  /** Campaign rows for campaigns_list and agent_campaigns, by id. */
  async campaignRows(filter: { ids?: readonly string[]; campaignId?: string; activeOnly?: boolean } = {}) {
    if (filter.ids && filter.ids.length === 0) return [];
    let q = this.db
      .selectFrom('vicidial_campaigns')
      .select([
        'campaign_id', 'campaign_name', 'active', 'user_group', 'dial_method', 'auto_dial_level', 'lead_order', 'dial_statuses',
        'dial_timeout', 'dial_prefix', 'manual_dial_prefix', 'three_way_dial_prefix', 'closer_campaigns', 'local_call_time',
        'call_count_limit',
      ]);
    q = filter.activeOnly ? q.where('active', '=', 'Y') : q.where('active', 'in', ['Y', 'N']);
    if (filter.ids) q = q.where('campaign_id', 'in', filter.ids);
    if (filter.campaignId) q = q.where('campaign_id', '=', filter.campaignId);
    return q.orderBy('campaign_id').execute();
  }

  async allCampaignIds(): Promise<string[]> {
    return (await this.db.selectFrom('vicidial_campaigns').select('campaign_id').orderBy('campaign_id').execute()).map((r) => r.campaign_id);
  }

  /** In-groups, optionally only active ones and only of some ids. */
  async inboundGroupRows(filter: { ids?: readonly string[]; activeOnly?: boolean } = {}) {
    if (filter.ids && filter.ids.length === 0) return [];
    let q = this.db.selectFrom('vicidial_inbound_groups').select(['group_id', 'group_name', 'group_color', 'active', 'user_group']);
    if (filter.activeOnly) q = q.where('active', '=', 'Y');
    if (filter.ids) q = q.where('group_id', 'in', filter.ids);
    return q.orderBy('group_id').execute();
  }

  /** Every column of a list (list_info, update_list). */
  async listRow(listId: number) {
    if (!Number.isSafeInteger(listId)) return undefined;
    return this.db.selectFrom('vicidial_lists').selectAll().where('list_id', '=', listId).executeTakeFirst();
  }

  async updateList(listId: number, changes: Record<string, unknown>): Promise<number> {
    const result = await this.db.updateTable('vicidial_lists').set(fitRow('vicidial_lists', changes) as never).where('list_id', '=', listId).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async deleteList(listId: number): Promise<number> {
    const result = await this.db.deleteFrom('vicidial_lists').where('list_id', '=', listId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async scriptExists(scriptId: string): Promise<boolean> {
    return !!(await this.db.selectFrom('vicidial_scripts').select('script_id').where('script_id', '=', scriptId).executeTakeFirst());
  }

  /**
   * The script an agent reads for a lead: its list's agent_script_override, else
   * the campaign's campaign_script, as VICIdial's screen chooses. Inactive scripts are not shown.
   */
  async scriptFor(campaignId: string, listId: number): Promise<{ id: string; name: string; text: string } | undefined> {
    const list = await this.db.selectFrom('vicidial_lists').select('agent_script_override').where('list_id', '=', listId).executeTakeFirst();
    const campaign = await this.db.selectFrom('vicidial_campaigns').select('campaign_script').where('campaign_id', '=', campaignId).executeTakeFirst();
    const scriptId = list?.agent_script_override || campaign?.campaign_script;
    if (!scriptId) return undefined;
    const row = await this.db
      .selectFrom('vicidial_scripts')
      .select(['script_id', 'script_name', 'script_text'])
      .where('script_id', '=', scriptId)
      .where('active', '=', 'Y')
      .executeTakeFirst();
    return row && { id: row.script_id, name: row.script_name ?? '', text: row.script_text ?? '' };
  }

  async callTimeExists(callTimeId: string): Promise<boolean> {
    return !!(await this.db.selectFrom('vicidial_call_times').select('call_time_id').where('call_time_id', '=', callTimeId).executeTakeFirst());
  }

  async findInboundGroup(groupId: string): Promise<InboundGroup | undefined> {
    const row = await this.db
      .selectFrom('vicidial_inbound_groups')
      .select(['group_id', 'group_name', 'active', 'default_xfer_group'])
      .where('group_id', '=', groupId)
      .executeTakeFirst();
    return (
      row && {
        id: row.group_id,
        name: row.group_name ?? '',
        active: row.active === 'Y',
        defaultXferGroup: row.default_xfer_group,
      }
    );
  }

  /** The in-group ids among `ids` that do not exist. */
  async missingInboundGroups(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('vicidial_inbound_groups')
      .select('group_id')
      .where('group_id', 'in', ids)
      .execute();
    const found = new Set(rows.map((r) => r.group_id));
    return ids.filter((id) => !found.has(id));
  }

  /** Is `status` a scheduled-callback status, system-wide or for the campaign? */
  async isCallbackStatus(status: string, campaignId: string): Promise<boolean> {
    const system = await this.db
      .selectFrom('vicidial_statuses')
      .select('status')
      .where('status', '=', status)
      .where('scheduled_callback', '=', 'Y')
      .executeTakeFirst();
    if (system) return true;
    const campaign = await this.db
      .selectFrom('vicidial_campaign_statuses')
      .select('status')
      .where('status', '=', status)
      .where('campaign_id', '=', campaignId)
      .where('scheduled_callback', '=', 'Y')
      .executeTakeFirst();
    return !!campaign;
  }

  /** Selectable dispositions for a campaign: the system's, then the campaign's own. */
  async dispositions(campaignId: string): Promise<StatusDefinition[]> {
    const system = await this.db
      .selectFrom('vicidial_statuses')
      .select(['status', 'status_name', 'selectable', 'scheduled_callback'])
      .orderBy('status')
      .execute();
    const own = await this.db
      .selectFrom('vicidial_campaign_statuses')
      .select(['status', 'status_name', 'selectable', 'scheduled_callback', 'campaign_id'])
      .where('campaign_id', '=', campaignId)
      .orderBy('status')
      .execute();
    return [
      ...system.map((r) => ({
        status: r.status,
        name: r.status_name ?? '',
        selectable: r.selectable === 'Y',
        scheduledCallback: r.scheduled_callback === 'Y',
      })),
      ...own.map((r) => ({
        status: r.status,
        name: r.status_name ?? '',
        selectable: r.selectable === 'Y',
        scheduledCallback: r.scheduled_callback === 'Y',
        campaignId: r.campaign_id ?? '',
      })),
    ];
  }

  async pauseCodes(campaignId: string): Promise<PauseCode[]> {
    const rows = await this.db
      .selectFrom('vicidial_pause_codes')
      .select(['pause_code', 'pause_code_name', 'campaign_id'])
      .where('campaign_id', '=', campaignId)
      .orderBy('pause_code')
      .execute();
    return rows.map((r) => ({ code: r.pause_code, name: r.pause_code_name ?? '', campaignId: r.campaign_id ?? '' }));
  }

  /** groups_alias.caller_id_number, or undefined when the alias does not exist. */
  async groupAliasCallerId(alias: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('groups_alias')
      .select('caller_id_number')
      .where('group_alias_id', '=', alias)
      .executeTakeFirst();
    return row ? (row.caller_id_number ?? '') : undefined;
  }

  async insertCampaign(row: Insertable<Database['vicidial_campaigns']>): Promise<void> {
    await this.db.insertInto('vicidial_campaigns').values(fitRow('vicidial_campaigns', row)).execute();
  }
  async insertList(row: Insertable<Database['vicidial_lists']>): Promise<void> {
    await this.db.insertInto('vicidial_lists').values(fitRow('vicidial_lists', row)).execute();
  }
  async insertInboundGroup(row: Insertable<Database['vicidial_inbound_groups']>): Promise<void> {
    await this.db.insertInto('vicidial_inbound_groups').values(fitRow('vicidial_inbound_groups', row)).execute();
  }
  async insertStatus(row: Insertable<Database['vicidial_statuses']>): Promise<void> {
    await this.db.insertInto('vicidial_statuses').values(fitRow('vicidial_statuses', row)).execute();
  }
  async insertCampaignStatus(row: Insertable<Database['vicidial_campaign_statuses']>): Promise<void> {
    await this.db.insertInto('vicidial_campaign_statuses').values(fitRow('vicidial_campaign_statuses', row)).execute();
  }
  async insertPauseCode(row: Insertable<Database['vicidial_pause_codes']>): Promise<void> {
    await this.db.insertInto('vicidial_pause_codes').values(fitRow('vicidial_pause_codes', row)).execute();
  }
  async insertGroupAlias(row: Insertable<Database['groups_alias']>): Promise<void> {
    await this.db.insertInto('groups_alias').values(fitRow('groups_alias', row)).execute();
  }
}
