import { describe, expect, it } from 'vitest';
import { ManualClock } from '../domain/clock.js';
import { RealScheduler, VirtualScheduler } from './scheduler.js';

describe('VirtualScheduler', () => {
  it('runs tasks in order at their own moment, including tasks they schedule', async () => {
    const clock = new ManualClock(new Date(0));
    const s = new VirtualScheduler(clock);
    const seen: string[] = [];
    s.after(2000, () => void seen.push(`b@${clock.now().getTime()}`));
    s.after(1000, () => {
      seen.push(`a@${clock.now().getTime()}`);
      s.after(500, () => void seen.push(`c@${clock.now().getTime()}`));
    });
    const cancel = s.after(1200, () => void seen.push('cancelled'));
    cancel();
    await s.advance(1600);
    expect(seen).toEqual(['a@1000', 'c@1500']);
    expect(clock.now().getTime()).toBe(1600);
    await s.advance(1000);
    expect(seen).toEqual(['a@1000', 'c@1500', 'b@2000']);
  });

  it('runs nothing after stop', async () => {
    const s = new VirtualScheduler(new ManualClock(new Date(0)));
    let ran = false;
    s.after(10, () => {
      ran = true;
    });
    s.stop();
    await s.advance(100);
    expect(ran).toBe(false);
  });
});

describe('RealScheduler', () => {
  it('never keeps the process alive, and stops its timers', () => {
    const s = new RealScheduler({ now: () => new Date() }, 10, () => {});
    let ran = false;
    s.after(60_000, () => {
      ran = true;
    });
    const timers = (s as unknown as { timers: Set<NodeJS.Timeout> }).timers;
    expect([...timers].every((t) => !t.hasRef())).toBe(true);
    s.stop();
    expect(timers.size).toBe(0);
    expect(ran).toBe(false);
  });
});
