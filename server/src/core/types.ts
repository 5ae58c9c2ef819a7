// The domain vocabulary shared by every core module: spans, treaties, articles and citations.
// Everything here is plain readonly data (JSON-serialisable), so results can cross any boundary.

/** A half-open span of UTF-16 code unit offsets into a document's text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A problem found while parsing; parsers report these instead of throwing. */
export interface ParseProblem {
  readonly span: Span;
  readonly code: string;
  readonly message: string;
}

// ---------------------------------------------------------------------------------------------
// Treaty model (a treaty or statute document parsed into its structure)
// ---------------------------------------------------------------------------------------------

/** An item (号, `(a)`, `(i)`) or sub-item (イ, ロ…) of a paragraph. */
export interface Item {
  /** `"3"`, `"2_2"` (二の二), `"a"`, `"i"`, or for sub-items `"イ"`. */
  readonly number: string;
  /** The item's label as written (`一`, `(a)`, `イ`). */
  readonly label: string;
  /** From the label to the end of the item's last line (sub-items included). */
  readonly span: Span;
  readonly labelSpan: Span;
  readonly subitems: readonly Item[];
}

export interface Paragraph {
  /** 1-based; the first paragraph of an article is unnumbered in the text but is number 1. */
  readonly number: number;
  readonly span: Span;
  /** The label as written (`２`, `2.`), or null for an unnumbered first paragraph. */
  readonly labelSpan: Span | null;
  readonly items: readonly Item[];
}

export interface Article {
  /** Arabic, branches joined by `_`: 第六条の二 → `"6_2"`, Article IV → `"4"`, Article 7 bis → `"7_bis"`. */
  readonly number: string;
  /** The label exactly as written: `第六条の二`, `Article  5`, `Article IV`. */
  readonly label: string;
  /** 見出し / caption such as `（目的）` without the brackets, or null. */
  readonly caption: string | null;
  /** The analyst's summary (`要旨：…`, `Summary: …`, `<!-- summary: … -->`), or null. */
  readonly summary: string | null;
  /** True for the articles of a 附則 (supplementary provisions). */
  readonly supplementary: boolean;
  /**
   * Index of the 附則 block this article belongs to (0 = the original 附則), or null outside 附則.
   * Amending acts' 附則 have their own numbering, so `(supplementaryGroup, number)` is the key there.
   */
  readonly supplementaryGroup: number | null;
  /** From the label (or caption line) to the end of the article's text. */
  readonly span: Span;
  readonly labelSpan: Span;
  /** The article's text after the label (for hover and quotation checks). */
  readonly bodySpan: Span;
  readonly paragraphs: readonly Paragraph[];
}

/** A 附則 block; an amending act's block carries its law number in the heading. */
export interface SupplementaryBlock {
  readonly span: Span;
  readonly heading: string;
  /** The amending act's law number (`平成一七年六月二九日法律第七三号`), or null for the original 附則. */
  readonly amendingAct: string | null;
}

export interface Division {
  /** `chapter`, `section`, `part`, `annex`, `preamble`. */
  readonly kind: 'part' | 'chapter' | 'section' | 'subsection' | 'annex' | 'preamble';
  /** `"1"`, `"4_2"`, `"I"` for annexes as written. */
  readonly number: string | null;
  readonly label: string;
  readonly title: string | null;
  readonly span: Span;
  readonly labelSpan: Span;
}

export interface TreatyFrontMatter {
  readonly treaty: string | null;
  readonly title: string | null;
  readonly short: string | null;
  readonly aliases: readonly string[];
  readonly lang: string | null;
  /** Analyses only: the default treaty id. */
  readonly cites: string | null;
  /** The whole front matter block, fences included, or null when the document has none. */
  readonly span: Span | null;
}

export interface Treaty {
  readonly id: string;
  readonly title: string;
  readonly short: string | null;
  readonly aliases: readonly string[];
  readonly lang: string | null;
  readonly preamble: Division | null;
  readonly divisions: readonly Division[];
  /** Articles in document order: main provisions first, then 附則 articles. */
  readonly articles: readonly Article[];
  readonly supplementaryBlocks: readonly SupplementaryBlock[];
  readonly problems: readonly ParseProblem[];
}

// ---------------------------------------------------------------------------------------------
// Citations as written (the grammar's output, before the treaty is known)
// ---------------------------------------------------------------------------------------------

/** How one level (article, paragraph, item) of a citation is given. */
export type LevelRef =
  | { readonly kind: 'number'; readonly value: string }
  /** 同条 / 同項 / 同号 / that Article. */
  | { readonly kind: 'same' }
  /** 前条 / 前項 / 前号 / the preceding Article; `count` for 前二条 / 前三項. */
  | { readonly kind: 'previous'; readonly count: number }
  /** 次条 / 次項 / 次号. */
  | { readonly kind: 'next' }
  /** 本条 / この条 / this Article. */
  | { readonly kind: 'this' }
  /** 各号 (every item), 前各号 (items before the current one). */
  | { readonly kind: 'each'; readonly previous: boolean };

/** The instrument a citation is qualified by in the text itself. */
export type Qualifier =
  /** A name written before (`国連憲章第51条`) or after (`Article 5 of the North Atlantic Treaty`). */
  | { readonly kind: 'name'; readonly name: string; readonly span: Span }
  /**
   * 同条約 / 同法 / 同協定 / 同議定書 / 同決議 / 同宣言 / 同声明 / that Declaration. `genre`, when the word tells it, is the sort of
   * instrument it refers back to (同決議: the last resolution named, never a treaty); absent for a bare 同.
   */
  | { readonly kind: 'same'; readonly word: string; readonly span: Span; readonly genre?: InstrumentGenre }
  /** 本条約 / この法律 / this Treaty / the present Charter. */
  | { readonly kind: 'this'; readonly span: Span };

export type CitationLanguage = 'ja' | 'en' | 'fr' | 'ru';

/** Citation kinds as in `citation-forms.md` section 0. */
export type CitationKind = string;

export interface CitedDivision {
  readonly chapter: string;
  readonly section: string | null;
}

/** One provision named in the text: each member of a list and each end of a range is its own. */
export interface CitationSyntax {
  /** What the JSON output calls `range`: the provision's own text, an attached qualifier included. */
  readonly span: Span;
  readonly language: CitationLanguage;
  readonly kind: CitationKind;
  readonly article: LevelRef | null;
  readonly paragraph: LevelRef | null;
  readonly item: LevelRef | null;
  /** イ, ロ, … */
  readonly subitem: string | null;
  /** 前段, 後段, ただし書, 本文, 柱書. */
  readonly part: string | null;
  /** 附則第N条. */
  readonly supplementary: boolean;
  readonly preamble: boolean;
  /** Annex number or label (`"I"`, `"1"`), or null. */
  readonly annex: string | null;
  /** The chapter, and the section inside it, a structural citation names: `第7章` → 7, `第三章第二節` → 3 and 2. */
  readonly division: CitedDivision | null;
  readonly qualifier: Qualifier | null;
  /**
   * Index (in the same result array) of the previous member of the same series (list or range),
   * from which missing higher levels and the qualifier are inherited; null for the first member.
   */
  readonly seriesPrevious: number | null;
  /** `from` / `to` for the ends of a range, null otherwise. */
  readonly rangeRole: 'from' | 'to' | null;
}

/**
 * What sort of instrument a name is, by the word that ends it: a treaty or law (条約, 協定, 法, 議定書…), or one of the
 * texts cited by their paragraphs: a resolution (…決議, 安保理決議第1244号), a declaration (…宣言), a statement
 * (…声明, …共同声明) or a report (…報告, …報告書).
 */
export type InstrumentGenre = 'treaty' | 'resolution' | 'declaration' | 'statement' | 'report';

/** A treaty or law named in prose (a citation's qualifier, a sentence topic, a mention in passing). */
export interface TreatyMention {
  readonly name: string;
  readonly span: Span;
  /** The sentence is about it: `…条約は、`, `…法では、`, `Under the … Treaty,`. */
  readonly topic: boolean;
  /** Set by the Japanese grammar for a resolution, declaration, statement or report; absent for a treaty or law. */
  readonly genre?: InstrumentGenre;
}

/** `「正式名称」（以下「略称」という。）`: binds alias to the instrument named fullName from `span.end` on. */
export interface AliasDefinition {
  readonly alias: string;
  readonly fullName: string;
  readonly span: Span;
}

/** Everything the grammar finds in one text. */
export interface CitationScan {
  readonly citations: readonly CitationSyntax[];
  readonly mentions: readonly TreatyMention[];
  readonly aliases: readonly AliasDefinition[];
  /**
   * The sentences of prose (citations resolve their treaty within one before looking further), as the offset where each
   * ends: they cover the text from 0 on, sentence i is [`sentenceStart(ends, i)`, ends[i]). Plain numbers, not objects:
   * a keystroke moves every sentence after it.
   */
  readonly sentenceEnds: readonly number[];
}

/** Where sentence `index` starts: where the one before it ends. */
export function sentenceStart(ends: readonly number[], index: number): number {
  return index === 0 ? 0 : ends[index - 1]!;
}

/** What one language's grammar finds; `scan.ts` merges the languages and adds sentences. */
export interface LanguageScan {
  readonly citations: readonly CitationSyntax[];
  readonly mentions: readonly TreatyMention[];
  readonly aliases: readonly AliasDefinition[];
}

/**
 * Options every language scanner takes. The text it receives has code spans, code blocks, front matter
 * and HTML comments replaced by {@link MASK_CHARACTER} (line breaks kept), so offsets stay those of the source.
 */
export interface ScanOptions {
  /**
   * True when scanning a treaty document: a label at the start of a line (`第一条　`, `Article 5`, `２　`, `一　`)
   * defines a provision rather than citing it, and must not be reported as a citation.
   */
  readonly treatyDocument: boolean;
}

/** Stands in for masked (non-prose) text; no citation may span it. */
export const MASK_CHARACTER = '\uFFFC';
