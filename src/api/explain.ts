/**
 * Explain a decision of either API: the request an administrator asks about
 * ("may 6668 call external_dial on 1000?", "may 6666 call add_lead?") goes
 * through the real pipeline (AgentApi.explain or NonAgentApi.explain: same
 * gates, same function code, nothing written), and its trace is laid out gate
 * by gate — pass, fail or not reached — with the setting that decided and the
 * change that would allow it. The function's name says which API it is.
 */
import { GATE_LABELS, type GateId, type GateResult } from '../access/gate-trace.js';
import { replyText, type Line } from './legacy/lines.js';
import { buildLegacyRequest } from './legacy/legacy-request.js';
import type { AgentFunction } from './agent/agent-function.js';
import { agentGateOrder } from './agent/gate-order.js';
import { EXAMPLE_PARAMS } from './agent/example-params.js';
import type { AgentApi } from './agent/handle-request.js';
import { SECRET_PARAMS } from './agent/input-filters.js';
import type { NonAgentFunction } from './non-agent/non-agent-function.js';
import { nonAgentGateOrder } from './non-agent/gate-order.js';
import type { NonAgentApi } from './non-agent/handle-request.js';
import type { ExplainedGate, Explanation } from '../wire/admin.js';

/** The two pipelines and their functions: explain picks the one whose registry has the function. */
export interface ExplainApis {
  readonly agentApi: AgentApi;
  readonly agentFunctions: ReadonlyMap<string, AgentFunction>;
  readonly nonAgentApi: NonAgentApi;
  readonly nonAgentFunctions: ReadonlyMap<string, NonAgentFunction>;
}

export interface ExplainInput {
  readonly user: string;
  readonly agentUser?: string | undefined;
  readonly function: string;
  readonly value?: string | undefined;
  readonly leadId?: string | undefined;
  /** Any other request parameters (a logged request's own, for instance). */
  readonly params?: Readonly<Record<string, string>> | undefined;
  /** The client address; without one the IP lists are not consulted. */
  readonly remoteIp?: string | undefined;
}

// The shapes are the console's wire (src/wire/admin.ts): the CLI, the console and the JSON API share them.
export type { ExplainedGate, Explanation, GateStatus } from '../wire/admin.js';

function shown(result: GateResult): ExplainedGate {
  return {
    gate: result.gate,
    label: GATE_LABELS[result.gate],
    status: result.passed ? 'pass' : 'fail',
    detail: result.detail,
    ...(result.setting ? { setting: result.setting } : {}),
    ...(result.fix ? { fix: result.fix } : {}),
  };
}

/** The trace, then every expected gate it never reached, in order. */
export function layOutGates(trace: readonly GateResult[], expected: readonly GateId[]): ExplainedGate[] {
  const gates = trace.map(shown);
  const seen = new Set(trace.map((r) => r.gate));
  const lastSeen = Math.max(-1, ...expected.map((g, i) => (seen.has(g) ? i : -1)));
  for (const gate of expected.slice(lastSeen + 1))
    gates.push({ gate, label: GATE_LABELS[gate], status: 'not-reached', detail: 'not reached: an earlier gate decided' });
  return gates;
}

export interface ExplainOptions {
  /**
   * 'summary' (the default, and the console's): the answer's result and reason
   * only. Explain runs the function against live data (a live lead's phone
   * number, say) that the person asking may not be allowed to read.
   * 'full': the answer exactly, for the CLI, whose user holds the database.
   */
  readonly answer?: 'summary' | 'full';
}

/** `RESULT: reason`, without the data fields that follow it. */
export const firstWords = (line: Line) => `${line.result}: ${line.reason}`;

export async function explainRequest(apis: ExplainApis, input: ExplainInput, options: ExplainOptions = {}): Promise<Explanation> {
  const nonAgent = apis.nonAgentFunctions.get(input.function);
  const given: Record<string, string> = { source: 'explain', ...(input.params ?? {}) };
  for (const secret of SECRET_PARAMS) delete given[secret];
  given.user = input.user;
  given.function = input.function;
  if (input.agentUser !== undefined) given.agent_user = input.agentUser;
  if (input.value !== undefined) given.value = input.value;
  if (input.leadId !== undefined) given.lead_id = input.leadId;
  const example = EXAMPLE_PARAMS[input.function] ?? {};
  const filledIn = Object.keys(example).filter((name) => given[name] === undefined);
  const params = { ...Object.fromEntries(filledIn.map((name) => [name, example[name]!])), ...given };

  const request = buildLegacyRequest(
    {
      rawQuery: new URLSearchParams(params).toString(),
      body: undefined,
      protocol: 'http',
      host: 'explain',
      path: nonAgent ? '/vicidial/non_agent_api.php' : '/agc/api.php',
      remoteIp: input.remoteIp ?? '',
      receivedAt: process.hrtime.bigint(),
    },
    SECRET_PARAMS,
  );
  const checkIpLists = input.remoteIp !== undefined;
  const { reply, gates } = nonAgent
    ? await apis.nonAgentApi.explain(request, { checkIpLists })
    : await apis.agentApi.explain(request, { checkIpLists });
  const full = options.answer === 'full';
  // A few non-agent answers are empty, as VICIdial prints nothing for them.
  const last = reply.lines.at(-1);
  const summary = last ? firstWords(last) : '(an empty answer)';
  // The function's own gate reports the answer line: the same first words only.
  const traced = full ? gates : gates.map((g) => (g.gate === 'function_checks' ? { ...g, detail: summary } : g));
  const expected = nonAgent ? nonAgentGateOrder(nonAgent) : agentGateOrder(apis.agentFunctions.get(input.function), { altUser: (params.alt_user ?? '').length > 1 });
  const laidOut = layOutGates(traced, expected);
  const decidedBy = laidOut.find((g) => g.status === 'fail');
  return {
    user: input.user,
    agentUser: params.agent_user ?? '',
    function: input.function,
    params,
    filledIn,
    allowed: last?.result !== 'ERROR',
    notChecked: [
      'the password: explain never knows it, so a wrong password is not judged here',
      ...(input.remoteIp === undefined ? ['the IP lists: no client address was given'] : []),
    ],
    answer: full ? replyText(reply) : summary,
    gates: laidOut,
    ...(decidedBy ? { decidedBy } : {}),
  };
}
