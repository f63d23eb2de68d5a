import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // Names this run's MariaDB/MySQL test databases, and drops them at the end (TEST_DATABASE_URL).
    globalSetup: ['test/support/global-setup.ts'],
    // Reports and GMT offsets read the web server's clock: tests run on UTC wherever they run.
    env: { TZ: 'UTC' },
    testTimeout: 20_000,
    hookTimeout: 30_000,
    reporters: ['default'],
  },
});
