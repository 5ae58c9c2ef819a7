// Feature: quotation check (`misquote`) — a quotation (「…」, “…”, "…") attached to a citation is compared with
// the cited provision, tolerant of what does not change meaning (width, PDF spaces and line breaks, ellipses,
// footnote digits, kanji article numbers) and strict about the rest; a mismatch names the closest passage,
// and its quick fix puts the treaty's exact words in place of the quoted ones.

import type { CodeAction, Diagnostic, TextEdit } from '../api';
import { effectiveSeverity } from '../config';
import { isSuppressed, type DocumentFacts } from '../document';
import type { ResolvedCitation } from '../resolve';
import { messagesFor } from '../messages/index';
import { provisionLabel } from './diagnostics';
import { parseKanjiNumber } from '../text/numerals';
import { MASK_CHARACTER, sentenceStart, type Span } from '../types';
import type { WorkspaceIndex } from '../workspaceIndex';
import { provisionVersions, versionLanguage, type VersionProvision } from './parallelTexts';
import { partitionPoint } from '../text/search';

/** Quotations longer than this (in UTF-16 units) are not checked: an unclosed mark, not a quotation. */
const MAX_QUOTATION = 3000;
/** The text between a quotation and the parenthesised citation after it (`」と定義している（`). */
const MAX_GAP_TO_PARENTHESIS = 40;
/** Below this share of matching character n-grams, the quotation is not of this text (a term, another language). */
const MIN_RESEMBLANCE = 0.4;
/** Passages in messages are cut to this length. */
const MAX_SHOWN = 200;

/** A quotation in prose: its marks and the words inside them. */
export interface Quotation {
  readonly open: number;
  readonly close: number;
  /** The quoted words, white space at either end left out. */
  readonly span: Span;
}

export interface Misquote {
  readonly quotation: Quotation;
  readonly citation: ResolvedCitation;
  /** The version the quotation was compared with (the one in the quotation's script). */
  readonly version: VersionProvision;
  /** The closest passage of the provision to the first quoted segment that differs, or null when none resembles it. */
  readonly passage: { readonly uri: string; readonly span: Span; readonly text: string } | null;
  /** The quick fix: each differing segment replaced by the treaty's words. */
  readonly edits: readonly TextEdit[];
  /** When the words are exactly in another paragraph of the cited article: that paragraph's number. */
  readonly elsewhere: number | null;
}

const cache = new WeakMap<readonly ResolvedCitation[], Misquote[]>();

/**
 * What checking one quotation against its citations found, with offsets relative to the quoted words, so
 * that the same words citing the same provisions are checked once per state of the treaties (the catalog
 * is rebuilt whenever a treaty document changes): an edit of an analysis re-checks only what it touched.
 */
type Finding = Omit<Misquote, 'quotation' | 'citation'> & { readonly member: number };
const findings = new WeakMap<object, Map<string, Finding | null>>();
/** Distinct quotations remembered per state of the treaties before the memory starts afresh. */
const MAX_FINDINGS = 20_000;

/** Every misquotation of an analysis; computed once per resolution of the document. */
export function findMisquotes(index: WorkspaceIndex, uri: string): readonly Misquote[] {
  const facts = index.facts(uri);
  if (!facts || facts.kind !== 'analysis') return [];
  const citations = index.resolved(uri);
  let result = cache.get(citations);
  if (!result) {
    result = checkQuotations(index, facts, citations);
    cache.set(citations, result);
  }
  return result;
}

const OPENING_MARK = /[「“"]/;
/** Whether a document's text has an opening quotation mark, kept per reading: a treaty edit checks hundreds again. */
const marked = new WeakMap<DocumentFacts, boolean>();
/** The same, by reading serial, for the last readings: what an edit's re-reading starts from. */
const markedReadings = new Map<number, boolean>();
const MAX_MARKED_READINGS = 256;

/**
 * Whether the text has an opening quotation mark. After an edit it is answered from the reading the edit started
 * from and the paragraphs read again, not by another pass over the whole text (a third of a millisecond per
 * keystroke in a 1 MB analysis): with no mark before, the text has one only if those paragraphs do.
 */
function hasOpeningMark(facts: DocumentFacts): boolean {
  let marks = marked.get(facts);
  if (marks !== undefined) return marks;
  const { serial, edit } = facts.reading;
  const before = edit && markedReadings.get(edit.from);
  marks = before === undefined ? OPENING_MARK.test(facts.text) : before || OPENING_MARK.test(facts.text.slice(edit!.start, edit!.end));
  marked.set(facts, marks);
  if (markedReadings.size >= MAX_MARKED_READINGS) markedReadings.delete(markedReadings.keys().next().value!);
  markedReadings.set(serial, marks);
  return marks;
}

function checkQuotations(index: WorkspaceIndex, facts: DocumentFacts, citations: readonly ResolvedCitation[]): Misquote[] {
  // No opening mark anywhere, no quotation: the masked text (made again each time for a document read on a worker
  // thread or from the cache) is not needed.
  if (citations.length === 0) return [];
  if (!hasOpeningMark(facts)) return [];
  const masked = facts.reading.structure.masked;
  const sentences = facts.scan.sentenceEnds;
  let memory = findings.get(index.catalog);
  if (!memory || memory.size > MAX_FINDINGS) findings.set(index.catalog, (memory = new Map()));
  const result: Misquote[] = [];
  const quotations = findQuotations(masked);
  quotations.forEach((quotation, position) => {
    if (isNameOrAlias(facts, citations, quotation)) return;
    const members = attachedCitations(masked, sentences, citations, quotations, position);
    if (members.length === 0) return;
    const words = facts.text.slice(quotation.open, quotation.span.end);
    const key = `${words}\u0000${members.map((member) => `${member.treatyId}|${member.supplementaryGroup}|${member.article}|${member.paragraph}|${member.item}|${member.syntax.subitem}`).join('\u0001')}`;
    let finding = memory.get(key);
    if (finding === undefined) memory.set(key, (finding = checkQuotation(index, facts.text, quotation, members)));
    if (finding === null) return;
    const shift = quotation.span.start;
    result.push({
      ...finding,
      quotation,
      citation: members[finding.member]!,
      edits: finding.edits.map((edit) => ({ span: { start: edit.span.start + shift, end: edit.span.end + shift }, newText: edit.newText })),
    });
  });
  return result;
}

/** Checks one quotation against the members of its citation; edits come back relative to the quoted words. */
function checkQuotation(index: WorkspaceIndex, text: string, quotation: Quotation, members: readonly ResolvedCitation[]): Finding | null {
  const quoted = normalize(text, quotation.span.start, quotation.span.end, { footnotes: true, summaries: false });
  const script = scriptOf(quoted.text);
  if (script === null) return null;
  const mark = text[quotation.open]!;
  let finding: Finding | null = null;
  for (let member = 0; member < members.length; member++) {
    // Only a version in the quotation's own script can show a misquotation; a translation is not one.
    const version = provisionVersions(index, members[member]!, script === 'cjk' ? 'ja' : script === 'cyrillic' ? 'ru' : 'en').find(
      (candidate) => scriptOfLanguage(versionLanguage(candidate.entry.treaty)) === script,
    );
    const treatyFacts = version && index.facts(version.entry.uri);
    if (!version || !treatyFacts) continue;
    const outcome = compare(mark, quoted, treatyFacts, version.textSpan, version.entry.uri);
    if (outcome.kind === 'match') return null;
    // Words quoted exactly, but from another paragraph of the article than the one cited.
    const whole = version.part === null ? outcome : compare(mark, quoted, treatyFacts, { start: version.article.labelSpan.end, end: version.article.span.end }, version.entry.uri);
    if (whole.kind === 'match') {
      const paragraph = version.article.paragraphs.find((candidate) => whole.at >= candidate.span.start && whole.at < candidate.span.end);
      const span = paragraph?.span ?? version.article.span;
      finding ??= { member, version, passage: { uri: version.entry.uri, span, text: treatyWords(treatyFacts.text, span) }, edits: [], elsewhere: paragraph?.number ?? null };
    } else if (outcome.kind === 'differs') {
      const relative = outcome.edits.map((edit) => ({ span: { start: edit.span.start - quotation.span.start, end: edit.span.end - quotation.span.start }, newText: edit.newText }));
      finding ??= { member, version, passage: outcome.passage, edits: relative, elsewhere: null };
    }
  }
  return finding;
}

// -----------------------------------------------------------------------------------------------
// Finding quotations and the citations they belong to
// -----------------------------------------------------------------------------------------------

/**
 * Top-level quotations in one linear pass over the masked text. 「」 and “” may nest and may run over blank
 * lines (PDF text); a straight `"` quotation stays within its paragraph. None crosses code or a heading.
 */
export function findQuotations(masked: string): Quotation[] {
  const quotations: Quotation[] = [];
  let kind: '「' | '“' | '"' | null = null;
  let open = 0;
  let depth = 0;
  const opening = /[「“"]/g;
  for (let offset = 0; offset < masked.length; offset++) {
    if (kind === null) {
      // Outside a quotation only an opening mark matters: jump to the next one.
      opening.lastIndex = offset;
      const next = opening.exec(masked);
      if (!next) break;
      offset = next.index;
    }
    const character = masked[offset]!;
    if (kind !== null && (character === MASK_CHARACTER || offset - open > MAX_QUOTATION || (character === '\n' && masked[offset + 1] === '#'))) kind = null;
    if (kind === null) {
      if (character === '「' || character === '“') {
        kind = character;
        open = offset;
        depth = 1;
      } else if (character === '"' && !/[\p{L}\p{N}]/u.test(masked[offset - 1] ?? ' ')) {
        kind = '"';
        open = offset;
      }
      continue;
    }
    if (kind === '"') {
      if (character === '"') {
        pushQuotation(quotations, masked, open, offset);
        kind = null;
      } else if (character === '\n' && /^[ \t]*\r?\n/.test(masked.slice(offset + 1, offset + 4))) {
        kind = null;
      }
      continue;
    }
    const closing = kind === '「' ? '」' : '”';
    if (character === kind) depth++;
    else if (character === closing && --depth === 0) {
      pushQuotation(quotations, masked, open, offset);
      kind = null;
    }
  }
  return quotations;
}

function pushQuotation(quotations: Quotation[], text: string, open: number, close: number): void {
  let start = open + 1;
  let end = close;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) quotations.push({ open, close, span: { start, end } });
}

/** A quoted treaty name (`「…協定」第9条`) or an alias definition (`（以下「海洋協定」という。）`) is no quotation. */
function isNameOrAlias(facts: DocumentFacts, citations: readonly ResolvedCitation[], quotation: Quotation): boolean {
  const before = facts.text.slice(Math.max(0, quotation.open - 3), quotation.open);
  if (/以下\s*$|いわゆる\s*$/.test(before)) return true;
  const overlaps = (span: Span): boolean => span.start <= quotation.close && span.end > quotation.open;
  const aliases = facts.scan.aliases;
  // Aliases are in document order and short: only the last one starting before the closing mark can overlap.
  const after = partitionPoint(aliases.length, (index) => aliases[index]!.span.start <= quotation.close);
  if (after > 0 && overlaps(aliases[after - 1]!.span)) return true;
  const next = firstAtOrAfter(citations, quotation.open);
  return [next - 1, next].some((position) => {
    const qualifier = citations[position]?.syntax.qualifier;
    return qualifier !== undefined && qualifier !== null && overlaps(qualifier.span);
  });
}

/**
 * The citation a quotation quotes, with the other members of its list: the citation just after it in
 * parentheses (`「…」と定義している（第6条第1項）`), else the last one before it in the same sentence.
 */
function attachedCitations(
  masked: string,
  sentences: readonly number[],
  citations: readonly ResolvedCitation[],
  quotations: readonly Quotation[],
  position: number,
): ResolvedCitation[] {
  const quotation = quotations[position]!;
  const after = firstAtOrAfter(citations, quotation.close + 1);
  if (after < citations.length) {
    const gap = masked.slice(quotation.close + 1, citations[after]!.syntax.span.start);
    if (gap.length <= MAX_GAP_TO_PARENTHESIS + 1 && /^[^。「」“”"（()）]*[（(][ \t　]*$/.test(gap)) return seriesOf(citations, after);
  }
  let before = firstAtOrAfter(citations, quotation.open) - 1;
  // A citation inside an earlier quotation (`「…第2条に定める…」と「…」`) is part of those quoted words:
  // look before that quotation instead (a few times at most).
  for (let jumps = 0; before >= 0; jumps++) {
    const inside = containingQuotation(quotations, position, citations[before]!.syntax.span.start);
    if (inside === null) break;
    if (jumps === 4) return [];
    before = firstAtOrAfter(citations, inside.open) - 1;
  }
  if (before < 0) return [];
  const citation = citations[before]!;
  if (citation.syntax.span.end > quotation.open) return [];
  const sentence = sentenceAt(sentences, quotation.open);
  if (!sentence || citation.syntax.span.start < sentence.start) return [];
  return seriesOf(citations, before);
}

/** The quotation among the first `count` (sorted, not overlapping) whose marks enclose `offset`, or null. */
function containingQuotation(quotations: readonly Quotation[], count: number, offset: number): Quotation | null {
  const after = partitionPoint(count, (index) => quotations[index]!.open < offset);
  const candidate = after > 0 ? quotations[after - 1]! : null;
  return candidate && offset < candidate.close ? candidate : null;
}

/** A citation with the other members of its list; none for the ends of a range (the quotation may be from any article between). */
function seriesOf(citations: readonly ResolvedCitation[], position: number): ResolvedCitation[] {
  let first = position;
  while (citations[first]!.syntax.seriesPrevious !== null && citations[first]!.syntax.seriesPrevious! < first) first = citations[first]!.syntax.seriesPrevious!;
  const members = [citations[first]!];
  for (let next = first + 1, previous = first; next < citations.length && citations[next]!.syntax.seriesPrevious === previous; previous = next, next++) {
    members.push(citations[next]!);
  }
  if (members.some((member) => member.syntax.rangeRole !== null)) return [];
  // The member nearest the quotation is compared first, and named when nothing matches.
  const nearest = citations[position]!;
  return [nearest, ...members.filter((member) => member !== nearest)].filter((member) => member.status === 'resolved' && member.article !== null);
}

/** The index of the first citation starting at or after `offset`. */
function firstAtOrAfter(citations: readonly ResolvedCitation[], offset: number): number {
  return partitionPoint(citations.length, (index) => citations[index]!.syntax.span.start < offset);
}

function sentenceAt(ends: readonly number[], offset: number): Span | undefined {
  // Sentences are in order and do not overlap: the first one ending after `offset` holds it, if any does.
  const index = partitionPoint(ends.length, (at) => ends[at]! <= offset);
  return index < ends.length ? { start: sentenceStart(ends, index), end: ends[index]! } : undefined;
}

// -----------------------------------------------------------------------------------------------
// Normalised text: what remains when what does not change meaning is taken out, mapped to the source
// -----------------------------------------------------------------------------------------------

interface Normalized {
  readonly text: string;
  /** The source offsets each normalised character comes from. */
  readonly from: readonly number[];
  readonly to: readonly number[];
  /** For quotations: the characters that may be footnote markers (digits stuck to a word). */
  readonly footnote: readonly boolean[];
}

const QUOTE_MARKS = '「」『』“”„‟"\'‘’＂＇';
const DASHES = '―—–‐‑−';
/** What a character stands for in normalised text, where it differs from the character (after full-width folding). */
const FOLDED = new Map<number, string>([
  ['…'.charCodeAt(0), '...'],
  ['‥'.charCodeAt(0), '..'],
  ['、'.charCodeAt(0), ','],
  ['。'.charCodeAt(0), '.'],
  ...[...QUOTE_MARKS].map((mark): [number, string] => [mark.charCodeAt(0), '"']),
  ...[...DASHES].map((dash): [number, string] => [dash.charCodeAt(0), '-']),
]);
const KANJI_NUMERAL = /^[〇一二三四五六七八九十百千]+(?=[条項号章節編款目])/;
/** What may follow a number in prose (so the number is not a footnote marker). */
const COUNTERS = /[条項号章節編款目年月日回人件時分秒%％倍位番歳億万千百十つ]/;
const SUMMARY_LINE = /^[ \t]*(?:要旨\s*[：:]|Summary\s*:|<!--)/i;
/** Characters turned into a string at a time (`String.fromCharCode` takes them as arguments). */
const CHUNK = 4096;

/** White space as `\s` reads it, and the zero-width space: what a quotation may add or drop between words. */
function isWhite(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

// Called for every quotation and every provision quoted: one character code at a time, without a string per
// character, a regular expression or a string search per character.
function normalize(source: string, start: number, end: number, options: { footnotes: boolean; summaries: boolean }): Normalized {
  const codes: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const footnote: boolean[] = [];
  const emit = (characters: string, at: number, until: number): void => {
    for (let index = 0; index < characters.length; index++) {
      codes.push(characters.charCodeAt(index));
      from.push(at);
      to.push(until);
      footnote.push(false);
    }
  };
  for (let offset = start; offset < end; ) {
    const code = source.charCodeAt(offset);
    if (!options.summaries && (offset === start || source.charCodeAt(offset - 1) === 0x0a) && SUMMARY_LINE.test(source.slice(offset, offset + 12))) {
      // The analyst's summary and comments are not the treaty's words.
      const lineEnd = source.indexOf('\n', offset);
      offset = lineEnd < 0 || lineEnd > end ? end : lineEnd + 1;
      continue;
    }
    if (isWhite(code)) {
      offset++;
      continue;
    }
    if (code === 0x7b2c /* 第 */) {
      const kanji = KANJI_NUMERAL.exec(source.slice(offset + 1, offset + 12));
      const value = kanji ? parseKanjiNumber(kanji[0]) : null;
      if (kanji && value !== null) {
        emit('第', offset, offset + 1);
        emit(String(value), offset + 1, offset + 1 + kanji[0].length);
        offset += 1 + kanji[0].length;
        continue;
      }
    }
    const folded = code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code;
    const mapped = FOLDED.get(folded);
    if (mapped !== undefined) emit(mapped, offset, offset + 1);
    else {
      codes.push(folded);
      from.push(offset);
      to.push(offset + 1);
      footnote.push(options.footnotes && folded >= 0x30 && folded <= 0x39 && isFootnoteDigit(source, offset, start, end));
    }
    offset++;
  }
  let text = '';
  for (let chunk = 0; chunk < codes.length; chunk += CHUNK) text += String.fromCharCode(...codes.slice(chunk, chunk + CHUNK));
  return { text, from, to, footnote };
}

/** A run of one or two digits stuck to the end of a word or sentence, not followed by a counter: `条7並びに`, `された8。`. */
function isFootnoteDigit(source: string, offset: number, start: number, end: number): boolean {
  // Never more than three digits each way: a longer run is no footnote, and each digit stays O(1).
  let first = offset;
  while (first > start && offset - first < 3 && isAnyDigit(source[first - 1]!)) first--;
  let last = offset + 1;
  while (last < end && last - offset < 3 && isAnyDigit(source[last]!)) last++;
  if (last - first > 2 || first === start) return false;
  const previous = source[first - 1]!;
  const next = source[last] ?? '';
  if (isWhite(previous.charCodeAt(0)) || previous === '第' || /[(（\-,.]/.test(previous)) return false;
  return !COUNTERS.test(next) && !isAnyDigit(next);
}

function isAnyDigit(character: string): boolean {
  return (character >= '0' && character <= '9') || (character >= '０' && character <= '９');
}

type WritingSystem = 'cjk' | 'cyrillic' | 'latin';

function scriptOf(text: string): WritingSystem | null {
  if (/[\u3040-\u30ff\u3400-\u9fff]/.test(text)) return 'cjk';
  if (/[\u0400-\u04ff]/.test(text)) return 'cyrillic';
  return /[A-Za-z]/.test(text) ? 'latin' : null;
}

function scriptOfLanguage(language: string): WritingSystem {
  if (['ja', 'zh', 'ko'].includes(language)) return 'cjk';
  return ['ru', 'uk', 'be', 'bg', 'sr', 'kk'].includes(language) ? 'cyrillic' : 'latin';
}

// -----------------------------------------------------------------------------------------------
// Comparison
// -----------------------------------------------------------------------------------------------

const provisionCache = new WeakMap<DocumentFacts, Map<string, Normalized>>();

function normalizedProvision(facts: DocumentFacts, span: Span): Normalized {
  let spans = provisionCache.get(facts);
  if (!spans) provisionCache.set(facts, (spans = new Map()));
  const key = `${span.start}:${span.end}`;
  let normalized = spans.get(key);
  if (!normalized) spans.set(key, (normalized = normalize(facts.text, span.start, span.end, { footnotes: false, summaries: false })));
  return normalized;
}

/** A piece of the quotation between ellipses, as indexes into the normalised quotation. */
interface Segment {
  readonly start: number;
  readonly end: number;
}

const ELLIPSIS = /[[(〔]?\.{2,}[\])〕]?/g;

function segmentsOf(quoted: Normalized): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  const push = (end: number): void => {
    // A piece with no word in it (`、` between two ellipses) says nothing about the wording.
    if (/[\p{L}\p{N}]/u.test(quoted.text.slice(start, end))) segments.push({ start, end });
  };
  for (const match of quoted.text.matchAll(ELLIPSIS)) {
    push(match.index);
    start = match.index + match[0].length;
  }
  push(quoted.text.length);
  return segments;
}

type Outcome =
  /** `at`: where the quoted words begin in the treaty's text. */
  | { readonly kind: 'match'; readonly at: number }
  | { readonly kind: 'unrelated' }
  | { readonly kind: 'differs'; readonly passage: Misquote['passage']; readonly edits: readonly TextEdit[] };

/**
 * Finds the quotation's segments, in order, in the provision; each one missing gets its closest passage.
 * A quotation none of whose segments occurs or resembles the provision is `unrelated`: a term in quotation
 * marks, or words from a text the workspace does not have.
 */
function compare(openMark: string, quoted: Normalized, treatyFacts: DocumentFacts, textSpan: Span, uri: string): Outcome {
  const provision = normalizedProvision(treatyFacts, textSpan);
  const segments = segmentsOf(quoted);
  let cursor = 0;
  let at = -1;
  let related = false;
  let missing = false;
  const edits: TextEdit[] = [];
  let passage: Misquote['passage'] = null;
  for (const segment of segments) {
    const found = findSegment(provision.text, quoted, segment, cursor);
    if (found) {
      if (at < 0) at = provision.from[found.start]!;
      cursor = found.end;
      related = true;
      continue;
    }
    missing = true;
    const wanted = quoted.text.slice(segment.start, segment.end);
    const closest = closestPassage(provision.text, wanted, cursor) ?? closestPassage(provision.text, wanted, 0);
    if (!closest) continue;
    related = true;
    const span = { start: provision.from[closest.start]!, end: provision.to[closest.end - 1]! };
    const exact = treatyWords(treatyFacts.text, span);
    passage ??= { uri, span, text: exact };
    edits.push({ span: { start: quoted.from[segment.start]!, end: quoted.to[segment.end - 1]! }, newText: openMark === '「' ? exact.replace(/「/g, '『').replace(/」/g, '』') : exact });
    cursor = closest.end;
  }
  if (!missing) return { kind: 'match', at: Math.max(at, textSpan.start) };
  return related ? { kind: 'differs', passage, edits } : { kind: 'unrelated' };
}

/** The segment's first occurrence at or after `from`, or null; the first letter's case and footnote markers are forgiven. */
function findSegment(provision: string, quoted: Normalized, segment: Segment, from: number): Segment | null {
  const exact = quoted.text.slice(segment.start, segment.end);
  const found = findEitherCase(provision, exact, from);
  const footnote = quoted.footnote.indexOf(true, segment.start);
  if (found !== null || footnote < 0 || footnote >= segment.end) return found;
  let withoutFootnotes = '';
  for (let position = segment.start; position < segment.end; position++) if (!quoted.footnote[position]) withoutFootnotes += quoted.text[position];
  return withoutFootnotes.length > 0 ? findEitherCase(provision, withoutFootnotes, from) : null;
}

function findEitherCase(provision: string, words: string, from: number): Segment | null {
  const at = provision.indexOf(words, from);
  if (at >= 0) return { start: at, end: at + words.length };
  const first = words[0]!;
  const swapped = first === first.toLowerCase() ? first.toUpperCase() : first.toLowerCase();
  if (swapped === first) return null;
  const candidate = swapped + words.slice(1);
  const other = provision.indexOf(candidate, from);
  return other < 0 ? null : { start: other, end: other + candidate.length };
}

/** Anchors (short pieces of the quotation) looked up to find where a passage might be, and how often each. */
const ANCHORS = 8;
const ANCHOR_OCCURRENCES = 3;

/**
 * The window of `provision` (from `from` on) most like `wanted`, or null when too little of it occurs there.
 * Bounded: a few short pieces of `wanted` are looked up with indexOf, and character n-grams vote for an
 * alignment only in windows of about three quotation lengths around where they occur; a part of the
 * quotation left unexplained at either end (words left out without an ellipsis) is looked for next to it.
 */
function closestPassage(provision: string, wanted: string, from: number): { start: number; end: number } | null {
  const size = gramSize(wanted);
  if (wanted.length < size) return null;
  let best: Alignment | null = null;
  for (const [low, high] of candidateWindows(provision, wanted, from)) {
    const alignment = align(provision, wanted, low, high);
    if (alignment && (!best || alignment.matched > best.matched)) best = alignment;
  }
  if (!best) return null;
  let { start, end, matched } = best;
  // How much of the quotation's beginning and end no n-gram explains.
  let missingStart = best.first;
  let missingEnd = wanted.length - best.last;
  // Words the quotation has before (after) the aligned part: their own alignment just before (after) it.
  if (missingStart >= size + 2) {
    const prefix = align(provision, wanted.slice(0, best.first), Math.max(from, best.start - 3 * wanted.length - 8), best.start);
    if (prefix) {
      start = prefix.start;
      matched += prefix.matched;
      missingStart = prefix.first;
    }
  }
  if (missingEnd >= size + 2) {
    const rest = wanted.slice(best.last);
    const suffix = align(provision, rest, best.end, Math.min(provision.length, best.end + 3 * wanted.length + 8));
    if (suffix) {
      end = suffix.end;
      matched += suffix.matched;
      missingEnd = rest.length - suffix.last;
    }
  }
  if (matched < MIN_RESEMBLANCE * (wanted.length - size + 1)) return null;
  // An end the n-grams do not reach goes on to the clause's punctuation nearby (never far), not stopping mid-word.
  for (let step = 0; missingStart > 0 && step < 2 * missingStart + 2 && start > from && !isPunctuation(provision[start - 1]!); step++) start--;
  for (let step = 0; missingEnd > 0 && step < 2 * missingEnd + 2 && end < provision.length && !isPunctuation(provision[end]!); step++) end++;
  // Punctuation the quotation does not begin or end with is not part of the passage.
  while (start < end - 1 && isPunctuation(provision[start]!) && !isPunctuation(wanted[0]!)) start++;
  while (end > start + 1 && isPunctuation(provision[end - 1]!) && !isPunctuation(wanted[wanted.length - 1]!)) end--;
  return { start, end };
}

function gramSize(wanted: string): number {
  return wanted.length >= 12 ? 3 : 2;
}

/** Where pieces of `wanted` occur in `provision`: windows (merged) around each occurrence, a few per piece. */
function candidateWindows(provision: string, wanted: string, from: number): [number, number][] {
  const length = Math.min(wanted.length, /[\u3040-\u9fff]/.test(wanted) ? 3 : 5);
  const windows: [number, number][] = [];
  const step = Math.max(1, Math.floor((wanted.length - length) / (ANCHORS - 1)));
  for (let position = 0; position + length <= wanted.length && windows.length < ANCHORS * ANCHOR_OCCURRENCES; position += step) {
    const piece = wanted.slice(position, position + length);
    for (let at = provision.indexOf(piece, from), seen = 0; at >= 0 && seen < ANCHOR_OCCURRENCES; at = provision.indexOf(piece, at + 1), seen++) {
      const start = at - position;
      windows.push([Math.max(from, start - wanted.length), Math.min(provision.length, start + 2 * wanted.length)]);
    }
  }
  windows.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const window of windows) {
    const last = merged[merged.length - 1];
    if (last && window[0] <= last[1]) last[1] = Math.max(last[1], window[1]);
    else merged.push([...window]);
  }
  return merged;
}

interface Alignment {
  readonly start: number;
  readonly end: number;
  /** The first and last (exclusive) positions of `wanted` that matched. */
  readonly first: number;
  readonly last: number;
  readonly matched: number;
}

/** The best alignment of `wanted` inside provision[low, high): character n-grams vote, a band of alignments wins. */
function align(provision: string, wanted: string, low: number, high: number): Alignment | null {
  const size = gramSize(wanted);
  if (wanted.length < size || high - low < size) return null;
  const key = (text: string, at: number): number => {
    let value = 0;
    for (let offset = 0; offset < size; offset++) value = value * 65536 + text.charCodeAt(at + offset);
    return value;
  };
  const grams = new Map<number, number[]>();
  for (let at = 0; at + size <= wanted.length; at++) {
    const positions = grams.get(key(wanted, at));
    if (!positions) grams.set(key(wanted, at), [at]);
    else if (positions.length < 4) positions.push(at);
  }
  const shift = wanted.length - low;
  const votes = new Int32Array(high - low + wanted.length + 1);
  const visit = (each: (at: number, position: number) => void): void => {
    for (let at = low; at + size <= high; at++) for (const position of grams.get(key(provision, at)) ?? []) each(at, position);
  };
  visit((at, position) => {
    const diagonal = at - position + shift;
    votes[diagonal] = (votes[diagonal] ?? 0) + 1;
  });
  const band = Math.max(1, Math.floor(wanted.length / 10));
  let best = -1;
  let bestScore = 0;
  let running = 0;
  // Sliding sums of votes over a band of neighbouring alignments (insertions and deletions shift them).
  for (let diagonal = 0; diagonal < votes.length + band; diagonal++) {
    running += (votes[diagonal] ?? 0) - (votes[diagonal - 2 * band - 1] ?? 0);
    if (running > bestScore) {
      bestScore = running;
      best = diagonal - band;
    }
  }
  if (best < 0) return null;
  const matched = new Set<number>();
  let start = Infinity;
  let end = -Infinity;
  let first = Infinity;
  let last = -Infinity;
  visit((at, position) => {
    if (Math.abs(at - position + shift - best) > band) return;
    matched.add(position);
    if (position < first) {
      first = position;
      start = at;
    }
    if (position + size > last) {
      last = position + size;
      end = at + size;
    }
  });
  return matched.size === 0 ? null : { start, end, first, last, matched: matched.size };
}

function isPunctuation(character: string): boolean {
  return /[,.;:!?"()\-]/.test(character);
}

/** The treaty's words at `span`, line breaks from the page taken out (kept as one space between Latin words). */
function treatyWords(text: string, span: Span): string {
  let start = span.start;
  let end = span.end;
  // Whole words (of a sensible length): a passage found by n-grams may start or end inside one.
  for (let step = 0; step < 40 && start > 0 && /[A-Za-z]/.test(text[start - 1]!) && /[A-Za-z]/.test(text[start]!); step++) start--;
  for (let step = 0; step < 40 && end < text.length && /[A-Za-z]/.test(text[end - 1]!) && /[A-Za-z]/.test(text[end]!); step++) end++;
  let words = '';
  for (const line of text.slice(start, end).split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    words += (words !== '' && /[A-Za-z0-9,.;:]$/.test(words) ? ' ' : '') + trimmed;
  }
  return words;
}

/** The quick fix of each misquotation overlapping `span`: the treaty's exact words in place of the quoted ones. */
export function misquoteFixes(index: WorkspaceIndex, uri: string, span: Span): CodeAction[] {
  const facts = index.facts(uri);
  if (!facts || effectiveSeverity(index.config, 'misquote') === null) return [];
  return findMisquotes(index, uri).flatMap((misquote) => {
    const at = misquote.quotation.span;
    if (misquote.edits.length === 0 || at.end < span.start || at.start > span.end || isSuppressed(facts, 'misquote', at)) return [];
    const words = misquote.edits.map((edit) => edit.newText).join('…');
    const shown = words.length > 60 ? `${words.slice(0, 60)}…` : words;
    return [
      {
        title: messagesFor(index.config.language).quoteTreatyWords(shown),
        kind: 'quickfix' as const,
        diagnosticCode: 'misquote' as const,
        edit: { changes: [{ uri, edits: misquote.edits }], creates: [] },
        preferred: true,
      },
    ];
  });
}

/** The `misquote` diagnostics of a document, before the configuration gives them a severity. */
export function misquoteDiagnostics(index: WorkspaceIndex, uri: string): Omit<Diagnostic, 'severity'>[] {
  if (effectiveSeverity(index.config, 'misquote') === null) return [];
  const messages = messagesFor(index.config.language);
  return findMisquotes(index, uri).map((misquote) => {
    const treaty = misquote.version.entry.treaty;
    const name = treaty.short ?? treaty.title;
    const provision = messages.provisionOf(provisionLabel(misquote.citation, messages), name);
    const passage = misquote.passage;
    const shown = passage && (passage.text.length > MAX_SHOWN ? `${passage.text.slice(0, MAX_SHOWN)}…` : passage.text);
    const elsewhere = misquote.elsewhere;
    const message = elsewhere !== null ? messages.misquoteElsewhere(provision, elsewhere) : messages.misquote(provision, shown);
    const target = passage ? { uri: passage.uri, span: passage.span } : { uri: misquote.version.entry.uri, span: misquote.version.textSpan };
    return {
      span: misquote.quotation.span,
      code: 'misquote' as const,
      message,
      related: [{ location: target, message: `${name} ${misquote.version.article.label.replace(/\s+/g, ' ')}` }],
      // What a citation's diagnostic carries too: the code-scanning formats give it as properties.
      data: { treatyId: misquote.citation.treatyId, article: misquote.citation.article, treatyName: misquote.citation.treatyName },
    };
  });
}
