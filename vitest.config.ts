import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Generous: protocol tests start real servers, and a loaded 2-core machine slows them down.
    testTimeout: 90_000,
    // The unit tests run on worker threads that keep their module cache from file to file: they mock nothing and
    // the core they import is pure, and importing it afresh for each of forty files cost four times the tests' own
    // time. Every other suite keeps a fresh process per file (vitest decides isolation per pool, not per project).
    poolOptions: { threads: { isolate: false } },
    projects: [
      // The unit tests first, then the rest: two pools at once would double the workers on a 2-core machine.
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], pool: 'threads', sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          pool: 'forks',
          sequence: { groupOrder: 1 },
          // test/examples needs material outside the repository: `npm run test:examples` (vitest.examples.config.ts);
          // test/perf asserts timings, which a loaded machine breaks: `npm run test:perf` (vitest.perf.config.ts).
          exclude: ['test/unit/**', 'test/e2e/**', 'test/examples/**', 'test/perf/**', 'node_modules/**'],
        },
      },
    ],
  },
});
