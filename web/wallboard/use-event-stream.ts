/**
 * The event stream, read with fetch(): EventSource cannot send an
 * Authorization header, and credentials must never go in a URL. The body is
 * parsed as Server-Sent Events; a dropped connection comes back after a
 * moment with Last-Event-ID, so the server sends only what was missed. No
 * polling: the server pushes every change.
 */
import { useEffect, useRef, useState } from 'react';
import type { JsonError } from '../../src/wire/errors';
import type { StreamEvent } from './board-state';

export type StreamStatus = 'connecting' | 'live' | 'reconnecting';

/** A user and password, or an API key. */
export type Credentials = { readonly user: string; readonly pass: string } | { readonly key: string };

const authorization = (c: Credentials) =>
  'key' in c ? `Bearer ${c.key}` : `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${c.user}:${c.pass}`)))}`;

export function useEventStream(credentials: Credentials | null, onEvent: (e: StreamEvent) => void, onRefused: (message: string) => void) {
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const refused = useRef(onRefused);
  refused.current = onRefused;

  useEffect(() => {
    if (!credentials) return;
    const abort = new AbortController();
    let lastId: string | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;

    const connect = async () => {
      setStatus(lastId ? 'reconnecting' : 'connecting');
      try {
        const headers: Record<string, string> = { Authorization: authorization(credentials), Accept: 'text/event-stream' };
        if (lastId) headers['Last-Event-ID'] = lastId;
        const res = await fetch('/api/v2/events', { headers, signal: abort.signal, cache: 'no-store' });
        if (res.status === 401 || res.status === 403 || res.status === 429) {
          const body = (await res.json().catch(() => null)) as JsonError | null;
          return refused.current(body?.error.message ?? 'The server refused these credentials.');
        }
        if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
        setStatus('live');
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let split: number;
          while ((split = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, split);
            buffer = buffer.slice(split + 2);
            let name = 'message';
            const data: string[] = [];
            for (const line of block.split('\n')) {
              if (line.startsWith('event: ')) name = line.slice(7);
              else if (line.startsWith('id: ')) lastId = line.slice(4);
              else if (line.startsWith('data: ')) data.push(line.slice(6));
            }
            if (data.length > 0) handler.current({ name, data: JSON.parse(data.join('\n')) } as StreamEvent);
          }
        }
      } catch {
        if (abort.signal.aborted) return;
      }
      if (abort.signal.aborted) return;
      setStatus('reconnecting');
      retry = setTimeout(() => void connect(), 2000);
    };
    void connect();
    return () => {
      abort.abort();
      clearTimeout(retry);
    };
  }, [credentials]);

  return status;
}
