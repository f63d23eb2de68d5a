/**
 * external_dial (agent-api.md §8.7) before it dials: the not-valid line, the
 * permission and the target, and the session preconditions (STANDARD mode).
 *
 * Every response line is compared byte for byte; permissions.md §1/§3/§4/§6
 * and agentgate's API List Restrict give the order of the checks.
 */
import { describe, expect, it } from 'vitest';
import { agentSteps } from '../support/agent-api.js';
import { dialing, installDialLog } from '../support/dialing.js';
import { harnessForEachTest } from '../support/harness.js';

const h = harnessForEachTest({}, installDialLog);

const { dial, dialOk, dialString, dialLog, leadCount, liveCalls, expectIdle, expectDial } = dialing(h);

// ---------------------------------------------------------------------------
describe('external_dial: not valid (8-field line, checked before anything else)', () => {
  it('value shorter than 2 digits without lead_id', async () => {
    const res = await dial({ value: '5' });
    expect(res.body).toBe('ERROR: external_dial not valid - 5|1|NO|NO|NO||1000|\n');
    await expectIdle();
  });

  it('value is reduced to digits before the length test (letters only → empty)', async () => {
    const res = await dial({ value: 'abc' });
    expect(res.body).toBe('ERROR: external_dial not valid - |1|NO|NO|NO||1000|\n');
  });

  it('missing value without lead_id', async () => {
    const res = await dial({});
    expect(res.body).toBe('ERROR: external_dial not valid - |1|NO|NO|NO||1000|\n');
  });

  it('no agent_user and no alt_user', async () => {
    const res = await dial({ value: '3125559999', agent_user: undefined });
    expect(res.body).toBe('ERROR: external_dial not valid - 3125559999|1|NO|NO|NO|||\n');
  });

  it('agent_user and alt_user both shorter than 2', async () => {
    const res = await dial({ value: '3125559999', agent_user: '1', alt_user: 'X' });
    expect(res.body).toBe('ERROR: external_dial not valid - 3125559999|1|NO|NO|NO||1|X\n');
  });

  it('search missing or shorter than 2', async () => {
    expect((await dial({ value: '3125559999', search: undefined })).body).toBe(
      'ERROR: external_dial not valid - 3125559999|1||NO|NO||1000|\n',
    );
    expect((await dial({ value: '3125559999', search: 'Y' })).body).toBe(
      'ERROR: external_dial not valid - 3125559999|1|Y|NO|NO||1000|\n',
    );
  });

  it('preview missing or shorter than 2', async () => {
    expect((await dial({ value: '3125559999', preview: undefined })).body).toBe(
      'ERROR: external_dial not valid - 3125559999|1|NO||NO||1000|\n',
    );
    expect((await dial({ value: '3125559999', preview: 'N' })).body).toBe(
      'ERROR: external_dial not valid - 3125559999|1|NO|N|NO||1000|\n',
    );
  });

  it('focus missing or shorter than 2', async () => {
    expect((await dial({ value: '3125559999', focus: undefined })).body).toBe(
      'ERROR: external_dial not valid - 3125559999|1|NO|NO|||1000|\n',
    );
    expect((await dial({ value: '3125559999', focus: 'Y' })).body).toBe(
      'ERROR: external_dial not valid - 3125559999|1|NO|NO|Y||1000|\n',
    );
  });

  it('lead_id is echoed in the line when the target is missing', async () => {
    const res = await dial({ lead_id: '3', agent_user: undefined, phone_code: undefined });
    expect(res.body).toBe('ERROR: external_dial not valid - ||NO|NO|NO|3||\n');
  });

  it('is reported before the allowed-functions test (user 6668)', async () => {
    const res = await dial({ user: '6668', value: '1' });
    expect(res.body).toBe('ERROR: external_dial not valid - 1|1|NO|NO|NO||1000|\n');
  });

  it('writes nothing', async () => {
    const before = await leadCount();
    await dial({ value: '5' });
    expect(await leadCount()).toBe(before);
    expect(await dialLog()).toEqual([]);
    expect(await liveCalls()).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
describe('external_dial: permission and target', () => {
  it('refuses a user without external_dial in api_allowed_functions', async () => {
    const res = await dial({ user: '6668', value: '3125559999' });
    expect(res.body).toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 3125559999|6668|external_dial|ADMIN\n');
    await expectIdle();
    expect(await dialLog()).toEqual([]);
  });

  it('refuses an agent who is not logged in', async () => {
    const res = await dial({ value: '3125559999', agent_user: '1001' });
    expect(res.body).toBe('ERROR: agent_user is not logged in - 1001\n');
  });

  it('resolves alt_user through custom_three', async () => {
    await h.exec("UPDATE vicidial_users SET custom_three = 'CRM1000' WHERE user = '1000'");
    const res = await dial({ value: '3125559999', agent_user: undefined, alt_user: 'CRM1000' });
    expect(res.body).toBe(dialOk({ number: '3125559999' }));
    await expectDial(dialString({ number: '3125559999' }), async () => expect((await h.agent('1000'))?.status).toBe('INCALL'));
  });

  it('stops on an unknown alt_user', async () => {
    const res = await dial({ value: '3125559999', alt_user: 'NOBODY' });
    expect(res.body).toBe('ERROR: no user found - NOBODY\n');
    await expectIdle();
  });
});

// ---------------------------------------------------------------------------
describe('external_dial: session preconditions (STANDARD mode)', () => {
  it('refuses an agent with a call in progress', async () => {
    await h.startCall('1000');
    const res = await dial({ value: '3125559999' });
    expect(res.body).toBe('ERROR: agent_user is not paused - 1000\n');
    const agent = await h.agent('1000');
    expect(agent?.leadId).toBe(1);
    expect(await liveCalls()).toHaveLength(1);
    expect(await dialLog()).toEqual([]);
  });

  it('refuses a READY agent', async () => {
    await agentSteps(h).makeReady();
    const res = await dial({ value: '3125559999' });
    expect(res.body).toBe('ERROR: agent_user is not paused - 1000\n');
  });

  it('refuses a paused agent that still has a lead (disposition step)', async () => {
    await h.startCall('1000');
    await h.endCall('1000');
    const agent = await h.agent('1000');
    expect(agent?.status).toBe('PAUSED');
    expect(agent?.leadId).toBe(1);
    const res = await dial({ value: '3125559999' });
    expect(res.body).toBe('ERROR: agent_user is not paused - 1000\n');
  });

  it.each(['0', '2'])('refuses when the TARGET agent has agentcall_manual=%s', async (flag) => {
    await h.exec(`UPDATE vicidial_users SET agentcall_manual = '${flag}' WHERE user = '1000'`);
    const res = await dial({ value: '3125559999' });
    expect(res.body).toBe('ERROR: agent_user is not allowed to place manual dial calls - 1000\n');
    await expectIdle();
    expect(await dialLog()).toEqual([]);
  });

  it("does not look at the API user's own agentcall_manual", async () => {
    const [api] = await h.rows('vicidial_users', { user: '6666' });
    expect(api?.agentcall_manual).toBe('0');
    const res = await dial({ value: '3125559999' });
    expect(res.body).toBe(dialOk({ number: '3125559999' }));
  });

  it('checks "not paused" before agentcall_manual', async () => {
    await h.startCall('1000');
    await h.exec("UPDATE vicidial_users SET agentcall_manual = '0' WHERE user = '1000'");
    const res = await dial({ value: '3125559999' });
    expect(res.body).toBe('ERROR: agent_user is not paused - 1000\n');
  });
});
