/**
 * Nothing acknowledged is lost: kill -9 right after the answers, and every
 * answered request is in the audit trail with its effect — also under
 * concurrent load, where the kill lands while other requests are in flight.
 */
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/connect.js';
import type { Database } from '../../src/store/schema/database.js';
import { startServer, tempDir, type ServerProcess } from '../support/server-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let server: ServerProcess | undefined;
let database: TestDatabase | undefined;
afterEach(async () => {
  await server?.kill('SIGKILL');
  await database?.release();
  server = database = undefined;
});

async function start(): Promise<{ url: string; databaseUrl: string }> {
  database = await createTestDatabase({ sqliteFile: path.join(tempDir(), 'agentgate.db') });
  server = await startServer({ DATABASE_URL: database.url });
  return { url: server.url, databaseUrl: database.url };
}

/** Read the database as anything else would, after the process is gone. */
async function readBack<T>(databaseUrl: string, read: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const reader = await openDatabase(databaseUrl);
  try {
    return await read(reader.db);
  } finally {
    await reader.close();
  }
}

const pause = (url: string, source: string, value: 'PAUSE' | 'RESUME') =>
  fetch(`${url}/agc/api.php?source=${source}&user=6666&pass=1234&agent_user=1000&function=external_pause&value=${value}`).then((res) => res.text());

describe('durability', () => {
  it('keeps every acknowledged command and its audit rows when the process is killed', async () => {
    const { url, databaseUrl } = await start();
    const sent = 40;
    for (let i = 0; i < sent; i++) expect(await pause(url, 'test', i % 2 === 0 ? 'RESUME' : 'PAUSE')).toMatch(/^SUCCESS: external_pause function set/);
    await server!.kill('SIGKILL');

    await readBack(databaseUrl, async (db) => {
      const count = async (query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(db)).rows[0]?.n);
      expect(await count(sql`select count(*) as n from vicidial_api_log where function = 'external_pause' and result = 'SUCCESS'`)).toBe(sent);
      expect(await count(sql`select count(*) as n from vicidial_api_urls`)).toBe(sent);
      const { rows } = await sql<{ status: string; external_pause: string }>`select status, external_pause from vicidial_live_agents where user = '1000'`.execute(db);
      // The last command was a PAUSE, and it is what the session shows.
      expect(rows[0]!.status).toBe('PAUSED');
      expect(rows[0]!.external_pause).toMatch(/^PAUSE!\d+$/);
    });
  });

  it('keeps every acknowledged command when the process is killed under 32 concurrent connections', async () => {
    const { url, databaseUrl } = await start();
    // Each request names itself in `source` (letters and digits, as VICIdial keeps them), so its audit row can be found.
    const acknowledged: string[] = [];
    let killed = false;
    const connection = async (c: number) => {
      for (let i = 0; !killed; i++) {
        const source = `c${c}n${i}`;
        const answer = await pause(url, source, i % 2 ? 'PAUSE' : 'RESUME').catch(() => undefined);
        if (answer === undefined) return; // the process is gone: this request was never answered
        if (answer.startsWith('SUCCESS: external_pause function set')) acknowledged.push(source);
      }
    };
    const connections = Array.from({ length: 32 }, (_, c) => connection(c));
    while (acknowledged.length < 400) await new Promise((resolve) => setTimeout(resolve, 5));
    // Killed while the connections still have requests in flight.
    killed = true;
    await server!.kill('SIGKILL');
    await Promise.all(connections);

    const stored = await readBack(databaseUrl, async (db) => {
      const { rows } = await sql<{ source: string }>`select source from vicidial_api_log where function = 'external_pause' and result = 'SUCCESS'`.execute(db);
      return new Set(rows.map((r) => r.source));
    });
    expect(acknowledged.length).toBeGreaterThanOrEqual(400);
    expect(acknowledged.filter((source) => !stored.has(source))).toEqual([]);
  });
});
