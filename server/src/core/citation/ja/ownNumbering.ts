// A document's own numbering: reports, white papers and books cross-reference their own parts (（参照1章4項3）,
// 5節2項1(2), 第Ⅱ部第3章2節). In an analysis a 項 or 号 that belongs to such a chain, or has no article before it
// in its sentence or the one before, is not a citation of any instrument.

import { isArabicDigit, isGap, isRomanNumeral, skipGapBack } from './chars';
import { isKanjiNumeral } from './numbers';

/** Units of a document's (or a book's) own divisions: 部 編 章 節 款. */
const DIVISION_UNITS = '部編章節款';
/** Words that stand before a division unit without a number: 本章, 前節, 同章, 次節. */
const DIVISION_DETERMINERS = '本前同次';

/** Whether the pointer at `position` goes on a chain of divisions (`1章4項`, `5節2項`, `本章2項`). */
export function continuesDivisionChain(text: string, position: number): boolean {
  const unit = skipGapBack(text, position) - 1;
  if (unit < 0 || !DIVISION_UNITS.includes(text[unit]!)) return false;
  const before = skipGapBack(text, unit) - 1;
  const code = text.charCodeAt(before);
  return before >= 0 && (isArabicDigit(code) || isKanjiNumeral(code) || isRomanNumeral(code) || DIVISION_DETERMINERS.includes(text[before]!));
}

const SENTENCE_ENDS = '。！？';
/** What ends the line before a blank line where a re-reading may cut (core/reading.ts): no look-back crosses it. */
const CUT_ENDS = '。．！？.!?';

function isSpace(code: number): boolean {
  return isGap(code) || code === 0x3000 || code === 0xfeff || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x0b || code === 0x0c;
}

/**
 * The start of the sentence before the one at an offset, for offsets asked in increasing order: one pass over the text.
 * Sentences end at 。！？; a blank line after a sentence end starts afresh (nothing before it counts), as everywhere
 * in the grammar, so that re-reading the paragraphs after it alone reads them the same.
 */
export class SentenceScopes {
  private cursor = 0;
  private current = 0;
  private previous = 0;
  /** The last character that was not white space, and whether the line being read has one yet. */
  private lastNonSpace = 0;
  private lineHasText = false;

  constructor(private readonly text: string) {}

  previousSentenceStart(offset: number): number {
    const text = this.text;
    for (; this.cursor < offset; this.cursor++) {
      const code = text.charCodeAt(this.cursor);
      if (code === 0x0a || (code === 0x0d && text.charCodeAt(this.cursor + 1) !== 0x0a)) {
        if (!this.lineHasText && CUT_ENDS.includes(String.fromCharCode(this.lastNonSpace))) this.previous = this.current = this.cursor + 1;
        this.lineHasText = false;
      } else if (!isSpace(code)) {
        this.lastNonSpace = code;
        this.lineHasText = true;
        if (SENTENCE_ENDS.includes(text[this.cursor]!)) {
          this.previous = this.current;
          this.current = this.cursor + 1;
        }
      }
    }
    return this.previous;
  }
}
