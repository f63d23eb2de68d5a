import { describe, expect, it } from 'vitest';
import { mapColumns, MappingError, recordToLead } from './csv-leads.js';

describe('mapColumns', () => {
  it('matches headers by field name and alias, ignoring case and punctuation', () => {
    const m = mapColumns(['Phone', 'First Name', 'LAST_NAME', 'Zip Code', 'e-mail']);
    expect([...m]).toEqual([
      ['phone_number', 0],
      ['first_name', 1],
      ['last_name', 2],
      ['postal_code', 3],
      ['email', 4],
    ]);
  });

  it('lets --map win, by header or 1-based column number', () => {
    const m = mapColumns(['tel', 'x', 'phone'], { phone_number: 'tel', first_name: '2' });
    expect(m.get('phone_number')).toBe(0);
    expect(m.get('first_name')).toBe(1);
  });

  it('explains what is wrong', () => {
    expect(() => mapColumns(['name'])).toThrow(MappingError);
    expect(() => mapColumns(['phone'], { shoe: 'phone' })).toThrow(/not a lead field/);
    expect(() => mapColumns(['phone'], { first_name: 'nope' })).toThrow(/no such column/);
  });
});

describe('recordToLead', () => {
  const mapping = mapColumns(['phone', 'first_name', 'rank']);
  it('keeps the digits of the phone number and takes the default phone code', () => {
    expect(recordToLead(['(312) 555-0101', ' Ada ', '3'], 3, mapping, '1')).toEqual({ phoneNumber: '3125550101', phoneCode: '1', rank: 3, fields: { first_name: 'Ada' } });
  });
  it('refuses wrong field counts, stray quotes, bad text and bad ranks', () => {
    expect(recordToLead(['1', '2'], 3, mapping, '1')).toEqual({ problem: 'has 2 fields, the header has 3' });
    expect(recordToLead(['1', 'a"b', ''], 3, mapping, '1')).toEqual({ problem: 'first_name has a stray double quote (broken CSV quoting)' });
    expect(recordToLead(['1', 'Jos\uFFFD', ''], 3, mapping, '1')).toEqual({ problem: 'first_name is not valid UTF-8 text (convert the file to UTF-8)' });
    expect(recordToLead(['1', 'a', 'high'], 3, mapping, '1')).toEqual({ problem: 'rank "high" is not a whole number' });
  });
});
