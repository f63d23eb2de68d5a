/**
 * Clients that hold resources by being slow: an agent socket that never reads
 * is dropped with a clear close code instead of buffering without limit, and a
 * connection that never finishes its request headers is closed.
 */
import net from 'node:net';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE_TOO_SLOW } from '../../src/http/agent-stream.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('an agent socket that does not read', () => {
  it('is dropped with close code 4008 once its send buffer passes the limit', async () => {
    const limit = 64 * 1024;
    h = await startHarness({ app: { streamBufferBytes: limit } });
    const base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    const login = await h.app.inject({ method: 'POST', url: '/api/v2/auth/login', payload: { user: '1001', pass: '1234', screen: 'agent' } });
    const cookie = `agentgate_agent=${login.cookies.find((c) => c.name === 'agentgate_agent')!.value}`;
    const ws = new WebSocket(`${base.replace('http', 'ws')}/api/v2/agent/stream`, { headers: { cookie } });
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    await new Promise((resolve) => ws.once('open', resolve));
    // The screen stops reading: what the server sends piles up in its buffers.
    (ws as unknown as { _socket: net.Socket })._socket.pause();

    const [server] = [...(h.app as unknown as { websocketServer: { clients: Set<WebSocket> } }).websocketServer.clients];
    const text = 'x'.repeat(4000);
    let most = 0;
    for (let i = 0; i < 5000 && server!.readyState === WebSocket.OPEN; i++) {
      h.services.bus.publish({ type: 'notification', user: '1001', notificationId: i, text, confetti: false });
      if (i % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
      most = Math.max(most, server!.bufferedAmount);
    }
    await expect.poll(() => server!.readyState, { timeout: 15_000 }).not.toBe(WebSocket.OPEN);
    // Never more than the limit and the one message that crossed it.
    expect(most).toBeLessThan(limit + 2 * text.length);

    (ws as unknown as { _socket: net.Socket })._socket.resume();
    expect(await closed).toBe(CLOSE_TOO_SLOW);
  });
});

describe('a client that never finishes its request headers', () => {
  it('is disconnected after the headers timeout', async () => {
    h = await startHarness({ app: { headersTimeoutMs: 300 } });
    const base = new URL(await h.app.listen({ port: 0, host: '127.0.0.1' }));
    const socket = net.connect(Number(base.port), base.hostname);
    let answer = '';
    socket.on('data', (d) => (answer += d));
    const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write('GET /healthz HTTP/1.1\r\nHost: agentgate.test\r\nX-Slow: ');
    await ended;
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });
});
