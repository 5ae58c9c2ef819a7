// Numbers inside Japanese citations: Arabic runs (half- or full-width) and kanji runs, which PDF
// extraction may break with spaces or line breaks (`第二十\n三条`). Read from char codes, without allocating.

import { isArabicDigit, skipGap } from './chars';

export interface NumberToken {
  /** Decimal value as a string, or null when the run is no usable number (0, absurdly long). */
  readonly value: string | null;
  readonly start: number;
  readonly end: number;
  readonly arabic: boolean;
}

/** No provision number is this long; longer runs are read (to skip them) but give no value. */
const MAX_DIGITS = 6;
const MAX_KANJI = 10;

/** Kanji digit values by char code; units (十百千) are negative. */
const KANJI_VALUE = new Map<number, number>([
  ...[...'〇一二三四五六七八九'].map((character, value) => [character.charCodeAt(0), value] as [number, number]),
  [0x5341, -10], // 十
  [0x767e, -100], // 百
  [0x5343, -1000], // 千
]);

export function isKanjiNumeral(code: number): boolean {
  return KANJI_VALUE.has(code);
}

/** The number starting at `from`, or null when none starts there. */
export function readNumber(text: string, from: number): NumberToken | null {
  const code = text.charCodeAt(from);
  if (isArabicDigit(code)) {
    let end = from;
    let value = 0;
    while (isArabicDigit(text.charCodeAt(end))) {
      const digit = text.charCodeAt(end);
      value = value * 10 + (digit >= 0xff10 ? digit - 0xff10 : digit - 0x30);
      end++;
    }
    return { value: end - from <= MAX_DIGITS && value > 0 ? String(value) : null, start: from, end, arabic: true };
  }
  if (!KANJI_VALUE.has(code)) return null;
  // 二十三 → 23, 百十五 → 115; a run without units is positional (一五 → 15, as e-Gov's 平成一八年).
  let end = from;
  let count = 0;
  let total = 0;
  let pending = 0;
  let positional = 0;
  let hasUnit = false;
  for (;;) {
    let next = text.charCodeAt(end);
    if (!KANJI_VALUE.has(next)) {
      const after = skipGap(text, end);
      if (after === end || !KANJI_VALUE.has(text.charCodeAt(after))) break;
      end = after;
      next = text.charCodeAt(end);
    }
    const value = KANJI_VALUE.get(next)!;
    if (value < 0) {
      hasUnit = true;
      total += (pending === 0 ? 1 : pending) * -value;
      pending = 0;
    } else {
      pending = pending * 10 + value;
      positional = positional * 10 + value;
    }
    count++;
    end++;
  }
  const value = hasUnit ? total + pending : positional;
  return { value: count <= MAX_KANJI && value > 0 ? String(value) : null, start: from, end, arabic: false };
}

/** Circled digits ①–⑳ (an informal paragraph number), as a number, or null. */
export function circledNumber(code: number): number | null {
  return code >= 0x2460 && code <= 0x2473 ? code - 0x245f : null;
}
