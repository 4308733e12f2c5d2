import { configDefaults, defineConfig } from 'vitest/config';

// Slow-call lines are for a person reading a real session; tests that check logging set
// their own level and sink. The worker threads the tests start inherit this.
const env = { HEARKEN_LOG_LEVEL: process.env.HEARKEN_LOG_LEVEL ?? 'error' };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/fuzz/**/*.test.ts', 'test/packaging/**/*.test.ts'],
          // The packaging specs that drive Chromium or Electron run one at a time with the e2e set.
          exclude: [...configDefaults.exclude, 'test/packaging/**/*.e2e.test.ts'],
          environment: 'node',
          env,
          // Many integration tests drive the CLI as child processes (each start loads the
          // core through tsx): on two busy cores one such test can take tens of seconds.
          testTimeout: 90_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts', 'test/packaging/**/*.e2e.test.ts'],
          environment: 'node',
          env,
          // One Chromium at a time on a two-core machine.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
