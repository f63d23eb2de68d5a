/**
 * API List Restrict, made real: with api_list_restrict=1 an API user may
 * touch only lists whose campaign its user group allows, and only agents
 * logged into such a campaign — or, for a user not logged in, users of a
 * group its user group may see (admin_viewable_groups). Without it
 * everything is in scope, as in VICIdial. An API key naming campaigns
 * narrows the scope to those of them the group allows, with or without the flag.
 */
import { narrowedCampaigns, type ApiKey } from '../domain/api-key.js';
import type { UserGroup } from '../domain/user.js';
import { campaignScope, groupScope, groupScopeAllows, scopeAllows, type CampaignScope, type GroupScope } from '../domain/vicidial-sets.js';
import type { Store } from '../store/store.js';

export class ApiScope {
  private constructor(
    readonly restricted: boolean,
    private readonly campaigns: CampaignScope,
    private readonly groups: GroupScope,
  ) {}

  static unrestricted(): ApiScope {
    return new ApiScope(false, { all: true }, { all: true });
  }

  /** A missing user group allows nothing: a restriction that cannot be read must not open up. */
  static forGroup(group: UserGroup | undefined, key?: ApiKey): ApiScope {
    const campaigns = campaignScope(group?.allowedCampaigns ?? '');
    return new ApiScope(
      true,
      key ? narrowedCampaigns(campaigns, key) : campaigns,
      group ? groupScope(group.adminViewableGroups) : { all: false, groups: new Set() },
    );
  }

  allowsCampaign(campaignId: string): boolean {
    return !this.restricted || scopeAllows(this.campaigns, campaignId);
  }

  /**
   * A user as a target: logged in, by the campaign of its session; not
   * logged in (send_notification, st_login_log), by its user group.
   */
  allowsUser(userGroup: string, sessionCampaign: string | undefined): boolean {
    if (!this.restricted) return true;
    return sessionCampaign !== undefined ? scopeAllows(this.campaigns, sessionCampaign) : groupScopeAllows(this.groups, userGroup);
  }

  /** A list is in scope when its campaign is; an unknown list is not. */
  async allowsList(store: Store, listId: number): Promise<boolean> {
    if (!this.restricted) return true;
    const list = await store.campaigns.findList(listId);
    return !!list && scopeAllows(this.campaigns, list.campaignId);
  }

  describe(): string {
    if (!this.restricted) return 'not restricted';
    return this.campaigns.all ? 'all campaigns' : [...this.campaigns.campaigns].join(' ') || 'no campaigns';
  }
}
