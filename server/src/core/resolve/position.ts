// Where a citation inside a treaty or statute speaks from: the provision it stands in, or, inside quoted wording of an
// amendment or 読み替え clause (`第六十七条第三項中「前二項の…」とあるのは「…」`), the provision named before 中.

import { findArticle, findParagraph, locateProvision, type ProvisionLocation } from '../treaty/locate';
import type { CitationSyntax, Treaty } from '../types';
import type { Binding } from './state';

interface AmendmentQuote {
  readonly start: number;
  readonly end: number;
  /** `中「…」`: names the wording it replaces (a replacement quote `とあるのは「…」` keeps the anchor). */
  readonly opensClause: boolean;
}

const OPEN = '「'.charCodeAt(0);
const CLOSE = '」'.charCodeAt(0);
const NEWLINE = 0x0a;
const IDEOGRAPHIC_SPACE = 0x3000;

/**
 * Top-level 「…」 quotations that follow 中 or とあるのは: quoted provision wording, in one linear pass over a whole
 * treaty, on character codes (a one-character string of a CJK text is a new string each time).
 */
function findAmendmentQuotes(text: string): AmendmentQuote[] {
  const quotes: AmendmentQuote[] = [];
  let depth = 0;
  let start = -1;
  for (let index = text.indexOf('「'); index >= 0 && index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === OPEN) {
      if (depth === 0) start = index;
      depth++;
    } else if (code === CLOSE && depth > 0) {
      depth--;
      if (depth > 0) continue;
      const before = text.slice(Math.max(0, start - 6), start);
      const opensClause = before.endsWith('中');
      if (opensClause || /とあるのは、?$/.test(before)) quotes.push({ start, end: index + 1, opensClause });
    } else if (depth === 0) {
      // Outside a quotation only the next opening mark matters.
      const next = text.indexOf('「', index + 1);
      if (next < 0) break;
      index = next - 1;
    } else if (code === NEWLINE && text.charCodeAt(index + 1) !== IDEOGRAPHIC_SPACE) {
      // An unclosed quotation does not run past its line.
      depth = 0;
    }
  }
  return quotes;
}

/** Where a citation speaks from, and the quote's anchor when it stands in quoted wording. */
export interface Position {
  /** The provision it is read relative to (前項, 本条), or null outside the treaty's articles. */
  readonly location: ProvisionLocation | null;
  /** Inside quoted amendment wording: the binding of the provision named before 中, or null when none was. */
  readonly quoteAnchor: Binding | null;
  /** The anchor is an article of the treaty itself, so `location` is that article. */
  readonly anchoredInSelf: boolean;
}

/** Reads the positions of a treaty's citations in order. */
export class PositionReader {
  private readonly quotes: AmendmentQuote[];
  private cursor = 0;
  private anchor: Binding | null = null;

  constructor(
    private readonly treaty: Treaty,
    text: string,
  ) {
    this.quotes = findAmendmentQuotes(text);
  }

  /** The position of citation `index`; `bindings` holds those of the citations before it. */
  at(citations: readonly CitationSyntax[], index: number, bindings: readonly Binding[]): Position {
    const offset = citations[index]!.span.start;
    const quotes = this.quotes;
    while (this.cursor < quotes.length && quotes[this.cursor]!.end <= offset) this.cursor++;
    const quote = quotes[this.cursor] && quotes[this.cursor]!.start <= offset ? quotes[this.cursor]! : null;
    if (quote && quote.opensClause) this.anchor = index > 0 && citations[index - 1]!.span.end <= quote.start ? (bindings[index - 1] ?? null) : null;
    const anchor = this.anchor;
    const anchorArticle = quote && anchor?.instrument?.id === this.treaty.id && anchor?.article ? findArticle(this.treaty, anchor.article, anchor.supplementaryGroup) : undefined;
    const location = anchorArticle
      ? { article: anchorArticle, paragraph: anchor!.paragraph ? (findParagraph(anchorArticle, anchor!.paragraph) ?? null) : null, item: null, subitem: null }
      : locateProvision(this.treaty, offset);
    return { location, quoteAnchor: quote ? anchor : null, anchoredInSelf: anchorArticle !== undefined };
  }
}

/** Outside a treaty, a citation stands nowhere: everything it leans on is in the discourse. */
export const NOWHERE: Position = { location: null, quoteAnchor: null, anchoredInSelf: false };
