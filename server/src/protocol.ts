// The server's own requests, beyond LSP: their method names and the shapes of their answers, shared by the server's
// adapters (adapters/coverage.ts, adapters/stats.ts, adapters/previewCitations.ts) and the VS Code client, so neither can drift from the other.
// Types and names only: the client bundles nothing of the server through this module.

import type { Location, Range } from 'vscode-languageserver';
import type { CoverageArticle, TreatyCoverage, WorkspaceStats } from './core/index';

/** `treatyAnnotator/stats` (no parameters): the counts for a status bar; it waits for the first indexing, so clients also use it as "the server is ready". */
export const STATS_METHOD = 'treatyAnnotator/stats';

/** The counts, and the server's memory (read by the soak test and the benchmark). */
export type StatsResponse = WorkspaceStats & { readonly memory: NodeJS.MemoryUsage };

/** `treatyAnnotator/coverage` (no parameters): every workspace treaty with each article's location and how many documents and citations cite it. */
export const COVERAGE_METHOD = 'treatyAnnotator/coverage';

/** A treaty article as the coverage request sends it: its location as an LSP location. */
export type CoverageArticleResponse = Omit<CoverageArticle, 'location'> & { readonly location: Location };
export type TreatyCoverageResponse = Omit<TreatyCoverage, 'articles'> & { readonly articles: readonly CoverageArticleResponse[] };

export interface CoverageResponse {
  readonly version: 1;
  readonly treaties: readonly TreatyCoverageResponse[];
}

/** `treatyAnnotator/previewCitations` ({ uri }): what the Markdown preview needs to make a document's citations live. */
export const PREVIEW_CITATIONS_METHOD = 'treatyAnnotator/previewCitations';

export interface PreviewCitationsParams {
  readonly uri: string;
}

export interface PreviewCitation {
  readonly range: Range;
  /** The source text at the range, which the preview finds in its rendered text. */
  readonly text: string;
  /** The cited article, `file:///…/treaty.md#article-5`; null for a dangling citation. */
  readonly href: string | null;
  /** The article's caption and first words, or what is wrong. */
  readonly title: string;
  /** The diagnostic code of a dangling citation, or null. */
  readonly problem: string | null;
}

export interface PreviewCitationsResponse {
  readonly version: 1;
  readonly citations: readonly PreviewCitation[];
  /** In a treaty document: each article's anchor id and the line of its label. */
  readonly anchors: readonly { readonly line: number; readonly id: string }[];
}
