import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['test/support/run-temp-folder.ts'],
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    // In-process contexts stop the embedded server with their last client, as before the idle period
    // (docs/adr/0014); tests that spawn docdelta set the same in the child's environment.
    env: { DOCDELTA_SERVER_IDLE_SECONDS: '0' },
  },
});
