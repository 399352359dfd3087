import { defineConfig } from 'vitest/config';

/** Tests against a real iTop (tests/itop/), named by environment variables; `npm run test:itop`. */
export default defineConfig({
  test: {
    include: ['tests/itop/**/*.itop.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
