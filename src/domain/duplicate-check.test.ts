import { describe, expect, it } from 'vitest';
import { duplicateMessage, parseDuplicateCheck } from './duplicate-check.js';

describe('parseDuplicateCheck', () => {
  it('finds each option by substring, in VICIdial’s order', () => {
    expect(parseDuplicateCheck('DUPNAMEPHONESYS-DUPLIST').rules.map((r) => r.option)).toEqual(['DUPLIST', 'DUPNAMEPHONESYS']);
  });

  it('has nothing to check for an empty or unknown value', () => {
    expect(parseDuplicateCheck(undefined)).toEqual({ rules: [], days: undefined });
    expect(parseDuplicateCheck('NONE').rules).toEqual([]);
  });

  it('takes the largest age window whose text occurs (21DAY contains 1DAY)', () => {
    expect(parseDuplicateCheck('DUPLIST21DAY').days).toBe(21);
    expect(parseDuplicateCheck('DUPSYS360DAY').days).toBe(360);
    expect(parseDuplicateCheck('DUPSYS').days).toBeUndefined();
  });
});

describe('duplicateMessage', () => {
  const subject = { phone: '3125550101', listId: '101', title: 'Dr', altPhone: '3125550999', firstName: 'Ada', lastName: 'Lovelace' };
  it('prints the list id of the hit only beyond the same list', () => {
    const [list, camp] = parseDuplicateCheck('DUPLIST-DUPCAMP').rules;
    const hit = { leadId: 7, listId: 102, phoneNumber: '3125550101' };
    expect(duplicateMessage(list!, subject, hit)).toEqual({ reason: 'add_lead DUPLICATE PHONE NUMBER IN LIST', fields: ['3125550101', '101', 7] });
    expect(duplicateMessage(camp!, subject, hit).fields).toEqual(['3125550101', '101', 7, 102]);
  });

  it('says whether the phone or the alt phone matched', () => {
    const [rule] = parseDuplicateCheck('DUPPHONEALTSYS').rules;
    const viaAlt = { leadId: 9, listId: 201, phoneNumber: '6175550000' };
    expect(duplicateMessage(rule!, subject, viaAlt).fields).toEqual(['3125550101', '101', 9, 201, 'ALT']);
  });
});
