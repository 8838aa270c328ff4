import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    // Property failures print their counterexample and seed; keep the full diff readable.
    chaiConfig: { truncateThreshold: 2000 },
  },
});
