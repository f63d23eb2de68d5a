import type { AdminRights } from './admin-rights.js';
/** A user account as the permission pipeline sees it. Secrets live apart, in UserCredentials. */
export interface User {
  readonly user: string;
  readonly fullName: string;
  readonly level: number;
  readonly group: string;
  readonly active: boolean;
  /** vdc_agent_api_access: "Agent API Access". */
  readonly apiAccess: boolean;
  /** api_only_user: may use the APIs, may never hold a screen session. */
  readonly apiOnly: boolean;
  /** api_allowed_functions, as stored (' f1 f2 ' or ' ALL_FUNCTIONS '). */
  readonly allowedFunctions: string;
  /** api_list_restrict: lead/list commands limited to the group's campaigns. */
  readonly listRestrict: boolean;
  readonly ignoreIpList: boolean;
  /** agentcall_manual '0'…'5': the API needs exactly '1' on the target agent. */
  readonly agentcallManual: string;
  readonly changeAgentCampaign: boolean;
  /** modify_leads '0'…'6'. */
  readonly modifyLeads: string;
  readonly modifyCampaigns: boolean;
  readonly customThree: string;
  readonly closerCampaigns: string;
  readonly closerDefaultBlended: boolean;
  /**
   * Opaque digest of everything a cached password verification depends on
   * (password hash, flags, group): when it changes the cache entry is void.
   */
  readonly securityStamp: string;
}

/** What the password check needs, kept out of User so it cannot leak through it. */
export interface UserCredentials {
  /** Our per-user hash ($2b$…) or a legacy VICIdial 31-character digest. */
  readonly passHash: string;
  /** Plain text from a VICIdial import with hashing off; hashed away at start-up. */
  readonly legacyPlain: string;
}

/** The failed-login bookkeeping columns VICIdial keeps on the user row. */
export interface LoginCounters {
  readonly failedCount: number;
  /** last_login_date: also marks the start of a lock. */
  readonly lastLoginDate: Date;
}

export interface UserAccount {
  readonly profile: User;
  /** The same row's administrative flags (the non-agent API's permission matrix): read with the login, not again. */
  readonly rights: AdminRights;
  readonly credentials: UserCredentials;
  readonly counters: LoginCounters;
}

export interface UserGroup {
  readonly group: string;
  readonly name: string;
  readonly allowedCampaigns: string;
  readonly adminViewableGroups: string;
  readonly apiIpList: string;
}
