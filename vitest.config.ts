import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // test/examples needs material outside the repository: `npm run test:examples` (vitest.examples.config.ts);
    // test/perf asserts timings, which a loaded machine breaks: `npm run test:perf` (vitest.perf.config.ts).
    exclude: ['test/e2e/**', 'test/examples/**', 'test/perf/**', 'node_modules/**'],
    // Generous: protocol tests start real servers, and a loaded 2-core machine slows them down.
    testTimeout: 90_000,
  },
});
