/**
 * How far a node has read the event log.
 *
 * Every event up to `position` has been read. On MySQL an auto-increment id
 * is taken when a row is inserted but seen only once its transaction
 * commits, so a read can show ids 101 and 102 while 100 is still in flight —
 * or 100 belonged to a transaction that rolled back and never will be.
 * The cursor holds at such a gap for a bounded time (re-reading from there
 * costs only repeats, which the per-agent order drops), then moves on.
 */
export class LogCursor {
  private heldSince: number | undefined;

  constructor(
    public position: number,
    /** How long to wait at a gap before taking its ids as rolled back. */
    private readonly holdMs: number,
  ) {}

  /** True while the cursor waits at a gap. */
  get holding(): boolean {
    return this.heldSince !== undefined;
  }

  /** Move over the ids a read returned (ascending, all after position). */
  advance(ids: readonly number[], now: number): void {
    for (const id of ids) {
      if (id <= this.position) continue;
      if (id > this.position + 1) {
        this.heldSince ??= now;
        if (now - this.heldSince < this.holdMs) return;
      }
      this.position = id;
      this.heldSince = undefined;
    }
  }

  /**
   * This node committed these ids: when they follow the position directly,
   * nothing before them can be missing, so the cursor moves without a read.
   */
  committed(ids: readonly number[]): void {
    for (const id of ids) {
      if (id !== this.position + 1) return;
      this.position = id;
      this.heldSince = undefined;
    }
  }
}
