// DocumentFacts as compact arrays, so that facts read on another thread (or kept in a cache on disk) cross over
// as one buffer of integers and one string instead of an object graph: numbers go to an Int32Array, strings to a
// table of distinct strings joined in one text. The document's text itself is not encoded (it travels beside).
// Each type is described once below; a field added to a type and not to its description fails the type check.

import type { TreatyConfig } from './config';
import type { CitesDirective, DocumentFacts, Suppression } from './document';
import { maskedRange, type Heading, type HtmlComment, type MarkdownStructure } from './markdown/structure';
import { newReading } from './reading';
import { LineIndex } from './text/lineIndex';
import {
  type AliasDefinition,
  type Article,
  type CitationScan,
  type CitationSyntax,
  type CitedDivision,
  type Division,
  type InstrumentGenre,
  type Item,
  type LevelRef,
  type Paragraph,
  type ParseProblem,
  type Qualifier,
  type Span,
  type SupplementaryBlock,
  type Treaty,
  type TreatyFrontMatter,
  type TreatyMention,
} from './types';

/** Bumped whenever the encoding or anything it describes changes: a cache of another version is not read. */
export const FACTS_CODEC_VERSION = 4;

export interface EncodedFacts {
  readonly ints: Int32Array;
  /** The string table, joined; the lengths of its entries lead `ints`. */
  readonly chars: string;
}

class Writer {
  #ints = new Int32Array(1024);
  #length = 0;
  readonly #strings = new Map<string, number>();
  readonly #table: string[] = [];

  int(value: number): void {
    // Every number in the facts is an integer offset, count or label; anything else would be silently truncated.
    if ((value | 0) !== value) throw new Error(`cannot encode ${value} as an integer`);
    if (this.#length === this.#ints.length) {
      const grown = new Int32Array(this.#ints.length * 2);
      grown.set(this.#ints);
      this.#ints = grown;
    }
    this.#ints[this.#length++] = value;
  }

  string(value: string): void {
    let index = this.#strings.get(value);
    if (index === undefined) {
      index = this.#table.length;
      this.#strings.set(value, index);
      this.#table.push(value);
    }
    this.int(index);
  }

  finish(): EncodedFacts {
    const ints = new Int32Array(1 + this.#table.length + this.#length);
    ints[0] = this.#table.length;
    this.#table.forEach((entry, index) => (ints[1 + index] = entry.length));
    ints.set(this.#ints.subarray(0, this.#length), 1 + this.#table.length);
    return { ints, chars: this.#table.join('') };
  }
}

class Reader {
  readonly #ints: Int32Array;
  #position: number;
  readonly #table: string[];

  constructor(encoded: EncodedFacts) {
    this.#ints = encoded.ints;
    const count = encoded.ints[0]!;
    this.#table = new Array<string>(count);
    let offset = 0;
    for (let index = 0; index < count; index++) {
      const length = encoded.ints[1 + index]!;
      this.#table[index] = encoded.chars.slice(offset, offset + length);
      offset += length;
    }
    if (offset !== encoded.chars.length) throw new Error('the string table does not match its text');
    this.#position = 1 + count;
  }

  int(): number {
    if (this.#position >= this.#ints.length) throw new Error('encoded facts end too early');
    return this.#ints[this.#position++]!;
  }

  string(): string {
    const value = this.#table[this.int()];
    if (value === undefined) throw new Error('a string outside the table');
    return value;
  }

  get done(): boolean {
    return this.#position === this.#ints.length;
  }
}

interface Codec<T> {
  write(out: Writer, value: T): void;
  read(input: Reader): T;
}

const int: Codec<number> = { write: (out, value) => out.int(value), read: (input) => input.int() };
const string: Codec<string> = { write: (out, value) => out.string(value), read: (input) => input.string() };
const bool: Codec<boolean> = { write: (out, value) => out.int(value ? 1 : 0), read: (input) => input.int() === 1 };
/** A string from a closed set (a language, a kind): encoded as any string, typed as the set. */
const word = <T extends string>(): Codec<T> => string as Codec<T>;
/** A field whose value is fixed by the variant it belongs to: nothing is written. */
const literal = <T extends string>(value: T): Codec<T> => ({ write: () => undefined, read: () => value });

function nullable<T>(codec: Codec<T>): Codec<T | null> {
  return {
    write(out, value) {
      out.int(value === null ? 0 : 1);
      if (value !== null) codec.write(out, value);
    },
    read: (input) => (input.int() === 0 ? null : codec.read(input)),
  };
}

/** A field that may be absent: absent stays absent (the key is left out), as the reader left it out. */
function optional<T>(codec: Codec<T>): Codec<T | undefined> & { readonly optional: true } {
  return {
    optional: true,
    write(out, value) {
      out.int(value === undefined ? 0 : 1);
      if (value !== undefined) codec.write(out, value);
    },
    read: (input) => (input.int() === 0 ? undefined : codec.read(input)),
  };
}

function list<T>(codec: Codec<T>): Codec<readonly T[]> {
  return {
    write(out, values) {
      out.int(values.length);
      for (const value of values) codec.write(out, value);
    },
    read(input) {
      const length = input.int();
      if (length < 0) throw new Error('a negative length');
      const values: T[] = [];
      for (let index = 0; index < length; index++) values.push(codec.read(input));
      return values;
    },
  };
}

/** An object with exactly these fields, written in this order. */
function record<T extends object>(fields: { readonly [K in keyof T]-?: Codec<T[K]> }): Codec<T> {
  const keys = Object.keys(fields);
  const codecs = Object.values(fields) as Codec<unknown>[];
  // Reading builds each object from one literal, so that all objects of a type share one shape, as the ones the
  // reader made do; the keys are this file's own field names, never data.
  const build = new Function('codecs', 'input', `return { ${keys.map((key, index) => `${JSON.stringify(key)}: codecs[${index}].read(input)`).join(', ')} };`) as (
    codecs: readonly Codec<unknown>[],
    input: Reader,
  ) => T;
  const optionalKeys = keys.filter((_, index) => (codecs[index] as { optional?: boolean }).optional === true);
  return {
    write(out, value) {
      for (let index = 0; index < keys.length; index++) codecs[index]!.write(out, (value as Record<string, unknown>)[keys[index]!]);
    },
    read(input) {
      const value = build(codecs, input);
      for (const key of optionalKeys) if ((value as Record<string, unknown>)[key] === undefined) delete (value as Record<string, unknown>)[key];
      return value;
    },
  };
}

/** One of several object shapes told apart by their `kind`. */
function variants<T extends { readonly kind: string }>(cases: { readonly [K in T['kind']]: Codec<Extract<T, { readonly kind: K }>> }): Codec<T> {
  const kinds = Object.keys(cases) as T['kind'][];
  const byKind = cases as unknown as Record<string, Codec<T>>;
  return {
    write(out, value) {
      out.int(kinds.indexOf(value.kind));
      byKind[value.kind]!.write(out, value);
    },
    read(input) {
      const kind = kinds[input.int()];
      if (kind === undefined) throw new Error('an unknown variant');
      return byKind[kind]!.read(input);
    },
  };
}

/** A codec defined in terms of itself (items have sub-items). */
function recursive<T>(define: () => Codec<T>): Codec<T> {
  let codec: Codec<T> | undefined;
  return { write: (out, value) => (codec ??= define()).write(out, value), read: (input) => (codec ??= define()).read(input) };
}

const span = record<Span>({ start: int, end: int });
const problem = record<ParseProblem>({ span, code: string, message: string });

/** How many distinct values `shared` keeps; past it, a value is decoded as a new object again. */
const MAX_SHARED = 50_000;

/**
 * Values that recur across a workspace and are never changed, decoded into one object each: the same `第5条` cited a
 * thousand times is one level object, not a thousand that each outlive every young-generation collection of the
 * indexing (level objects were a tenth of the objects an indexed workspace kept).
 */
function shared<T>(codec: Codec<T>, keyOf: (value: T) => string): Codec<T> {
  const known = new Map<string, T>();
  return {
    write: codec.write,
    read(input) {
      const value = codec.read(input);
      const key = keyOf(value);
      const existing = known.get(key);
      if (existing !== undefined) return existing;
      if (known.size < MAX_SHARED) known.set(key, value);
      return value;
    },
  };
}

const levelRef = shared(
  variants<LevelRef>({
    number: record({ kind: literal('number'), value: string }),
    same: record({ kind: literal('same') }),
    previous: record({ kind: literal('previous'), count: int }),
    next: record({ kind: literal('next') }),
    this: record({ kind: literal('this') }),
    each: record({ kind: literal('each'), previous: bool }),
  }),
  (ref) => (ref.kind === 'number' ? `#${ref.value}` : ref.kind === 'previous' ? `previous ${ref.count}` : ref.kind === 'each' ? `each ${ref.previous}` : ref.kind),
);

const qualifier = variants<Qualifier>({
  name: record({ kind: literal('name'), name: string, span }),
  same: record({ kind: literal('same'), word: string, span, genre: optional(word<InstrumentGenre>()) }),
  this: record({ kind: literal('this'), span }),
});

const citation = record<CitationSyntax>({
  span,
  language: word(),
  kind: string,
  article: nullable(levelRef),
  paragraph: nullable(levelRef),
  item: nullable(levelRef),
  subitem: nullable(string),
  part: nullable(string),
  supplementary: bool,
  preamble: bool,
  annex: nullable(string),
  division: nullable(record<CitedDivision>({ chapter: string, section: nullable(string) })),
  qualifier: nullable(qualifier),
  seriesPrevious: nullable(int),
  rangeRole: nullable(word<'from' | 'to'>()),
});

const scan = record<CitationScan>({
  citations: list(citation),
  mentions: list(record<TreatyMention>({ name: string, span, topic: bool, genre: optional(word<InstrumentGenre>()) })),
  aliases: list(record<AliasDefinition>({ alias: string, fullName: string, span })),
  sentenceEnds: list(int),
});

const item: Codec<Item> = recursive(() => record<Item>({ number: string, label: string, span, labelSpan: span, subitems: list(item) }));

const paragraph = record<Paragraph>({ number: int, span, labelSpan: nullable(span), items: list(item) });

const article = record<Article>({
  number: string,
  label: string,
  caption: nullable(string),
  summary: nullable(string),
  supplementary: bool,
  supplementaryGroup: nullable(int),
  span,
  labelSpan: span,
  bodySpan: span,
  paragraphs: list(paragraph),
});

const division = record<Division>({ kind: word(), number: nullable(string), label: string, title: nullable(string), span, labelSpan: span });

const treaty = record<Treaty>({
  id: string,
  title: string,
  short: nullable(string),
  aliases: list(string),
  lang: nullable(string),
  preamble: nullable(division),
  divisions: list(division),
  articles: list(article),
  supplementaryBlocks: list(record<SupplementaryBlock>({ span, heading: string, amendingAct: nullable(string) })),
  problems: list(problem),
});

const frontMatter = record<TreatyFrontMatter>({
  treaty: nullable(string),
  title: nullable(string),
  short: nullable(string),
  aliases: list(string),
  lang: nullable(string),
  cites: nullable(string),
  span: nullable(span),
});

/** The Markdown structure, its masked text given as the spans masked (`maskedSpans`). */
const structure = record<Omit<MarkdownStructure, 'masked' | 'maskedSpans'> & { readonly maskedRuns: readonly Span[] }>({
  maskedRuns: list(span),
  frontMatter: nullable(record<NonNullable<MarkdownStructure['frontMatter']>>({ span, yaml: string, yamlStart: int })),
  comments: list(record<HtmlComment>({ span, body: string })),
  headings: list(record<Heading>({ level: int, text: string, span, textSpan: span })),
  codeBlocks: list(span),
});

/**
 * Everything in DocumentFacts but what the receiver already has (the URI, the text, the configuration's languages).
 * The text's length and line starts come first, so that `encodedLines` reads them without decoding the rest.
 */
const facts = record<Pick<DocumentFacts, 'kind' | 'frontMatter' | 'treaty' | 'scan' | 'directives' | 'suppressions' | 'problems'> & {
  readonly textLength: number;
  readonly lineStarts: readonly number[];
  readonly structure: Omit<MarkdownStructure, 'masked' | 'maskedSpans'> & { readonly maskedRuns: readonly Span[] };
}>({
  textLength: int,
  lineStarts: list(int),
  kind: word(),
  frontMatter,
  treaty: nullable(treaty),
  scan,
  structure,
  directives: list(record<CitesDirective>({ offset: int, treatyId: string, span })),
  suppressions: list(record<Suppression>({ start: int, end: int, codes: list(string) })),
  problems: list(problem),
});

export function encodeFacts(document: DocumentFacts): EncodedFacts {
  const out = new Writer();
  // Not the masked text: a structure re-read after an edit makes it only when asked.
  const { maskedSpans, frontMatter, comments, headings, codeBlocks } = document.reading.structure;
  facts.write(out, {
    textLength: document.text.length,
    lineStarts: document.lineIndex.lineStarts,
    kind: document.kind,
    frontMatter: document.frontMatter,
    treaty: document.treaty,
    scan: document.scan,
    structure: { maskedRuns: maskedSpans, frontMatter, comments, headings, codeBlocks },
    directives: document.directives,
    suppressions: document.suppressions,
    problems: document.problems,
  });
  return out.finish();
}

/**
 * Facts read on the first indexing's own thread, holding their masked text as decoded facts do (see maskedOnDemand).
 */
export function withMaskedOnDemand(document: DocumentFacts): DocumentFacts {
  const { maskedSpans, frontMatter, comments, headings, codeBlocks } = document.reading.structure;
  const structure = maskedOnDemand(document.text, { maskedSpans, frontMatter, comments, headings, codeBlocks });
  return { ...document, reading: newReading(structure, document.scan) };
}

/**
 * The structure with its masked text made again each time it is read (the quotation check once per resolution,
 * completion's look at one character) rather than kept: a second copy of every document read by the first indexing
 * was a sixth of the heap. A document edited in the editor is read again by analyzeDocument, which keeps it.
 */
function maskedOnDemand(text: string, rest: Omit<MarkdownStructure, 'masked'>): MarkdownStructure {
  return Object.defineProperty({ ...rest }, 'masked', { get: () => maskedRange(text, rest.maskedSpans, 0, text.length), enumerable: true }) as MarkdownStructure;
}

/**
 * The facts `encodeFacts` encoded, for the document's text and the configuration they were read with.
 * Throws on encoded data that does not hold together (a cache file cut short, another version's layout).
 */
export function decodeFacts(uri: string, text: string, encoded: EncodedFacts, config: TreatyConfig): DocumentFacts {
  const input = new Reader(encoded);
  const decoded = facts.read(input);
  if (!input.done) throw new Error('encoded facts continue past their end');
  if (decoded.textLength !== text.length) throw new Error('encoded facts of another text');
  const { maskedRuns: runs, ...rest } = decoded.structure;
  checkMaskedRuns(text, runs);
  const markdown = maskedOnDemand(text, { ...rest, maskedSpans: runs });
  return {
    uri,
    text,
    lineIndex: LineIndex.fromLineStarts(text, decoded.lineStarts),
    kind: decoded.kind,
    reading: newReading(markdown, decoded.scan),
    languages: config.languages,
    frontMatter: decoded.frontMatter,
    treaty: decoded.treaty,
    scan: decoded.scan,
    headings: markdown.headings,
    directives: decoded.directives,
    suppressions: decoded.suppressions,
    problems: decoded.problems,
  };
}

/**
 * The length and line starts of the text encoded facts were read from, read from their front without decoding the
 * rest: what publishing a document's cached diagnostics needs, before its file is read again. Throws on data that
 * does not hold together.
 */
export function encodedLines(encoded: EncodedFacts): { readonly length: number; readonly lineStarts: ArrayLike<number> } {
  const { ints } = encoded;
  // The string table's entry lengths lead, then the fields in the order of `facts`.
  const at = 1 + (ints[0] ?? -1);
  const length = ints[at]!;
  const count = ints[at + 1]!;
  if (!(at > 0 && count > 0 && at + 2 + count <= ints.length)) throw new Error('encoded facts end too early');
  // In place: a warm start places a thousand documents' diagnostics with them.
  const lineStarts = ints.subarray(at + 2, at + 2 + count);
  for (let index = 0; index < count; index++) {
    if (index === 0 ? lineStarts[0] !== 0 : lineStarts[index]! <= lineStarts[index - 1]! || lineStarts[index]! > length) throw new Error('line starts that do not fit the text');
  }
  return { length, lineStarts };
}

/** Throws on runs that do not lie in order inside the text (encoded data that does not hold together). */
function checkMaskedRuns(text: string, runs: readonly Span[]): void {
  let from = 0;
  for (const run of runs) {
    if (run.start < from || run.end > text.length || run.end < run.start) throw new Error('a masked span outside the text');
    from = run.end;
  }
}
