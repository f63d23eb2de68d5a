/**
 * The event stream's fan-out: one subscription to the bus per node, each event
 * serialized once, and written to the connections in batches.
 *
 * Why batches: on this kind of machine a socket write costs the kernel about
 * 10 µs (and the reader as much again), far more than the JSON. A thousand
 * connections with a write per event each cannot keep up with 200 events a
 * second; with a write per batch they can. Events that arrive while a batch is
 * waiting or being written go out together in the next one, so under light
 * load an event leaves at once (the next turn of the event loop), and under
 * heavy load the batches grow instead of the queue. `frameMs` spaces batches
 * further apart: fewer writes, more wait.
 *
 * Connections that send the same events of a batch — every connection of one
 * scope, once started — get the same chunk: one string joined, encoded and
 * framed per batch and per distinct content, not per connection (sse-response.ts).
 *
 * A connection still starting (reading its snapshot or replay) is handed each
 * event as it is admitted, in order, and sends it itself once it has started.
 */
import type { EventBus, StoredEvent, Unsubscribe } from '../events/event-bus.js';
import { sseChunk, type SseChunk } from './sse-response.js';

/** One stream connection, as the fan-out sees it. */
export interface FanoutConnection {
  /** Started: it takes its events from the batches. Before that, they are handed over with hold(). */
  readonly live: boolean;
  /** An event admitted while the connection starts, in order. */
  hold(event: StoredEvent): void;
  /**
   * Whether it sends this event of a batch. Asked once per connection and
   * event, in order (a connection counts what it has seen, and its calls' stages).
   */
  takes(event: StoredEvent): boolean;
  /** Its part of a batch (shared with other connections: never modified). */
  send(chunk: SseChunk): void;
}

export interface FanoutOptions {
  /** Resolves once the event can be serialized (an agent's name read), or undefined when it can be at once. */
  readonly prepare: (event: StoredEvent) => Promise<void> | undefined;
  /** The event's text on the stream, the same for every connection that sends it ('' when none does). */
  readonly textOf: (event: StoredEvent) => string;
  /** At least this long between two batches (0: the next turn of the event loop). */
  readonly frameMs?: number;
  readonly onError?: (err: unknown) => void;
}

/** A batch is written at once when its text grows to this (and otherwise on the next turn of the event loop). */
const MAX_BATCH_CHARS = 64 * 1024;

interface Admitted {
  readonly event: StoredEvent;
  readonly text: string;
}

export class EventFanout {
  private readonly connections = new Set<FanoutConnection>();
  private unsubscribe: Unsubscribe | undefined;
  /** Events waiting for their preparation (and those behind them, to keep the order). */
  private preparing: StoredEvent[] = [];
  private batch: Admitted[] = [];
  private batchChars = 0;
  private scheduled = false;
  private lastFlush = 0;
  /** Scratch for the batch indices one connection sends (reused: no array per connection and batch). */
  private readonly taken: number[] = [];

  constructor(
    private readonly bus: EventBus,
    private readonly options: FanoutOptions,
  ) {}

  /** Add a connection (not yet live): it is held every event from now on. */
  add(connection: FanoutConnection): () => void {
    this.connections.add(connection);
    this.unsubscribe ??= this.bus.subscribe('*', (event) => this.arrive(event));
    return () => {
      this.connections.delete(connection);
      if (this.connections.size > 0) return;
      this.unsubscribe?.();
      this.unsubscribe = undefined;
    };
  }

  /** Write the waiting batch now (tests; closing). */
  flush(): void {
    const batch = this.batch;
    this.batch = [];
    this.batchChars = 0;
    this.scheduled = false;
    if (batch.length === 0) return;
    this.lastFlush = performance.now();
    let all: SseChunk | undefined;
    const shared = new Map<string, SseChunk>();
    const taken = this.taken;
    for (const connection of this.connections) {
      if (!connection.live) continue;
      taken.length = 0;
      let takesAll = true;
      for (let i = 0; i < batch.length; i++) {
        const { event, text } = batch[i]!;
        // Asked even of an event with no text: the connection counts it as seen.
        const takes = connection.takes(event);
        if (text === '') continue;
        if (takes) taken.push(i);
        else takesAll = false;
      }
      if (taken.length === 0) continue;
      if (takesAll) {
        connection.send((all ??= joined(batch, undefined)));
        continue;
      }
      const key = taken.join(',');
      let chunk = shared.get(key);
      if (!chunk) shared.set(key, (chunk = joined(batch, taken)));
      connection.send(chunk);
    }
  }

  close(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.connections.clear();
    this.preparing = [];
    this.batch = [];
    this.batchChars = 0;
  }

  private arrive(event: StoredEvent): void {
    if (this.preparing.length > 0) {
      this.preparing.push(event);
      return;
    }
    const ready = this.options.prepare(event);
    if (!ready) return this.admit(event);
    this.preparing.push(event);
    void this.prepareInOrder(ready);
  }

  /** Admit the events that wait, in order, each once it is prepared. */
  private async prepareInOrder(first: Promise<void>): Promise<void> {
    let ready: Promise<void> | undefined = first;
    while (this.preparing.length > 0) {
      const event = this.preparing[0]!;
      try {
        await (ready ?? this.options.prepare(event));
      } catch (err) {
        // Sent anyway, with what is known (the projection falls back to the user id for a name).
        this.options.onError?.(err);
      }
      ready = undefined;
      if (this.preparing[0] !== event) return; // closed meanwhile
      this.preparing.shift();
      this.admit(event);
    }
  }

  private admit(event: StoredEvent): void {
    for (const connection of this.connections) if (!connection.live) connection.hold(event);
    const text = this.options.textOf(event);
    this.batch.push({ event, text });
    this.batchChars += text.length;
    // A burst that never lets the event loop turn (one long job raising thousands of events) is
    // written as it grows: the batch stays small, and a connection that does not read is still seen to.
    if (this.batchChars >= MAX_BATCH_CHARS) this.flush();
    else this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const wait = this.lastFlush + (this.options.frameMs ?? 0) - performance.now();
    const run = () => {
      try {
        this.flush();
      } catch (err) {
        this.options.onError?.(err);
      }
    };
    if (wait > 0) setTimeout(run, wait);
    else setImmediate(run);
  }
}

/** The texts of a batch's events (`indices`: only those; undefined: all), as one chunk. */
function joined(batch: readonly Admitted[], indices: readonly number[] | undefined): SseChunk {
  let text = '';
  if (indices) for (const i of indices) text += batch[i]!.text;
  else for (const { text: t } of batch) text += t;
  return sseChunk(text);
}
