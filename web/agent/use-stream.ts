/**
 * The screen's WebSocket: the server pushes the whole state after every
 * change, and events (notifications, timer actions, panels) as they happen.
 * A dropped connection reconnects and picks the same session up again.
 */
import { useEffect, useRef, useState } from 'react';
import type { ScreenState } from './types';

export type StreamMessage =
  | { type: 'state'; state: ScreenState }
  | { type: 'event'; event: { type: string; cause?: string; text?: string; panels?: string[]; action?: string; message?: string } }
  | { type: 'ack'; ref?: string; command: string }
  | { type: 'error'; ref?: string; code: string; message: string };

export function useStream(enabled: boolean, onMessage: (m: StreamMessage) => void) {
  const [connected, setConnected] = useState(false);
  const socket = useRef<WebSocket | null>(null);
  const handler = useRef(onMessage);
  handler.current = onMessage;

  useEffect(() => {
    if (!enabled) return;
    let closed = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v2/agent/stream`);
      socket.current = ws;
      ws.onopen = () => setConnected(true);
      ws.onmessage = (e) => handler.current(JSON.parse(String(e.data)) as StreamMessage);
      ws.onclose = () => {
        setConnected(false);
        if (!closed) retry = setTimeout(open, 1000);
      };
    };
    open();
    return () => {
      closed = true;
      clearTimeout(retry);
      socket.current?.close();
    };
  }, [enabled]);

  const send = (message: Record<string, unknown>) => socket.current?.send(JSON.stringify(message));
  return { connected, send };
}
