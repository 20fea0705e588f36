// Test configuration: one Vitest run covers unit, database (PGlite and PostgreSQL) and browser tests.
// Browser tests (test/browser/**/*.browser.test.ts) drive Chromium from Node through playwright-core, so they need
// no separate project; a single project also keeps test/global-setup.ts (run once per project) from running twice.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'test/browser/**/*.browser.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    fileParallelism: true,
    // Sized for 2-core machines; each worker also holds a PGlite (WebAssembly) or a Chromium.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
    // expect.poll waits 1 s by default: too short for a page beside the rest of the suite on 2 cores.
    expect: { poll: { timeout: 10_000 } },
  },
});
