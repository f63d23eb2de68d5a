/**
 * The few HTTP facts every request of the client shares: where the server is,
 * how the credentials travel (always in a header, never in a URL), and which
 * fetch does the work.
 */

/** The fetch the client uses: the platform's by default, or one given (a test's, a proxy agent's). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

interface Common {
  /** The server, e.g. `https://agentgate.example.com` (a path prefix is kept: `https://host/agentgate/`). */
  readonly baseUrl: string;
  /** The caller's label in the audit trail (`source`); default `sdk`. */
  readonly source?: string;
}

/** An API key (`agentgate keys create …`), sent as `Authorization: Bearer`. */
export interface KeyCredentials extends Common {
  readonly key: string;
}

/** An API user and password, sent as HTTP Basic. */
export interface PasswordCredentials extends Common {
  readonly user: string;
  readonly pass: string;
}

export type ClientOptions = KeyCredentials | PasswordCredentials;

export interface Connection {
  readonly baseUrl: URL;
  readonly authorization: string;
  readonly source: string;
  readonly fetch: FetchLike;
}

export function connection(options: ClientOptions, fetchImpl: FetchLike | undefined): Connection {
  if (!options || typeof options.baseUrl !== 'string') throw new TypeError('AgentgateClient needs { baseUrl, key } or { baseUrl, user, pass }');
  let baseUrl: URL;
  try {
    baseUrl = new URL(options.baseUrl);
  } catch {
    throw new TypeError(`baseUrl ${JSON.stringify(options.baseUrl)} is not a URL`);
  }
  if (baseUrl.protocol !== 'http:' && baseUrl.protocol !== 'https:') throw new TypeError(`baseUrl must be http or https, not ${baseUrl.protocol}`);
  if (baseUrl.username || baseUrl.password) throw new TypeError('baseUrl must not hold credentials: give key, or user and pass, and they travel in a header');
  if (baseUrl.search || baseUrl.hash) throw new TypeError('baseUrl must not have a query or a fragment');
  if (!baseUrl.pathname.endsWith('/')) baseUrl.pathname += '/';
  return {
    baseUrl,
    authorization: authorization(options),
    source: options.source ?? 'sdk',
    // Called as a plain function: a browser's fetch called as some object's method throws "Illegal invocation".
    fetch: fetchImpl ?? ((input, init) => globalThis.fetch(input, init)),
  };
}

function authorization(options: ClientOptions): string {
  if ('key' in options && typeof options.key === 'string') {
    if (options.key.trim() === '') throw new TypeError('key is empty');
    return `Bearer ${options.key.trim()}`;
  }
  if ('user' in options && typeof options.user === 'string' && typeof options.pass === 'string') {
    if (options.user === '' || options.user.includes(':')) throw new TypeError('user must be non-empty and hold no colon (HTTP Basic)');
    return `Basic ${base64(`${options.user}:${options.pass}`)}`;
  }
  throw new TypeError('AgentgateClient needs a key, or a user and a pass');
}

/** Base64 of UTF-8 text, with what both Node and browsers have (btoa takes Latin-1 only). */
function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** A path under the base URL (`api/v2/events`), the base's own path prefix kept. */
export function urlFor(c: Connection, path: string): string {
  return new URL(path, c.baseUrl).href;
}

/** fetch, with a failure to reach the server turned into the given error (an abort stays an abort). */
export async function send(c: Connection, path: string, init: RequestInit, onNetworkError: (cause: unknown) => Error): Promise<Response> {
  try {
    return await c.fetch(urlFor(c, path), { ...init, headers: { authorization: c.authorization, ...(init.headers as Record<string, string>) } });
  } catch (cause) {
    if (init.signal?.aborted) throw cause;
    throw onNetworkError(cause);
  }
}
