// Reading a document's prose: the Markdown structure pass and the citation scan, in full or, after an
// edit, again only over the paragraphs around the change (the keystroke path of a large analysis).

import { resplitSentences, scanCitations } from './citation/scan';
import { lazilyMasked, maskedRange, readMarkdownStructure, type MarkdownStructure } from './markdown/structure';
import type { CitationLanguage, CitationScan, CitationSyntax, Span } from './types';

export interface Reading {
  /** Tells readings apart without holding on to them: an edit names the reading it started from. */
  readonly serial: number;
  readonly structure: MarkdownStructure;
  readonly scan: CitationScan;
  /** For a re-reading: what changed since reading `edit.from`, so that resolution can resume around it too. */
  readonly edit?: ReadingEdit;
}

/** Where a re-reading replaced old items by new ones: `head` kept, `inside` new, old from `tailStart` on moved. */
export interface Splice {
  readonly head: number;
  readonly inside: number;
  readonly tailStart: number;
}

export interface ReadingEdit {
  readonly from: number;
  /** The window read again: [start, end) of the new text, which was [start, end - delta) of the old one. */
  readonly start: number;
  readonly end: number;
  readonly delta: number;
  readonly citations: Splice;
  readonly mentions: Splice;
  readonly aliases: Splice;
  /** How many sentences of the old reading, from the first, the new one kept as they were (before the change). */
  readonly sentences: number;
}

let readings = 0;

/** A reading of a whole text, with its own serial. */
export function newReading(structure: MarkdownStructure, scan: CitationScan): Reading {
  return { serial: ++readings, structure, scan };
}

// Edits that add or remove these can change how text far away is read (code, comments, front matter).
const STRUCTURAL = /`|~~~|<!--|-->|^---/m;

/**
 * Re-reads `newText` after an edit of `oldText`, reusing `previous` outside the changed paragraphs.
 * Returns null when the edit may change the structure beyond its paragraphs; the caller reads in full.
 * Invariant: the result equals `readText(newText)` in citations, mentions, aliases, sentences and masking
 * (test/fuzz/reading.test.ts checks this on random edits).
 */
export function rereadText(
  previous: Reading,
  oldText: string,
  newText: string,
  languages: readonly CitationLanguage[],
  plainText = false,
): Reading | null {
  const shorter = Math.min(oldText.length, newText.length);
  const prefix = commonPrefix(oldText, newText, shorter);
  if (prefix === oldText.length && prefix === newText.length) return previous;
  const suffix = commonSuffix(oldText, newText, shorter - prefix);
  const delta = newText.length - oldText.length;
  const removed = oldText.slice(Math.max(0, prefix - 3), oldText.length - suffix + 3);
  const inserted = newText.slice(Math.max(0, prefix - 3), newText.length - suffix + 3);
  if (STRUCTURAL.test(removed) || STRUCTURAL.test(inserted)) return null;
  const old = previous.structure;
  if (old.frontMatter && prefix <= old.frontMatter.span.end + 1) return null;

  const start = boundaryBefore(newText, prefix);
  const end = boundaryAfter(newText, newText.length - suffix);
  if (start === null || end === null) return null;
  const oldEnd = end - delta;
  // The cut must have been safe in the old text too, or an old citation may straddle it.
  if (!isBoundary(oldText, start) || !isBoundary(oldText, oldEnd)) return null;
  // The window must not cut through code or a comment of the previous reading.
  // A block left open runs to the end of the text and swallows text appended after it.
  const touches = (span: Span): boolean => span.start < oldEnd && (span.end > start || span.end === oldText.length);
  if (old.codeBlocks.some(touches) || old.comments.some((comment) => touches(comment.span))) return null;
  // Nor through anything else masked (a code span cannot cross a blank line, but the cut must be sure of it).
  const straddles = (span: Span): boolean => (span.start < start && span.end > start) || (span.start < oldEnd && span.end > oldEnd);
  if (old.maskedSpans.some(straddles)) return null;

  const windowText = newText.slice(start, end);
  // Code and comments inside the paragraphs re-read may pair with marks outside them: read in full.
  if (STRUCTURAL.test(windowText) || STRUCTURAL.test(oldText.slice(start, oldEnd))) return null;
  const window = readMarkdownStructure(windowText, plainText);
  if (window.frontMatter) return null;
  const windowScan = scanCitations(window.masked, languages, { treatyDocument: false });

  const splice = <T extends { span: Span }>(before: readonly T[], inside: readonly T[]): T[] => {
    // Loops, not spreads and filters: a keystroke near the start of a long analysis moves thousands of items.
    const result: T[] = [];
    for (const item of before) if (item.span.end <= start) result.push(item);
    for (const item of inside) result.push(moveItem(item, start));
    for (const item of before) if (item.span.start >= oldEnd) result.push(moveItem(item, delta));
    return result;
  };
  const spliceSpans = (before: readonly Span[], inside: readonly Span[]): Span[] => {
    const result: Span[] = [];
    for (const span of before) if (span.end <= start) result.push(span);
    for (const span of inside) result.push(moveSpan(span, start));
    for (const span of before) if (span.start >= oldEnd) result.push(moveSpan(span, delta));
    return result;
  };

  const maskedSpans = spliceSpans(old.maskedSpans, window.maskedSpans);
  const structure: MarkdownStructure = lazilyMasked(newText, maskedSpans, {
    frontMatter: old.frontMatter,
    comments: splice(old.comments, window.comments),
    headings: splice(old.headings, window.headings),
    codeBlocks: spliceSpans(old.codeBlocks, window.codeBlocks),
  });
  const spliceOf = (before: readonly { span: Span }[], inside: readonly unknown[]): Splice => {
    let head = 0;
    let tailStart = -1;
    for (let index = 0; index < before.length; index++) {
      const span = before[index]!.span;
      if (span.end <= start) head++;
      if (tailStart < 0 && span.start >= oldEnd) tailStart = index;
    }
    return { head, inside: inside.length, tailStart: tailStart < 0 ? before.length : tailStart };
  };
  // Sentences run across blank lines (PDF paste), so a window's edges are not sentence edges: the splitter
  // resumes before the window and runs until its sentences meet the old ones again.
  const sentences = resplitSentences(previous.scan.sentenceEnds, (from, to) => maskedRange(newText, maskedSpans, from, to), newText.length, start, end, delta);
  const edit: ReadingEdit = {
    from: previous.serial,
    start,
    end,
    delta,
    citations: spliceOf(previous.scan.citations, windowScan.citations),
    mentions: spliceOf(previous.scan.mentions, windowScan.mentions),
    aliases: spliceOf(previous.scan.aliases, windowScan.aliases),
    sentences: sentences.kept,
  };
  return {
    serial: ++readings,
    edit,
    structure,
    scan: {
      citations: spliceCitations(previous.scan.citations, windowScan.citations, start, oldEnd, delta),
      mentions: splice(previous.scan.mentions, windowScan.mentions),
      aliases: splice(previous.scan.aliases, windowScan.aliases),
      sentenceEnds: sentences.ends,
    },
  };
}

// Strings are compared a block at a time (a native comparison), then a character at a time.
const BLOCK = 2048;

function commonPrefix(a: string, b: string, limit: number): number {
  let length = 0;
  while (length + BLOCK <= limit && a.slice(length, length + BLOCK) === b.slice(length, length + BLOCK)) length += BLOCK;
  while (length < limit && a.charCodeAt(length) === b.charCodeAt(length)) length++;
  return length;
}

function commonSuffix(a: string, b: string, limit: number): number {
  let length = 0;
  while (length + BLOCK <= limit && a.slice(a.length - length - BLOCK, a.length - length) === b.slice(b.length - length - BLOCK, b.length - length)) length += BLOCK;
  while (length < limit && a.charCodeAt(a.length - 1 - length) === b.charCodeAt(b.length - 1 - length)) length++;
  return length;
}

const moveSpan = (span: Span, by: number): Span => ({ start: span.start + by, end: span.end + by });

/** Moves an item and the other spans it carries (a heading's text, a citation's qualifier). */
function moveItem<T extends { span: Span }>(item: T, by: number): T {
  const moved: Record<string, unknown> = { ...item, span: moveSpan(item.span, by) };
  if ('textSpan' in item) moved['textSpan'] = moveSpan((item as unknown as { textSpan: Span }).textSpan, by);
  return moved as T;
}

/** Citations carry spans of their own (qualifiers) and indexes into their list (series): both move. */
function spliceCitations(
  before: readonly CitationSyntax[],
  inside: readonly CitationSyntax[],
  start: number,
  oldEnd: number,
  delta: number,
): CitationSyntax[] {
  const result = before.filter((citation) => citation.span.end <= start);
  const headLength = result.length;
  const found = before.findIndex((citation) => citation.span.start >= oldEnd);
  const tailStart = found < 0 ? before.length : found;
  // Every field spelled out: a keystroke moves every citation after it, and a literal of one shape is the cheapest copy.
  const move = (citation: CitationSyntax, by: number, indexShift: number): CitationSyntax => ({
    span: moveSpan(citation.span, by),
    language: citation.language,
    kind: citation.kind,
    article: citation.article,
    paragraph: citation.paragraph,
    item: citation.item,
    subitem: citation.subitem,
    part: citation.part,
    supplementary: citation.supplementary,
    preamble: citation.preamble,
    annex: citation.annex,
    division: citation.division,
    qualifier: citation.qualifier ? { ...citation.qualifier, span: moveSpan(citation.qualifier.span, by) } : null,
    seriesPrevious: citation.seriesPrevious === null ? null : citation.seriesPrevious + indexShift,
    rangeRole: citation.rangeRole,
  });
  // Loops, not spreads: a keystroke near the start of a long analysis moves thousands, and spreads go through iterators.
  for (const citation of inside) result.push(move(citation, start, headLength));
  const tailShift = headLength + inside.length - tailStart;
  for (let index = tailStart; index < before.length; index++) result.push(move(before[index]!, delta, tailShift));
  return result;
}

// A safe place to cut: the start of a line after a blank line that follows the end of a sentence. Citations,
// lists, quotations and code spans do not cross such a place. (The end of a heading is not one: the grammar reads
// `## …第6` and the `項` that opens the next paragraph as one citation.)
const SENTENCE_END = /[。．！？.!?]\s*$/;

function isBoundary(text: string, lineStart: number): boolean {
  if (lineStart === 0 || lineStart === text.length) return true;
  const previousLineEnd = lineStart - 1;
  const previousLineStart = lineStartOf(text, previousLineEnd);
  const previousLine = text.slice(previousLineStart, previousLineEnd);
  if (previousLine.trim().length > 0 || previousLineStart === 0) return false;
  // The line before is blank: look at the last non-blank line.
  let cursor = previousLineStart - 1;
  while (cursor > 0) {
    const lineBegin = lineStartOf(text, cursor);
    const line = text.slice(lineBegin, cursor);
    if (line.trim().length > 0) return SENTENCE_END.test(line);
    cursor = lineBegin - 1;
  }
  return false;
}

function lineStartOf(text: string, offset: number): number {
  // lastIndexOf treats a negative start as 0, which would find a line feed at 0 again and again.
  if (offset <= 0) return 0;
  const newline = text.lastIndexOf('\n', offset - 1);
  return newline + 1;
}

const MAX_SEARCH = 64 * 1024;

function boundaryBefore(text: string, offset: number): number | null {
  let lineStart = lineStartOf(text, offset);
  for (let searched = 0; searched < MAX_SEARCH; ) {
    if (isBoundary(text, lineStart)) return lineStart;
    const previous = lineStartOf(text, lineStart - 1);
    searched += lineStart - previous;
    lineStart = previous;
  }
  return null;
}

function boundaryAfter(text: string, offset: number): number | null {
  let cursor = offset;
  for (let searched = 0; searched < MAX_SEARCH; ) {
    const newline = text.indexOf('\n', cursor);
    if (newline < 0) return text.length;
    const lineStart = newline + 1;
    if (isBoundary(text, lineStart)) return lineStart;
    searched += lineStart - cursor;
    cursor = lineStart;
  }
  return null;
}
