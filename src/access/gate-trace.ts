/**
 * The gates a request passes, in order, and what decided each. The request
 * path and `explain` use the same code; only explain keeps the trace.
 */

export type GateId =
  | 'source'
  | 'credentials'
  | 'api_access'
  | 'system_api'
  | 'function'
  | 'parameters'
  | 'allowed_functions'
  | 'alt_user'
  | 'two_accounts'
  | 'agent_logged_in'
  | 'agent_scope'
  | (string & {});

export interface GateResult {
  readonly gate: GateId;
  readonly passed: boolean;
  /** What decided it, in words an administrator understands. */
  readonly detail: string;
  /** The change that would let the request through, when there is one. */
  readonly fix?: string;
}

export class GateTrace {
  readonly results: GateResult[] = [];
  constructor(private readonly keep: boolean) {}

  pass(gate: GateId, detail = ''): void {
    if (this.keep) this.results.push({ gate, passed: true, detail });
  }

  fail(gate: GateId, detail: string, fix?: string): void {
    if (this.keep) this.results.push({ gate, passed: false, detail, ...(fix ? { fix } : {}) });
  }

  get failed(): GateResult | undefined {
    return this.results.find((r) => !r.passed);
  }
}
