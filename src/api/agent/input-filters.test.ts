import { describe, expect, it } from 'vitest';
import { filterParams } from './input-filters.js';

const f = (raw: Record<string, string>, nonLatin = false) => filterParams(raw, nonLatin);

describe('agent API input filters', () => {
  it('deletes characters outside each whitelist instead of rejecting', () => {
    expect(f({ user: "66'66; --" }).user).toBe('6666--');
    expect(f({ value: 'PAUSE|x y!' }).value).toBe('PAUSE|xy');
    expect(f({ source: 'te-st_1' }).source).toBe('test1');
    expect(f({ lead_id: '12a3' }).lead_id).toBe('123');
    expect(f({ phone_code: '1x9X' }).phone_code).toBe('19X');
  });

  it('keeps the password characters VICIdial accepts', () => {
    expect(f({ pass: 'a.b+c/d=e_f-1 "' }).pass).toBe('a.b+c/d=e_f-1');
  });

  it('turns literal plus signs into spaces where api.php does', () => {
    expect(f({ ingroup_choices: '+TEST_IN+SALESLINE+-' }).ingroup_choices).toBe(' TEST_IN SALESLINE -');
    expect(f({ callback_datetime: '2026-12-01+10:00:00' }).callback_datetime).toBe('2026-12-01 10:00:00');
    expect(f({ first_name: "O'Neil+Jr" }).first_name).toBe("O'Neil Jr");
  });

  it('lets quotes through only where api.php does, for fields stored as text', () => {
    expect(f({ comments: `it's "fine"; #1` }).comments).toBe(`it's "fine" 1`);
  });

  it('normalises consultative to YES or NO', () => {
    expect(f({ consultative: 'YES' }).consultative).toBe('YES');
    expect(f({ consultative: 'yes' }).consultative).toBe('NO');
  });

  it('drops parameters no function reads', () => {
    expect(f({ nonsense: 'x', user: 'a' })).toEqual({ user: 'a' });
  });

  it('keeps unicode letters only in non-latin mode', () => {
    expect(f({ first_name: 'Zoë' }).first_name).toBe('Zo');
    expect(f({ first_name: 'Zoë' }, true).first_name).toBe('Zoë');
    // ASCII-only filters stay ASCII in non-latin mode.
    expect(f({ gender: 'É' }, true).gender).toBe('');
  });
});
