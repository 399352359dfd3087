import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Tests against a real iTop have their own config and script (npm run test:itop).
    exclude: ['tests/itop/**', '**/node_modules/**'],
    // Real PHP (php-wasm) and child processes take seconds to start on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
