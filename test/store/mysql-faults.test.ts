/**
 * MariaDB/MySQL going away in the middle of a request: the request answers
 * a clear error (an ERROR: line on the legacy face, 503 on the JSON face),
 * nothing it did is kept, and the pool connects again by itself.
 *
 * The connection is killed with KILL from another connection while the
 * request waits for a lock the test holds — only this test's own database
 * and connections are touched, never the server.
 */
import mysql from 'mysql2/promise';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_UNAVAILABLE } from '../../src/http/app.js';
import { startHarness, type Harness } from '../support/harness.js';
import { mysqlServerForTests, mysqlUrl } from '../support/test-database.js';

const server = await mysqlServerForTests();

let h: Harness | undefined;
let blocker: mysql.Connection | undefined;
afterEach(async () => {
  await blocker?.end().catch(() => {});
  await h?.close();
});

/** The id of the connection that waits with a statement starting `prefix` (the request's), once it waits. */
async function waitingConnection(admin: mysql.Connection, database: string, prefix: string): Promise<number> {
  for (let i = 0; i < 500; i++) {
    const [rows] = await admin.query<mysql.RowDataPacket[]>(
      'SELECT ID AS id FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID() AND INFO LIKE ?',
      [database, `${prefix}%`],
    );
    if (rows[0]) return Number(rows[0].id);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no connection waits on ${prefix}`);
}

describe.skipIf(!server)('a MySQL connection lost mid-request', () => {
  let database: string;

  async function start() {
    h = await startHarness({ mysqlServer: server! });
    database = new URL(h.databaseUrl).pathname.slice(1);
    blocker = await mysql.createConnection(mysqlUrl(server!, database));
  }

  it('answers the legacy ERROR line, keeps nothing of the request, and serves the next one', async () => {
    await start();
    const statusBefore = (await h!.agent('1000'))!.status;
    const logBefore = (await h!.apiLog()).length;
    // Hold the audit table: the request changes the session, then waits to write its audit row.
    await blocker!.query('LOCK TABLES vicidial_api_log WRITE');
    const pending = h!.api({ agent_user: '1000', function: 'external_pause', value: statusBefore === 'PAUSED' ? 'RESUME' : 'PAUSE' });
    const victim = await waitingConnection(blocker!, database, 'insert into `vicidial_api_log`');
    await blocker!.query(`KILL ${victim}`);
    const res = await pending;
    await blocker!.query('UNLOCK TABLES');

    expect(res.status).toBe(503);
    expect(res.body).toBe(`ERROR: ${DATABASE_UNAVAILABLE}\n`);
    expect((await h!.agent('1000'))!.status).toBe(statusBefore);
    expect(await h!.apiLog()).toHaveLength(logBefore);

    // The pool replaced the dead connection.
    const next = await h!.api({ agent_user: '1000', function: 'external_pause', value: statusBefore === 'PAUSED' ? 'RESUME' : 'PAUSE' });
    expect(next.body).toMatch(/^SUCCESS: external_pause function set/);
    expect(await h!.apiLog()).toHaveLength(logBefore + 1);
  });

  it('answers 503 with a JSON error on the JSON face', async () => {
    await start();
    // Hold admin's row: the login waits to stamp it.
    await blocker!.query('START TRANSACTION');
    await blocker!.query("SELECT user FROM vicidial_users WHERE user = 'admin' FOR UPDATE");
    const pending = h!.app.inject({ method: 'POST', url: '/api/v2/auth/login', payload: { user: 'admin', pass: '1234', screen: 'admin' } });
    const victim = await waitingConnection(blocker!, database, 'update `vicidial_users`');
    await blocker!.query(`KILL ${victim}`);
    const res = await pending;
    await blocker!.query('ROLLBACK');

    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ error: { code: 'database-unavailable', message: DATABASE_UNAVAILABLE } });
    const again = await h!.app.inject({ method: 'POST', url: '/api/v2/auth/login', payload: { user: 'admin', pass: '1234', screen: 'admin' } });
    expect(again.statusCode).toBe(200);
  });
});
