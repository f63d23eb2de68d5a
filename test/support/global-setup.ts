/**
 * Once per vitest run: a token that names this run's MySQL test databases
 * (test-database.ts), and at the end every one of them dropped — plus those
 * an interrupted run left more than a day ago.
 */
import type { TestProject } from 'vitest/node';
import { buildDropInTemplate, EMBEDDED_ONLY_REASONS, TEST_DROPIN } from './dropin-database.js';
import {
  DATABASES_PER_WORKER,
  dropInTemplate,
  mysqlServerForTests,
  onMysql,
  onServer,
  prepare,
  TEST_DATABASE_PREFIX,
  TEST_DATABASE_URL,
  workerDatabase,
  type DatabaseKind,
} from './test-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseRun: string;
    /** The drop-in template every project's workers copy (TEST_DROPIN). */
    dropInTemplate: string;
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

async function dropDatabases(server: string, matches: (name: string) => boolean): Promise<void> {
  await onServer(server, async (c) => {
    const [rows] = await c.query<import('mysql2/promise').RowDataPacket[]>(
      `SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE '${TEST_DATABASE_PREFIX}%'`,
    );
    for (const { name } of rows) if (matches(name)) await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
  });
}

/** The time a run token was made, from its leading base-36 milliseconds. */
const tokenTime = (name: string) => Number.parseInt(name.slice(TEST_DATABASE_PREFIX.length).split('_')[0] ?? '', 36);

const shared = globalThis as { dropInTemplate?: Promise<string> };

async function buildTemplate(name: string): Promise<string> {
  const started = Date.now();
  await buildDropInTemplate(TEST_DATABASE_URL!, name);
  console.log(`TEST_DROPIN: the VICIdial template database (${name}) built in ${Date.now() - started} ms`);
  return name;
}

export default async function setup(project: TestProject) {
  const run = `${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  project.provide('testDatabaseRun', run);
  // The suite's server, or the one tests about MySQL use: none is fine (they skip, saying so).
  const server = await mysqlServerForTests({ quiet: true });
  if (!server) return;
  await dropDatabases(server, (name) => tokenTime(name) < Date.now() - DAY_MS);
  // Creating the tables takes seconds on InnoDB: do it for every worker now, not inside a test's time limit.
  // A drop-in run's harnesses take copies of its VICIdial template instead (dropin-database.ts).
  // This setup runs once per project: the first builds the template, the others share it.
  if (TEST_DROPIN && !shared.dropInTemplate)
    console.warn(
      `\n*** TEST_DROPIN: tests whose subject does not exist in drop-in mode are skipped (embeddedOnly, docs/operations.md):\n${Object.entries(EMBEDDED_ONLY_REASONS)
        .map(([key, why]) => `***   ${key}: ${why}`)
        .join('\n')} ***\n`,
    );
  const template = TEST_DROPIN && onMysql ? await (shared.dropInTemplate ??= buildTemplate(dropInTemplate(run))) : '';
  project.provide('dropInTemplate', template);
  const kind: DatabaseKind = TEST_DROPIN ? 'vicidial' : 'agentgate';
  if (onMysql)
    for (let worker = 1; worker <= project.config.maxWorkers; worker++)
      for (let n = 0; n < DATABASES_PER_WORKER; n++) await prepare(TEST_DATABASE_URL!, workerDatabase(run, String(worker), n, kind), kind, template);
  return async () => {
    await dropDatabases(server, (name) => name.startsWith(`${TEST_DATABASE_PREFIX}${run}_`) || name === template);
  };
}
