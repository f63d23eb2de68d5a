/**
 * `agentgate leads load` as a real process: killed with SIGKILL in the middle
 * of a load, then run again, it resumes after its last committed batch and
 * every lead is in the list exactly once.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CLI, requireBuild, runCli, tempDir } from '../support/server-process.js';

describe('agentgate leads load (process)', () => {
  it('survives SIGKILL mid-load and resumes without inserting twice', async () => {
    requireBuild();
    const dir = tempDir();
    const dbFile = path.join(dir, 'load.db');
    const env = { DATABASE_URL: `sqlite:${dbFile}` };
    expect((await runCli(['seed-demo'], env)).code).toBe(0);
    const count = 60_000;
    const lines = ['phone,first name,last name'];
    for (let i = 0; i < count; i++) lines.push(`${String(4000000000 + i)},First${i},Last${i}`);
    const csv = path.join(dir, 'leads.csv');
    fs.writeFileSync(csv, `${lines.join('\n')}\n`);

    const child = spawn(process.execPath, [CLI, 'leads', 'load', csv, '--list', '101', '--batch-size', '500'], {
      env: { ...process.env, BCRYPT_COST: '4', LOG_LEVEL: 'warn', ...env },
      stdio: 'ignore',
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const reader = new Database(dbFile, { readonly: true, fileMustExist: true });
    let checkpoint = 0;
    for (let i = 0; i < 2000 && checkpoint === 0; i++) {
      await new Promise((r) => setTimeout(r, 5));
      try {
        checkpoint = Number((reader.prepare('select last_line from agentgate_lead_loads').get() as { last_line: number } | undefined)?.last_line ?? 0);
      } catch {
        // the table is created by the child on start
      }
    }
    child.kill('SIGKILL');
    await exited;
    expect(checkpoint).toBeGreaterThan(0);
    const partial = Number((reader.prepare("select count(*) n from vicidial_list where first_name like 'First%'").get() as { n: number }).n);
    reader.close();
    expect(partial).toBeLessThan(count);

    const resumed = await runCli(['leads', 'load', csv, '--list', '101', '--batch-size', '500'], env);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(/^resumed after line \d+; list 101: 60,000 inserted, 0 duplicates, 0 invalid in [\d.]+ s \([\d,]+ leads\/s\)\n$/);
    const db = new Database(dbFile, { readonly: true });
    const stats = db.prepare("select count(*) n, count(distinct phone_number) d from vicidial_list where first_name like 'First%'").get() as { n: number; d: number };
    db.close();
    expect(stats).toEqual({ n: count, d: count });

    const again = await runCli(['leads', 'load', csv, '--list', '101'], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already loaded into list 101 .*pass --reload to load it again\n$/);
    const badList = await runCli(['leads', 'load', csv, '--list', 'abc'], env);
    expect(badList).toMatchObject({ code: 2, stderr: 'agentgate: --list must be a list id (digits), got "abc"\n' });
  });
});
