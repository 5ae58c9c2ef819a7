import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // test/examples needs material outside the repository: `npm run test:examples` (vitest.examples.config.ts).
    exclude: ['test/e2e/**', 'test/examples/**', 'node_modules/**'],
    // Generous: protocol tests start real servers, and a loaded 2-core machine slows them down.
    testTimeout: 90_000,
  },
});
