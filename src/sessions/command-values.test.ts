import { describe, expect, it } from 'vitest';
import { pauseCommand, statusCommand, transferCommand } from './command-values.js';
import { parsePresetDisposition } from './rules.js';

describe('the command column formats of agent-api.md §7', () => {
  it('external_pause: value!epoch', () => {
    expect(pauseCommand('PAUSE', 1795898410)).toBe('PAUSE!1795898410');
  });

  it('external_status: bare, with a callback, or with a QueueMetrics code only', () => {
    expect(statusCommand({ status: 'SALE', qmCode: '' })).toBe('SALE');
    expect(statusCommand({ status: 'SALE', qmCode: '7' })).toBe('SALE!!!!7');
    const callback = { at: '2026-12-01+10:00:00', type: 'USERONLY', comments: 'call back' };
    expect(statusCommand({ status: 'CALLBK', callback, qmCode: '' })).toBe('CALLBK!2026-12-01+10:00:00!USERONLY!call back!');
    expect(statusCommand({ status: 'CALLBK', callback, qmCode: '7' })).toBe('CALLBK!2026-12-01+10:00:00!USERONLY!call back!7');
  });

  it('external_status reads back as the screen reads it', () => {
    const callback = { at: '2026-12-01+10:00:00', type: 'USERONLY', comments: 'call back' };
    expect(parsePresetDisposition(statusCommand({ status: 'CALLBK', callback, qmCode: '7' }))).toEqual({
      status: 'CALLBK',
      callback: { at: '2026-12-01+10:00:00', type: 'USERONLY', comments: 'call back' },
      qmCode: '7',
    });
    expect(parsePresetDisposition(statusCommand({ status: 'NI', qmCode: '3' }))).toEqual({ status: 'NI', qmCode: '3' });
  });

  it('external_transferconf: nine fields, or eight for the hang-up and leave actions', () => {
    expect(
      transferCommand({ action: 'LOCAL_CLOSER', epoch: 100, ingroup: 'TESTIN', phoneNumber: '1002', consultative: 'YES', groupAlias: 'GA', callerIdNumber: '3125550100', cidChoice: 'CUSTOMER' }),
    ).toBe('LOCAL_CLOSER---TESTIN---1002---YES------GA---3125550100---100---CUSTOMER');
    expect(transferCommand({ action: 'BLIND_TRANSFER', epoch: 100, phoneNumber: '3125559999', dialOverride: 'Y' })).toBe(
      'BLIND_TRANSFER------3125559999---NO---Y---------100---',
    );
    for (const action of ['HANGUP_XFER', 'HANGUP_BOTH', 'LEAVE_3WAY_CALL'])
      expect(transferCommand({ action, epoch: 100 })).toBe(`${action}---------NO------------100`);
  });
});
