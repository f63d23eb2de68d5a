/**
 * Every refusal of agentgate's JSON face, and every way a request can fail on
 * the way there, as one error type: a program tests `code` (and `status`), a
 * person reads `message`.
 */

export interface AgentgateErrorDetails {
  /** agentgate's stable code (`invalid-credentials`, `rate-limited`…), or the client's own: `network-error`, `unexpected-response`. */
  readonly code: string;
  readonly message: string;
  /** The HTTP status; 0 when no answer arrived. */
  readonly status: number;
  /** The gate that refused the request, when the server names one. */
  readonly gate?: string | undefined;
  /** A message per refused field (a 422 names each one). */
  readonly fields?: Readonly<Record<string, string>> | undefined;
  /** Seconds to wait before trying again (a 429's or 503's Retry-After). */
  readonly retryAfter?: number | undefined;
  readonly cause?: unknown;
}

export class AgentgateError extends Error {
  readonly code: string;
  readonly status: number;
  readonly gate: string | undefined;
  readonly fields: Readonly<Record<string, string>> | undefined;
  readonly retryAfter: number | undefined;

  constructor(details: AgentgateErrorDetails) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'AgentgateError';
    this.code = details.code;
    this.status = details.status;
    this.gate = details.gate;
    this.fields = details.fields;
    this.retryAfter = details.retryAfter;
  }
}

/** Retry-After as seconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(header)) return Number(header);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** The JSON face's error answer as an AgentgateError; any other body (a proxy's HTML page) keeps its status. */
export async function errorFromResponse(response: Response): Promise<AgentgateError> {
  const retryAfter = retryAfterSeconds(response.headers.get('retry-after'));
  const text = await response.text().catch(() => '');
  const body = parseJson(text);
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new AgentgateError({
      code: error.code,
      message: error.message,
      status: response.status,
      gate: typeof error.gate === 'string' ? error.gate : undefined,
      fields: isStringRecord(error.fields) ? error.fields : undefined,
      retryAfter,
    });
  }
  return new AgentgateError({
    code: 'unexpected-response',
    message: `HTTP ${response.status} ${response.statusText} without agentgate's error body${text ? `: ${text.slice(0, 200)}` : ''}`,
    status: response.status,
    retryAfter,
  });
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((v) => typeof v === 'string');
}
