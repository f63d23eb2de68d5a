/**
 * The agent screen's side of its WebSocket, for HTTP tests: log in for the
 * screen cookie, start a session, open the stream, wait for a message, send
 * a command. A real listening server and a real WebSocket client.
 */
import { expect } from 'vitest';
import WebSocket from 'ws';
import type { Harness } from './harness.js';

export interface ScreenClient {
  readonly messages: Record<string, any>[];
  /** The first message (already received or still to come) that matches; it is taken off the list. */
  next(match: (m: Record<string, any>) => boolean): Promise<Record<string, any>>;
  send(message: unknown): void;
  /** Send a command with this ref and wait for its ack or error. */
  command(message: Record<string, unknown> & { ref: string }): Promise<Record<string, any>>;
  readonly socket: WebSocket;
}

export const isState = (m: Record<string, any>) => m.type === 'state';

/** The agent screen's login cookie of `user` (password 1234). */
export async function screenCookie(h: Harness, user: string): Promise<string> {
  const res = await h.app.inject({ method: 'POST', url: '/api/v2/auth/login', payload: { user, pass: '1234', screen: 'agent' } });
  expect(res.statusCode).toBe(200);
  return `agentgate_agent=${res.cookies.find((c) => c.name === 'agentgate_agent')!.value}`;
}

export const startScreenSession = (h: Harness, cookie: string, body: unknown) =>
  h.app.inject({ method: 'POST', url: '/api/v2/agent/session', headers: { cookie }, payload: body as object });

/** Open the screen's stream on `base` (a listening harness); `opened` collects the sockets for the test to close. */
export async function connectScreen(base: string, cookie: string, opened: WebSocket[]): Promise<ScreenClient> {
  const ws = new WebSocket(`${base.replace('http', 'ws')}/api/v2/agent/stream`, { headers: { cookie } });
  opened.push(ws);
  ws.on('error', () => {}); // a refused upgrade also reports an error; the test checks the response
  const messages: Record<string, any>[] = [];
  const waiters: { match: (m: Record<string, any>) => boolean; resolve: (m: Record<string, any>) => void }[] = [];
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString());
    const waiter = waiters.find((w) => w.match(m));
    if (!waiter) return messages.push(m);
    waiters.splice(waiters.indexOf(waiter), 1);
    waiter.resolve(m);
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
  const next = (match: (m: Record<string, any>) => boolean) =>
    new Promise<Record<string, any>>((resolve) => {
      const seen = messages.find(match);
      if (seen) {
        messages.splice(messages.indexOf(seen), 1);
        return resolve(seen);
      }
      waiters.push({ match, resolve });
    });
  const send = (message: unknown) => ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  return {
    messages,
    next,
    send,
    command(message) {
      send(message);
      return next((m) => m.ref === message.ref);
    },
    socket: ws,
  };
}
