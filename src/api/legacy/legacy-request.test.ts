import { describe, expect, it } from 'vitest';
import { buildLegacyRequest } from './legacy-request.js';

const request = (rawQuery: string, body?: unknown) =>
  buildLegacyRequest({ rawQuery, body, protocol: 'http', host: 'agentgate.test', path: '/agc/api.php', remoteIp: '127.0.0.1', receivedAt: 0n }, new Set(['pass']));

describe('a legacy request’s parameters, as PHP reads them', () => {
  it('decodes + and %-escapes in names and values, and leaves plain text as it is', () => {
    expect(request('user=6666&first%20name=Ada+Lovelace&value=PAUSE&comments=50%25+off').params).toEqual({
      user: '6666',
      'first name': 'Ada Lovelace',
      value: 'PAUSE',
      comments: '50% off',
    });
  });

  it('keeps an invalid escape as written and decodes the rest (PHP’s urldecode)', () => {
    expect(request('agent_user=%ZZ&value=%E0%A4%A&name=caf%C3%A9+%zz').params).toEqual({ agent_user: '%ZZ', value: '%E0%A4%A', name: 'café %zz' });
  });

  it('takes GET over POST per parameter, and scrubs secrets in the URL it keeps', () => {
    const r = request('user=6666&pass=1234&value=PAUSE', { value: 'RESUME', pass: 'x', source: 'crm' });
    expect(r.params).toMatchObject({ user: '6666', pass: '1234', value: 'PAUSE', source: 'crm' });
    expect(r.auditUrl).toBe('http://agentgate.test/agc/api.php?user=6666&pass=***&value=PAUSE&GET-AND-POST=Y&value=RESUME&pass=***&source=crm');
  });
});
