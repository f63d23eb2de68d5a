import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { leadField } from './lead-field-params.js';
import { choice, flag, integer, legacyParams, params, text } from './parameters.js';

const ok = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

describe('integer', () => {
  const rank = integer('a rank', { min: -9, max: 9 });

  it('takes a JSON number or a string of digits, within the same bounds', () => {
    expect([ok(rank, 5), ok(rank, '5'), ok(rank, -9), ok(rank, '-9'), ok(rank, '09')]).toEqual([true, true, true, true, true]);
    expect([ok(rank, 10), ok(rank, '10'), ok(rank, -10), ok(rank, '-10')]).toEqual([false, false, false, false]);
  });

  it('refuses fractions, exponents, blanks and signs where no negative is allowed', () => {
    const count = integer('a count');
    expect([ok(count, 1.5), ok(count, '1.5'), ok(count, '1e3'), ok(count, ''), ok(count, ' 1'), ok(count, '-1'), ok(count, -1)]).toEqual([
      false, false, false, false, false, false, false,
    ]);
    expect(ok(count, true)).toBe(false);
  });

  it('refuses with one message that says what it takes', () => {
    for (const bad of ['abc', '10', 10, 1.5, true])
      expect(rank.safeParse(bad).error?.issues.map((i) => i.message), JSON.stringify(bad)).toEqual(['a whole number from -9 to 9']);
  });

  it('is JSON Schema: a bounded integer or a digit string', () => {
    expect(z.toJSONSchema(integer('seconds', { max: 99 }))).toMatchObject({
      description: 'seconds',
      anyOf: [
        { type: 'integer', minimum: 0, maximum: 99 },
        { type: 'string', pattern: '^[0-9]+$', maxLength: 2 },
      ],
    });
  });
});

describe('text, choice and flag', () => {
  it('text stops at its column width', () => {
    expect([ok(text('x', 3), 'abc'), ok(text('x', 3), 'abcd'), ok(text('x', 3), 3)]).toEqual([true, false, false]);
  });

  it('choice and flag take only their words; flag is Y/N unless told', () => {
    expect([ok(choice(['PLAY', 'STOP'], 'x'), 'STOP'), ok(choice(['PLAY', 'STOP'], 'x'), 'stop')]).toEqual([true, false]);
    expect([ok(flag('x'), 'Y'), ok(flag('x'), 'YES'), ok(flag('x'), true)]).toEqual([true, false, false]);
    expect([ok(flag('x', ['YES', 'NO']), 'YES'), ok(flag('x', ['YES', 'NO']), 'Y')]).toEqual([true, false]);
  });

  it('params refuses a field it does not declare, naming it', () => {
    const schema = params({ value: text('x', 5) });
    expect(schema.safeParse({ value: 'a', valeu: 'b' }).error?.issues).toMatchObject([{ code: 'unrecognized_keys', keys: ['valeu'] }]);
  });
});

describe('lead fields', () => {
  it('are as wide as their columns, and the unsized ones as their values', () => {
    expect([ok(leadField('state'), 'IL'), ok(leadField('state'), 'ILL')]).toEqual([true, false]);
    expect([ok(leadField('date_of_birth'), '1980-01-31'), ok(leadField('gmt_offset_now'), '-12.75')]).toEqual([true, true]);
    expect([ok(leadField('rank'), 5), ok(leadField('rank'), '5'), ok(leadField('rank'), -5)]).toEqual([true, true, false]);
  });
});

describe('legacyParams', () => {
  it('turns a parsed body into the strings the legacy pipeline reads', () => {
    expect(legacyParams({ value: 'PAUSE', lead_id: 1000, rank: -3, zero: 0, skipped: undefined })).toEqual({
      value: 'PAUSE',
      lead_id: '1000',
      rank: '-3',
      zero: '0',
    });
  });

  it('throws on what no schema accepts, naming the field', () => {
    expect(() => legacyParams({ show_confetti: true })).toThrow(/show_confetti/);
    expect(() => legacyParams({ rank: 1.5 })).toThrow(/rank/);
    expect(() => legacyParams({ lead_id: 2 ** 60 })).toThrow(/lead_id/);
    expect(() => legacyParams({ fields: { a: 1 } })).toThrow(/fields/);
  });
});
