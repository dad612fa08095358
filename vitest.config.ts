import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // LibreOffice conversions take seconds on these 2-core machines.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
