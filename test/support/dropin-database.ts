/**
 * TEST_DROPIN=1 (with TEST_DATABASE_URL=mysql://…): the suites run on VICIdial's
 * database, served as the drop-in (`serve --vicidial`). global-setup.ts builds one
 * template per run — VICIdial's schema and stock rows from the fact files,
 * `init --vicidial`, then the demo data the embedded mode seeds — and every
 * harness gets a copy of it (vicidial-copy.ts, reused per worker).
 *
 * The demo goes in as an administrator would put it into VICIdial: the stock rows
 * of the tables agentgate reads (VICIdial's 6666 admin, its seven sample leads, its
 * fifty statuses …) make way for the demo's, so lead 1 is Ada Lovelace and user
 * 6667 exists as in the embedded mode; the stock system_settings row stays, with
 * the demo's three settings set; passwords are plain in `pass`, as VICIdial stores
 * them while pass_hash_enabled=0. Agent 1000 is logged into TESTCAMP the way the
 * harness plays VICIdial's agent screen (harness.ts, `screen`).
 */
import { sql } from 'kysely';
import { createServices, type Services } from '../../src/app/services.js';
import { loadConfig } from '../../src/config/config.js';
import { ManualClock } from '../../src/domain/clock.js';
import { DEMO_PASSWORD, DEMO_SETTINGS, seedDemoRows } from '../../src/demo/seed.js';
import { tables } from '../../src/store/schema/database.js';
import { Store } from '../../src/store/store.js';
import { isOwnTable } from '../../src/store/vicidial-dropin.js';
import { VirtualScheduler } from '../../src/telephony/scheduler.js';
import { SessionService } from '../../src/sessions/session-service.js';
import { createVicidialDatabase, initDropIn } from './vicidial-database.js';

/** The suites run as the drop-in on VICIdial databases (needs TEST_DATABASE_URL on MySQL/MariaDB). */
export const TEST_DROPIN = process.env.TEST_DROPIN === '1';

/** The harness's clock starts here (harness.ts); the template's rows are written at the same time. */
export const HARNESS_START = new Date('2026-11-28T10:00:00');
/** The harness's public host; the template's login writes it into the webphone URL too. */
export const HARNESS_PUBLIC_HOST = 'agentgate.test';

/**
 * What VICIdial's agent screen (vicidial.php) and dialer write when an agent logs in or a call
 * reaches it: agentgate's session engine models exactly those rows (vicidial_live_agents,
 * vicidial_live_inbound_agents, vicidial_session_data, vicidial_agent_log, vicidial_log …), so the
 * harness plays the screen with it. The drop-in's own session service refuses logins (VicidialSessions).
 */
export const vicidialScreen = SessionService.prototype;

/** Build the template: VICIdial's database, agentgate's tables, the demo, 1000 logged in. */
export async function buildDropInTemplate(server: string, name: string): Promise<void> {
  const vicidial = await createVicidialDatabase(server, { demo: false, name });
  await initDropIn(vicidial.url);
  const clock = new ManualClock(HARNESS_START);
  const config = loadConfig({}, { databaseUrl: vicidial.url, vicidial: true, bcryptCost: 4, logLevel: 'silent', publicHost: HARNESS_PUBLIC_HOST });
  const services = await createServices(config, { clock, scheduler: new VirtualScheduler(clock) });
  try {
    await seedDropInDemo(services);
  } finally {
    await services.close();
  }
}

async function seedDropInDemo(services: Services): Promise<void> {
  const { db } = services.database;
  // TRUNCATE: the counters start at 1 again, as on agentgate's own new database.
  for (const table of Object.keys(tables)) if (!isOwnTable(table) && table !== 'system_settings') await sql`TRUNCATE TABLE ${sql.table(table)}`.execute(db);
  await db.updateTable('system_settings').set(DEMO_SETTINGS).execute();
  await db.transaction().execute(async (trx) => {
    // Non-strict, as VICIdial's admin pages write (the demo names only some of the NOT NULL columns
    // without a default of VICIdial's phones table, for one); the connection is closed after.
    await sql`SET SESSION sql_mode = ''`.execute(trx);
    // admin.php with hashing off: the password in the plain column.
    await seedDemoRows(new Store(trx, 'mysql'), { pass: DEMO_PASSWORD, pass_hash: '' }, services.clock.now());
  });
  const login = await services.runner.run((u) => vicidialScreen.login.call(services.sessions, u, { user: '1000', campaignId: 'TESTCAMP' }));
  if (!login.ok) throw new Error(`the drop-in template could not log agent 1000 in: ${login.message}`);
}

/**
 * Why a test cannot run in drop-in mode: its subject does not exist there. Every reason is printed
 * once per run (global-setup.ts), and docs/operations.md lists the tests with theirs.
 */
export const EMBEDDED_ONLY_REASONS = {
  simulator: "the call simulator: on VICIdial's database the calls are VICIdial's dialer's and Asterisk's, and agentgate places, rings and hangs up none",
  engine:
    "agentgate's session engine acting on a command (a pause or logout taking effect at the disposition, a queued dial taken, the lead a MANUALNEXT, search or preview dial picks or creates): VICIdial's agent screen does that there, from the columns the drop-in writes",
} as const;

/**
 * `it.skipIf(embeddedOnly('simulator'))(…)`: true in drop-in mode (TEST_DROPIN). The reason is for the
 * reader and the list in docs/operations.md; every one of them holds there.
 */
export const embeddedOnly = (_reason: keyof typeof EMBEDDED_ONLY_REASONS): boolean => TEST_DROPIN;
