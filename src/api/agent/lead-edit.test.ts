import { describe, expect, it } from 'vitest';
import { checkLeadEdit } from './lead-edit.js';

describe('checkLeadEdit (update_fields’ rules, said next to the field)', () => {
  it('accepts the fields update_fields may set, as given', () => {
    expect(checkLeadEdit({ first_name: "Ada O'Neil", city: 'London', email: 'ada@example.com', comments: 'call after 5' }, false)).toEqual({
      ok: true,
      fields: { first_name: "Ada O'Neil", city: 'London', email: 'ada@example.com', comments: 'call after 5' },
    });
  });

  it('refuses a field update_fields does not set', () => {
    expect(checkLeadEdit({ status: 'SALE' }, false)).toMatchObject({ ok: false, field: 'status' });
    expect(checkLeadEdit({ lead_id: '9' }, false)).toMatchObject({ ok: false, field: 'lead_id' });
  });

  it('names the characters api.php’s filter would drop, instead of dropping them', () => {
    expect(checkLeadEdit({ comments: 'a;b#c' }, false)).toEqual({ ok: false, field: 'comments', message: 'comments cannot contain these characters: ; #.' });
    expect(checkLeadEdit({ first_name: '<script>' }, false)).toMatchObject({ ok: false, field: 'first_name', message: expect.stringContaining('<') });
    // Letters outside Latin pass only where the system allows them (system_settings.enable_languages' non-Latin mode).
    expect(checkLeadEdit({ last_name: 'Łukasiewicz' }, false)).toMatchObject({ ok: false, field: 'last_name' });
    expect(checkLeadEdit({ last_name: 'Łukasiewicz' }, true)).toMatchObject({ ok: true });
  });

  it('refuses a value longer than its column and a date of birth that is not a date', () => {
    expect(checkLeadEdit({ first_name: 'x'.repeat(31) }, false)).toEqual({ ok: false, field: 'first_name', message: 'first name is longer than 30 characters.' });
    expect(checkLeadEdit({ date_of_birth: '1815-02-30' }, false)).toMatchObject({ ok: false, field: 'date_of_birth' });
  });

  it('lets a field be emptied', () => {
    expect(checkLeadEdit({ email: '' }, false)).toEqual({ ok: true, fields: { email: '' } });
  });
});
