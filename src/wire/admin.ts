/**
 * The admin console's wire: every JSON shape /api/v2/admin answers with,
 * declared once. Type-only — no runtime code, no imports — so both sides can
 * use it: the server declares what it answers with these types, web/admin
 * reads them with `import type`, and a changed shape breaks the build instead
 * of a screen.
 */

// ---- records -------------------------------------------------------------

export type Value = string | number | null;
export type Values = Readonly<Record<string, Value>>;

/** A row the console edits, with the version an edit must send back (a digest of the whole row). */
export interface VersionedRecord {
  readonly values: Values;
  readonly version: string;
}

export interface UserView extends VersionedRecord {
  readonly passwordCreatedAt?: string;
  readonly passwordChangedAt?: string;
}

/** A row of the user list: the list's columns and the row's version. */
export type UserListItem = Values & { readonly version: string };

export interface UserList {
  readonly users: readonly UserListItem[];
}

export interface RecordList {
  readonly records: readonly VersionedRecord[];
}

// ---- the console's catalog (/meta) ----------------------------------------

export type FunctionApi = 'agent' | 'non-agent' | 'both' | 'all';

/** What a group of functions is for, as the new-user form groups them. */
export type FunctionPurpose = 'all' | 'session' | 'calls' | 'leads-on-screen' | 'agent-settings' | 'reports' | 'leads-and-lists' | 'users';

export interface FunctionChoice {
  readonly name: string;
  readonly api: FunctionApi;
  readonly purpose: FunctionPurpose;
  /** What the function does, in a few words (searchable). */
  readonly summary: string;
}

export interface PurposeGroup {
  readonly id: FunctionPurpose;
  readonly label: string;
}

/** A starting point for a common kind of integration: its functions and the settings they need. */
export interface FunctionPreset {
  readonly id: string;
  readonly label: string;
  readonly help: string;
  readonly functions: readonly string[];
  /** User fields the preset sets too (Agent API Access, API Only, the flags its functions need). */
  readonly settings: Readonly<Record<string, string>>;
}

export interface AdminMeta {
  readonly me: { readonly user: string; readonly level: number; readonly flags: Readonly<Record<string, boolean>> };
  readonly functions: readonly FunctionChoice[];
  readonly purposes: readonly PurposeGroup[];
  readonly presets: readonly FunctionPreset[];
  readonly flags: readonly { readonly name: string; readonly help: string }[];
  readonly choices: Readonly<Record<string, readonly string[]>>;
  /** The rule a new password must meet, shown before anyone submits. */
  readonly password: { readonly minLength: number; readonly maxLength: number };
}

// ---- the permission matrix ------------------------------------------------

/**
 * What an API account is for, which decides the advice that makes sense:
 * an integration (API Only), a console administrator (level 8+, may log into
 * the console), or an account that can log into the agent screen too.
 */
export type AccountRole = 'integration' | 'administrator' | 'screen-user';

export type WarningCode =
  | 'also-agent'
  | 'administrator-api-access'
  | 'all-functions-shared'
  | 'never-used'
  | 'not-used-yet'
  | 'password-unchanged';

export interface MatrixWarning {
  readonly code: WarningCode;
  /** 'warning': something to change; 'note': worth knowing, nothing to do yet. */
  readonly severity: 'warning' | 'note';
  readonly message: string;
}

export interface MatrixRow {
  readonly user: string;
  readonly fullName: string;
  readonly active: boolean;
  readonly level: number;
  readonly group: string;
  readonly role: AccountRole;
  readonly apiAccess: boolean;
  readonly apiOnly: boolean;
  readonly allowedFunctions: readonly string[];
  readonly listRestrict: boolean;
  /** The group's allowed campaigns; [-ALL-CAMPAIGNS-] for all. */
  readonly allowedCampaigns: readonly string[];
  readonly lastSuccess?: string;
  readonly warnings: readonly MatrixWarning[];
}

export interface Matrix {
  /** More than one team: some user group is limited to some campaigns. */
  readonly sharedBox: boolean;
  readonly rows: readonly MatrixRow[];
}

// ---- the audit log --------------------------------------------------------

export interface AuditRowView {
  readonly apiId: number;
  readonly date: string;
  readonly script: string;
  readonly user: string;
  readonly agentUser: string;
  readonly function: string;
  readonly value: string;
  readonly result: string;
  readonly reason: string;
  readonly source: string;
  /** The server-side detail (the reason code of a failed login; never a secret). */
  readonly data: string;
  readonly runTime: string;
  readonly remoteIp: string;
  readonly url: string;
}

export interface AuditPage {
  readonly rows: readonly AuditRowView[];
  /** The cursor of the next (older) page; null on the last. */
  readonly next: number | null;
}

// ---- explain --------------------------------------------------------------

export type GateStatus = 'pass' | 'fail' | 'not-reached';

export interface ExplainedGate {
  readonly gate: string;
  readonly label: string;
  readonly status: GateStatus;
  readonly detail: string;
  readonly setting?: string;
  readonly fix?: string;
}

export interface Explanation {
  readonly user: string;
  readonly agentUser: string;
  readonly function: string;
  /** The parameters the pipeline saw (never a password). */
  readonly params: Readonly<Record<string, string>>;
  /** Parameters explain filled in with example values. */
  readonly filledIn: readonly string[];
  /** No gate that explain checks refuses it (see notChecked for what it cannot judge). */
  readonly allowed: boolean;
  /** What explain cannot judge, in words: a verdict never claims more than was checked. */
  readonly notChecked: readonly string[];
  /**
   * The answer the request would get: its first words (`SUCCESS: st_get_agent_active_lead lead found`),
   * never its data fields — unless the whole answer was asked for (the CLI).
   */
  readonly answer: string;
  readonly gates: readonly ExplainedGate[];
  /** The first failing gate, the one that decided a refusal. */
  readonly decidedBy?: ExplainedGate;
}

/** A logged request explained: what really happened to it, and what explain says now. */
export interface LoggedExplanation {
  readonly logged: AuditRowView;
  readonly outcome: {
    readonly refused: boolean;
    /** Why it was refused (or what it answered), in words. */
    readonly summary: string;
    /** The refusal came from something explain cannot judge (the password): its verdict says nothing about it. */
    readonly beyondExplain: boolean;
  };
  readonly explanation: Explanation;
}

// ---- least privilege ------------------------------------------------------

export interface FunctionUsage {
  readonly function: string;
  readonly calls: number;
  readonly successes: number;
  /** Refused by API Allowed Functions. */
  readonly refused: number;
  /** Calls that passed every gate up to the function itself: the function was really used. */
  readonly admitted: number;
}

export interface Advice {
  readonly user: string;
  readonly from: string;
  readonly to: string;
  readonly allowsAll: boolean;
  /** api_allowed_functions as names ([ALL_FUNCTIONS] when it allows all). */
  readonly allowed: readonly string[];
  readonly used: readonly FunctionUsage[];
  /** Allowed but not used in the period. */
  readonly unused: readonly string[];
  /** What "tighten to what is used" would write. */
  readonly proposed: readonly string[];
  /** The proposal is what the user already has: tightening would change nothing. */
  readonly alreadyTight: boolean;
  /** Calls since previewFrom that the proposal would have refused. */
  readonly wouldRefuse: readonly { readonly function: string; readonly calls: number }[];
  readonly previewFrom: string;
  /** The user's version, to tighten with. */
  readonly version: string;
}

export interface TightenResult extends VersionedRecord {
  /** false: the functions were already exactly what is used, and nothing was written. */
  readonly changed: boolean;
  readonly applied: readonly string[];
}

// ---- the change log -------------------------------------------------------

export interface FieldChangeView {
  readonly field: string;
  readonly before: Value;
  readonly after: Value;
}

export interface AdminChange {
  readonly id: number;
  readonly date: string;
  readonly user: string;
  readonly ip: string;
  readonly section: string;
  readonly type: string;
  readonly recordId: string;
  /** A readable summary (an added record: what was set; a change: before → after). */
  readonly description: string;
  /** The changed fields, from the row's notes (empty when the row has none, e.g. written by VICIdial). */
  readonly fields: readonly FieldChangeView[];
}

export interface ChangeList {
  readonly changes: readonly AdminChange[];
}

/** An API key as the console shows it: never its secret or digest. */
export interface ApiKeyView {
  readonly user: string;
  readonly name: string;
  /** The public part: the key starts agk_<prefix>_. */
  readonly prefix: string;
  /** Empty: every function the user may call. */
  readonly functions: readonly string[];
  /** Empty: every campaign the user's group allows. */
  readonly campaigns: readonly string[];
  readonly ratePerSecond: number | null;
  readonly expiresAt: string | null;
  readonly createdAt: string;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
  readonly state: 'active' | 'revoked' | 'expired';
}

export interface ApiKeyList {
  readonly keys: readonly ApiKeyView[];
}

/** POST …/keys: the new key, and its whole secret — shown this once, stored nowhere. */
export interface ApiKeyCreated {
  readonly key: ApiKeyView;
  readonly secret: string;
}
