import { describe, expect, it } from 'vitest';
import { systemClock } from '../domain/clock.js';
import { RealScheduler } from '../telephony/scheduler.js';
import { asCommand, currentCommandId, outsideCommand } from './command-context.js';

describe('the command a request carries out', () => {
  it('is known in everything the request awaits, and nowhere else', async () => {
    expect(currentCommandId()).toBeNull();
    const seen = await asCommand('cmd-1', async () => {
      await new Promise((r) => setTimeout(r, 1));
      return [currentCommandId(), outsideCommand(() => currentCommandId())];
    });
    expect(seen).toEqual(['cmd-1', null]);
    expect(currentCommandId()).toBeNull();
  });

  it("does not ride the simulator's timers: a call's later steps are not the command's effect", async () => {
    const scheduler = new RealScheduler(systemClock, 1, (err) => {
      throw err;
    });
    const seen = await asCommand('cmd-2', () => new Promise<string | null>((resolve) => scheduler.after(1, () => resolve(currentCommandId()))));
    expect(seen).toBeNull();
    scheduler.stop();
  });
});
