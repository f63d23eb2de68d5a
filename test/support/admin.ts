/** An administrator's session against the harness: log in once, then call /api/v2/admin with its cookie. */
import type { Harness } from './harness.js';

export interface AdminClient {
  get(url: string): Promise<{ status: number; json: any; body: string; headers: Record<string, unknown> }>;
  send(method: 'POST' | 'PATCH' | 'DELETE', url: string, payload: unknown): Promise<{ status: number; json: any }>;
}

export async function adminClient(h: Harness, user = 'admin', pass = '1234'): Promise<AdminClient> {
  const login = await h.app.inject({ method: 'POST', url: '/api/v2/auth/login', payload: { user, pass, screen: 'admin' } });
  if (login.statusCode !== 200) throw new Error(`admin login failed: ${login.body}`);
  const cookie = login.cookies.find((c) => c.name === 'agentgate_admin')!.value;
  const cookies = { agentgate_admin: cookie };
  const parse = (body: string) => {
    try {
      return JSON.parse(body);
    } catch {
      return undefined;
    }
  };
  return {
    async get(url) {
      const res = await h.app.inject({ method: 'GET', url, cookies });
      return { status: res.statusCode, json: parse(res.body), body: res.body, headers: res.headers };
    },
    async send(method, url, payload) {
      const res = await h.app.inject({ method, url, cookies, payload: payload as object });
      return { status: res.statusCode, json: parse(res.body) };
    },
  };
}
