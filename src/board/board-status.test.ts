import { describe, expect, it } from 'vitest';
import { boardStatus } from './board-status.js';

describe('boardStatus', () => {
  it("keeps VICIdial's status words, and calls the disposition step DISPO", () => {
    expect(boardStatus({ status: 'READY', phase: 'ready' })).toBe('READY');
    expect(boardStatus({ status: 'QUEUE', phase: 'ready' })).toBe('QUEUE');
    expect(boardStatus({ status: 'INCALL', phase: 'on-call' })).toBe('INCALL');
    expect(boardStatus({ status: 'PAUSED', phase: 'paused' })).toBe('PAUSED');
    expect(boardStatus({ status: 'PAUSED', phase: 'preview' })).toBe('PAUSED');
    expect(boardStatus({ status: 'PAUSED', phase: 'disposition' })).toBe('DISPO');
    expect(boardStatus({ status: 'CLOSER', phase: 'ready' })).toBe('CLOSER');
  });
});
