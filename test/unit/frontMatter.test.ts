// Front matter of plain `key: value` lines is read without the YAML library, and must read exactly as the library
// reads it: the same fields, keys and problems. A comment line before it sends the same front matter to the library,
// so each case is compared with itself read that way.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../server/src/core/frontMatter';

const SPAN = { start: 0, end: 100 };
const read = (yaml: string) => parseFrontMatter(yaml, 4, SPAN);
const COMMENT = '# comment\n';
/** The same front matter, read by the YAML library: a comment line first (not a plain line, and it changes nothing after it). */
const byLibrary = (yaml: string) => parseFrontMatter(`${COMMENT}${yaml}`, 4 - COMMENT.length, SPAN);

describe('plain front matter', () => {
  const cases = [
    'cites: t01',
    'treaty: t01\ntitle: 日本国とフランス共和国との間の防衛協力に関する協定\nshort: フランス防衛協力協定',
    'title: North Atlantic Treaty\nlang: en',
    'title: Treaty  of   Lisbon   ',
    'cites: 2024',
    'cites: 1e3',
    'cites: 0x1F',
    'cites: .5',
    'cites: true',
    'cites: null',
    'cites: ~',
    'title: a: b',
    'title: ends with a colon:',
    'title: http://example.org/treaty',
    'title: [a, b]',
    'title: a, b [c] {d}',
    'aliases: NATO',
    'cites: t01\ncites: t02',
    'title: -5 is a number, -x is not',
    "title: it's",
    'title: "quoted"',
  ];
  for (const yaml of cases) {
    it(`reads ${JSON.stringify(yaml)} as the YAML library does`, () => {
      expect(read(yaml)).toEqual(byLibrary(yaml));
    });
  }

  it('reads random key: value lines as the YAML library does', () => {
    const key = fc.constantFrom('treaty', 'title', 'short', 'aliases', 'lang', 'cites', 'other', 'x-y');
    const value = fc.string({ unit: fc.constantFrom('a', 'Z', '1', '0', '.', 'e', 'x', '-', '+', ':', ' ', '#', ',', '[', ']', '{', '}', '?', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', '~', '条', '約', '\t'), minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 4 }), (lines) => {
        const yaml = lines.map(([name, text]) => `${name}: ${text}`).join('\n');
        expect(read(yaml)).toEqual(byLibrary(yaml));
      }),
      { numRuns: 2000 },
    );
  });
});
