/**
 * A Server-Sent Events reader for tests of GET /api/v2/events: a real HTTP
 * connection (node:http, so it can send Authorization and Last-Event-ID, and
 * stop reading to play a slow client), parsed into events.
 */
import http from 'node:http';

export interface SseEvent {
  readonly event: string;
  readonly id: string | undefined;
  readonly data: any;
}

export interface SseClient {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  /** Every event received so far (comments counted apart). */
  readonly events: SseEvent[];
  readonly comments: string[];
  /** The first event not yet taken that matches (waiting up to `ms`); it and those before it are taken. */
  next(match?: (e: SseEvent) => boolean, ms?: number): Promise<SseEvent>;
  /** Stop reading from the socket: the server's writes pile up. */
  pause(): void;
  /** Read again (a paused socket hears no end until it reads). */
  resume(): void;
  /** Resolves when the server ends or drops the connection. */
  readonly ended: Promise<void>;
  close(): void;
}

export const basic = (user: string, pass = '1234') => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

export function openStream(base: string, options: { user?: string; pass?: string; headers?: Record<string, string>; path?: string } = {}): Promise<SseClient> {
  const url = new URL(options.path ?? '/api/v2/events', base);
  const headers: Record<string, string> = { accept: 'text/event-stream', ...options.headers };
  if (options.user) headers.authorization = basic(options.user, options.pass);
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers }, (res) => {
      const events: SseEvent[] = [];
      const comments: string[] = [];
      let taken = 0;
      let body = '';
      let buffer = '';
      let wake = () => {};
      let endedResolve = () => {};
      const ended = new Promise<void>((r) => (endedResolve = r));
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
        buffer += chunk;
        let split: number;
        while ((split = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, split);
          buffer = buffer.slice(split + 2);
          let event = 'message';
          let id: string | undefined;
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('id: ')) id = line.slice(4);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length > 0) events.push({ event, id, data: JSON.parse(data.join('\n')) });
        }
        wake();
      });
      const finish = () => {
        endedResolve();
        wake();
      };
      res.on('end', finish);
      res.on('close', finish);
      res.on('error', finish);
      let done = false;
      res.on('close', () => (done = true));
      const client: SseClient = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        events,
        comments,
        get ended() {
          return ended;
        },
        async next(match = () => true, ms = 5000) {
          const deadline = Date.now() + ms;
          for (;;) {
            for (let i = taken; i < events.length; i++) {
              if (match(events[i]!)) {
                taken = i + 1;
                return events[i]!;
              }
            }
            if (done) throw new Error(`stream ended without the awaited event; got: ${events.slice(taken).map((e) => e.event).join(', ')} ${res.statusCode !== 200 ? body : ''}`);
            const left = deadline - Date.now();
            if (left <= 0) throw new Error(`timed out; events after the last taken: ${JSON.stringify(events.slice(taken)).slice(0, 800)}`);
            await new Promise<void>((r) => {
              const t = setTimeout(r, left);
              wake = () => {
                clearTimeout(t);
                r();
              };
            });
          }
        },
        pause: () => res.socket.pause(),
        resume: () => res.socket.resume(),
        close: () => req.destroy(),
      } as SseClient;
      resolve(client);
    });
    req.on('error', reject);
  });
}
