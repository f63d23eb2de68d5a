/**
 * AgentgateClient: the JSON face (`call`, and the typed `agent.*` and
 * `nonAgent.*` methods generated from the OpenAPI document), the event stream
 * (`events`), and the legacy endpoints with their answers parsed (`legacy`),
 * for an integration that moves over one call at a time.
 */
import type { Api, CallOptions, CallResult, Params } from './call-types.js';
import { AgentgateError, errorFromResponse, isRecord, parseJson } from './errors.js';
import { followEvents, type EventsOptions } from './events.js';
import type { StreamEvent } from './event-types.js';
import { connection, send, type ClientOptions, type Connection, type FetchLike } from './http.js';
import { parseLegacy, type LegacyAnswer } from './legacy.js';
import { agentOperations, nonAgentOperations, type AgentOperations, type NonAgentOperations } from './operations.js';

/** A legacy endpoint's answer: its text, parsed, and the command id the server put in a header. */
export interface LegacyCallResult extends LegacyAnswer {
  readonly status: number;
  readonly body: string;
  readonly commandId: string | undefined;
}

export type { Api, CallOptions, CallResult, Params };

const FUNCTION_NAME = /^[A-Za-z0-9_]+$/;
const LEGACY_PATHS: Readonly<Record<Api, string>> = { agent: 'agc/api.php', 'non-agent': 'vicidial/non_agent_api.php' };
/** The non-agent API's report delimiters by `stage` (non-agent-api.md §2.4). */
const STAGE_DELIMITERS: Readonly<Record<string, string>> = { csv: ',', tab: '\t', pipe: '|' };

export class AgentgateClient {
  /** Every agent API function, typed: `client.agent.external_pause({ agent_user: '1000', value: 'PAUSE' })`. */
  readonly agent: AgentOperations;
  /** Every non-agent API function, typed: `client.nonAgent.add_lead({ phone_number: '3125550150', list_id: 101 })`. */
  readonly nonAgent: NonAgentOperations;
  private readonly c: Connection;

  constructor(options: ClientOptions, fetch?: FetchLike) {
    this.c = connection(options, fetch);
    this.agent = agentOperations((name, params, callOptions) => this.call('agent', name, params, callOptions));
    this.nonAgent = nonAgentOperations((name, params, callOptions) => this.call('non-agent', name, params, callOptions));
  }

  /** Any function by name: `POST /api/v2/{api}/{name}`. Throws AgentgateError on a refusal. */
  async call(api: Api, name: string, params: Params = {}, options: CallOptions = {}): Promise<CallResult> {
    checkName(api, name);
    const response = await send(
      this.c,
      `api/v2/${api}/${name}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(definedOnly({ source: this.c.source, ...params })),
        ...(options.signal ? { signal: options.signal } : {}),
      },
      networkError,
    );
    if (!response.ok) throw await errorFromResponse(response);
    const text = await response.text();
    const body = parseJson(text);
    if (!isCallResult(body))
      throw new AgentgateError({ code: 'unexpected-response', message: `HTTP ${response.status} with a body that is not a call result: ${text.slice(0, 200)}`, status: response.status });
    return body;
  }

  /**
   * The same function through VICIdial's own endpoint (/agc/api.php or /vicidial/non_agent_api.php),
   * the credentials in a header, and its lines parsed: the answer an integration parses today.
   * Never throws for what the server answered (an ERROR line is `ok: false`), only when no answer came.
   */
  async legacy(api: Api, name: string, params: Params = {}, options: CallOptions = {}): Promise<LegacyCallResult> {
    checkName(api, name);
    const form = new URLSearchParams();
    for (const [field, value] of Object.entries(definedOnly({ source: this.c.source, ...params, function: name }))) form.set(field, String(value));
    const response = await send(
      this.c,
      LEGACY_PATHS[api],
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
        ...(options.signal ? { signal: options.signal } : {}),
      },
      networkError,
    );
    const body = await response.text();
    const delimiter = STAGE_DELIMITERS[String(params.stage ?? '')];
    return { ...parseLegacy(body, delimiter ? { delimiter } : {}), status: response.status, body, commandId: response.headers.get('x-command-id') ?? undefined };
  }

  /**
   * GET /api/v2/events as an async iterator: a snapshot first, then every change the caller may see.
   * After a drop it reconnects by itself with Last-Event-ID (nothing lost, nothing twice), waiting longer
   * after each failure. Ends when `signal` aborts or the loop breaks; throws AgentgateError when the
   * server refuses the credentials or the position.
   */
  events(options: EventsOptions = {}): AsyncIterable<StreamEvent> {
    return followEvents(this.c, options);
  }
}

function checkName(api: Api, name: string): void {
  if (!Object.hasOwn(LEGACY_PATHS, api)) throw new TypeError(`api must be 'agent' or 'non-agent', not ${JSON.stringify(api)}`);
  if (!FUNCTION_NAME.test(name)) throw new TypeError(`${JSON.stringify(name)} is not a function name (letters, digits and _)`);
}

function definedOnly(params: Params): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [field, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw new TypeError(`${field} must be a string, a number or a boolean`);
    out[field] = value;
  }
  return out;
}

function networkError(cause: unknown): AgentgateError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new AgentgateError({ code: 'network-error', message: `agentgate could not be reached: ${detail}`, status: 0, cause });
}

function isCallResult(body: unknown): body is CallResult {
  return (
    isRecord(body) &&
    (body.result === 'SUCCESS' || body.result === 'NOTICE') &&
    typeof body.message === 'string' &&
    Array.isArray(body.fields) &&
    Array.isArray(body.lines)
  );
}
