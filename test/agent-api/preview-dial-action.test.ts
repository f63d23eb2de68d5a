/**
 * preview_dial_action (agent-api.md §8.8): SKIP, DIALONLY, ALTDIAL, ADR3DIAL
 * and FINISH on the previewed lead, and the campaign checks before them.
 *
 * Every response line is compared byte for byte; permissions.md §1/§3/§4/§6
 * and agentgate's API List Restrict give the order of the checks.
 */
import { describe, expect, it } from 'vitest';
import { dialing, installDialLog } from '../support/dialing.js';
import { harnessForEachTest } from '../support/harness.js';

const h = harnessForEachTest({}, installDialLog);

const { dial, previewAction, dialOk, dialLog, liveCalls, expectIdle, setCampaign } = dialing(h);

// ---------------------------------------------------------------------------
describe('preview_dial_action', () => {
  /** Put lead 3 in preview for agent 1000 (alt and address3 numbers set). */
  async function previewLead3() {
    await h.exec("UPDATE vicidial_list SET alt_phone = '3125557003', address3 = '3125558003' WHERE lead_id = 3");
    const res = await dial({ lead_id: '3', preview: 'YES' });
    expect(res.body).toBe(dialOk({ number: '3125550103', preview: 'YES' }));
    // Drop-in: VICIdial's screen reads the written dial and shows the lead in preview.
    if (h.dropIn) await h.screenChange('1000', { previewLeadId: 3, commands: { dial: '' } });
    expect((await h.agent('1000'))?.previewLeadId).toBe(3);
  }

  /**
   * The action on the previewed lead 3. Embedded, agentgate acts (`acted` checks it); drop-in, the
   * action is written to external_dial for VICIdial's screen, and the preview stays until it acts.
   */
  async function expectAction(action: string, acted: () => Promise<void>) {
    if (!h.dropIn) return acted();
    expect(await h.agent('1000')).toMatchObject({ status: 'PAUSED', previewLeadId: 3, commands: expect.objectContaining({ dial: action }) });
    expect(await liveCalls()).toEqual([]);
  }

  it('not valid: unknown action', async () => {
    const res = await previewAction({ value: 'BOGUS' });
    expect(res.body).toBe('ERROR: preview_dial_action not valid - BOGUS||1000|\n');
  });

  it('not valid: value reduced to [A-Z0-9] (lower case is dropped)', async () => {
    const res = await previewAction({ value: 'skip' });
    expect(res.body).toBe('ERROR: preview_dial_action not valid - ||1000|\n');
  });

  it('not valid: no target', async () => {
    const res = await previewAction({ value: 'SKIP', agent_user: undefined });
    expect(res.body).toBe('ERROR: preview_dial_action not valid - SKIP|||\n');
  });

  it('not valid: agent_user and alt_user shorter than 2', async () => {
    const res = await previewAction({ value: 'SKIP', agent_user: '1', alt_user: 'Z' });
    expect(res.body).toBe('ERROR: preview_dial_action not valid - SKIP||1|Z\n');
  });

  it('permission line for user 6668', async () => {
    const res = await previewAction({ user: '6668', value: 'SKIP' });
    expect(res.body).toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - SKIP|6668|preview_dial_action|ADMIN\n');
  });

  it('agent not logged in', async () => {
    const res = await previewAction({ value: 'SKIP', agent_user: '1001' });
    expect(res.body).toBe('ERROR: agent_user is not logged in - 1001\n');
  });

  it('campaign manual_preview_dial=DISABLED', async () => {
    await setCampaign('TESTCAMP', "manual_preview_dial = 'DISABLED'");
    const res = await previewAction({ value: 'DIALONLY' });
    expect(res.body).toBe('ERROR: preview dialing not allowed on this campaign - 1000|TESTCAMP|DISABLED\n');
  });

  it('campaign PREVIEW_ONLY refuses SKIP', async () => {
    await setCampaign('TESTCAMP', "manual_preview_dial = 'PREVIEW_ONLY'");
    const res = await previewAction({ value: 'SKIP' });
    expect(res.body).toBe('ERROR: preview dial skipping not allowed on this campaign - 1000|TESTCAMP|PREVIEW_ONLY\n');
  });

  it('campaign PREVIEW_ONLY allows DIALONLY', async () => {
    await setCampaign('TESTCAMP', "manual_preview_dial = 'PREVIEW_ONLY'");
    const res = await previewAction({ value: 'DIALONLY' });
    expect(res.body).toBe('SUCCESS: preview_dial_action function set - DIALONLY|1000|DIALONLY\n');
  });

  it.each(['ALTDIAL', 'ADR3DIAL', 'FINISH'])('alt_number_dialing=N refuses %s', async (action) => {
    await setCampaign('TESTCAMP', "alt_number_dialing = 'N'");
    const res = await previewAction({ value: action });
    expect(res.body).toBe('ERROR: alt number dialing not allowed on this campaign - 1000|TESTCAMP|N\n');
  });

  it('alt_number_dialing=N still allows SKIP and DIALONLY', async () => {
    await setCampaign('TESTCAMP', "alt_number_dialing = 'N'");
    expect((await previewAction({ value: 'SKIP' })).body).toBe('SUCCESS: preview_dial_action function set - SKIP|1000|SKIP\n');
    expect((await previewAction({ value: 'DIALONLY' })).body).toBe(
      'SUCCESS: preview_dial_action function set - DIALONLY|1000|DIALONLY\n',
    );
  });

  it('campaign checks come before the paused check', async () => {
    await h.startCall('1000');
    await setCampaign('TESTCAMP', "manual_preview_dial = 'DISABLED'");
    const res = await previewAction({ value: 'SKIP' });
    expect(res.body).toBe('ERROR: preview dialing not allowed on this campaign - 1000|TESTCAMP|DISABLED\n');
  });

  it('agent not paused', async () => {
    await h.startCall('1000');
    const res = await previewAction({ value: 'SKIP' });
    expect(res.body).toBe('ERROR: agent_user is not paused - 1000\n');
    expect((await h.rows('vicidial_live_agents', { user: '1000' }))[0]?.external_dial).toBe('');
  });

  it('target agent not allowed to place manual dial calls', async () => {
    await h.exec("UPDATE vicidial_users SET agentcall_manual = '3' WHERE user = '1000'");
    const res = await previewAction({ value: 'SKIP' });
    expect(res.body).toBe('ERROR: agent_user is not allowed to place manual dial calls - 1000\n');
  });

  it('success line; without a previewed lead the value is only written to external_dial', async () => {
    const res = await previewAction({ value: 'SKIP' });
    expect(res.body).toBe('SUCCESS: preview_dial_action function set - SKIP|1000|SKIP\n');
    const [row] = await h.rows('vicidial_live_agents', { user: '1000' });
    expect(row?.external_dial).toBe('SKIP');
    await expectIdle();
  });

  it('SKIP clears the preview', async () => {
    await previewLead3();
    const res = await previewAction({ value: 'SKIP' });
    expect(res.body).toBe('SUCCESS: preview_dial_action function set - SKIP|1000|SKIP\n');
    expect(await dialLog()).toContain('SKIP');
    await expectAction('SKIP', async () => {
      await expectIdle();
      expect(await liveCalls()).toEqual([]);
    });
  });

  it('DIALONLY dials the previewed lead', async () => {
    await previewLead3();
    const res = await previewAction({ value: 'DIALONLY' });
    expect(res.body).toBe('SUCCESS: preview_dial_action function set - DIALONLY|1000|DIALONLY\n');
    await expectAction('DIALONLY', async () => {
      const agent = await h.agent('1000');
      expect(agent?.status).toBe('INCALL');
      expect(agent?.leadId).toBe(3);
      expect(agent?.previewLeadId).toBe(0);
      expect(agent?.call?.callerId).toMatch(/^M\d{10}000000003$/);
      const calls = await liveCalls();
      expect(calls).toHaveLength(1);
      expect(calls[0]?.phone_number).toBe('3125550103');
    });
  });

  it('ALTDIAL dials the alt phone of the previewed lead', async () => {
    await previewLead3();
    await previewAction({ value: 'ALTDIAL' });
    await expectAction('ALTDIAL', async () => {
      expect((await h.agent('1000'))?.leadId).toBe(3);
      expect((await liveCalls())[0]?.phone_number).toBe('3125557003');
    });
  });

  it('ADR3DIAL dials address3 of the previewed lead', async () => {
    await previewLead3();
    await previewAction({ value: 'ADR3DIAL' });
    await expectAction('ADR3DIAL', async () => expect((await liveCalls())[0]?.phone_number).toBe('3125558003'));
  });

  it('value is reduced to [A-Z0-9] before use: SK_IP acts as SKIP and is logged as SKIP', async () => {
    const res = await previewAction({ value: 'SK_IP' });
    expect(res.body).toBe('SUCCESS: preview_dial_action function set - SKIP|1000|SKIP\n');
    const logs = await h.rows('vicidial_api_log', { function: 'preview_dial_action' });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ value: 'SKIP', data: 'SKIP', result: 'SUCCESS' });
    expect((await h.rows('vicidial_live_agents', { user: '1000' }))[0]?.external_dial).toBe('SKIP');
  });

  it('the permission line shows the reduced value, as api.php does', async () => {
    const res = await previewAction({ user: '6668', value: 'SK_IP' });
    expect(res.body).toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - SKIP|6668|preview_dial_action|ADMIN\n');
  });

  it('API List Restrict: 6669 may act for 1002 in OTHERCMP, not for 1000', async () => {
    await h.login('1002', 'OTHERCMP');
    expect((await previewAction({ user: '6669', agent_user: '1002', value: 'SKIP' })).body).toBe(
      'SUCCESS: preview_dial_action function set - SKIP|1002|SKIP\n',
    );
    expect((await previewAction({ user: '6669', value: 'SKIP' })).body).toBe(
      'ERROR: agent_user is in a campaign not allowed for this user - 1000||6669\n',
    );
  });
});
