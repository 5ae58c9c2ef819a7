// Character classes and PDF-gap-tolerant matching for the Japanese citation grammar.
// A "gap" is the whitespace PDF extraction leaves inside words (`第 6 条`, `北大西洋条約第\n5条`, `及 び`).

/** The most characters, and line breaks, one gap may span; longer whitespace ends a citation. */
const GAP_MAX_CHARS = 8;
const GAP_MAX_BREAKS = 2;

export function isGap(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0xa0;
}

/** The offset after the gap starting at `from` (or `from` itself when there is none). */
export function skipGap(text: string, from: number): number {
  const limit = Math.min(text.length, from + GAP_MAX_CHARS);
  let position = from;
  let breaks = 0;
  while (position < limit) {
    const code = text.charCodeAt(position);
    if (!isGap(code)) break;
    // CRLF counts once: its CR is not counted, its LF is.
    if ((code === 0x0a || (code === 0x0d && text.charCodeAt(position + 1) !== 0x0a)) && ++breaks > GAP_MAX_BREAKS) break;
    position++;
  }
  return position;
}

/** The offset where the gap ending at `end` begins (or `end` itself when there is none). */
export function skipGapBack(text: string, end: number): number {
  const limit = Math.max(0, end - GAP_MAX_CHARS);
  let position = end;
  let breaks = 0;
  while (position > limit) {
    const code = text.charCodeAt(position - 1);
    if (!isGap(code)) break;
    if ((code === 0x0a || (code === 0x0d && text.charCodeAt(position) !== 0x0a)) && ++breaks > GAP_MAX_BREAKS) break;
    position--;
  }
  return position;
}

/** Whether the text between `from` and `to` holds a blank line: a paragraph break, past which no look-back reads. */
export function holdsBlankLine(text: string, from: number, to: number): boolean {
  return /\r?\n[ \t\u00a0]*\r?\n|\r[ \t\u00a0]*\r/.test(text.slice(from, to));
}

/** Matches `word` at `from`, gaps allowed between its characters; the end offset, or -1. */
export function matchWord(text: string, from: number, word: string): number {
  let position = from;
  for (let index = 0; index < word.length; index++) {
    if (index > 0) position = skipGap(text, position);
    if (text.charCodeAt(position) !== word.charCodeAt(index)) return -1;
    position++;
  }
  return position;
}

/** Matches `word` ending at `end`, gaps allowed between its characters; the start offset, or -1. */
export function matchWordBack(text: string, end: number, word: string): number {
  let position = end;
  for (let index = word.length - 1; index >= 0; index--) {
    if (index < word.length - 1) position = skipGapBack(text, position);
    if (position <= 0 || text.charCodeAt(position - 1) !== word.charCodeAt(index)) return -1;
    position--;
  }
  return position;
}

/** The first of `words` that matches at `from` (list longer words first), or null. */
export function matchAny(text: string, from: number, words: readonly string[]): { word: string; end: number } | null {
  for (const word of words) {
    const end = matchWord(text, from, word);
    if (end >= 0) return { word, end };
  }
  return null;
}

export function isKanji(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || code === 0x3005 || code === 0x3006 || (code >= 0xf900 && code <= 0xfaff);
}

/** Katakana, the long vowel mark and the middle dot (which joins names: ロシア・ベラルーシ), full- and half-width. */
export function isKatakana(code: number): boolean {
  return (code >= 0x30a1 && code <= 0x30fc) || (code >= 0xff65 && code <= 0xff9f);
}

/** Roman numeral characters (Ⅱ, ⅳ): names use them (ＳＴＡＲＴⅡ条約, 第Ⅱ部). */
export function isRomanNumeral(code: number): boolean {
  return code >= 0x2160 && code <= 0x217f;
}

export function isHiragana(code: number): boolean {
  return code >= 0x3041 && code <= 0x3096;
}

export function isArabicDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}

export function isLatinLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a);
}

/** Characters an instrument's name is made of (particles aside): ＩＮＦ全廃条約, ＳＴＡＲＴⅡ条約, 日ソ共同宣言. */
export function isNameChar(code: number): boolean {
  return isKanji(code) || isKatakana(code) || isArabicDigit(code) || isLatinLetter(code) || isRomanNumeral(code);
}

/** イロハ order: the letters of sub-items (号の細分). */
export const IROHA = 'イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス';
