import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

it('answers version and add_lead', async () => {
  const v = await h.nonAgent({ function: 'version' });
  console.log(JSON.stringify(v.body));
  const r = await h.nonAgent({ function: 'add_lead', phone_number: '3125551234', list_id: '101', first_name: 'Test' });
  console.log(JSON.stringify(r.body));
  const bad = await h.nonAgent({ function: 'add_lead', pass: 'x', phone_number: '3125551234' });
  console.log(JSON.stringify(bad.body));
  expect(r.status).toBe(200);
});
