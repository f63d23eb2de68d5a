/**
 * Bounds the password hashing that clients without credentials can make this
 * node spend. bcrypt is slow on purpose; unbounded, a flood of failing logins
 * queues hundreds of hashes ahead of a real user's first login.
 *
 * - Each client address has a budget of failed logins per window. A login in
 *   progress counts as a failure until it succeeds, so a burst sent at once is
 *   held to the budget too. A spent budget refuses at once, without hashing.
 * - At most `concurrency` hashes run at once (the thread pool does no more in
 *   parallel); at most `maxWaiting` wait for a turn, and beyond that a login
 *   is refused at once. Waiting logins take turns by address, so one address's
 *   flood cannot stand in front of another address's login.
 *
 * Logins whose password is already in the credential cache need no hash and
 * never pass through here. In memory, per node: what it protects is this
 * node's CPU.
 */

export interface ThrottleLimits {
  /** Failed logins (and logins in progress) one address may have per window. */
  readonly failuresPerAddress: number;
  readonly windowMs: number;
  /** Hashes running at once. */
  readonly concurrency: number;
  /** Logins waiting for a hash slot, all addresses together. */
  readonly maxWaiting: number;
}

/**
 * A short queue: a login admitted waits for at most a few hashes, and one
 * refused (429, Retry-After: 1) finds room soon after a burst. A long queue
 * made a real user wait behind every hash of a flood from many addresses.
 */
export const DEFAULT_THROTTLE_LIMITS: ThrottleLimits = { failuresPerAddress: 30, windowMs: 5 * 60 * 1000, concurrency: 4, maxWaiting: 12 };

/** Addresses remembered at most; expired windows are dropped first. */
const MAX_ADDRESSES = 10_000;

export type Outcome = 'success' | 'failure';

export type Admission =
  | { readonly admitted: true; settle(outcome: Outcome): void }
  | { readonly admitted: false; readonly cause: 'address' | 'busy'; readonly retryAfterSeconds: number };

interface Budget {
  readonly windowEnds: number;
  spent: number;
}

export class LoginThrottle {
  private readonly budgets = new Map<string, Budget>();
  /** Waiting logins by address; the map's order is the order of turns. */
  private readonly turns = new Map<string, (() => void)[]>();
  private running = 0;
  private waiting = 0;

  constructor(private readonly limits: ThrottleLimits = DEFAULT_THROTTLE_LIMITS) {}

  /**
   * The right to spend one hash for a login from `address`, once a slot is
   * free. The caller settles it when the login is decided: a success gives
   * the address its budget back, a failure keeps it spent.
   */
  async admit(address: string, now: Date): Promise<Admission> {
    const budget = this.budgetOf(address, now.getTime());
    if (budget.spent >= this.limits.failuresPerAddress)
      return { admitted: false, cause: 'address', retryAfterSeconds: Math.max(1, Math.ceil((budget.windowEnds - now.getTime()) / 1000)) };
    if (this.running >= this.limits.concurrency && this.waiting >= this.limits.maxWaiting)
      return { admitted: false, cause: 'busy', retryAfterSeconds: 1 };

    budget.spent++;
    await this.slot(address);
    let settled = false;
    return {
      admitted: true,
      settle: (outcome) => {
        if (settled) return;
        settled = true;
        if (outcome === 'success') budget.spent = Math.max(0, budget.spent - 1);
        this.next();
      },
    };
  }

  /**
   * For a login that needs no hash (an API key): a refusal when the address
   * has spent its budget, and nothing spent otherwise.
   */
  refusal(address: string, now: Date): { readonly cause: 'address'; readonly retryAfterSeconds: number } | undefined {
    const budget = this.budgetOf(address, now.getTime());
    if (budget.spent < this.limits.failuresPerAddress) return undefined;
    return { cause: 'address', retryAfterSeconds: Math.max(1, Math.ceil((budget.windowEnds - now.getTime()) / 1000)) };
  }

  /** Count one failed login that needed no hash (a wrong, revoked or expired API key) against the address. */
  spend(address: string, now: Date): void {
    this.budgetOf(address, now.getTime()).spent++;
  }

  private budgetOf(address: string, now: number): Budget {
    const current = this.budgets.get(address);
    if (current && current.windowEnds > now) return current;
    if (this.budgets.size >= MAX_ADDRESSES) this.forgetOldest(now);
    const fresh = { windowEnds: now + this.limits.windowMs, spent: 0 };
    this.budgets.delete(address);
    this.budgets.set(address, fresh);
    return fresh;
  }

  /** Drop expired windows; if every window is live, drop the oldest (the map keeps insertion order). */
  private forgetOldest(now: number): void {
    for (const [address, budget] of this.budgets) if (budget.windowEnds <= now) this.budgets.delete(address);
    while (this.budgets.size >= MAX_ADDRESSES) this.budgets.delete(this.budgets.keys().next().value!);
  }

  private slot(address: string): Promise<void> {
    if (this.running < this.limits.concurrency) {
      this.running++;
      return Promise.resolve();
    }
    this.waiting++;
    return new Promise((resolve) => {
      const queue = this.turns.get(address);
      if (queue) queue.push(resolve);
      else this.turns.set(address, [resolve]);
    });
  }

  /** A slot is free: hand it to the next address in turn, which then goes to the back of the line. */
  private next(): void {
    const first = this.turns.entries().next();
    if (first.done) {
      this.running--;
      return;
    }
    const [address, queue] = first.value;
    const resolve = queue.shift()!;
    this.turns.delete(address);
    if (queue.length > 0) this.turns.set(address, queue);
    this.waiting--;
    resolve();
  }
}
