import { describe, expect, it } from 'vitest';
import { CredentialCache } from './credential-cache.js';

describe('CredentialCache', () => {
  it('remembers a verified password for the same row state', () => {
    const cache = new CredentialCache();
    cache.remember('6666', '1234', 'stamp-a', 0);
    expect(cache.verified('6666', '1234', 'stamp-a', 1)).toBe(true);
  });

  it('never matches another password or another user', () => {
    const cache = new CredentialCache();
    cache.remember('6666', '1234', 'stamp-a', 0);
    expect(cache.verified('6666', '12345', 'stamp-a', 1)).toBe(false);
    expect(cache.verified('6667', '1234', 'stamp-a', 1)).toBe(false);
  });

  it('voids the entry when the user row changes (password, flags or group)', () => {
    const cache = new CredentialCache();
    cache.remember('6666', '1234', 'stamp-a', 0);
    expect(cache.verified('6666', '1234', 'stamp-b', 1)).toBe(false);
    // and stays void even if the row changes back
    expect(cache.verified('6666', '1234', 'stamp-a', 2)).toBe(false);
  });

  it('expires entries and forgets users on request', () => {
    const cache = new CredentialCache(10, 100);
    cache.remember('a', 'p', 's', 0);
    expect(cache.verified('a', 'p', 's', 100)).toBe(false);
    cache.remember('b', 'p', 's', 0);
    cache.forget('b');
    expect(cache.verified('b', 'p', 's', 1)).toBe(false);
  });

  it('is bounded, dropping the oldest entries first', () => {
    const cache = new CredentialCache(2);
    cache.remember('a', 'p', 's', 0);
    cache.remember('b', 'p', 's', 0);
    cache.remember('c', 'p', 's', 0);
    expect(cache.size).toBe(2);
    expect(cache.verified('a', 'p', 's', 1)).toBe(false);
    expect(cache.verified('c', 'p', 's', 1)).toBe(true);
  });

  it('does not keep the password in its keys', () => {
    const cache = new CredentialCache();
    cache.remember('6666', 'hunter2-secret', 's', 0);
    const keys = [...(cache as unknown as { entries: Map<string, unknown> }).entries.keys()];
    expect(keys.join()).not.toContain('hunter2-secret');
  });
});
