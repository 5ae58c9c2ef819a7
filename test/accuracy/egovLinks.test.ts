// The bar issue 13 set for e-Gov's cross-law links from the six statutes (test/data/corpus/egov-links, in the
// repository): at least 97% resolved to the right law and article, none taken for a workspace law's own provision.
// `npm run accuracy` prints the same figures and writes them to docs/accuracy.md.
import { describe, expect, it } from 'vitest';
import { measureEgovLinks } from './egovLinks';

describe("e-Gov's cross-law links from the six statutes", () => {
  const { rows, counts } = measureEgovLinks();
  const provision = rows.find((row) => row.judgement === 'instrument and article')!.score;

  it('resolve to the right law and article at least 97% of the time', () => {
    expect(provision.truePositives + provision.falseNegatives).toBe(counts.judged);
    expect(provision.recall).toBeGreaterThanOrEqual(0.97);
  });

  it("are never taken for a workspace law's own provision", () => {
    expect(counts.takenForWorkspaceLaw).toBe(0);
  });
});
