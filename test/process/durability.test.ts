/**
 * Nothing acknowledged is lost: kill -9 right after the answers, and every
 * answered request is in the audit trail with its effect.
 */
import path from 'node:path';
import { sql, type RawBuilder } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/connect.js';
import { startServer, tempDir, type ServerProcess } from '../support/server-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let server: ServerProcess | undefined;
let database: TestDatabase | undefined;
afterAll(async () => {
  await server?.kill('SIGKILL');
  await database?.release();
});

describe('durability', () => {
  it('keeps every acknowledged command and its audit rows when the process is killed', async () => {
    database = await createTestDatabase({ sqliteFile: path.join(tempDir(), 'agentgate.db') });
    server = await startServer({ DATABASE_URL: database.url });
    const sent = 40;
    for (let i = 0; i < sent; i++) {
      const value = i % 2 === 0 ? 'RESUME' : 'PAUSE';
      const res = await fetch(`${server.url}/agc/api.php?source=test&user=6666&pass=1234&agent_user=1000&function=external_pause&value=${value}`);
      expect(await res.text()).toMatch(/^SUCCESS: external_pause function set/);
    }
    await server.kill('SIGKILL');

    // Read back as anything else would, after the process is gone.
    const reader = await openDatabase(database.url);
    try {
      const count = async (query: RawBuilder<{ n: number }>) => Number((await query.execute(reader.db)).rows[0]?.n);
      expect(await count(sql`select count(*) as n from vicidial_api_log where function = 'external_pause' and result = 'SUCCESS'`)).toBe(sent);
      expect(await count(sql`select count(*) as n from vicidial_api_urls`)).toBe(sent);
      const { rows } = await sql<{ status: string; external_pause: string }>`select status, external_pause from vicidial_live_agents where user = '1000'`.execute(reader.db);
      const agent = rows[0]!;
      // The last command was a PAUSE, and it is what the session shows.
      expect(agent.status).toBe('PAUSED');
      expect(agent.external_pause).toMatch(/^PAUSE!\d+$/);
    } finally {
      await reader.close();
    }
  });
});
