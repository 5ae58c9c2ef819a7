// Numbers as treaties write them: kanji (二十三, 百十五, 一五), full-width (２３), Roman (IV, xiv), read and written.
// Every reader returns null for text that is not a number, never throws; the writers sit beside them so both agree.

const KANJI_DIGITS: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 元: 1,
  壱: 1, 弐: 2, 参: 3,
};
const KANJI_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000, 拾: 10 };

/** Kanji numeral characters (digits and units) as a regex character-class body. */
export const KANJI_NUMERAL_CLASS = '〇零一二三四五六七八九十百千元壱弐参拾';

/** Arabic digits, half- and full-width, as a regex character-class body. */
export const ARABIC_DIGIT_CLASS = '0-9０-９';

/** `二十三` → 23, `百十五` → 115, `千三百四十四` → 1344, `一五` → 15 (positional); null if not a kanji numeral. */
export function parseKanjiNumber(text: string): number | null {
  if (text.length === 0) return null;
  let hasUnit = false;
  for (const character of text) {
    if (KANJI_UNITS[character] !== undefined) hasUnit = true;
    else if (KANJI_DIGITS[character] === undefined) return null;
  }
  if (!hasUnit) {
    // A run of digits with no unit is read positionally, as in e-Gov's 平成一八年.
    let value = 0;
    for (const character of text) value = value * 10 + KANJI_DIGITS[character]!;
    return value;
  }
  let total = 0;
  let pending = 0;
  for (const character of text) {
    const unit = KANJI_UNITS[character];
    if (unit === undefined) {
      pending = pending * 10 + KANJI_DIGITS[character]!;
    } else {
      total += (pending === 0 ? 1 : pending) * unit;
      pending = 0;
    }
  }
  return total + pending;
}

/** `12`, `１２` → 12; null if not all Arabic digits. */
export function parseArabicNumber(text: string): number | null {
  if (text.length === 0 || text.length > 15) return null;
  let value = 0;
  for (const character of text) {
    const code = character.charCodeAt(0);
    let digit: number;
    if (code >= 0x30 && code <= 0x39) digit = code - 0x30;
    else if (code >= 0xff10 && code <= 0xff19) digit = code - 0xff10;
    else return null;
    value = value * 10 + digit;
  }
  return value;
}

const ROMAN_VALUES: Readonly<Record<string, number>> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

/** `IV` → 4, `xiv` → 14; null for anything that is not a well-formed Roman numeral. */
export function parseRomanNumber(text: string): number | null {
  const lower = text.toLowerCase();
  if (!/^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/.test(lower) || lower.length === 0) return null;
  let total = 0;
  for (let index = 0; index < lower.length; index++) {
    const value = ROMAN_VALUES[lower[index]!]!;
    const next = index + 1 < lower.length ? ROMAN_VALUES[lower[index + 1]!]! : 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** Any of the above: Arabic (either width), then kanji, then Roman. */
export function parseAnyNumber(text: string): number | null {
  return parseArabicNumber(text) ?? parseKanjiNumber(text) ?? parseRomanNumber(text);
}

/** Normalises full-width ASCII (digits, letters, parentheses) to half-width; keeps length per character. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0));
}

/** The script an article or paragraph number is written in. */
export type NumeralScript = 'arabic' | 'fullwidth' | 'kanji' | 'roman';

/** Writes a number in a script: 23 → `23`, `２３`, `二十三`, `XXIII`. */
export function writeNumber(value: number, script: NumeralScript): string {
  switch (script) {
    case 'arabic':
      return String(value);
    case 'fullwidth':
      return String(value).replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
    case 'kanji':
      return toKanji(value);
    case 'roman':
      return toRoman(value);
  }
}

function toKanji(value: number): string {
  if (value === 0) return '〇';
  const digits = '〇一二三四五六七八九';
  const units: [number, string][] = [[1000, '千'], [100, '百'], [10, '十']];
  if (value >= 10000) return String(value);
  let rest = value;
  let result = '';
  for (const [unit, name] of units) {
    const digit = Math.floor(rest / unit);
    rest %= unit;
    if (digit > 0) result += (digit === 1 ? '' : digits[digit]) + name;
  }
  if (rest > 0) result += digits[rest];
  return result;
}

/** 23 → `XXIII` (upper case; lower-case item numbers lower it). */
export function toRoman(value: number): string {
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let result = '';
  let rest = value;
  for (const [unit, letters] of table) {
    while (rest >= unit) {
      result += letters;
      rest -= unit;
    }
  }
  return result;
}
