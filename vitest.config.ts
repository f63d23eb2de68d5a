import os from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Tests that start Chromium, processes, Redis servers or VICIdial databases keep a fresh module graph
 * per file; the rest (app.inject, units, the SDK) share one per worker: importing the app for each file
 * was a quarter of the suite's time. None of those shares state between files through a module.
 */
const ISOLATED = ['test/browser/**', 'test/process/**', 'test/cluster/**', 'test/vicidial/**', 'test/examples/**'].map((dir) => `${dir}/*.test.ts`);

export default defineConfig({
  test: {
    environment: 'node',
    // Vitest's default leaves one core idle; on a 2-core CI machine that is one worker for a suite whose
    // browser and process tests spend much of their time waiting on Chromium, servers and the database.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // Names this run's MariaDB/MySQL test databases, and drops them at the end (TEST_DATABASE_URL).
    globalSetup: ['test/support/global-setup.ts'],
    // Reports and GMT offsets read the web server's clock: tests run on UTC wherever they run.
    env: { TZ: 'UTC' },
    testTimeout: 20_000,
    // A screen or a stream shows a change a moment after it commits; on a loaded 2-core CI machine that
    // moment can exceed the 1 s default. A poll that succeeds returns at once, so this costs only failures.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 30_000,
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
          exclude: ISOLATED,
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
    ],
  },
});
