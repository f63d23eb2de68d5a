import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('the browser screens', () => {
  it.each(['/agent', '/admin', '/agent/some/deep/path'])('serves a page at %s', async (url) => {
    const res = await h.app.inject({ url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<div id="root"></div>');
  });

  it('serves the built assets the pages name', async () => {
    const page = await h.app.inject({ url: '/agent' });
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(script).toBeDefined();
    const res = await h.app.inject({ url: script! });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('javascript');
  });

  it('answers an unknown path with a JSON 404', async () => {
    const res = await h.app.inject({ url: '/nothing-here' });
    expect(res.statusCode).toBe(404);
  });
});
