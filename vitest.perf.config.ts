import { defineConfig } from 'vitest/config';

// `npm run test:perf`: the timing assertions (test/perf), one file at a time so the tests do not slow each other.
export default defineConfig({
  test: {
    include: ['test/perf/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
  },
});
