/**
 * examples/migrate-to-key.sh against a real agentgate process: it turns URLs
 * with user= and pass= into a key narrowed to the functions they call and
 * curl lines that work — run as printed — with no password anywhere in its
 * output; bad input is refused before any key is made.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startServer, tempDir, type ServerProcess } from '../support/server-process.js';
import { EXAMPLES } from './example-process.js';

const SCRIPT = path.join(EXAMPLES, 'migrate-to-key.sh');

function run(command: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, BCRYPT_COST: '4', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('examples/migrate-to-key.sh', () => {
  let dir: string;
  let env: Record<string, string>;
  let server: ServerProcess;

  beforeAll(async () => {
    dir = tempDir();
    env = { DATABASE_URL: `sqlite:${path.join(dir, 'agentgate.db')}`, SIMULATOR: 'off' };
    server = await startServer(env);
  });
  afterAll(async () => {
    await server?.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const keysOf6666 = async () => (await runCli(['keys', 'list', '--user', '6666'], env)).stdout;

  it('makes a key for the functions the URLs call, and prints curl lines that work without the password', { timeout: 30_000 }, async () => {
    const urls = path.join(dir, 'urls.txt');
    fs.writeFileSync(
      urls,
      [
        '# the CRM',
        `${server.url}/agc/api.php?source=crm&user=6666&pass=1234&agent_user=1000&function=external_pause&value=RESUME`,
        `  curl -s '${server.url}/agc/api.php?user=6666&source=crm&agent_user=1000&function=external_pause&pass=1234&value=PAUSE'`,
        '',
        `${server.url}/vicidial/non_agent_api.php?function=version&source=crm&user=6666&pass=1234`,
      ].join('\n'),
    );
    const migrated = await run(SCRIPT, ['--name', 'crm', urls], env);
    expect(migrated.code, migrated.stderr).toBe(0);
    const lines = migrated.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^# key crm of 6666 \(prefix \w+\): functions external_pause,version; /);
    expect(lines[2]).toMatch(/^AGENTGATE_KEY=agk_[\w-]+$/);
    expect(lines.slice(3)).toEqual([
      `curl -sS -H "Authorization: Bearer $AGENTGATE_KEY" '${server.url}/agc/api.php?source=crm&agent_user=1000&function=external_pause&value=RESUME'`,
      `curl -sS -H "Authorization: Bearer $AGENTGATE_KEY" '${server.url}/agc/api.php?source=crm&agent_user=1000&function=external_pause&value=PAUSE'`,
      `curl -sS -H "Authorization: Bearer $AGENTGATE_KEY" '${server.url}/vicidial/non_agent_api.php?function=version&source=crm'`,
    ]);
    // The password is nowhere in what it printed or logged.
    expect(`${migrated.stdout}${migrated.stderr}`).not.toMatch(/1234|pass=/);
    expect(await keysOf6666()).toMatch(/crm +agk_\w+_… active +functions=external_pause,version campaigns=\(all\)/);

    // Run as printed: the key does the integration's work.
    const ran = await run('bash', ['-c', migrated.stdout], {});
    expect(ran.code, ran.stderr).toBe(0);
    const answers = ran.stdout.trim().split('\n');
    expect(answers[0]).toMatch(/^SUCCESS: external_pause function set - RESUME\|\d+\|1000$/);
    expect(answers[1]).toMatch(/^SUCCESS: external_pause function set - PAUSE\|\d+\|1000$/);
    expect(answers[2]).toMatch(/^VERSION: /);
  });

  it('makes no key for a wrong password, a URL without one, or URLs of two users, and never prints the password', { timeout: 30_000 }, async () => {
    const before = await keysOf6666();
    const agentUrl = (query: string) => `${server.url}/agc/api.php?source=crm&agent_user=1000&function=external_pause&value=PAUSE&${query}`;

    const wrong = await run(SCRIPT, [agentUrl('user=6666&pass=Wr0ng-s3cret')], env);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(`migrate-to-key: ${server.url} refuses user 6666 with the URLs' password: no key made\n`);

    const none = await run(SCRIPT, [agentUrl('user=6666')], env);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('migrate-to-key: URL 1 has no user= and pass= to migrate\n');

    const two = await run(SCRIPT, [agentUrl('user=6666&pass=Wr0ng-s3cret'), agentUrl('user=6668&pass=Wr0ng-s3cret')], env);
    expect(two.code).toBe(2);
    expect(two.stderr).toBe('migrate-to-key: URL 2 is for user 6668, the first for 6666: migrate one user at a time\n');

    const notApi = await run(SCRIPT, [`${server.url}/admin?user=6666&pass=Wr0ng-s3cret&function=x`], env);
    expect(notApi.code).toBe(2);
    expect(notApi.stderr).toBe("migrate-to-key: URL 1 is not VICIdial's agc/api.php or vicidial/non_agent_api.php\n");

    for (const result of [wrong, none, two, notApi]) expect(`${result.stdout}${result.stderr}`).not.toContain('Wr0ng');
    expect(await keysOf6666()).toBe(before);
  });
});
