import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Real PHP (php-wasm) and child processes take seconds to start on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
