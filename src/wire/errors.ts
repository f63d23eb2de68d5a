/** The one error shape of the JSON face: a code a program can test, words a person can act on. */
export interface JsonError {
  readonly error: {
    readonly code: string;
    readonly message: string;
    /** The gate that refused (see GET /api/v2/openapi.json and docs/errors.md), for the API functions. */
    readonly gate?: string;
    /** A message per refused field, when there are fields. */
    readonly fields?: Readonly<Record<string, string>>;
  };
}

/** The stable codes of the API functions' refusals (src/api/error-catalogue.ts, docs/errors.md). */
export type ErrorCode =
  | 'invalid-credentials'
  | 'account-locked'
  | 'address-not-allowed'
  | 'login-throttled'
  | 'rate-limited'
  | 'credential-conflict'
  | 'api-disabled'
  | 'unknown-function'
  | 'teapot'
  | 'invalid-source'
  | 'function-not-allowed'
  | 'user-group-missing'
  | 'same-account'
  | 'agent-not-logged-in'
  | 'agent-out-of-scope'
  | 'lead-out-of-scope'
  | 'list-out-of-scope'
  | 'recipient-out-of-scope'
  | 'call-not-agents'
  | 'permission-denied'
  | 'feature-disabled'
  | 'agent-state'
  | 'already-exists'
  | 'phone-in-dnc'
  | 'ambiguous'
  | 'not-found'
  | 'missing-parameters'
  | 'invalid-parameter'
  | 'refused';
