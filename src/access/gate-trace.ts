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
  | 'function_checks'
  | (string & {});

export interface GateResult {
  readonly gate: GateId;
  readonly passed: boolean;
  /** What decided it, in words an administrator understands. */
  readonly detail: string;
  /** The change that would let the request through, when there is one. */
  readonly fix?: string;
  /** The setting (column, flag or list) that decided it, when one did. */
  readonly setting?: string;
}

export class GateTrace {
  readonly results: GateResult[] = [];
  constructor(private readonly keep: boolean) {}

  /** True for explain: callers may skip work that only builds words for the trace. */
  get keeping(): boolean {
    return this.keep;
  }

  pass(gate: GateId, detail = '', setting?: string): void {
    if (this.keep) this.results.push({ gate, passed: true, detail, ...(setting ? { setting } : {}) });
  }

  fail(gate: GateId, detail: string, fix?: string, setting?: string): void {
    if (this.keep) this.results.push({ gate, passed: false, detail, ...(fix ? { fix } : {}), ...(setting ? { setting } : {}) });
  }

  /**
   * A step's refusal when no gate inside it has reported one already: a
   * function that names its own gate (agentcall_manual, lead_scope…) keeps it.
   */
  failUnlessReported(gate: GateId, detail: string, fix?: string, setting?: string): void {
    if (!this.failed) this.fail(gate, detail, fix, setting);
  }

  get failed(): GateResult | undefined {
    return this.results.find((r) => !r.passed);
  }
}
