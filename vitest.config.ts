import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Tests against a real iTop have their own config and script (npm run test:itop).
    exclude: ['tests/itop/**', '**/node_modules/**'],
    // build/ (what the bin runs) is brought up to date once, before the tests that run the command line.
    globalSetup: ['tests/support/global-setup.ts'],
    reporters: ['default', './tests/support/skipped-reporter.ts'],
    // vitest's default on 2 cores is one worker (cores - 1): the PHP suites then run one after the other while
    // a core waits on child processes. Two workers at least.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // A worker runs its test files in one module graph: the PHP runtimes (tests/support/php-runner.ts, ~0.6–1 s
    // each to start) and the imported sources are loaded once per worker, not once per file. No test mocks modules
    // or leaves global state behind (process.env and the current folder are restored where changed).
    isolate: false,
    // Real PHP (php-wasm) and child processes take seconds to start on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
