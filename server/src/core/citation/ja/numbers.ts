// Numbers inside Japanese citations: Arabic runs (half- or full-width) and kanji runs, which PDF
// extraction may break with spaces or line breaks (`第二十\n三条`).

import { parseArabicNumber, parseKanjiNumber } from '../../text/numerals';
import { isArabicDigit, isKanjiNumeral, skipGap } from './chars';

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

/** The number starting at `from`, or null when none starts there. */
export function readNumber(text: string, from: number): NumberToken | null {
  const code = text.charCodeAt(from);
  if (isArabicDigit(code)) {
    let end = from + 1;
    while (isArabicDigit(text.charCodeAt(end))) end++;
    const value = end - from <= MAX_DIGITS ? parseArabicNumber(text.slice(from, end)) : null;
    return { value: value ? String(value) : null, start: from, end, arabic: true };
  }
  if (!isKanjiNumeral(code)) return null;
  let end = from + 1;
  let digits = text[from]!;
  for (;;) {
    while (isKanjiNumeral(text.charCodeAt(end))) digits += text[end++];
    const next = skipGap(text, end);
    if (next === end || !isKanjiNumeral(text.charCodeAt(next))) break;
    end = next;
  }
  const value = digits.length <= MAX_KANJI ? parseKanjiNumber(digits) : null;
  return { value: value ? String(value) : null, start: from, end, arabic: false };
}

/** Circled digits ①–⑳ (an informal paragraph number), as a number, or null. */
export function circledNumber(code: number): number | null {
  return code >= 0x2460 && code <= 0x2473 ? code - 0x245f : null;
}
