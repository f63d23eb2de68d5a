/**
 * Group commit on SQLite. The file has one connection, so units of work wait
 * their turn for it; each paid for its own BEGIN and COMMIT, and the commit
 * (writing the changed pages to the WAL) was the largest single cost of a
 * request. Here the units that are waiting when a transaction opens, and those
 * that arrive while it runs, share it: each runs in a savepoint of its own, so
 * a unit that fails rolls back only itself. Every unit's promise settles only
 * after the shared COMMIT, so an answer is still sent only once its own effect
 * and audit rows are durable, and `kill -9` after an answer loses nothing.
 *
 * The first unit of a transaction needs no savepoint (it is alone in it: if it
 * fails, the transaction is rolled back and the next unit starts a new one), so
 * a unit that finds nobody else waiting costs what it did before.
 */
import { AsyncResource } from 'node:async_hooks';
import type { ControlledTransaction, Kysely } from 'kysely';
import type { Database } from './schema/database.js';

type Work = (trx: ControlledTransaction<Database>) => Promise<unknown>;

interface Waiting {
  readonly work: Work;
  readonly resolve: (value: unknown) => void;
  readonly reject: (err: unknown) => void;
}

type Outcome = { readonly unit: Waiting; readonly ok: true; readonly value: unknown } | { readonly unit: Waiting; readonly ok: false; readonly err: unknown };

/** At most this many units share a transaction: the first of them waits for the last before it is answered. */
export const MAX_UNITS_PER_COMMIT = 32;

const SAVEPOINT = 'unit';

export class GroupCommit {
  private readonly waiting: Waiting[] = [];
  private draining = false;
  /** Units run and transactions committed so far: their ratio is what the grouping saves. */
  readonly stats = { units: 0, commits: 0 };

  constructor(private readonly db: Kysely<Database>) {}

  run<T>(work: (trx: ControlledTransaction<Database>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      // The work runs in its caller's async context (the command it belongs to), not in the one that drains the queue.
      this.waiting.push({ work: AsyncResource.bind(work), resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) void this.drain();
    });
  }

  /** Transactions one after another while units wait; each settles its units after its commit. */
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.waiting.length > 0) await this.commitOne();
    } finally {
      this.draining = false;
    }
  }

  private async commitOne(): Promise<void> {
    let trx: ControlledTransaction<Database>;
    try {
      trx = await this.db.startTransaction().execute();
    } catch (err) {
      // No transaction at all (the database is gone): every waiting unit hears why.
      for (const unit of this.waiting.splice(0)) unit.reject(err);
      return;
    }
    // Every unit that entered this transaction, and how each ended: none is settled before the commit.
    const members: Waiting[] = [];
    const outcomes: Outcome[] = [];
    try {
      const first = this.waiting.shift()!;
      members.push(first);
      try {
        outcomes.push({ unit: first, ok: true, value: await first.work(trx) });
      } catch (err) {
        // Alone in the transaction: rolling it back undoes exactly this unit.
        first.reject(err);
        await trx.rollback().execute();
        return;
      }
      while (this.waiting.length > 0 && members.length < MAX_UNITS_PER_COMMIT) {
        const unit = this.waiting.shift()!;
        members.push(unit);
        const point = await trx.savepoint(SAVEPOINT).execute();
        try {
          outcomes.push({ unit, ok: true, value: await unit.work(point) });
        } catch (err) {
          await point.rollbackToSavepoint(SAVEPOINT).execute();
          outcomes.push({ unit, ok: false, err });
        }
        await point.releaseSavepoint(SAVEPOINT).execute();
      }
      await trx.commit().execute();
      this.stats.commits += 1;
      this.stats.units += members.length;
    } catch (err) {
      // The transaction itself failed (a savepoint, the commit): nothing of it is written, and every unit in it is told.
      await trx.rollback().execute().catch(() => undefined);
      for (const unit of members) unit.reject(err);
      return;
    }
    for (const outcome of outcomes) {
      if (outcome.ok) outcome.unit.resolve(outcome.value);
      else outcome.unit.reject(outcome.err);
    }
  }
}
