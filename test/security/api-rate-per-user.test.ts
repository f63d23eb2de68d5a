/**
 * API_RATE_PER_USER (issue 11 §8): one bucket per API user, whatever its
 * credentials — password or keys — on both legacy endpoints. Off by default
 * (test/security/api-keys.test.ts runs without it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/admin/api-keys.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ config: { apiRatePerUser: 2 } });
});
afterAll(() => h.close());

const pause = { agent_user: '1000', function: 'external_pause', value: 'PAUSE' };

describe('API_RATE_PER_USER', () => {
  it('holds an API user to its rate across its password and its keys, on /agc/api.php', async () => {
    const made = await createApiKey(h.services.store, { user: '6666', name: 'k', functions: [], campaigns: [] }, h.clock.now());
    if (!made.ok) throw new Error(made.message);
    expect((await h.api(pause)).body).toMatch(/^SUCCESS/);
    const withKey = await h.app.inject({ url: '/agc/api.php?source=test&agent_user=1000&function=external_pause&value=PAUSE', headers: { authorization: `Bearer ${made.secret}` } });
    expect(withKey.body).toMatch(/^SUCCESS/);
    const refused = await h.api(pause);
    expect(refused.status).toBe(429);
    expect(refused.body).toBe('ERROR: too many requests for this API user, try again in 1 second\n');
    expect(refused.headers).toMatchObject({ 'retry-after': '1', 'ratelimit-limit': '2' });
    expect((await h.lastLog()).data).toBe('6666|RATE|user|');
    // Another user has its own bucket; time gives the tokens back.
    expect((await h.api({ ...pause, user: '6668' })).body).toMatch(/^SUCCESS/);
    h.clock.advance(1000);
    expect((await h.api(pause)).body).toMatch(/^SUCCESS/);
  });

  it('on /vicidial/non_agent_api.php', async () => {
    const call = () => h.nonAgent({ function: 'list_info', list_id: '101' });
    expect((await call()).body).toMatch(/^101\|/);
    expect((await call()).body).toMatch(/^101\|/);
    expect(await call()).toMatchObject({ status: 429, body: 'ERROR: too many requests for this API user, try again in 1 second\n' });
  });
});
