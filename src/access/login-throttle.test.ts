import { describe, expect, it } from 'vitest';
import { LoginThrottle, type Admission } from './login-throttle.js';

const t0 = new Date('2026-11-28T10:00:00');
const at = (ms: number) => new Date(t0.getTime() + ms);
const admitted = (a: Admission) => {
  if (!a.admitted) throw new Error(`refused: ${a.cause}`);
  return a;
};

describe('LoginThrottle', () => {
  it('refuses an address whose failures spent its budget, without a slot, until its window ends', async () => {
    const throttle = new LoginThrottle({ failuresPerAddress: 3, windowMs: 60_000, concurrency: 4, maxWaiting: 4 });
    for (let i = 0; i < 3; i++) admitted(await throttle.admit('10.0.0.1', t0)).settle('failure');
    expect(await throttle.admit('10.0.0.1', at(15_000))).toEqual({ admitted: false, cause: 'address', retryAfterSeconds: 45 });
    // Another address is not affected, and the window ends.
    admitted(await throttle.admit('10.0.0.2', at(15_000))).settle('failure');
    admitted(await throttle.admit('10.0.0.1', at(60_000))).settle('success');
  });

  it('counts a login in progress against the budget, and gives it back on success', async () => {
    const throttle = new LoginThrottle({ failuresPerAddress: 2, windowMs: 60_000, concurrency: 4, maxWaiting: 4 });
    const first = admitted(await throttle.admit('10.0.0.1', t0));
    const second = admitted(await throttle.admit('10.0.0.1', t0));
    expect((await throttle.admit('10.0.0.1', t0)).admitted).toBe(false);
    first.settle('success');
    second.settle('failure');
    admitted(await throttle.admit('10.0.0.1', t0)).settle('failure');
    expect((await throttle.admit('10.0.0.1', t0)).admitted).toBe(false);
  });

  it('runs a bounded number at once, queues a bounded number, and refuses the rest at once', async () => {
    const throttle = new LoginThrottle({ failuresPerAddress: 100, windowMs: 60_000, concurrency: 1, maxWaiting: 1 });
    const running = admitted(await throttle.admit('10.0.0.1', t0));
    let waiterIn = false;
    const waiter = throttle.admit('10.0.0.2', t0).then((a) => {
      waiterIn = true;
      return admitted(a);
    });
    expect(await throttle.admit('10.0.0.3', t0)).toEqual({ admitted: false, cause: 'busy', retryAfterSeconds: 1 });
    await Promise.resolve();
    expect(waiterIn).toBe(false);
    running.settle('failure');
    (await waiter).settle('failure');
    expect(waiterIn).toBe(true);
  });

  it('takes turns between addresses, so one address’s queue does not stand in front of another', async () => {
    const throttle = new LoginThrottle({ failuresPerAddress: 100, windowMs: 60_000, concurrency: 1, maxWaiting: 10 });
    const order: string[] = [];
    const running = admitted(await throttle.admit('flood', t0));
    const queued = [
      ...['flood-1', 'flood-2', 'flood-3'].map((name) => throttle.admit('flood', t0).then((a) => ({ name, a: admitted(a) }))),
      throttle.admit('real', t0).then((a) => ({ name: 'real', a: admitted(a) })),
    ];
    // Each admitted login finishes before the next is let in.
    for (const entry of queued)
      void entry.then(({ name, a }) => {
        order.push(name);
        a.settle('failure');
      });
    running.settle('failure');
    await Promise.all(queued);
    expect(order).toEqual(['flood-1', 'real', 'flood-2', 'flood-3']);
  });

  it('settles once: a second settle frees no second slot', async () => {
    const throttle = new LoginThrottle({ failuresPerAddress: 100, windowMs: 60_000, concurrency: 1, maxWaiting: 0 });
    const a = admitted(await throttle.admit('10.0.0.1', t0));
    a.settle('success');
    a.settle('success');
    admitted(await throttle.admit('10.0.0.1', t0));
    expect(await throttle.admit('10.0.0.2', t0)).toEqual({ admitted: false, cause: 'busy', retryAfterSeconds: 1 });
  });
});
