// A linear, line-based reading of the Markdown structure the core needs on every keystroke:
// front matter, fenced and indented code, code spans, HTML comments and ATX headings.
// remark gives the full tree but costs ~0.3 s per MB; this pass masks non-prose text in one sweep
// (test/unit/markdownStructure.test.ts on the cases that matter, test/fuzz/markdownStructure.test.ts against remark).

import { MASK_CHARACTER, type Span } from '../types';
import { partitionPoint } from '../text/search';

export interface Heading {
  readonly level: number;
  readonly text: string;
  /** The whole heading line, without its line break. */
  readonly span: Span;
  /** The heading's text, without the `#` marks. */
  readonly textSpan: Span;
}

export interface HtmlComment {
  readonly span: Span;
  /** The comment's inner text, trimmed. */
  readonly body: string;
}

export interface MarkdownStructure {
  /** The source with front matter, code and comments replaced by MASK_CHARACTER (line breaks kept). */
  readonly masked: string;
  /**
   * Where `masked` differs from the source: spans in order, apart, whose characters but line breaks are masked
   * (`maskedRange` makes any part of the masked text from them, without the whole).
   */
  readonly maskedSpans: readonly Span[];
  /** The front matter block (fences included) and its YAML text, or null. */
  readonly frontMatter: { readonly span: Span; readonly yaml: string; readonly yamlStart: number } | null;
  readonly comments: readonly HtmlComment[];
  readonly headings: readonly Heading[];
  readonly codeBlocks: readonly Span[];
}

interface Line {
  readonly start: number;
  /** End of content, before the line break. */
  readonly end: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  // Jump between line feeds; a carriage return is rare enough to check for on the way. Each search result is
  // kept until passed: searching again from every line start would rescan the rest of the text (quadratic on
  // text with only carriage returns, or with one carriage return at its end).
  const hasCarriageReturn = text.includes('\r');
  let feed = -1;
  let carriage = hasCarriageReturn ? -1 : text.length;
  while (start <= text.length) {
    if (feed < start) feed = text.indexOf('\n', start);
    if (feed < 0) feed = text.length;
    const end = feed;
    if (hasCarriageReturn) {
      if (carriage < start) carriage = text.indexOf('\r', start);
      if (carriage < 0) carriage = text.length;
      if (carriage < end) {
        lines.push({ start, end: carriage });
        start = text.charCodeAt(carriage + 1) === 0x0a ? carriage + 2 : carriage + 1;
        continue;
      }
    }
    lines.push({ start, end });
    start = end + 1;
  }
  return lines;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;

/**
 * Reads the structure of a Markdown (or plain text) document in one linear pass. `plainText` is for `.txt` files,
 * which are not Markdown: official texts indent chapter headings and 附則 with spaces, and such a line is text,
 * never an indented code block.
 */
export function readMarkdownStructure(text: string, plainText = false): MarkdownStructure {
  // Masked spans are collected and applied once at the end: building the string from slices is far
  // cheaper than editing an array of 16-bit units one at a time.
  const masks: Span[] = [];
  const maskSpan = (start: number, end: number): void => {
    if (end > start) masks.push({ start, end });
  };
  const lines = splitLines(text);
  const find = new Finder(text);
  const headings: Heading[] = [];
  const comments: HtmlComment[] = [];
  const codeBlocks: Span[] = [];
  let frontMatter: MarkdownStructure['frontMatter'] = null;
  let lineNumber = 0;

  if (text.charCodeAt(0) === 0xfeff) maskSpan(0, 1);
  const lineText = (line: Line): string => text.slice(line.start, line.end);

  // Front matter: `---` on the first line, closed by `---` or `...`.
  const firstLine = lines[0]!;
  if (lineText(firstLine).replace(/^\uFEFF/, '').trimEnd() === '---') {
    for (let closing = 1; closing < lines.length; closing++) {
      const content = lineText(lines[closing]!).trimEnd();
      if (content === '---' || content === '...') {
        const yamlStart = lines[1]!.start;
        const span = { start: 0, end: lines[closing]!.end };
        frontMatter = { span, yaml: text.slice(yamlStart, lines[closing]!.start), yamlStart };
        maskSpan(span.start, span.end);
        lineNumber = closing + 1;
        break;
      }
    }
  }

  let paragraphStart = -1;
  const flushParagraph = (end: number): void => {
    if (paragraphStart >= 0) maskInline(text, paragraphStart, end, maskSpan, comments, find);
    paragraphStart = -1;
  };

  for (; lineNumber < lines.length; lineNumber++) {
    const line = lines[lineNumber]!;
    const content = lineText(line);
    const fence = FENCE.exec(content);
    // A backtick fence's info string may not contain a backtick (CommonMark 4.5).
    if (fence && !(fence[1]![0] === '`' && content.indexOf('`', fence.index + fence[0].length) >= 0)) {
      flushParagraph(line.start);
      const marker = fence[1]!;
      let closing = lineNumber + 1;
      const closeFence = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
      while (closing < lines.length && !closeFence.test(lineText(lines[closing]!))) closing++;
      const end = closing < lines.length ? lines[closing]!.end : text.length;
      maskSpan(line.start, end);
      codeBlocks.push({ start: line.start, end });
      lineNumber = closing;
      continue;
    }
    const isBlank = content.trim().length === 0;
    if (isBlank) {
      flushParagraph(line.start);
      continue;
    }
    // A comment opening a line opens an HTML block (CommonMark type 2, which may interrupt a paragraph): it runs to
    // the line holding `-->`, and the line after it starts afresh (it may be indented code).
    const commentOpen = /^ {0,3}<!--/.exec(content);
    if (commentOpen) {
      flushParagraph(line.start);
      const close = text.indexOf('-->', line.start + commentOpen[0].length - 2);
      let last = lineNumber;
      if (close < 0) last = lines.length - 1;
      else while (last + 1 < lines.length && lines[last]!.end < close + 3) last++;
      maskInline(text, line.start, lines[last]!.end, maskSpan, comments, find);
      lineNumber = last;
      continue;
    }
    // Indented code: four spaces or a tab outside a paragraph (full-width indentation is prose).
    if (!plainText && paragraphStart < 0 && /^(?: {4}|\t)/.test(content) && !/^\s*(?:[-*+]|\d+[.)])\s/.test(content)) {
      let last = lineNumber;
      while (last + 1 < lines.length) {
        const next = lineText(lines[last + 1]!);
        if (/^(?: {4}|\t)/.test(next) || next.trim().length === 0) last++;
        else break;
      }
      while (last > lineNumber && lineText(lines[last]!).trim().length === 0) last--;
      maskSpan(line.start, lines[last]!.end);
      codeBlocks.push({ start: line.start, end: lines[last]!.end });
      lineNumber = last;
      continue;
    }
    const heading = ATX_HEADING.exec(content);
    if (heading) {
      flushParagraph(line.start);
      maskInline(text, line.start, line.end, maskSpan, comments, find);
      const level = heading[1]!.length;
      let textStart = line.start + heading[0].length;
      let textEnd = line.end;
      // One space before the closing #s, not `[ \t]+`: that backtracks quadratically over a long run of spaces.
      const closing = /[ \t]#+[ \t]*$/.exec(content);
      if (closing && closing.index + line.start >= textStart) textEnd = line.start + closing.index;
      while (textEnd > textStart && /\s/.test(text[textEnd - 1]!)) textEnd--;
      if (textStart > textEnd) textStart = textEnd;
      headings.push({ level, text: text.slice(textStart, textEnd), span: { start: line.start, end: line.end }, textSpan: { start: textStart, end: textEnd } });
      continue;
    }
    if (paragraphStart < 0) paragraphStart = line.start;
  }
  flushParagraph(text.length);
  const maskedSpans = disjoint(masks);
  return { masked: maskedRange(text, maskedSpans, 0, text.length), maskedSpans, frontMatter, comments, headings, codeBlocks };
}

/**
 * A structure whose masked text is made from the source and `maskedSpans` when first asked (and then kept): a
 * keystroke's re-reading needs only a few paragraphs of it (`maskedRange`), and joining a megabyte costs more.
 */
export function lazilyMasked(text: string, maskedSpans: readonly Span[], rest: Omit<MarkdownStructure, 'masked' | 'maskedSpans'>): MarkdownStructure {
  let masked: string | undefined;
  return Object.defineProperty({ ...rest, maskedSpans }, 'masked', {
    get: () => (masked ??= maskedRange(text, maskedSpans, 0, text.length)),
    enumerable: true,
  }) as MarkdownStructure;
}

/** Sorted, overlapping spans merged. */
function disjoint(masks: Span[]): Span[] {
  masks.sort((a, b) => a.start - b.start);
  const spans: Span[] = [];
  for (const mask of masks) {
    const last = spans[spans.length - 1];
    if (last && mask.start <= last.end) {
      if (mask.end > last.end) spans[spans.length - 1] = { start: last.start, end: mask.end };
    } else {
      spans.push(mask);
    }
  }
  return spans;
}

/**
 * `indexOf` for queries whose start only moves forward: each needle's last answer is kept, so a
 * paragraph with no match does not rescan the rest of the document (which would be quadratic).
 */
class Finder {
  readonly #text: string;
  readonly #cache = new Map<string, { from: number; found: number }>();

  constructor(text: string) {
    this.#text = text;
  }

  /** The first occurrence at or after `from`, or the text's length when there is none. */
  next(needle: string, from: number): number {
    const cached = this.#cache.get(needle);
    // The last answer still holds when this query starts at or after the last one and not past it.
    if (cached && cached.from <= from && cached.found >= from) return cached.found;
    const index = this.#text.indexOf(needle, from);
    const found = index < 0 ? this.#text.length : index;
    this.#cache.set(needle, { from, found });
    return found;
  }
}

/** The start of the first backtick run at or after `from`. */
function nextRunStart(runs: readonly { start: number }[], from: number, end: number): number {
  const first = partitionPoint(runs.length, (index) => runs[index]!.start < from);
  return first < runs.length ? runs[first]!.start : end;
}

/**
 * [from, to) of the masked text: the source with every character of `spans` (in order, apart) but line breaks replaced
 * by MASK_CHARACTER, so that offsets do not move.
 */
export function maskedRange(text: string, spans: readonly Span[], from: number, to: number): string {
  let index = partitionPoint(spans.length, (at) => spans[at]!.end <= from);
  if (index === spans.length || spans[index]!.start >= to) return from === 0 && to === text.length ? text : text.slice(from, to);
  const parts: string[] = [];
  let position = from;
  for (; index < spans.length && spans[index]!.start < to; index++) {
    const start = Math.max(spans[index]!.start, position);
    const end = Math.min(spans[index]!.end, to);
    parts.push(text.slice(position, start), text.slice(start, end).replace(/[^\r\n]/g, MASK_CHARACTER));
    position = end;
  }
  parts.push(text.slice(position, to));
  return parts.join('');
}

/**
 * Masks code spans and HTML comments inside one paragraph, left to right as CommonMark reads them
 * (whichever starts first wins). A backtick run is paired with the next run of the same length,
 * found through a precomputed table, so the pass stays linear.
 */
function maskInline(
  text: string,
  start: number,
  end: number,
  maskSpan: (start: number, end: number) => void,
  comments: HtmlComment[],
  find: Finder,
): void {
  const runs: { start: number; length: number }[] = [];
  for (let index = find.next('`', start); index < end; index = find.next('`', index + 1)) {
    let runEnd = index;
    while (runEnd < end && text.charCodeAt(runEnd) === 0x60) runEnd++;
    runs.push({ start: index, length: runEnd - index });
    index = runEnd - 1;
  }
  const nextSameLength: number[] = new Array(runs.length).fill(-1);
  const latestByLength = new Map<number, number>();
  for (let index = runs.length - 1; index >= 0; index--) {
    nextSameLength[index] = latestByLength.get(runs[index]!.length) ?? -1;
    latestByLength.set(runs[index]!.length, index);
  }
  let run = 0;
  let nextBacktick = runs.length > 0 ? runs[0]!.start : end;
  let nextComment = Math.min(find.next('<!--', start), end);
  for (let index = start; index < end; index++) {
    // Skip straight to the next backtick run or comment opening.
    if (index < nextBacktick && index < nextComment) index = Math.min(nextBacktick, nextComment);
    if (index >= end) break;
    if (index > nextComment) nextComment = Math.min(find.next('<!--', index), end);
    if (index > nextBacktick) nextBacktick = nextRunStart(runs, index, end);
    const code = text.charCodeAt(index);
    if (code === 0x60) {
      while (run < runs.length && runs[run]!.start < index) run++;
      const opening = runs[run];
      if (!opening || opening.start !== index) continue;
      const partner = nextSameLength[run]!;
      if (partner < 0) {
        index = opening.start + opening.length - 1;
        continue;
      }
      const closing = runs[partner]!;
      maskSpan(opening.start, closing.start + closing.length);
      index = closing.start + closing.length - 1;
    } else if (code === 0x3c && text.startsWith('<!--', index)) {
      // Through the finder: paragraph after paragraph opening a comment that never closes must not rescan the rest.
      const close = find.next('-->', index + 4);
      const closed = close < text.length;
      const commentEnd = closed ? close + 3 : end;
      comments.push({ span: { start: index, end: commentEnd }, body: text.slice(index + 4, closed ? close : end).trim() });
      maskSpan(index, commentEnd);
      index = commentEnd - 1;
    }
  }
}
