/**
 * The admin console's calls to /api/v2: JSON in, JSON out, errors as ApiError
 * with a message per field. The shapes come from the server's own wire types
 * (src/wire/admin.ts), so a changed answer breaks the build, not the screen.
 */
import type { AdminMeta, Value } from '../../src/wire/admin.js';

export type { Value, Values, VersionedRecord } from '../../src/wire/admin.js';
export type Meta = AdminMeta;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

export async function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => ({}))) as { error?: { code: string; message: string; fields?: Record<string, string> } };
  if (!response.ok) {
    const e = data.error ?? { code: 'http', message: `The server answered ${response.status}.` };
    throw new ApiError(response.status, e.code, e.message, e.fields ?? {});
  }
  return data as T;
}

/** VICIdial's set columns (' A B -') as a list. */
export function parseSet(text: Value | undefined): string[] {
  return String(text ?? '')
    .split(/\s+/)
    .filter((item) => item.length > 0 && item !== '-');
}
