// `npm run test:examples`: the real PDF-extracted analyses, which are not in the repository (test/examples/examples.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/examples/**/*.test.ts'],
    testTimeout: 90_000,
  },
});
