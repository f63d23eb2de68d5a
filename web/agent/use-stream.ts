/**
 * The screen's WebSocket: the server pushes the whole state after every
 * change, and events (notifications, timer actions, panels) as they happen.
 * A command sent with run() resolves with its own ack or error (matched by
 * ref), so the part of the screen that sent it can show the outcome where it
 * belongs. A dropped connection reconnects and picks the same session up again,
 * unless the login has ended (the server closed the socket for it, or refused
 * the reconnection): then onLoggedOut.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScreenCommand, StreamCloseCodes, StreamMessage } from '../../src/wire/agent-screen';
import { api, ApiError } from './api';

export type CommandOutcome = { readonly ok: true } | { readonly ok: false; readonly code: string; readonly message: string; readonly field?: string };

/** What a command may carry: the hook adds its ref. */
export type Command = ScreenCommand extends infer C ? (C extends unknown ? Omit<C, 'ref' | 'user'> : never) : never;
export type Run = (command: Command) => Promise<CommandOutcome>;

const LOGGED_OUT: StreamCloseCodes['loggedOut'] = 4401;

const OFFLINE: CommandOutcome = { ok: false, code: 'offline', message: 'Not connected to the server; try again in a moment.' };

/** Settles once the socket has opened, or failed to. */
const opened = (ws: WebSocket) =>
  new Promise<void>((settle) => {
    ws.addEventListener('open', () => settle(), { once: true });
    ws.addEventListener('close', () => settle(), { once: true });
  });

export function useStream(enabled: boolean, onMessage: (m: StreamMessage) => void, onLoggedOut: () => void) {
  const [connected, setConnected] = useState(false);
  const socket = useRef<WebSocket | null>(null);
  const handler = useRef(onMessage);
  handler.current = onMessage;
  const loggedOut = useRef(onLoggedOut);
  loggedOut.current = onLoggedOut;
  const waiting = useRef(new Map<string, (outcome: CommandOutcome) => void>());
  const serial = useRef(0);

  useEffect(() => {
    if (!enabled) return;
    let closed = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const settleAll = () => {
      for (const resolve of waiting.current.values()) resolve(OFFLINE);
      waiting.current.clear();
    };
    const open = () => {
      const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v2/agent/stream`);
      socket.current = ws;
      ws.onopen = () => setConnected(true);
      ws.onmessage = (e) => {
        const m = JSON.parse(String(e.data)) as StreamMessage;
        if ((m.type !== 'ack' && m.type !== 'error') || !m.ref || !waiting.current.has(m.ref)) return handler.current(m);
        const resolve = waiting.current.get(m.ref)!;
        waiting.current.delete(m.ref);
        resolve(m.type === 'ack' ? { ok: true } : { ok: false, code: m.code, message: m.message, ...(m.field ? { field: m.field } : {}) });
      };
      ws.onclose = (e) => {
        setConnected(false);
        settleAll();
        if (closed) return;
        // Reconnecting with an ended login would be refused once a second, forever.
        if (e.code === LOGGED_OUT) return loggedOut.current();
        // A socket refused at its opening (the login ended before it connected) looks like a lost network
        // to the page: ask the server which it was before trying again.
        retry = setTimeout(() => {
          api.me().then(
            () => void (closed || open()),
            (err: unknown) => {
              if (closed) return;
              if (err instanceof ApiError && err.status === 401) loggedOut.current();
              else open();
            },
          );
        }, 1000);
      };
    };
    open();
    return () => {
      closed = true;
      clearTimeout(retry);
      socket.current?.close();
      settleAll();
    };
  }, [enabled]);

  const run: Run = useCallback(async (command) => {
    const ws = socket.current;
    // Just after a login the screen has its state (from the login) before its socket is open:
    // a command sent then waits for the socket rather than failing.
    if (ws?.readyState === WebSocket.CONNECTING) await opened(ws);
    if (!ws || ws.readyState !== WebSocket.OPEN) return OFFLINE;
    const ref = `c${++serial.current}`;
    return new Promise<CommandOutcome>((resolve) => {
      waiting.current.set(ref, resolve);
      ws.send(JSON.stringify({ ...command, ref }));
    });
  }, []);

  return { connected, run };
}
