/** The agent screen's calls to agentgate (JSON, the login cookie). */
import type { CallbackList, CampaignChoices, LogoutResult, ScreenState, ScreenUser, TransferDirectory } from '../../src/wire/agent-screen';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** A message per request field (a 400 with field errors). */
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'offline', 'The server could not be reached. Check the connection and try again.');
  }
  const json = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string; fields?: Record<string, string> } };
  if (!res.ok) throw new ApiError(res.status, json.error?.code ?? 'error', json.error?.message ?? `The server answered ${res.status}.`, json.error?.fields);
  return json as T;
}

export const api = {
  me: () => call<ScreenUser>('GET', '/api/v2/auth/me?screen=agent'),
  login: (user: string, pass: string) => call<ScreenUser>('POST', '/api/v2/auth/login', { user, pass, screen: 'agent' }),
  signOut: () => call<unknown>('POST', '/api/v2/auth/logout?screen=agent'),
  campaigns: () => call<CampaignChoices>('GET', '/api/v2/agent/campaigns'),
  session: () => call<ScreenState>('GET', '/api/v2/agent/session'),
  start: (campaign: string, ingroups: string[]) => call<ScreenState>('POST', '/api/v2/agent/session', { campaign, ingroups }),
  logout: () => call<LogoutResult>('DELETE', '/api/v2/agent/session'),
  callbacks: () => call<CallbackList>('GET', '/api/v2/agent/callbacks'),
  directory: () => call<TransferDirectory>('GET', '/api/v2/agent/directory'),
};
