/**
 * The unit runner over the harness's real database: units that run side by
 * side (on SQLite they share a commit) each keep their own command — on the
 * events they raise, and in what they read of it inside the unit.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test/support/harness.js';
import type { StoredEvent } from '../events/event-bus.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

it('units that run side by side each keep their own command, on their events and inside the unit', async () => {
  const seen: StoredEvent[] = [];
  h.services.bus.subscribe('*', (e) => seen.push(e));
  const commands = ['c1', 'c2', 'c3', 'c4'];
  const inside = await Promise.all(
    commands.map((id) =>
      h.services.runner.run(
        async (u) => {
          u.events.add({ type: 'notification', user: '1000', notificationId: 0, text: id, confetti: false }, 'TESTCAMP');
          return u.events.causingCommand;
        },
        undefined,
        id,
      ),
    ),
  );
  expect(inside).toEqual(commands);
  // Each event carries its own unit's command (on MySQL the units commit side by side, in any order).
  const stamped = seen.map((e) => [e.event.type === 'notification' && e.event.text, e.commandId]);
  expect(stamped.sort()).toEqual(commands.map((id) => [id, id]));
});
