// The shape of a message catalogue: every user-facing word the core produces, one entry per message, so that
// a display language is one object (en.ts, ja.ts) rather than a choice repeated at each place that speaks.
// Arguments are already-written pieces (labels, names, counts); a catalogue only arranges and words them.

import type { ScopeName } from '../resolve';

/** The languages the product speaks to its user in; citations are read in more (see CitationLanguage). */
export type DisplayLanguage = 'ja' | 'en';

export interface Messages {
  // Provision labels, written in the reader's language whatever the cited text's language.
  /** `6_2` → `6 2` / `6の2`: a branch article's number. */
  /** `Article 6(2)(a)` / `第6条第2項第a号`; paragraph and item may be absent. */
  readonly provision: (article: string, paragraph: number | null, item: string | null) => string;
  readonly preamble: string;
  readonly chapter: (chapter: string, section: string | null) => string;
  readonly annex: (annex: string) => string;
  /** The articles a treaty has: `Articles 1–14` / `第1条–第14条`. */
  readonly articleRange: (first: string, last: string) => string;
  readonly noArticles: string;
  /** A caption after a label in a list or an outline: ` — caption` / `（caption）`. */
  readonly captioned: (label: string, caption: string | null) => string;
  /** `paragraph 2` / `第2項`, in an outline. */
  readonly paragraph: (number: number | string) => string;
  /** A provision of a named treaty: `Article 5 of the NATO Treaty` / `NATO条約第5条`. */
  readonly provisionOf: (label: string, treaty: string) => string;

  // Diagnostics of citations.
  readonly unknownArticle: (treaty: string, label: string, has: string) => string;
  readonly unknownParagraph: (treaty: string, article: string, paragraph: string, count: string) => string;
  readonly unknownItem: (treaty: string, article: string, item: string) => string;
  readonly unknownTreaty: (treaty: string) => string;
  /** After the one unknown-treaty note of an instrument the document cites more than once. */
  readonly citationsInDocument: (count: number) => string;
  readonly noAntecedent: (written: string) => string;
  readonly ambiguousTreaty: (label: string) => string;
  /** A name several workspace treaties go by (`ids`), cited. */
  readonly namesakeTreaty: (name: string, ids: readonly string[]) => string;
  /** On a treaty document: another treaty (`others`: `file (id)` each) goes by its `name` too. */
  readonly duplicateTreatyName: (name: string, others: readonly string[]) => string;
  readonly misquote: (provision: string, treatyWords: string | null) => string;
  readonly misquoteElsewhere: (provision: string, paragraph: number) => string;
  /** A language version of a treaty: `the en version (harbor.en.md)` / `en版（harbor.en.md）`. */
  readonly version: (language: string, file: string) => string;
  readonly noCounterpart: (label: string, version: string) => string;
  readonly paragraphCountDiffers: (label: string, here: number, there: number, version: string, otherLabel: string) => string;

  // Hover, code lens, inlay hints.
  readonly summary: string;
  readonly citedInDocuments: (count: number) => string;
  /** The code lens over an article label. */
  readonly citedInLens: (count: number) => string;
  readonly moreArticles: (count: number) => string;
  readonly externalProvision: (treaty: string | null) => string;
  readonly notResolved: string;
  /** The hover of a citation that what is read so far does not resolve, while the workspace is still being read. */
  readonly stillReading: string;
  /** `北大西洋条約 (the instrument this document names most)`: a citation's instrument and the scope rule that chose it. */
  readonly chosenBy: (instrument: string, scope: ScopeName) => string;

  // Code actions and rename.
  readonly changeTo: (label: string, caption: string | null) => string;
  readonly qualifyAs: (qualified: string) => string;
  readonly addDirective: (directive: string, title: string) => string;
  /** For a name several treaties go by: settle it on treaty `id` (in `file`) with `directive`. */
  readonly citeNamesake: (id: string, file: string, directive: string) => string;
  readonly createTreatyFile: (fileName: string, name: string) => string;
  readonly importFromEgov: (name: string) => string;
  /** The title of the editor command an e-Gov import runs. */
  readonly importFromEgovCommand: string;
  readonly quoteTreatyWords: (words: string) => string;
  /** `moved` is the range of renumbered labels, or null when none moves. */
  readonly insertArticle: (label: string, moved: string | null) => string;
  readonly deleteArticle: (label: string, moved: string | null) => string;
  readonly deleteCitedArticle: (label: string, citations: number, documents: number) => string;
  readonly renameFromLabel: (label: string) => string;
  readonly nothingToRename: string;
  readonly notAnArticleNumber: (name: string) => string;
  readonly articleExists: (label: string) => string;
  readonly cannotReadNumber: (label: string) => string;

  // The HTML edition (`treaty-check export --html`).
  readonly siteTitle: string;
  readonly treaties: string;
  readonly analyses: string;
  readonly index: string;
  /** The heading of the list of documents citing an article. */
  readonly citedBy: string;
  /** A bar of the coverage chart: `Article 5: 3 citations`. */
  readonly articleCitations: (label: string, count: number) => string;
  readonly coverageChart: (articles: number, cited: number) => string;
}
