/**
 * The JSON face of both APIs: a JSON body becomes the request the legacy
 * pipeline reads (so both faces run the same gates in the same order and
 * reach the same decision), and the decision becomes JSON — the answer's
 * lines and fields, or a refusal with the catalogue's code, HTTP status and
 * gate. Credentials come in the Authorization header only (a Bearer key or
 * HTTP Basic); the body holds the function's parameters by VICIdial's names.
 */
import { z } from 'zod';
import type { Line, Reply } from './legacy/lines.js';
import { buildLegacyRequest, type LegacyRequest } from './legacy/legacy-request.js';
import type { AgentFunction } from './agent/agent-function.js';
import { SECRET_PARAMS } from './agent/input-filters.js';
import type { NonAgentFunction } from './non-agent/non-agent-function.js';
import { catalogueEntry, type JsonStatus } from './error-catalogue.js';
import { legacyParams, text, type FunctionParams } from './parameters.js';
import type { Decision } from './pipeline-mode.js';
import type { FunctionAnswer } from '../wire/api.js';
import type { JsonError } from '../wire/errors.js';

export type ApiName = 'agent' | 'non-agent';

/** `source` names the integration in the audit trail; the JSON face fills it in when a caller leaves it out (letters and digits: VICIdial's filter keeps no more). */
export const DEFAULT_SOURCE = 'apiv2';

const source = text('Your integration’s name, kept in the audit trail (at least 2 characters; default "apiv2").', 20);
const agentUser = text('The agent the command acts on: a different account from the API user.', 20);
const altUser = text("Instead of agent_user: the agent's CRM id (vicidial_users.custom_three).", 100);

/** The body an operation takes: the function's own parameters and the pipeline's, strict. */
export function agentOperationSchema(spec: AgentFunction): FunctionParams {
  const common = {
    source: source.optional(),
    ...(spec.target !== 'none' ? { agent_user: agentUser.optional() } : {}),
    ...(spec.target === 'agent-or-alt' ? { alt_user: altUser.optional() } : {}),
  };
  return spec.params.extend(common).strict();
}

export function nonAgentOperationSchema(spec: NonAgentFunction): FunctionParams {
  return spec.params.extend({ source: source.optional() }).strict();
}

export interface JsonCall {
  readonly api: ApiName;
  readonly name: string;
  readonly body: Readonly<Record<string, unknown>>;
  readonly protocol: string;
  readonly host: string;
  readonly remoteIp: string;
  readonly authorization: string | undefined;
}

/** The request the pipeline reads: the parameters as strings, the credentials from the header. */
export function legacyRequestOf(call: JsonCall): LegacyRequest {
  const params = { source: DEFAULT_SOURCE, ...legacyParams(call.body), function: call.name };
  return buildLegacyRequest(
    {
      rawQuery: '',
      body: params,
      protocol: call.protocol,
      host: call.host,
      path: `/api/v2/${call.api}/${call.name}`,
      remoteIp: call.remoteIp,
      authorization: call.authorization,
      receivedAt: process.hrtime.bigint(),
    },
    SECRET_PARAMS,
  );
}

/** A body that does not fit the schema: one message per field, the unknown ones named. */
export function invalidBody(error: z.ZodError): JsonError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys) fields[key] = `${key} is not a parameter of this function`;
    else fields[issue.path.join('.') || '(body)'] ??= issue.message;
  }
  const names = Object.keys(fields).join(', ');
  return { error: { code: 'invalid-parameter', message: `Some parameters are not valid: ${names}. See fields.`, gate: 'parameters', fields } };
}

export interface JsonAnswer {
  readonly status: JsonStatus | 200;
  readonly body: FunctionAnswer | JsonError;
  readonly headers: Readonly<Record<string, string>>;
}

/** The headers a legacy reply carries that mean something on the JSON face (Retry-After, RateLimit-*; not a CSV download's). */
const kept = (name: string) => /^(retry-after|ratelimit)/i.test(name);

export function jsonAnswer(decision: Decision, extra: Pick<FunctionAnswer, 'command_id' | 'state'> = {}): JsonAnswer {
  const { reply } = decision;
  const headers = Object.fromEntries(Object.entries(reply.headers ?? {}).filter(([name]) => kept(name)));
  const last = reply.lines.at(-1);
  // VICIdial prints nothing for a few requests (update_lead that finds no lead to act on): a notice without words.
  if (!last) return { status: 200, headers, body: { result: 'NOTICE', message: '', fields: [], lines: [] } };
  if (last.result === 'ERROR') {
    const entry = catalogueEntry(last.reason);
    const gate = decision.refusedAt?.gate ?? entry.gate;
    return { status: entry.status, headers, body: { error: { code: entry.code, message: last.reason, gate } } };
  }
  const answer: FunctionAnswer = {
    result: last.result,
    ...partsOf(last),
    lines: linesOf(reply),
    ...extra,
  };
  return { status: 200, headers, body: answer };
}

/**
 * A line's reason and fields: the reason it was built with and what follows
 * it (` - ` or `: `, then fields split on VICIdial's `|`); for a line written
 * whole (its text as its reason), read from the text's own `RESULT: reason - fields`.
 */
export function partsOf(line: Line): { message: string; fields: string[] } {
  const text = line.text.replace(/\n+$/, '');
  const head = `${line.result}: ${line.reason}`;
  const split = (rest: string) => (rest === '' ? [] : rest.split('|'));
  if (text.startsWith(head)) return { message: line.reason, fields: split(text.slice(head.length).replace(/^( - |: ?)/, '')) };
  const whole = new RegExp(`^${line.result}: (.*?) - (.*)$`).exec(text);
  return whole ? { message: whole[1]!, fields: split(whole[2]!) } : { message: line.reason, fields: [] };
}

const linesOf = (reply: Reply): string[] => reply.lines.flatMap((l) => l.text.split('\n')).filter((l) => l !== '');
