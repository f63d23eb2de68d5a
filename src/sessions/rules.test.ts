import { describe, expect, it } from 'vitest';
import type { Campaign } from '../domain/campaign.js';
import type { LiveAgent } from '../domain/live-agent.js';
import { afterDisposition, availableStatus, decideLogout, decidePause, decideResume, parsePresetDisposition } from './rules.js';

const campaign = (overrides: Partial<Campaign> = {}): Campaign => ({
  id: 'TESTCAMP',
  name: 'Test',
  active: true,
  dialMethod: 'RATIO',
  dialLevel: 1,
  allowInbound: true,
  manualDialListId: 101,
  useOtherCampaignDnc: '',
  apiManualDial: 'STANDARD',
  manualPreviewDial: 'PREVIEW_AND_SKIP',
  altNumberDialing: 'N',
  defaultXferGroup: '---NONE---',
  agentLeadSearch: 'DISABLED',
  closerCampaigns: '',
  dialStatuses: ' NEW -',
  ...overrides,
});

const agent = (overrides: Partial<LiveAgent> = {}, commands: Partial<LiveAgent['commands']> = {}): LiveAgent => ({
  user: '1000',
  serverIp: '127.0.0.1',
  confExten: '8600051',
  status: 'PAUSED',
  leadId: 0,
  previewLeadId: 0,
  campaignId: 'TESTCAMP',
  call: undefined,
  closerCampaigns: '',
  outboundAutodial: true,
  pauseCode: '',
  callsToday: 0,
  userLevel: 1,
  randomId: 1,
  lastStateChange: undefined,
  lastCallTime: undefined,
  commands: {
    hangup: '',
    status: '',
    pause: '',
    dial: '',
    ingroups: '',
    blended: false,
    ingroupsSetBy: '',
    updateFields: false,
    updateFieldsData: '',
    timerAction: '',
    timerActionMessage: '',
    timerActionSeconds: -1,
    dtmf: '',
    transferConf: '',
    park: '',
    recording: '',
    pauseCode: '',
    switchLeadId: 0,
    managerIngroupSet: 'N',
    ...commands,
  },
  ...overrides,
});

const onCall = (commands: Partial<LiveAgent['commands']> = {}) =>
  agent(
    {
      status: 'INCALL',
      leadId: 5,
      call: { callerId: 'V1128100000000000005', uniqueId: '1.1', channel: 'x', kind: 'AUTO', startedAt: undefined },
    },
    commands,
  );
const inDisposition = (commands: Partial<LiveAgent['commands']> = {}) => agent({ status: 'PAUSED', leadId: 5 }, commands);

describe('where an available agent waits', () => {
  it('is READY on a dialing campaign', () => {
    expect(availableStatus(agent(), campaign())).toBe('READY');
  });
  it('is CLOSER on a manual campaign when taking inbound calls', () => {
    expect(availableStatus(agent({ closerCampaigns: ' TESTIN -' }), campaign({ dialLevel: 0, dialMethod: 'MANUAL' }))).toBe('CLOSER');
    expect(availableStatus(agent({ closerCampaigns: ' TESTIN -' }), campaign({ dialMethod: 'INBOUND_MAN' }))).toBe('CLOSER');
  });
  it('stays PAUSED on a manual campaign without inbound', () => {
    expect(availableStatus(agent(), campaign({ dialLevel: 0, dialMethod: 'MANUAL' }))).toBe('PAUSED');
  });
});

describe('PAUSE', () => {
  it('pauses a waiting agent at once', () => {
    expect(decidePause(agent({ status: 'READY' }))).toBe('pause-now');
    expect(decidePause(agent({ status: 'CLOSER' }))).toBe('pause-now');
  });
  it('waits for the disposition during a call or its disposition step', () => {
    expect(decidePause(onCall())).toBe('after-disposition');
    expect(decidePause(inDisposition())).toBe('after-disposition');
  });
  it('does nothing to a paused agent', () => {
    expect(decidePause(agent())).toBe('nothing');
  });
});

describe('RESUME', () => {
  it('makes a paused agent available on a dialing campaign', () => {
    expect(decideResume(agent(), campaign())).toEqual({ kind: 'resume-now', status: 'READY' });
  });
  it('is ignored by a manual-dial campaign, as on VICIdial', () => {
    expect(decideResume(agent(), campaign({ dialLevel: 0, dialMethod: 'MANUAL' }))).toEqual({ kind: 'nothing' });
  });
  it('replaces a pending pause during the disposition step', () => {
    expect(decideResume(inDisposition({ pause: 'PAUSE!1' }), campaign())).toEqual({ kind: 'after-disposition' });
  });
  it('does not act on a previewed lead', () => {
    expect(decideResume(agent({ previewLeadId: 3 }), campaign())).toEqual({ kind: 'nothing' });
  });
});

describe('LOGOUT', () => {
  it('ends an idle session at once', () => {
    expect(decideLogout(agent())).toBe('logout-now');
    expect(decideLogout(agent({ status: 'READY' }))).toBe('logout-now');
  });
  it('waits for the disposition of a call', () => {
    expect(decideLogout(onCall())).toBe('after-disposition');
    expect(decideLogout(inDisposition())).toBe('after-disposition');
  });
});

describe('after the disposition', () => {
  it('logs out when a logout is pending', () => {
    expect(afterDisposition(inDisposition({ pause: 'LOGOUT' }), campaign())).toEqual({ kind: 'logout' });
  });
  it('pauses when a pause is pending', () => {
    expect(afterDisposition(inDisposition({ pause: 'PAUSE!1795000000' }), campaign())).toEqual({ kind: 'status', status: 'PAUSED' });
  });
  it('becomes available otherwise, a RESUME having replaced any pause', () => {
    expect(afterDisposition(inDisposition({ pause: 'RESUME!1795000000' }), campaign())).toEqual({ kind: 'status', status: 'READY' });
    expect(afterDisposition(inDisposition(), campaign({ dialLevel: 0, dialMethod: 'MANUAL' }))).toEqual({ kind: 'status', status: 'PAUSED' });
  });
});

describe('preset dispositions (external_status)', () => {
  it('reads a plain status', () => {
    expect(parsePresetDisposition('SALE')).toEqual({ status: 'SALE', qmCode: '' });
  });
  it('reads a callback when date and type are both there', () => {
    expect(parsePresetDisposition('CALLBK!2026-12-01 10:00:00!USERONLY!call back!')).toEqual({
      status: 'CALLBK',
      callback: { at: '2026-12-01 10:00:00', type: 'USERONLY', comments: 'call back' },
      qmCode: '',
    });
  });
  it('books ANYONE for any type other than USERONLY, and no callback without a date', () => {
    expect(parsePresetDisposition('CALLBK!2026-12-01 10:00:00!SOMEONE!!')?.callback?.type).toBe('ANYONE');
    expect(parsePresetDisposition('SALE!!!!QM7')).toEqual({ status: 'SALE', qmCode: 'QM7' });
  });
  it('reads nothing from an empty column', () => {
    expect(parsePresetDisposition('')).toBeUndefined();
  });
});
