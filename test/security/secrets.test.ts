/**
 * No secret ever leaves: not in a response, not in vicidial_api_log or
 * vicidial_api_urls, not in the server's log — across every failing case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

const SECRET = 'Zq9Unique.Pw';
const WRONG = 'Zq9Unique.Wrong';
const logLines: string[] = [];
let h: Harness;
let hash: string;

beforeAll(async () => {
  h = await startHarness({ logStream: { write: (line) => void logLines.push(line) } });
  hash = await h.services.passwords.hash(SECRET);
  await h.services.store.users.insert({
    user: '7777',
    pass_hash: hash,
    user_level: 8,
    user_group: 'ADMIN',
    vdc_agent_api_access: '1',
    api_only_user: '1',
    api_allowed_functions: ' external_pause ',
  });
});
afterAll(() => h.close());

const base = { user: '7777', agent_user: '1000', function: 'external_pause', value: 'PAUSE' };
const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

const cases: [string, () => Promise<{ body: string }>][] = [
  ['wrong password', () => h.api({ ...base, pass: WRONG })],
  ['password with SQL in it', () => h.api({ ...base, pass: `${SECRET}'; DROP TABLE vicidial_users;--` })],
  ['short password', () => h.api({ ...base, pass: 'Z' })],
  ['unknown function', () => h.api({ ...base, pass: SECRET, function: 'no_such_function' })],
  ['function not allowed', () => h.api({ ...base, pass: SECRET, function: 'external_hangup', value: '1' })],
  ['agent not logged in', () => h.api({ ...base, pass: SECRET, agent_user: '1001' })],
  ['invalid parameters', () => h.api({ ...base, pass: SECRET, value: '' })],
  ['password in a POST body', () => h.api({ ...base, pass: WRONG }, { method: 'POST' })],
  [
    'password in an Authorization header',
    () => h.app.inject({ url: '/agc/api.php?source=test&agent_user=1000&function=external_pause&value=PAUSE', headers: { authorization: basic('7777', WRONG) } }).then((r) => ({ body: r.body })),
  ],
  [
    'password under an encoded parameter name',
    () => h.app.inject({ url: `/agc/api.php?source=test&user=7777&p%61ss=${WRONG}&agent_user=1000&function=external_pause&value=PAUSE` }).then((r) => ({ body: r.body })),
  ],
  [
    'password as an array',
    () => h.app.inject({ url: `/agc/api.php?source=test&user=7777&pass[]=${WRONG}&agent_user=1000&function=external_pause&value=PAUSE` }).then((r) => ({ body: r.body })),
  ],
  ['successful call', () => h.api({ ...base, pass: SECRET })],
];

describe('secrets never leave the server', () => {
  it.each(cases)('%s: the response carries no password, hash or SQL', async (_name, send) => {
    const { body } = await send();
    for (const secret of [SECRET, WRONG, hash, '$2b$']) expect(body).not.toContain(secret);
    expect(body).not.toMatch(/select |insert |update |where /i);
    expect(body).not.toMatch(/\n\s+at /);
  });

  it('locked out with the right password: same line, no secret', async () => {
    for (let i = 0; i < 10; i++) await h.api({ ...base, pass: WRONG });
    const { body } = await h.api({ ...base, pass: SECRET });
    expect(body).toBe('ERROR: Invalid Username/Password: |7777||0|0||\n');
  });

  it('the audit rows hold no password or hash, and the URLs show pass=***', async () => {
    const log = await h.rows('vicidial_api_log');
    const urls = await h.rows('vicidial_api_urls');
    expect(log.length).toBeGreaterThanOrEqual(cases.length);
    expect(urls).toHaveLength(log.length);
    const text = JSON.stringify([log, urls]);
    for (const secret of [SECRET, WRONG, hash, '$2b$']) expect(text).not.toContain(secret);
    expect(urls.some((u) => String(u.url).includes('pass=***'))).toBe(true);
    expect(urls.some((u) => String(u.url).includes('p%61ss=***') || String(u.url).includes('pass=***'))).toBe(true);
  });

  it('the server log, even at trace level, holds no password or hash', () => {
    expect(logLines.length).toBeGreaterThan(0);
    const text = logLines.join('');
    for (const secret of [SECRET, WRONG, hash]) expect(text).not.toContain(secret);
  });

  it('the user row keeps only a bcrypt hash, never the plain text', async () => {
    const [row] = await h.rows('vicidial_users', { user: '7777' });
    expect(row!.pass).toBe('');
    expect(String(row!.pass_hash)).toMatch(/^\$2b\$04\$/);
  });
});
