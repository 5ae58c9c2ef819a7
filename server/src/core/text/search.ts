// The one binary search of the core: lists of spans, sentences, lines and citations are kept in offset order,
// and every look-up by offset asks where a condition that holds for a prefix of such a list stops holding.

/**
 * The first index in `[0, length)` for which `before` is false, or `length`: `before` must hold for a prefix of
 * the indices and for none after it (`start < offset` gives a lower bound, `start <= offset` an upper one).
 */
export function partitionPoint(length: number, before: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}
