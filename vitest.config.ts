import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
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
  },
});
