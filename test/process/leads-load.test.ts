/**
 * `agentgate leads load` as a real process: killed with SIGKILL in the middle
 * of a load, then run again, it resumes after its last committed batch and
 * every lead is in the list exactly once.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/connect.js';
import { CLI, requireBuild, runCli, tempDir } from '../support/server-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase | undefined;
afterAll(() => database?.release());

describe('agentgate leads load (process)', () => {
  it('survives SIGKILL mid-load and resumes without inserting twice', async () => {
    requireBuild();
    const dir = tempDir();
    database = await createTestDatabase({ sqliteFile: path.join(dir, 'load.db') });
    const env = { DATABASE_URL: database.url };
    expect((await runCli(['seed-demo'], env)).code).toBe(0);
    const total = 60_000;
    const lines = ['phone,first name,last name'];
    for (let i = 0; i < total; i++) lines.push(`${String(4000000000 + i)},First${i},Last${i}`);
    const csv = path.join(dir, 'leads.csv');
    fs.writeFileSync(csv, `${lines.join('\n')}\n`);

    const child = spawn(process.execPath, [CLI, 'leads', 'load', csv, '--list', '101', '--batch-size', '500'], {
      env: { ...process.env, BCRYPT_COST: '4', LOG_LEVEL: 'warn', ...env },
      stdio: 'ignore',
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const reader = await openDatabase(database.url);
    let checkpoint = 0;
    // Until the first batch is committed: seconds, or a minute on a loaded machine starting the CLI.
    const deadline = Date.now() + 60_000;
    while (checkpoint === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 5));
      try {
        checkpoint = Number((await reader.db.selectFrom('agentgate_lead_loads').select('last_line').executeTakeFirst())?.last_line ?? 0);
      } catch {
        // the table is created by the child on start
      }
    }
    child.kill('SIGKILL');
    await exited;
    expect(checkpoint).toBeGreaterThan(0);
    const partial = await sql<{ n: number }>`select count(*) n from vicidial_list where first_name like 'First%'`.execute(reader.db);
    expect(Number(partial.rows[0]?.n)).toBeLessThan(total);

    const resumed = await runCli(['leads', 'load', csv, '--list', '101', '--batch-size', '500'], env);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(/^resumed after line \d+; list 101: 60,000 inserted, 0 duplicates, 0 invalid in [\d.]+ s \([\d,]+ leads\/s\)\n$/);
    const { rows } = await sql<{ n: number; d: number }>`select count(*) n, count(distinct phone_number) d from vicidial_list where first_name like 'First%'`.execute(reader.db);
    await reader.close();
    expect({ n: Number(rows[0]?.n), d: Number(rows[0]?.d) }).toEqual({ n: total, d: total });

    const again = await runCli(['leads', 'load', csv, '--list', '101'], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already loaded into list 101 .*pass --reload to load it again\n$/);
    const badList = await runCli(['leads', 'load', csv, '--list', 'abc'], env);
    expect(badList).toMatchObject({ code: 2, stderr: 'agentgate: --list must be a list id (digits), got "abc"\n' });
  }, 90_000); // two real loads of 60,000 leads and three more processes: ~20 s on a quiet 2-core machine
});
