/** The hand-written SSE parser against the HTML standard's rules, chunk boundaries included. */
import { describe, expect, it } from 'vitest';
import { SseParser, type SseItem } from '../src/sse.js';

const all = (...chunks: string[]) => {
  const parser = new SseParser();
  return chunks.flatMap((chunk) => parser.push(chunk));
};
const messages = (items: SseItem[]) => items.flatMap((i) => (i.type === 'message' ? [i.message] : []));

describe('SseParser', () => {
  it("reads agentgate's blocks: event, id, data; retry and heartbeat comments apart", () => {
    const items = all('retry: 3000\n\n', 'event: snapshot\nid: 41\ndata: {"reset":false}\n\n', ': heartbeat\n\n', 'event: queues\ndata: {"queues":[]}\n\n');
    expect(items).toEqual([
      { type: 'retry', ms: 3000 },
      { type: 'message', message: { event: 'snapshot', id: '41', data: '{"reset":false}' } },
      { type: 'comment', text: 'heartbeat' },
      { type: 'message', message: { event: 'queues', id: undefined, data: '{"queues":[]}' } },
    ]);
  });

  it('puts a block split anywhere across chunks back together, a CRLF split between two chunks included', () => {
    const text = 'event: agent\r\nid: 7\r\ndata: {"a":1}\r\n\r\n';
    for (let cut = 1; cut < text.length; cut++) {
      expect(messages(all(text.slice(0, cut), text.slice(cut))), `cut at ${cut}`).toEqual([{ event: 'agent', id: '7', data: '{"a":1}' }]);
    }
    expect(messages(all('data: x\r', '\ndata: y\r\r'))).toEqual([{ event: 'message', id: undefined, data: 'x\ny' }]);
  });

  it('joins data lines with LF, drops one space after the colon, names an unnamed event message', () => {
    expect(messages(all('data:  two spaces\ndata:none\ndata\n\n'))).toEqual([{ event: 'message', id: undefined, data: ' two spaces\nnone\n' }]);
  });

  it('ignores unknown fields, a retry that is not digits, an id with NUL, and an unfinished block', () => {
    const items = all('foo: bar\nretry: soon\nid: a\0b\ndata: x\n\n', 'event: agent\ndata: never dispatched');
    expect(items).toEqual([{ type: 'message', message: { event: 'message', id: undefined, data: 'x' } }]);
  });

  it('reports an id-only block (the position moves, nothing is dispatched)', () => {
    expect(all('id: 99\n\n')).toEqual([{ type: 'id', id: '99' }]);
  });
});
