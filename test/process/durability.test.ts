/**
 * Nothing acknowledged is lost: kill -9 right after the answers, and every
 * answered request is in the audit trail with its effect.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, tempDir, type ServerProcess } from '../support/server-process.js';

let server: ServerProcess | undefined;
afterAll(() => server?.kill('SIGKILL'));

describe('durability', () => {
  it('keeps every acknowledged command and its audit rows when the process is killed', async () => {
    const file = path.join(tempDir(), 'agentgate.db');
    server = await startServer({ DATABASE_URL: `sqlite:${file}` });
    const sent = 40;
    for (let i = 0; i < sent; i++) {
      const value = i % 2 === 0 ? 'RESUME' : 'PAUSE';
      const res = await fetch(`${server.url}/agc/api.php?source=test&user=6666&pass=1234&agent_user=1000&function=external_pause&value=${value}`);
      expect(await res.text()).toMatch(/^SUCCESS: external_pause function set/);
    }
    await server.kill('SIGKILL');

    const db = new Database(file, { readonly: true });
    try {
      const log = db.prepare(`select count(*) as n from vicidial_api_log where function = 'external_pause' and result = 'SUCCESS'`).get() as { n: number };
      const urls = db.prepare('select count(*) as n from vicidial_api_urls').get() as { n: number };
      const agent = db.prepare(`select status, external_pause from vicidial_live_agents where user = '1000'`).get() as { status: string; external_pause: string };
      expect(log.n).toBe(sent);
      expect(urls.n).toBe(sent);
      // The last command was a PAUSE, and it is what the session shows.
      expect(agent.status).toBe('PAUSED');
      expect(agent.external_pause).toMatch(/^PAUSE!\d+$/);
    } finally {
      db.close();
    }
  });
});
