/**
 * The event stream's fan-out: one subscription to the bus per node, each event
 * serialized once, and written to the connections by one pump that goes round
 * them in turn.
 *
 * Why: on this kind of machine a socket write costs the kernel 10–15 µs (and
 * the reader as much again), far more than the JSON. A thousand connections
 * with a write per event each cannot keep up with 200 events a second. So the
 * pump visits each connection in turn and writes, in one write, everything that
 * connection has not had yet: under light load an event leaves at once (the
 * next turn of the event loop), under heavy load each socket's writes carry
 * more events instead of the queue growing. An event waits at most one round
 * for any connection — not for a batch to be written to every connection
 * before the next batch starts.
 *
 * The pump writes a slice of connections, then lets the event loop turn
 * (commands are answered, new events admitted), then the next slice. The
 * connections of one slice were written together last round too, so those that
 * send the same events — every connection of one scope — share one chunk:
 * joined, encoded and framed once (sse-response.ts), not per connection.
 *
 * A connection still starting (reading its snapshot or replay) is handed each
 * event as it is admitted, in order, and sends it itself; from live() on, the
 * pump writes what follows.
 */
import type { EventBus, StoredEvent, Unsubscribe } from '../events/event-bus.js';
import { sseChunk, type SseChunk } from './sse-response.js';

/** One stream connection, as the fan-out sees it. */
export interface FanoutConnection {
  /** An event admitted while the connection starts, in order. */
  hold(event: StoredEvent): void;
  /**
   * Whether it sends this event. Asked once per connection and event, in
   * order (a connection counts what it has seen, and its calls' stages).
   */
  takes(event: StoredEvent): boolean;
  /** Its events, as one chunk (shared with other connections: never modified). */
  send(chunk: SseChunk): void;
}

/** A connection's place in the fan-out. */
export interface FanoutMember {
  /** Started: from now on the pump writes its events. */
  live(): void;
  leave(): void;
}

export interface FanoutOptions {
  /** Resolves once the event can be serialized (an agent's name read), or undefined when it can be at once. */
  readonly prepare: (event: StoredEvent) => Promise<void> | undefined;
  /** The event's text on the stream, the same for every connection that sends it ('' when none does). */
  readonly textOf: (event: StoredEvent) => string;
  /** At least this long between two writes to one connection (0: as soon as the pump comes round). */
  readonly frameMs?: number;
  readonly onError?: (err: unknown) => void;
}

/** Connections written before the event loop may turn. */
const SLICE = 100;
/** Text admitted since the pump last came full round beyond which it goes round at once, without waiting for the loop to turn. */
const MAX_PENDING_CHARS = 64 * 1024;

interface Admitted {
  readonly event: StoredEvent;
  readonly text: string;
}

interface Member {
  readonly connection: FanoutConnection;
  live: boolean;
  /** The position (in the fan-out's count of admitted events) up to which it has been written. */
  sentUpTo: number;
}

export class EventFanout {
  /** In the pump's order; a member that left is undefined until the pump has come round. */
  private members: (Member | undefined)[] = [];
  private unsubscribe: Unsubscribe | undefined;
  /** Events waiting for their preparation (and those behind them, to keep the order). */
  private preparing: StoredEvent[] = [];
  /** The admitted events some live member has not been written yet; events[0] is number `first`. */
  private events: Admitted[] = [];
  private first = 0;
  private pendingChars = 0;
  /** Where the pump is in `members`; whether it runs; when its round began. */
  private cursor = 0;
  private pumping = false;
  private roundStarted = 0;
  /** Scratch for the events one connection sends (reused: no array per connection and write). */
  private readonly taken: number[] = [];

  constructor(
    private readonly bus: EventBus,
    private readonly options: FanoutOptions,
  ) {}

  /** The count of admitted events: the position after the last one. */
  private get head(): number {
    return this.first + this.events.length;
  }

  /** Add a connection (starting: it is held every event from now on, until live()). */
  add(connection: FanoutConnection): FanoutMember {
    const member: Member = { connection, live: false, sentUpTo: 0 };
    this.members.push(member);
    this.unsubscribe ??= this.bus.subscribe('*', (event) => this.arrive(event));
    return {
      // It has been held every event so far: the pump writes it what comes next.
      live: () => {
        member.live = true;
        member.sentUpTo = this.head;
      },
      leave: () => {
        const at = this.members.indexOf(member);
        if (at >= 0) this.members[at] = undefined;
        if (this.members.some((m) => m)) return;
        this.unsubscribe?.();
        this.unsubscribe = undefined;
      },
    };
  }

  /** Write every live connection what it has not had, now (a burst; tests). */
  flush(): void {
    this.cursor = 0;
    this.roundStarted = performance.now();
    while (!this.slice(Infinity));
  }

  close(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.members = [];
    this.preparing = [];
    this.events = [];
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
    for (const member of this.members) if (member && !member.live) member.connection.hold(event);
    const text = this.options.textOf(event);
    this.events.push({ event, text });
    this.pendingChars += text.length;
    // A burst that never lets the event loop turn (one long job raising thousands of events) is
    // written as it grows: what waits stays small, and a connection that does not read is still seen to.
    if (this.pendingChars >= MAX_PENDING_CHARS) this.flush();
    else this.start();
  }

  private start(): void {
    if (this.pumping) return;
    this.pumping = true;
    this.next();
  }

  /** The next slice: on the next turn of the loop, or once the frame since the round began is over. */
  private next(): void {
    const wait = this.cursor === 0 ? this.roundStarted + (this.options.frameMs ?? 0) - performance.now() : 0;
    const run = () => {
      try {
        if (this.cursor === 0) this.roundStarted = performance.now();
        if (this.slice(SLICE)) this.pumping = false;
        else this.next();
      } catch (err) {
        this.pumping = false;
        this.options.onError?.(err);
      }
    };
    if (wait > 0) setTimeout(run, wait);
    else setImmediate(run);
  }

  /** Write up to `count` connections from the cursor; true when the round is over and nobody waits for anything. */
  private slice(count: number): boolean {
    const head = this.head;
    const shared = new Map<string, SseChunk>();
    for (let written = 0; written < count && this.cursor < this.members.length; ) {
      const member = this.members[this.cursor++];
      if (!member?.live || member.sentUpTo === head) continue;
      this.write(member, head, shared);
      written += 1;
    }
    if (this.cursor < this.members.length) return false;
    return this.roundOver();
  }

  /** The pump has been round: forget who left and what everyone has had. True when nobody waits for anything. */
  private roundOver(): boolean {
    this.cursor = 0;
    this.members = this.members.filter((m) => m);
    const live = this.members.filter((m) => m!.live);
    const upTo = live.length > 0 ? Math.min(...live.map((m) => m!.sentUpTo)) : this.head;
    this.events.splice(0, upTo - this.first);
    this.first = upTo;
    this.pendingChars = this.events.reduce((n, e) => n + e.text.length, 0);
    return upTo === this.head;
  }

  /** Everything the member has not had, up to `head`, as one write. */
  private write(member: Member, head: number, shared: Map<string, SseChunk>): void {
    const from = member.sentUpTo - this.first;
    const taken = this.taken;
    taken.length = 0;
    let takesAll = true;
    for (let i = from; i < head - this.first; i++) {
      const { event, text } = this.events[i]!;
      // Asked even of an event with no text: the connection counts it as seen.
      const takes = member.connection.takes(event);
      if (text === '') continue;
      if (takes) taken.push(i);
      else takesAll = false;
    }
    member.sentUpTo = head;
    if (taken.length === 0) return;
    const key = takesAll ? `${from}` : `${from}:${taken.join(',')}`;
    let chunk = shared.get(key);
    if (!chunk) shared.set(key, (chunk = sseChunk(joined(this.events, takesAll ? undefined : taken, from))));
    member.connection.send(chunk);
  }
}

/** The texts of the events from `from` (`indices`: only those), as one string. */
function joined(events: readonly Admitted[], indices: readonly number[] | undefined, from: number): string {
  let text = '';
  if (indices) for (const i of indices) text += events[i]!.text;
  else for (let i = from; i < events.length; i++) text += events[i]!.text;
  return text;
}
