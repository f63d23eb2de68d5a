/** The agent screen's calls to agentgate (JSON, the login cookie). */
import type { ScreenState } from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string; fields?: Record<string, string> } };
  if (!res.ok) {
    const fields = json.error?.fields ? ` (${Object.values(json.error.fields).join('; ')})` : '';
    throw new ApiError(res.status, json.error?.code ?? 'error', `${json.error?.message ?? `HTTP ${res.status}`}${fields}`);
  }
  return json as T;
}

export const api = {
  me: () => call<{ user: string; fullName: string }>('GET', '/api/v2/auth/me?screen=agent'),
  login: (user: string, pass: string) => call<{ user: string; fullName: string }>('POST', '/api/v2/auth/login', { user, pass, screen: 'agent' }),
  signOut: () => call('POST', '/api/v2/auth/logout?screen=agent'),
  campaigns: () => call<{ campaigns: { id: string; name: string; allowInbound: boolean; ingroups: { id: string; name: string }[] }[] }>('GET', '/api/v2/agent/campaigns'),
  session: () => call<ScreenState>('GET', '/api/v2/agent/session'),
  start: (campaign: string, ingroups: string[]) => call<ScreenState>('POST', '/api/v2/agent/session', { campaign, ingroups }),
  logout: () => call<{ loggedOut: boolean; pending: boolean }>('DELETE', '/api/v2/agent/session'),
};
