/**
 * The administrative flags of a user, as the non-agent API's permission
 * matrix reads them (../shared/spec/non-agent-api.md §0, §8).
 */
export interface AdminRights {
  readonly user: string;
  readonly level: number;
  readonly group: string;
  readonly active: boolean;
  /** vdc_agent_api_access. */
  readonly apiAccess: boolean;
  readonly viewReports: boolean;
  /** modify_leads '0'…'6'. */
  readonly modifyLeads: string;
  readonly modifyLists: boolean;
  readonly deleteLists: boolean;
  readonly deleteFromDnc: boolean;
  readonly customFieldsModify: boolean;
  readonly modifyUsers: boolean;
  readonly deleteUsers: boolean;
  readonly modifySameUserLevel: boolean;
  readonly listRestrict: boolean;
  readonly allowedFunctions: string;
}

/**
 * May a user with `rights` create or copy a user of level `target`
 * (add_user, copy_user; spec §7.14)? VICIdial lets a level-9 user create
 * levels 10…255, which then pass every threshold: agentgate never lets a user
 * create a level above its own, and only levels 1…9 exist.
 */
export function mayCreateLevel(rights: AdminRights, target: number): boolean {
  if (!Number.isInteger(target) || target < 1 || target > 9) return false;
  return mayManageLevel(rights, target);
}

/** May `rights` change or delete a user currently at level `target` (update_user step 3)? */
export function mayManageLevel(rights: AdminRights, target: number): boolean {
  return levelRuleAllows(rights.level, rights.modifySameUserLevel, target);
}

/**
 * VICIdial's level rule, for the console and the non-agent API alike: users
 * below one's own level, or at it with modify_same_user_level.
 */
export function levelRuleAllows(ownLevel: number, sameLevelAllowed: boolean, target: number): boolean {
  return target < ownLevel || (target === ownLevel && sameLevelAllowed);
}
