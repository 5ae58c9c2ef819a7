// The discourse state: what the text has established before the citation being resolved (the aliases it
// defined, the instrument it named last, the last article, paragraph and item cited), which later citations
// lean on, and the checkpoints an edited analysis resumes from.

import { normalizeName, type Catalog } from '../catalog';
import type { DocumentFacts } from '../document';
import type { CitationSyntax, CitedDivision, InstrumentGenre, TreatyMention } from '../types';
import type { ResolvedCitation } from './check';
import { instrumentNamer, type InstrumentNamer } from './names';
import type { Principal } from './scope';

export interface Instrument {
  readonly id: string | null;
  readonly name: string | null;
  /** Citations of an amending act's 附則 are provisions of that act: not checked. */
  readonly external?: boolean;
  /** The ids of the workspace treaties that all go by the name written (id is then null): which one is unclear. */
  readonly namesakes?: readonly string[];
}

/** Whether two instruments are one: the same workspace treaty, or the same name outside the workspace. */
export function sameInstrument(a: Instrument | null, b: Instrument | null): boolean {
  return a === b || (a !== null && b !== null && a.id === b.id && a.name === b.name && a.external === b.external);
}

/** The resolution, declaration, statement and report named last, by genre: what 同決議, 同宣言, 同声明 and 同報告 refer to. */
export type NamedByGenre = Readonly<Partial<Record<Exclude<InstrumentGenre, 'treaty'>, Instrument>>>;

const NONE_NAMED: NamedByGenre = {};

/** The scope rule that chose a citation's instrument (ARCHITECTURE.md "Which treaty a citation belongs to"). */
export type ScopeName =
  | 'qualifier'
  | 'same-instrument'
  | 'same-genre'
  | 'this-instrument'
  | 'law-named-before'
  | 'amendment-quote'
  | 'anaphora'
  | 'own-document'
  | 'last-article'
  | 'topic'
  | 'earlier-in-sentence'
  | 'cites'
  | 'principal'
  | 'only-treaty';

export interface Binding {
  readonly instrument: Instrument | null;
  readonly article: string | null;
  readonly paragraph: number | null;
  readonly item: string | null;
  readonly supplementaryGroup: number | null;
  readonly problem: 'no-antecedent' | 'ambiguous-treaty' | null;
  /** Whether the instrument was given in the text (qualifier or inherited from one). */
  readonly qualified: boolean;
  /** The rule that chose the instrument (a list member's is its first member's), or null when none did. */
  readonly scope: ScopeName | null;
  /** The chapter (and section) a division citation names, relative ones (前章, 本章, 同章) made absolute. */
  readonly division: CitedDivision | null;
}

/**
 * The discourse state at the first citation of a sentence, before it is read: enough to resume resolving there
 * (a qualifier carried over within a sentence cannot reach past its end, so it is not part of it).
 */
export interface Checkpoint {
  readonly index: number;
  readonly sentence: number;
  readonly mentionCursor: number;
  readonly aliasCursor: number;
  readonly lastInstrument: Instrument | null;
  readonly lastOfGenre: NamedByGenre;
  readonly lastArticle: Binding | null;
  readonly lastParagraph: Binding | null;
  readonly lastItem: Binding | null;
  readonly lastDivision: Binding | null;
  /** A list or range reaches back across it (a later member inherits from before it): no place to resume. */
  crossed: boolean;
}

/** A document's resolved citations, with what resolving it again after an edit can start from. */
export interface Resolution {
  readonly citations: readonly ResolvedCitation[];
  /** The serial of the reading resolved, the catalog it was resolved against, and that reading's scan. */
  readonly reading: number;
  readonly catalog: Catalog;
  readonly scan: DocumentFacts['scan'];
  readonly bindings: readonly Binding[];
  /** For analyses: one per sentence that has citations, in order. */
  readonly checkpoints: readonly Checkpoint[];
  /** The document's principal instrument, or undefined when no citation needed it. */
  readonly principal: Principal | null | undefined;
  /**
   * The treaties whose structure (their articles' order) a binding was counted on: `前条` in an analysis after a citation of
   * one of them. An edit of any other treaty leaves every binding as it is, so its citations need only be checked again
   * (`recheckResolution`). After a resumed resolution, those of the old one too (more than needed, never fewer).
   */
  readonly structuresRead: readonly string[];
}

/** The discourse state, read forward citation by citation. */
export class Discourse {
  /** Normalised alias → full name, for the aliases defined so far. */
  private readonly aliases = new Map<string, string>();
  /** Reads a name under the aliases defined so far. */
  readonly name: InstrumentNamer;
  aliasCursor = 0;
  mentionCursor = 0;
  sentence = 0;
  lastMention: TreatyMention | null = null;
  lastInstrument: Instrument | null = null;
  /** Replaced, never changed, when a resolution, declaration, statement or report is named: checkpoints keep it as it was. */
  lastOfGenre: NamedByGenre = NONE_NAMED;
  lastArticle: Binding | null = null;
  lastParagraph: Binding | null = null;
  lastItem: Binding | null = null;
  lastDivision: Binding | null = null;
  /** The short names defined so far, as written. */
  readonly shortNames: string[] = [];
  /** The instrument of the nearest qualified citation earlier in the sentence. */
  carryOver: { readonly sentence: number; readonly instrument: Instrument } | null = null;

  constructor(
    private readonly scan: DocumentFacts['scan'],
    catalog: Catalog,
  ) {
    this.name = instrumentNamer(catalog, this.aliases);
  }

  /** Takes up the state kept at a checkpoint (the aliases before it are defined again). */
  restore(from: Checkpoint): void {
    const aliases = this.scan.aliases;
    for (this.aliasCursor = 0; this.aliasCursor < from.aliasCursor; this.aliasCursor++) this.aliases.set(normalizeName(aliases[this.aliasCursor]!.alias), aliases[this.aliasCursor]!.fullName);
    this.mentionCursor = from.mentionCursor;
    this.sentence = from.sentence;
    this.lastMention = from.mentionCursor > 0 ? this.scan.mentions[from.mentionCursor - 1]! : null;
    for (let index = 0; index < from.aliasCursor; index++) this.shortNames.push(aliases[index]!.alias);
    ({ lastInstrument: this.lastInstrument, lastOfGenre: this.lastOfGenre, lastArticle: this.lastArticle, lastParagraph: this.lastParagraph, lastItem: this.lastItem, lastDivision: this.lastDivision } = from);
  }

  /** Moves to the sentence that holds `offset`; whether that is another sentence. */
  enterSentenceOf(offset: number): boolean {
    const ends = this.scan.sentenceEnds;
    const before = this.sentence;
    while (this.sentence < ends.length - 1 && ends[this.sentence]! <= offset) this.sentence++;
    return this.sentence !== before;
  }

  /** The state here, before the citation `index` is read. */
  checkpoint(index: number): Checkpoint {
    const { sentence, mentionCursor, aliasCursor, lastInstrument, lastOfGenre, lastArticle, lastParagraph, lastItem, lastDivision } = this;
    return { index, sentence, mentionCursor, aliasCursor, lastInstrument, lastOfGenre, lastArticle, lastParagraph, lastItem, lastDivision, crossed: false };
  }

  /** Reads the aliases defined and the instruments named before `offset`. */
  advanceTo(offset: number): void {
    const { aliases, mentions } = this.scan;
    while (this.aliasCursor < aliases.length && aliases[this.aliasCursor]!.span.end <= offset) {
      const alias = aliases[this.aliasCursor++]!;
      this.aliases.set(normalizeName(alias.alias), alias.fullName);
      this.shortNames.push(alias.alias);
      this.name.forget();
    }
    while (this.mentionCursor < mentions.length && mentions[this.mentionCursor]!.span.end <= offset) {
      this.lastMention = mentions[this.mentionCursor++]!;
      this.lastInstrument = this.name(this.lastMention.name);
      const genre = this.lastMention.genre;
      if (genre !== undefined && genre !== 'treaty') this.lastOfGenre = { ...this.lastOfGenre, [genre]: this.lastInstrument };
    }
  }

  /** Takes in a citation's binding: what 同条, 同項, 同号, 同条約 and a later citation of the sentence lean on. */
  remember(citation: CitationSyntax, binding: Binding): void {
    if (citation.article !== null && binding.article !== null) this.lastArticle = binding;
    if (citation.paragraph !== null && binding.paragraph !== null) this.lastParagraph = binding;
    if (citation.item !== null && binding.item !== null) this.lastItem = binding;
    if (binding.division !== null) this.lastDivision = binding;
    if (binding.qualified && binding.instrument) this.carryOver = { sentence: this.sentence, instrument: binding.instrument };
    if (binding.instrument && citation.qualifier) this.lastInstrument = binding.instrument;
  }
}

/** A list member inherits from citation `from`: no checkpoint after that citation is a place to resume. */
export function markCrossed(checkpoints: readonly Checkpoint[], from: number): void {
  for (let back = checkpoints.length - 1; back >= 0 && checkpoints[back]!.index > from; back--) checkpoints[back]!.crossed = true;
}
