/**
 * A request to one of VICIdial's PHP endpoints, as its script would see it:
 * every parameter read from GET first and POST second (per parameter), plus
 * the URL record VICIdial keeps in vicidial_api_urls — with secrets scrubbed.
 */

import { bearerToken } from '../../access/api-key-format.js';

export interface LegacyRequest {
  /** Raw values, GET winning over POST for each name; the last of repeated names wins, as in PHP. */
  readonly params: Readonly<Record<string, string>>;
  readonly remoteIp: string;
  /** scheme://host[:port]/path, without the query (vicidial_urls). */
  readonly pageUrl: string;
  /** pageUrl?request-string, secrets replaced by *** (vicidial_api_urls.url). */
  readonly auditUrl: string;
  readonly serverName: string;
  /** process.hrtime.bigint() when the request arrived (run_time). */
  readonly receivedAt: bigint;
  /** The API key of `Authorization: Bearer <key>`; never in params, the URL record or a log. */
  readonly apiKey?: string | undefined;
}

export interface RawHttpRequest {
  /** The query string without '?', exactly as received. */
  readonly rawQuery: string;
  /** The parsed form body, if any. */
  readonly body: unknown;
  readonly protocol: string;
  readonly host: string;
  readonly path: string;
  readonly remoteIp: string;
  readonly authorization?: string | undefined;
  readonly receivedAt: bigint;
}

const SCRUBBED = '***';

/** Ordered name/value pairs of a query string; malformed escapes are kept as written. */
function queryPairs(rawQuery: string): [string, string][] {
  if (!rawQuery) return [];
  const pairs: [string, string][] = [];
  for (const part of rawQuery.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    pairs.push([decode(name), decode(value)]);
  }
  return pairs;
}

const tryDecode = (text: string): string | undefined => {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
};

function decode(text: string): string {
  // Most names and many values need no decoding: skip the work (the hot path decodes a dozen per request).
  if (!text.includes('%') && !text.includes('+')) return text;
  const spaced = text.replaceAll('+', ' ');
  // PHP leaves an invalid %-escape as it is; decode what can be decoded: each run of escapes
  // together (a character of several UTF-8 bytes), or, when the run is not UTF-8, escape by escape.
  return (
    tryDecode(spaced) ??
    spaced.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => tryDecode(run) ?? run.replace(/%[0-9A-Fa-f]{2}/g, (one) => tryDecode(one) ?? one))
  );
}

/** Form fields as pairs; arrays (name[]=…, repeated names) keep their last string. */
function bodyPairs(body: unknown): [string, string][] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [];
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (typeof value === 'string') pairs.push([name, value]);
    else if (Array.isArray(value) && typeof value[value.length - 1] === 'string') pairs.push([name, value[value.length - 1] as string]);
  }
  return pairs;
}

/** user:pass from an `Authorization: Basic …` header, when well formed. */
export function basicCredentials(header: string | undefined): { user: string; pass: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return undefined;
  const text = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 1) return undefined;
  return { user: text.slice(0, colon), pass: text.slice(colon + 1) };
}

function collect(pairs: [string, string][], into: Record<string, string>): void {
  for (const [name, value] of pairs) {
    // PHP turns name[] into an array that no filter accepts: such names carry nothing.
    if (name.includes('[')) continue;
    into[name] = value;
  }
}

function requestString(pairs: [string, string][], secrets: ReadonlySet<string>, encode: boolean): string {
  return pairs
    .map(([name, value]) => {
      // pass[]=… is scrubbed too: it is never used, but it is still a secret.
      const shown = secrets.has(name.replace(/\[.*$/, '')) ? SCRUBBED : value;
      return encode ? `${encodeURIComponent(name)}=${encodeURIComponent(shown)}` : `${name}=${shown}`;
    })
    .join('&');
}

export function buildLegacyRequest(raw: RawHttpRequest, secrets: ReadonlySet<string>): LegacyRequest {
  const getPairs = queryPairs(raw.rawQuery);
  const postPairs = bodyPairs(raw.body);
  const params: Record<string, string> = {};
  collect(postPairs, params);
  const get: Record<string, string> = {};
  collect(getPairs, get);
  Object.assign(params, get);

  // Credentials from an Authorization header fill in what the parameters leave out.
  const apiKey = bearerToken(raw.authorization);
  const header = basicCredentials(raw.authorization);
  if (header) {
    params.user ??= header.user;
    params.pass ??= header.pass;
  }

  const hostName = raw.host.replace(/:\d+$/, '');
  const port = /:(\d+)$/.exec(raw.host)?.[1];
  const defaultPort = raw.protocol === 'https' ? '443' : '80';
  const pageUrl = `${raw.protocol}://${hostName}${port && port !== defaultPort ? `:${port}` : ''}${raw.path}`;
  const getPart = requestString(getPairs, secrets, true);
  const postPart = requestString(postPairs, secrets, false).replace(/['"\\;]/g, '');
  const request = getPart && postPart ? `${getPart}&GET-AND-POST=Y&${postPart}` : getPart || postPart;
  return {
    params,
    remoteIp: raw.remoteIp,
    pageUrl,
    auditUrl: request ? `${pageUrl}?${request}` : pageUrl,
    serverName: hostName,
    receivedAt: raw.receivedAt,
    ...(apiKey !== undefined ? { apiKey } : {}),
  };
}
