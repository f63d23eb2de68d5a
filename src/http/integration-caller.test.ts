import { describe, expect, it } from 'vitest';
import { basicCredentials } from './integration-caller.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('basicCredentials', () => {
  it('reads user and password, the password may hold colons', () => {
    expect(basicCredentials(`Basic ${b64('6666:1234')}`)).toEqual({ user: '6666', pass: '1234' });
    expect(basicCredentials(`basic ${b64('6666:a:b')}`)).toEqual({ user: '6666', pass: 'a:b' });
  });
  it('gives nothing for another scheme, no user, or no header', () => {
    expect(basicCredentials(undefined)).toBeUndefined();
    expect(basicCredentials('Bearer abc')).toBeUndefined();
    expect(basicCredentials(`Basic ${b64(':1234')}`)).toBeUndefined();
    expect(basicCredentials(`Basic ${b64('nocolon')}`)).toBeUndefined();
  });
});
