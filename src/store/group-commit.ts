/**
 * Group commit on SQLite. better-sqlite3 runs each statement synchronously, so
 * a unit of work runs from BEGIN to COMMIT without the event loop turning: no
 * other request is read meanwhile, and every unit paid for its own commit
 * (writing its pages to the WAL), the largest single cost of a request.
 *
 * Here a unit does not start at once: it waits for the end of the event
 * loop's turn (setImmediate), by which time the other requests read in that
 * turn have arrived too, and they all run in one transaction, each in a
 * savepoint of its own, so a unit that fails rolls back only itself. Every
 * unit's promise settles only after the shared COMMIT: an answer is still sent
 * only once its own effect and audit rows are durable, and `kill -9` after an
 * answer loses nothing.
 */
import type { Kysely, Transaction } from 'kysely';
import { runCompiled } from './repositories/templates.js';
import type { Database } from './schema/database.js';

type Work = (trx: Transaction<Database>) => Promise<unknown>;

interface Waiting {
  readonly work: Work;
  readonly resolve: (value: unknown) => void;
  readonly reject: (err: unknown) => void;
}

type Outcome = { readonly unit: Waiting; readonly ok: true; readonly value: unknown } | { readonly unit: Waiting; readonly ok: false; readonly err: unknown };

/** At most this many units share a transaction: the first of them waits for the last before it is answered. */
export const MAX_UNITS_PER_COMMIT = 32;

export class GroupCommit {
  private readonly waiting: Waiting[] = [];
  private draining = false;
  /** Units run and transactions committed so far: their ratio is what the grouping saves. */
  readonly stats = { units: 0, commits: 0 };

  constructor(private readonly db: Kysely<Database>) {}

  run<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      // The work runs in the turn that drains the queue, not in its caller's async context: what it needs of
      // that context is taken before (UnitRunner takes the command id). Binding each to its context cost
      // more than the grouping saved.
      this.waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) {
        this.draining = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  /** Transactions one after another while units wait; each settles its units after its commit. */
  private async drain(): Promise<void> {
    try {
      while (this.waiting.length > 0) await this.commitOne(this.waiting.splice(0, MAX_UNITS_PER_COMMIT));
    } finally {
      this.draining = false;
    }
  }

  private async commitOne(units: Waiting[]): Promise<void> {
    const outcomes: Outcome[] = [];
    try {
      await this.db.transaction().execute(async (trx) => {
        // Alone, a unit needs no savepoint: its failure rolls the transaction back, which is only its own.
        if (units.length === 1) return void outcomes.push({ unit: units[0]!, ok: true, value: await units[0]!.work(trx) });
        for (const unit of units) {
          await runCompiled(trx, 'savepoint unit', []);
          try {
            outcomes.push({ unit, ok: true, value: await unit.work(trx) });
          } catch (err) {
            await runCompiled(trx, 'rollback to savepoint unit', []);
            outcomes.push({ unit, ok: false, err });
          }
          await runCompiled(trx, 'release savepoint unit', []);
        }
      });
    } catch (err) {
      // A lone unit failed, or the transaction itself did (its begin, a savepoint, the commit): nothing of
      // it is written, and every unit in it is told.
      for (const unit of units) unit.reject(err);
      return;
    }
    this.stats.commits += 1;
    this.stats.units += units.length;
    for (const outcome of outcomes) {
      if (outcome.ok) outcome.unit.resolve(outcome.value);
      else outcome.unit.reject(outcome.err);
    }
  }
}
