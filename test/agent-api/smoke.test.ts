import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentSteps } from '../support/agent-api.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('the README example', () => {
  it('pauses agent 1000 with VICIdial\'s exact line and headers', async () => {
    await agentSteps(h).makeReady();
    const epoch = Math.floor(h.clock.now().getTime() / 1000);
    const res = await h.api({ agent_user: '1000', function: 'external_pause', value: 'PAUSE' });
    expect(res.status).toBe(200);
    expect(res.body).toBe(`SUCCESS: external_pause function set - PAUSE|${epoch}|1000\n`);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache, must-revalidate');
    expect(res.headers.pragma).toBe('no-cache');
    await agentSteps(h).effect('1000', { status: 'PAUSED' }, { pause: `PAUSE!${epoch}` });
  });
});
