/**
 * The gates a request passes, in order, and what decided each. The request
 * path and `explain` use the same code; only explain keeps the trace.
 */

/**
 * Every gate of both APIs, in one closed list: a new gate is added here, with
 * its label, or the build fails. The first part is the shared shell, the rest
 * are the checks functions make (declared as data by each function).
 */
export const GATE_LABELS = {
  source: 'Source',
  credentials: 'Credentials',
  api_access: 'Agent API Access',
  rate: 'Request rate',
  system_api: 'System-wide Agent API switch',
  function: 'Function exists',
  user_group: "The API user's group exists (API List Restrict)",
  agent_notifications: 'System-wide agent notifications',
  parameters: 'Parameters',
  allowed_functions: 'API Allowed Functions',
  permission: "The function's permission flags",
  alt_user: 'alt_user (CRM id) lookup',
  two_accounts: 'Two accounts: API user is not the agent',
  agent_logged_in: 'Agent is logged in',
  agent_scope: "API List Restrict: the agent's campaign",
  agent_state: "The agent's state",
  agentcall_manual: 'Agent may dial by hand (agentcall_manual)',
  outbound_cid: 'Explicit caller id allowed',
  lead_scope: "API List Restrict: the lead's list",
  list_scope: 'API List Restrict: the list written to',
  modify_leads: 'API user may modify leads (modify_leads)',
  change_agent_campaign: 'API user may change in-groups (change_agent_campaign)',
  modify_campaigns: 'API user may modify campaigns (modify_campaigns)',
  recipient_scope: "Notification recipient within the API user's group",
  live_call: 'The agent has a live call',
  call_owner: 'The call is the agent\'s',
  function_checks: "The function's own checks and its effect",
} as const;

export type GateId = keyof typeof GATE_LABELS;

export const isGateId = (name: string): name is GateId => Object.hasOwn(GATE_LABELS, name);

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

/**
 * true: keep every verdict (explain). 'refusal': keep only the refusal (a
 * request whose face reports the gate that refused it). false: keep nothing.
 */
export type TraceKeeping = boolean | 'refusal';

export class GateTrace {
  readonly results: GateResult[] = [];
  constructor(private readonly keep: TraceKeeping) {}

  /** True for explain: callers may skip work that only builds words for the trace. */
  get keeping(): boolean {
    return this.keep === true;
  }

  pass(gate: GateId, detail = '', setting?: string): void {
    if (this.keep === true) this.results.push({ gate, passed: true, detail, ...(setting ? { setting } : {}) });
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
