import { describe, expect, it } from 'vitest';
import { currentOffset, dstInEffect, parseOffset } from './dst-rules.js';

const wall = (text: string) => new Date(`${text}Z`);

describe('DST rules', () => {
  it('SSM-FSN switches at 02:00 on the second Sunday of March and the first Sunday of November', () => {
    expect(dstInEffect('SSM-FSN', wall('2026-03-08T01:59:00'))).toBe(false);
    expect(dstInEffect('SSM-FSN', wall('2026-03-08T02:00:00'))).toBe(true);
    expect(dstInEffect('SSM-FSN', wall('2026-10-31T12:00:00'))).toBe(true);
    expect(dstInEffect('SSM-FSN', wall('2026-11-01T02:00:00'))).toBe(false);
  });

  it('LSM-LSO is Europe: last Sunday of March to last Sunday of October', () => {
    expect(dstInEffect('LSM-LSO', wall('2026-03-29T01:00:00'))).toBe(true);
    expect(dstInEffect('LSM-LSO', wall('2026-03-28T12:00:00'))).toBe(false);
    expect(dstInEffect('LSM-LSO', wall('2026-10-25T01:00:00'))).toBe(false);
  });

  it('southern rules wrap around the new year', () => {
    expect(dstInEffect('FSO-FSA', wall('2026-01-15T12:00:00'))).toBe(true);
    expect(dstInEffect('FSO-FSA', wall('2026-06-15T12:00:00'))).toBe(false);
    expect(dstInEffect('FSO-FSA', wall('2026-12-15T12:00:00'))).toBe(true);
  });

  it('an unknown range never has DST', () => {
    expect(dstInEffect('', wall('2026-07-01T12:00:00'))).toBe(false);
    expect(dstInEffect('XYZ', wall('2026-07-01T12:00:00'))).toBe(false);
  });

  it('adds the hour to the standard offset while DST is in effect', () => {
    expect(currentOffset(-6, 'SSM-FSN', new Date('2026-07-01T18:00:00Z'))).toBe(-5);
    expect(currentOffset(-6, 'SSM-FSN', new Date('2026-11-28T18:00:00Z'))).toBe(-6);
  });

  it('reads offsets with a plus sign', () => {
    expect(parseOffset('+10.00')).toBe(10);
    expect(parseOffset('-5.00')).toBe(-5);
    expect(parseOffset('x')).toBeUndefined();
  });
});
