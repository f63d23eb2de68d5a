/**
 * A Server-Sent Events response whose body is written straight to its socket.
 *
 * Node's ServerResponse frames each write as an HTTP chunk itself — three
 * socket writes (size, data, line break) and their objects, per write. The
 * event stream writes one batch to a thousand sockets: it frames the batch
 * once (sseChunk) and hands the same Buffer to every socket, one write each.
 * The head and the end stay Node's: writeHead and flushHeaders send the head
 * (chunked, said explicitly so it is certain), and res.end() the last chunk.
 *
 * HTTP/1.0 knows no chunks (its body runs until the connection closes), and a
 * response queued behind another on a pipelined connection has no socket yet:
 * both are written through Node, unframed.
 */
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** Text as a chunk of the body: framed for HTTP/1.1, and the bare bytes (a view of the same Buffer). */
export interface SseChunk {
  readonly framed: Buffer;
  readonly plain: Buffer;
}

export function sseChunk(text: string): SseChunk {
  const size = Buffer.byteLength(text);
  const head = `${size.toString(16)}\r\n`;
  const framed = Buffer.allocUnsafe(head.length + size + 2);
  framed.write(head, 0, 'latin1');
  framed.write(text, head.length, 'utf8');
  framed.write('\r\n', head.length + size, 'latin1');
  return { framed, plain: framed.subarray(head.length, head.length + size) };
}

export class SseResponse {
  /** The socket the framed chunks go to; undefined: through Node, unframed. */
  private readonly socket: Socket | undefined;

  constructor(
    private readonly res: ServerResponse,
    headers: Record<string, string>,
  ) {
    const chunked = res.req.httpVersion !== '1.0';
    res.writeHead(200, chunked ? { ...headers, 'Transfer-Encoding': 'chunked' } : headers);
    res.flushHeaders();
    this.socket = chunked && res.socket ? res.socket : undefined;
  }

  write(chunk: SseChunk | string): void {
    const { framed, plain } = typeof chunk === 'string' ? sseChunk(chunk) : chunk;
    if (this.socket) this.socket.write(framed);
    else this.res.write(plain);
  }

  /** Bytes written and not yet taken by the client's side. */
  get buffered(): number {
    return (this.socket ?? this.res).writableLength;
  }

  /** Resolves once what was written has gone out (or the connection closed). */
  async drained(): Promise<void> {
    const stream = this.socket ?? this.res;
    if (!stream.writableNeedDrain) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        stream.off('drain', done);
        this.res.off('close', done);
        resolve();
      };
      stream.on('drain', done);
      this.res.on('close', done);
    });
  }
}
