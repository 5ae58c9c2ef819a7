// JSON written as it goes prints exactly what JSON.stringify(value, null, 2) prints, a list element at a time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streamed, writeJson } from '../../server/src/cli/report/jsonStream';

function written(value: unknown): { text: string; largest: number } {
  const pieces: string[] = [];
  writeJson(value, (text) => pieces.push(text));
  return { text: pieces.join(''), largest: Math.max(...pieces.map((piece) => piece.length)) };
}

/** Replaces every array held by a member named `list` with the same elements, streamed from a generator. */
function streamLists(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(streamLists);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, member]) => {
      if (key !== 'list' || !Array.isArray(member)) return [key, streamLists(member)];
      const elements = member;
      return [key, streamed((function* () { yield* elements; })())];
    }),
  );
}

describe('writeJson', () => {
  it('prints what JSON.stringify prints, with the lists streamed', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, true, false, 0, -1.5, 1e21, undefined),
        fc.string({ unit: 'grapheme' }),
        fc.constantFrom('line\nbreak', 'tab\t"quote"', 'back\\slash', '\u2028', '\ud800', '条約\r\n'),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.constantFrom('list', 'a', 'b "c"', '番号'), tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('version', 'list', 'x'), json), (value) => {
        expect(written(streamLists(value)).text).toBe(`${JSON.stringify(value, null, 2)}\n`);
      }),
      { numRuns: 500 },
    );
  });

  it('prints an empty stream as [] and never holds more than one element of a stream', () => {
    expect(written({ citations: streamed([]) }).text).toBe('{\n  "citations": []\n}\n');
    const element = { text: 'x'.repeat(1000) };
    function* many() {
      for (let index = 0; index < 1000; index++) yield element;
    }
    const { text, largest } = written({ version: 1, citations: streamed(many()) });
    expect(JSON.parse(text).citations).toHaveLength(1000);
    expect(largest).toBeLessThan(1100);
  });
});
