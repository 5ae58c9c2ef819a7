import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partitionPoint } from '../../server/src/core/text/search';

describe('the binary search over lists in offset order', () => {
  it('finds where the sentence starts stop being at or before an offset', () => {
    const starts = [0, 12, 12, 40];
    expect(partitionPoint(starts.length, (index) => starts[index]! <= 11)).toBe(1);
    expect(partitionPoint(starts.length, (index) => starts[index]! <= 12)).toBe(3);
    expect(partitionPoint(starts.length, (index) => starts[index]! < 12)).toBe(1);
    expect(partitionPoint(starts.length, (index) => starts[index]! <= 99)).toBe(4);
    expect(partitionPoint(0, () => true)).toBe(0);
  });

  it('agrees with a scan from the start, for any sorted list and bound', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 })), fc.integer({ min: -1, max: 51 }), (values, bound) => {
        const sorted = values.sort((a, b) => a - b);
        const scanned = sorted.findIndex((value) => !(value < bound));
        expect(partitionPoint(sorted.length, (index) => sorted[index]! < bound)).toBe(scanned < 0 ? sorted.length : scanned);
      }),
    );
  });
});
