/**
 * external_dial and preview_dial_action tests (test/agent-api/dial-*.test.ts,
 * preview-dial-action.test.ts): the requests, the lines and dial strings they
 * must answer, and a log of every value written to external_dial.
 */
import { expect } from 'vitest';
import type { Harness } from './harness.js';

/**
 * Record every value written to vicidial_live_agents.external_dial: agentgate
 * applies the command at once and clears the column when the call starts, so
 * the trigger is the only way to see the 14-field string that was written.
 */
export async function installDialLog(h: Harness): Promise<void> {
  if (h.services.database.dialect === 'mysql') {
    await h.exec('CREATE TABLE test_dial_log (id INT AUTO_INCREMENT PRIMARY KEY, user TEXT, v TEXT)');
    await h.exec(
      `CREATE TRIGGER test_dial_log_t AFTER UPDATE ON vicidial_live_agents FOR EACH ROW
       IF NOT (NEW.external_dial <=> OLD.external_dial) THEN INSERT INTO test_dial_log (user, v) VALUES (NEW.user, NEW.external_dial); END IF`,
    );
  } else {
    await h.exec('CREATE TABLE test_dial_log (id INTEGER PRIMARY KEY AUTOINCREMENT, user TEXT, v TEXT)');
    await h.exec(
      `CREATE TRIGGER test_dial_log_t AFTER UPDATE OF external_dial ON vicidial_live_agents
       WHEN NEW.external_dial IS NOT OLD.external_dial
       BEGIN INSERT INTO test_dial_log (user, v) VALUES (NEW.user, NEW.external_dial); END`,
    );
  }
}

export type Params = Record<string, string | undefined>;

/** The dialing helpers, on the file's harnessForEachTest() (the harness of the running test). */
export function dialing(h: Harness) {
  const epoch = () => Math.floor(h.clock.now().getTime() / 1000);

  /** external_dial for agent 1000 with the three required YES/NO flags. */
  function dial(params: Params = {}) {
    const all: Params = { function: 'external_dial', agent_user: '1000', phone_code: '1', search: 'NO', preview: 'NO', focus: 'NO', ...params };
    return h.api(all as Record<string, string>);
  }

  function previewAction(params: Params = {}) {
    const all: Params = { function: 'preview_dial_action', agent_user: '1000', ...params };
    return h.api(all as Record<string, string>);
  }

  /** The 12-field success line of external_dial. */
  function dialOk(f: {
    number: string;
    agent?: string;
    phoneCode?: string;
    search?: string;
    preview?: string;
    focus?: string;
    vendorId?: string;
    dialPrefix?: string;
    groupAlias?: string;
    callerId?: string;
    altDial?: string;
  }): string {
    return (
      'SUCCESS: external_dial function set - ' +
      [
        f.number,
        f.agent ?? '1000',
        f.phoneCode ?? '1',
        f.search ?? 'NO',
        f.preview ?? 'NO',
        f.focus ?? 'NO',
        f.vendorId ?? '',
        epoch(),
        f.dialPrefix ?? '',
        f.groupAlias ?? '',
        f.callerId ?? '',
        f.altDial ?? '',
      ].join('|') +
      '\n'
    );
  }

  /** The 14-field `!` string of agent-api.md §7. */
  function dialString(f: {
    number: string;
    phoneCode?: string;
    search?: string;
    preview?: string;
    focus?: string;
    vendorId?: string;
    dialPrefix?: string;
    groupAlias?: string;
    callerId?: string;
    vtiger?: string;
    leadId?: string;
    altDial?: string;
    dialIngroup?: string;
  }): string {
    return [
      f.number,
      f.phoneCode ?? '1',
      f.search ?? 'NO',
      f.preview ?? 'NO',
      f.focus ?? 'NO',
      f.vendorId ?? '',
      epoch(),
      f.dialPrefix ?? '',
      f.groupAlias ?? '',
      f.callerId ?? '',
      f.vtiger ?? '',
      f.leadId ?? '',
      f.altDial ?? '',
      f.dialIngroup ?? '',
    ].join('!');
  }

  /** Non-empty values written to external_dial, oldest first. */
  async function dialLog(user = '1000'): Promise<string[]> {
    const rows = await h.rows('test_dial_log', { user });
    return rows.map((r) => String(r.v)).filter((v) => v !== '');
  }

  async function leadCount(): Promise<number> {
    return (await h.rows('vicidial_list')).length;
  }

  async function liveCalls() {
    return h.rows('vicidial_auto_calls');
  }

  /** The agent is untouched: paused, no lead, no preview, no call. */
  async function expectIdle(user = '1000') {
    const agent = await h.agent(user);
    expect(agent?.status).toBe('PAUSED');
    expect(agent?.leadId).toBe(0);
    expect(agent?.previewLeadId).toBe(0);
    expect(agent?.call).toBeUndefined();
  }

  /**
   * After an accepted STANDARD dial (agent `user`), `written` is the one 14-field string written. Embedded,
   * agentgate placed the call at once and cleared the column: `placed` checks the call. Drop-in, the
   * string stays in external_dial for VICIdial's screen, which finds or creates the lead and dials it:
   * the session is untouched until then.
   */
  async function expectDial(written: string, placed: () => Promise<void>, user = '1000') {
    expect(await dialLog(user)).toEqual([written]);
    if (!h.dropIn) return placed();
    await expectIdle(user);
    expect((await h.agent(user))?.commands.dial).toBe(written);
  }

  async function setCampaign(campaign: string, assignments: string) {
    await h.exec(`UPDATE vicidial_campaigns SET ${assignments} WHERE campaign_id = '${campaign}'`);
  }

  return { epoch, dial, previewAction, dialOk, dialString, dialLog, leadCount, liveCalls, expectIdle, expectDial, setCampaign };
}
