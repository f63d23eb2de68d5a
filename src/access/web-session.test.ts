import { describe, expect, it } from 'vitest';
import type { User } from '../domain/user.js';
import { WebSessions } from './web-session.js';

const user = { user: '1000', securityStamp: 'stamp-1' } as User;
const now = new Date('2026-11-28T10:00:00');

describe('WebSessions', () => {
  const sessions = new WebSessions(Buffer.from('a'.repeat(32)), 60_000);

  it('accepts its own token for the same screen until it expires', () => {
    const token = sessions.issue(user, 'agent', now);
    expect(sessions.verify(token, 'agent', now)).toMatchObject({ user: '1000', screen: 'agent' });
    expect(sessions.verify(token, 'agent', new Date(now.getTime() + 60_000))).toBeUndefined();
  });

  it('refuses a token for another screen, a forged one, and garbage', () => {
    const token = sessions.issue(user, 'agent', now);
    expect(sessions.verify(token, 'admin', now)).toBeUndefined();
    const [body] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ user: '6666', screen: 'agent', expires: now.getTime() + 1e9, stamp: 'x' })).toString('base64url');
    expect(sessions.verify(`${forged}.${token.split('.')[1]}`, 'agent', now)).toBeUndefined();
    expect(sessions.verify(`${body}.AAAA`, 'agent', now)).toBeUndefined();
    expect(sessions.verify('nonsense', 'agent', now)).toBeUndefined();
    expect(sessions.verify(undefined, 'agent', now)).toBeUndefined();
  });

  it('refuses tokens signed with another secret', () => {
    const other = new WebSessions(Buffer.from('b'.repeat(32)));
    expect(sessions.verify(other.issue(user, 'agent', now), 'agent', now)).toBeUndefined();
  });
});
