import { describe, expect, it } from 'vitest';
import { LogCursor } from './log-cursor.js';

describe('LogCursor', () => {
  it('moves over ids that follow one another', () => {
    const cursor = new LogCursor(10, 1000);
    cursor.advance([11, 12, 13], 0);
    expect(cursor.position).toBe(13);
    expect(cursor.holding).toBe(false);
  });

  it('holds at an id still in flight, and moves on once it commits', () => {
    const cursor = new LogCursor(10, 1000);
    cursor.advance([11, 13, 14], 0);
    expect(cursor.position).toBe(11);
    expect(cursor.holding).toBe(true);
    // Read again from 11 a moment later: 12 has committed.
    cursor.advance([12, 13, 14], 50);
    expect(cursor.position).toBe(14);
    expect(cursor.holding).toBe(false);
  });

  it('takes a gap that outlasts the hold as rolled back, and moves past it', () => {
    const cursor = new LogCursor(10, 1000);
    cursor.advance([13], 0);
    cursor.advance([13], 999);
    expect(cursor.position).toBe(10);
    cursor.advance([13, 14], 1000);
    expect(cursor.position).toBe(14);
    expect(cursor.holding).toBe(false);
  });

  it('times each gap from when it was met', () => {
    const cursor = new LogCursor(0, 1000);
    cursor.advance([2], 0);
    cursor.advance([2, 4], 1000); // the first gap expires: past 2, then held at 3
    expect(cursor.position).toBe(2);
    cursor.advance([4], 1500);
    expect(cursor.position).toBe(2);
    cursor.advance([4], 2000);
    expect(cursor.position).toBe(4);
  });

  it('ignores ids at or before its position (a read that raced a commit)', () => {
    const cursor = new LogCursor(20, 1000);
    cursor.advance([18, 19, 20, 21], 0);
    expect(cursor.position).toBe(21);
  });

  it("moves over this node's own commits without a read only when nothing can be missing before them", () => {
    const cursor = new LogCursor(10, 1000);
    cursor.committed([11, 12]);
    expect(cursor.position).toBe(12);
    cursor.committed([14]); // 13 is someone else's, not read yet
    expect(cursor.position).toBe(12);
  });
});
