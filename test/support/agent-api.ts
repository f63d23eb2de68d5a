/**
 * What the /agc/api.php tests read and do again and again, written once: the
 * permission line's prefix, the harness clock as VICIdial writes it, the rows
 * a command leaves behind, and the steps that bring agent 1000 to a state.
 *
 * The helpers take the file's `harnessForEachTest()` (harness.ts), which is
 * the harness of whichever test runs.
 */
import { expect } from 'vitest';
import type { Harness } from './harness.js';

/** The start of api.php's permission line (the 4 fields follow). */
export const DENIED = 'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - ';
/** The harness clock's start (harness.ts), as VICIdial writes a datetime. */
export const NOW = '2026-11-28 10:00:00';

type Row = Record<string, unknown>;

/** Reading what the API wrote: vicidial_live_agents and the rows around it. */
export function agentRows(h: Harness) {
  return {
    /** The harness clock as a Unix epoch, as api.php prints it in success lines. */
    epoch: () => Math.floor(h.clock.now().getTime() / 1000),

    /** The vicidial_live_agents row of a logged-in user (fails the test when there is none). */
    async vla(user = '1000'): Promise<Row> {
      const [row] = await h.rows('vicidial_live_agents', { user });
      expect(row, `${user} should be logged in`).toBeDefined();
      return row!;
    },

    /** The vicidial_live_agents row of a user, or undefined once the session is gone. */
    async vlaIfAny(user = '1000'): Promise<Row | undefined> {
      const rows = await h.rows('vicidial_live_agents', { user });
      expect(rows.length).toBeLessThanOrEqual(1);
      return rows[0];
    },

    /** The in-groups the user takes calls from (vicidial_live_inbound_agents), sorted. */
    async liveGroups(user: string): Promise<string[]> {
      return (await h.rows('vicidial_live_inbound_agents', { user })).map((r) => String(r.group_id)).sort();
    },

    async userRow(user: string): Promise<Row> {
      return (await h.rows('vicidial_users', { user }))[0]!;
    },

    async lead(leadId: number): Promise<Row> {
      const [row] = await h.rows('vicidial_list', { lead_id: leadId });
      if (!row) throw new Error(`no lead ${leadId}`);
      return row;
    },
  };
}

/** Bringing demo agent 1000 (TESTCAMP, starts PAUSED) to the state a test needs. */
export function agentSteps(h: Harness) {
  const { vlaIfAny } = agentRows(h);
  return {
    /**
     * What an accepted command did. Embedded, agentgate's session engine acted: the session matches
     * `embedded` (or the check it is passes). Drop-in, the command is written, not acted on: its
     * api.php columns (the session's `commands`) match `written`, for VICIdial's screen to act on at
     * its next poll.
     */
    async effect(user: string, embedded: Record<string, unknown> | (() => Promise<void>), written: Record<string, unknown>): Promise<void> {
      const agent = await h.agent(user);
      if (h.dropIn) expect(agent?.commands).toMatchObject(written);
      else if (typeof embedded === 'function') await embedded();
      else expect(agent).toMatchObject(embedded);
    },

    /** After an accepted logout: embedded, the session is gone; drop-in, api.php's LOGOUT waits for VICIdial's screen. */
    async loggedOut(user = '1000'): Promise<void> {
      const rows = await h.rows('vicidial_live_agents', { user });
      if (h.dropIn) expect(rows.map((r) => r.external_pause)).toEqual(['LOGOUT']);
      else expect(rows).toHaveLength(0);
    },

    /** A snapshot of everything a refused command must leave untouched. */
    async untouched(user = '1000') {
      const row = await vlaIfAny(user);
      const agent = await h.agent(user);
      return { row, agent };
    },

    /**
     * Make agent 1000 READY the way the screen would (the API RESUME, checked in its own test). In
     * drop-in mode the RESUME is written for VICIdial's screen, which then makes the agent READY.
     */
    async makeReady(): Promise<void> {
      const res = await h.api({ agent_user: '1000', function: 'external_pause', value: 'RESUME' });
      expect(res.body).toMatch(/^SUCCESS: external_pause function set - RESUME\|\d+\|1000\n$/);
      if (h.dropIn) {
        expect(await h.agent('1000')).toMatchObject({ status: 'PAUSED', commands: expect.objectContaining({ pause: `RESUME!${agentRows(h).epoch()}` }) });
        await h.screenChange('1000', { status: 'READY' });
      }
      expect((await h.agent('1000'))?.status).toBe('READY');
    },

    /** Give agent 1000 a call and then end it: the disposition step (PAUSED with the lead on screen). */
    async toDisposition(leadId = 1): Promise<void> {
      await h.startCall('1000', { leadId });
      await h.endCall('1000');
      const agent = await h.agent('1000');
      expect(agent?.status).toBe('PAUSED');
      expect(agent?.leadId).toBe(leadId);
    },
  };
}
