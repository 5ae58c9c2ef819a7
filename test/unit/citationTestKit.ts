// Helpers shared by the English and Russian citation grammar tests: fixtures with ^^^ span markers (test/fixture.ts), compact views
// of a citation, and the well-formedness check for random input.

import { expect } from 'vitest';
import type { CitationSyntax, LanguageScan, LevelRef, ScanOptions } from '../../server/src/core/types';
import { MASK_CHARACTER } from '../../server/src/core/types';
import { dedent, parseMarkedText } from '../fixture';

export type Scanner = (text: string, options: ScanOptions) => LanguageScan;

export const prose: ScanOptions = { treatyDocument: false };
export const treaty: ScanOptions = { treatyDocument: true };

export interface Scanned {
  readonly text: string;
  readonly scan: LanguageScan;
  /** Each citation's text. */
  readonly spans: string[];
  /** The marked ranges' texts. */
  readonly marked: string[];
  readonly citations: readonly CitationSyntax[];
}

/** Scans a dedented fixture whose expected citation spans are marked with ^^^ under them. */
export function scanMarked(scanner: Scanner, source: string, options: ScanOptions): Scanned {
  const { text, ranges } = parseMarkedText(dedent(source).replace(/\n\s*$/, ''));
  const result = scanner(text, options);
  return {
    text,
    scan: result,
    citations: result.citations,
    spans: result.citations.map((citation) => text.slice(citation.span.start, citation.span.end)),
    marked: ranges.map((range) => text.slice(range.start, range.end)),
  };
}

export const number = (value: string): LevelRef => ({ kind: 'number', value });

/** The levels of a citation in a compact form for comparisons (the sub-item only when there is one). */
export function levels(citation: CitationSyntax): Record<string, unknown> {
  return {
    article: citation.article,
    paragraph: citation.paragraph,
    item: citation.item,
    ...(citation.subitem === null ? {} : { subitem: citation.subitem }),
  };
}

/** A citation's span and numbered article and paragraph, to compare with what a generator wrote. */
export function spanAndNumbers(citation: CitationSyntax): { start: number; end: number; article: string | null; paragraph: string | null } {
  return {
    start: citation.span.start,
    end: citation.span.end,
    article: citation.article?.kind === 'number' ? citation.article.value : null,
    paragraph: citation.paragraph?.kind === 'number' ? citation.paragraph.value : null,
  };
}

/** Citations in order, inside the text, never over masked text, each series member after the one it names. */
export function expectWellFormed(text: string, result: LanguageScan): void {
  let previousStart = -1;
  result.citations.forEach((citation, index) => {
    expect(citation.span.start).toBeGreaterThanOrEqual(previousStart);
    expect(citation.span.start).toBeLessThan(citation.span.end);
    expect(citation.span.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(citation.span.start, citation.span.end)).not.toContain(MASK_CHARACTER);
    if (citation.seriesPrevious !== null) expect(citation.seriesPrevious).toBeLessThan(index);
    previousStart = citation.span.start;
  });
  for (const mention of result.mentions) expect(mention.span.end).toBeLessThanOrEqual(text.length);
}
