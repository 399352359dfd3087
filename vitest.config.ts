import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // build/ (what the bin runs) is brought up to date once, before the tests that run the command line.
    globalSetup: ['tests/support/global-setup.ts'],
    reporters: ['default', './tests/support/skipped-reporter.ts'],
    // Real PHP (php-wasm) and child processes take seconds to start on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
