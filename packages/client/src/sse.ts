/**
 * A Server-Sent Events parser, by hand: EventSource is not in Node 20 and
 * cannot send an Authorization header anywhere. Follows the HTML standard's
 * "event stream interpretation": lines end in CRLF, LF or CR (a CR at the end
 * of one chunk and an LF at the start of the next are one line end), `:`
 * starts a comment, one space after the colon is dropped, data lines are
 * joined with LF, a blank line dispatches, an unfinished event at the end of
 * the stream is dropped.
 */

export interface SseMessage {
  /** `event:`, or `message` when the block named none. */
  readonly event: string;
  readonly data: string;
  /** This block's `id:`, undefined when it had none (the stream's last id is tracked apart). */
  readonly id: string | undefined;
}

export type SseItem =
  | { readonly type: 'message'; readonly message: SseMessage }
  /** A block with an `id:` but no data: nothing to dispatch, but a resume starts after it. */
  | { readonly type: 'id'; readonly id: string }
  | { readonly type: 'retry'; readonly ms: number }
  | { readonly type: 'comment'; readonly text: string };

export class SseParser {
  private buffer = '';
  /** The previous chunk ended in CR: an LF opening this one belongs to that line end. */
  private afterCr = false;
  private event = '';
  private data: string[] = [];
  private id: string | undefined;

  /** Feed decoded text; returns what it completed, in order. */
  push(chunk: string): SseItem[] {
    let text = chunk;
    if (this.afterCr && text.startsWith('\n')) text = text.slice(1);
    this.afterCr = false;
    this.buffer += text;
    const items: SseItem[] = [];
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer[i];
      if (c !== '\n' && c !== '\r') continue;
      this.line(this.buffer.slice(start, i), items);
      if (c === '\r') {
        if (i + 1 === this.buffer.length) this.afterCr = true;
        else if (this.buffer[i + 1] === '\n') i++;
      }
      start = i + 1;
    }
    this.buffer = this.buffer.slice(start);
    return items;
  }

  private line(line: string, items: SseItem[]): void {
    if (line === '') return this.dispatch(items);
    if (line.startsWith(':')) {
      items.push({ type: 'comment', text: line.slice(1).trim() });
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.event = value;
        break;
      case 'data':
        this.data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) this.id = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) items.push({ type: 'retry', ms: Number(value) });
        break;
      // Any other field is ignored, as the standard says.
    }
  }

  private dispatch(items: SseItem[]): void {
    // A block without data dispatches nothing, but its id still counts (the standard's last event ID buffer).
    if (this.data.length > 0) items.push({ type: 'message', message: { event: this.event || 'message', data: this.data.join('\n'), id: this.id } });
    else if (this.id !== undefined) items.push({ type: 'id', id: this.id });
    this.event = '';
    this.data = [];
    this.id = undefined;
  }
}
