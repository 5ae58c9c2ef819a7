import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAnyNumber, parseArabicNumber, parseKanjiNumber, parseRomanNumber, toRoman, writeNumber } from '../../server/src/core/text/numerals';

describe('numbers as treaties write them', () => {
  it('writes article 23 in each script', () => {
    expect(writeNumber(23, 'arabic')).toBe('23');
    expect(writeNumber(23, 'fullwidth')).toBe('２３');
    expect(writeNumber(23, 'kanji')).toBe('二十三');
    expect(writeNumber(23, 'roman')).toBe('XXIII');
  });

  it('writes Roman numerals with the subtractive pairs (Article XIV, Annex IV, Part XC)', () => {
    expect([1, 4, 9, 14, 40, 90, 399, 1949].map(toRoman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XL', 'XC', 'CCCXCIX', 'MCMXLIX']);
  });

  it('writes kanji as statutes number articles (第百一条, 第千二十条)', () => {
    expect([10, 101, 1020, 3000].map((value) => writeNumber(value, 'kanji'))).toEqual(['十', '百一', '千二十', '三千']);
  });

  it('reads back what it writes, in every script', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3999 }), (value) => {
        expect(parseArabicNumber(writeNumber(value, 'arabic'))).toBe(value);
        expect(parseArabicNumber(writeNumber(value, 'fullwidth'))).toBe(value);
        expect(parseRomanNumber(writeNumber(value, 'roman'))).toBe(value);
        expect(parseKanjiNumber(writeNumber(value, 'kanji'))).toBe(value);
        expect(parseAnyNumber(writeNumber(value, 'kanji'))).toBe(value);
      }),
    );
  });
});
