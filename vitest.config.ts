import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // the consumer-project checks run on their own: npm run test:consumers
    exclude: [...configDefaults.exclude, 'test/consumers/**'],
    testTimeout: 120_000,
    // Property failures print their counterexample and seed; keep the full diff readable.
    chaiConfig: { truncateThreshold: 2000 },
  },
});
