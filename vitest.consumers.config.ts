import { defineConfig } from 'vitest/config';

/**
 * `npm run test:consumers`: the package as users get it (the packed tarball installed into
 * throwaway projects) under Node, TypeScript, Bun, Deno, esbuild and a real browser. Not part of
 * `npm test` (vitest.config.ts excludes test/consumers).
 */
export default defineConfig({
  test: {
    include: ['test/consumers/**/*.test.ts'],
    globalSetup: ['test/consumers/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    chaiConfig: { truncateThreshold: 2000 },
  },
});
