/** Users imported with plain-text passwords are hashed at start-up, and the plain text is gone. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices } from '../../src/app/services.js';
import { loadConfig } from '../../src/config/config.js';
import { seedDemo } from '../../src/demo/seed.js';
import { buildApp } from '../../src/http/app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const dirs: string[] = [];
const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  for (const database of databases.splice(0)) await database.release();
});

describe('start-up password hashing', () => {
  it('hashes a VICIdial row with a plain pass and clears it; the password still works', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentgate-'));
    dirs.push(dir);
    const database = await createTestDatabase({ sqliteFile: path.join(dir, 'a.db') });
    databases.push(database);
    const config = loadConfig({}, { databaseUrl: database.url, bcryptCost: 4, logLevel: 'silent' });

    const first = await createServices(config);
    await seedDemo(first);
    // As imported from a VICIdial database with pass_hash_enabled=0.
    await first.store.users.insert({
      user: '8888',
      pass: 'plain99',
      pass_hash: '',
      user_level: 8,
      user_group: 'ADMIN',
      vdc_agent_api_access: '1',
      api_only_user: '1',
    });
    await first.close();

    const second = await createServices(config);
    try {
      const row = await second.database.db.selectFrom('vicidial_users').select(['pass', 'pass_hash']).where('user', '=', '8888').executeTakeFirstOrThrow();
      expect(row.pass).toBe('');
      expect(row.pass_hash).toMatch(/^\$2b\$04\$.{53}$/);
      const app = await buildApp(second);
      const res = await app.inject({ url: '/agc/api.php?source=test&user=8888&pass=plain99&agent_user=1000&function=calls_in_queue_count&value=DISPLAY' });
      expect(res.body).toBe('SUCCESS: calls_in_queue_count - 0');
      await app.close();
    } finally {
      await second.close();
    }
  });
});
