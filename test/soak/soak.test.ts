// The quick soak of `npm test` (SOAK_EDITS, 500 by default; `npm run soak -- --edits 20000` is the long one):
// random edits, hovers and definitions through the built server, then every answer compared with a fresh index.
import { describe, expect, it } from 'vitest';
import { heapIsStable, runSoak, type SoakReport } from './soak';

const EDITS = Number(process.env.SOAK_EDITS ?? 500);

describe('a soak of random edits, hovers and definitions through the built server', () => {
  let report: SoakReport;

  it(`answers ${EDITS} edits later exactly as a fresh index of the final texts`, async () => {
    report = await runSoak({ edits: EDITS, seed: 7, analyses: 20 });
    const MB = 2 ** 20;
    console.log(
      `soak: ${report.edits} edits, ${report.hovers} hovers, ${report.definitions} definitions, ${report.compared} answers compared in ${report.seconds.toFixed(1)} s; ` +
        `heap start ${(report.heap.start / MB).toFixed(1)} MB, peak ${(report.heap.peak / MB).toFixed(1)} MB, end ${(report.heap.end / MB).toFixed(1)} MB`,
    );
    expect(report.errors).toEqual([]);
    expect(report.mismatches).toEqual([]);
    expect(report.compared).toBeGreaterThan(100);
  }, 120_000);

  it('keeps the server heap stable over the run', () => {
    expect(heapIsStable(report.samples).stable).toBe(true);
  });
});
