// The contract between the core and its consumers (the LSP server, the command line, tests):
// the injected workspace, the configuration, and the plain-data results of every feature.

import type { Span } from './types';

/** A document URI as a string (`file:///…`, `untitled:…`); the core never parses it for I/O. */
export type DocumentUri = string;

/** All I/O the core needs, injected: an LSP overlay, the file system (CLI), or memory (tests). */
export interface TreatyWorkspace {
  /** Every candidate document under the workspace roots (already filtered by include/exclude). */
  listDocuments(): readonly DocumentUri[];
  /** The document's text, or an error message when it cannot be read (binary, too large, gone). */
  readDocument(uri: DocumentUri): { readonly text: string } | { readonly error: string };
}

/**
 * A file's text read when it is first needed (a warm start does not read the files its cache knows unchanged): the
 * text with a hash of its bytes, or why it cannot be read now. Given by the caller, which does the reading.
 */
export type TextSource = () => { readonly text: string; readonly hash: string } | { readonly error: string };

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type DiagnosticCode =
  | 'unknown-article'
  | 'unknown-paragraph'
  | 'unknown-item'
  | 'unknown-treaty'
  | 'no-antecedent'
  | 'ambiguous-treaty'
  | 'missing-treaty-id'
  | 'duplicate-article'
  | 'article-order'
  | 'duplicate-treaty-name'
  | 'invalid-front-matter'
  | 'invalid-config'
  | 'file-skipped'
  | 'misquote'
  | 'parallel-structure';

export interface Location {
  readonly uri: DocumentUri;
  readonly span: Span;
}

export interface Diagnostic {
  readonly span: Span;
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly related: readonly { readonly location: Location; readonly message: string }[];
  /** Extra data for code actions (e.g. the nearest existing articles). */
  readonly data?: Readonly<Record<string, unknown>>;
}

/** A citation as a rendered document shows it: a link to its article, or a dangling citation marked. */
export interface CitationLink {
  readonly span: Span;
  /** The cited article: its document, its label and its anchor; null for a dangling citation. */
  readonly target: { readonly uri: DocumentUri; readonly span: Span; readonly anchor: string } | null;
  /** The article's caption and first words, or what is wrong with a dangling citation. */
  readonly title: string;
  /** The diagnostic code of a dangling citation, or null. */
  readonly problem: DiagnosticCode | null;
}

/** Where an article of a treaty document starts, and the anchor that names it. */
export interface ArticleAnchor {
  readonly span: Span;
  readonly anchor: string;
}

export interface CitationLinks {
  readonly citations: readonly CitationLink[];
  readonly anchors: readonly ArticleAnchor[];
}

export interface Hover {
  readonly span: Span;
  /** Markdown, in the document's language. */
  readonly markdown: string;
}

export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

export interface WorkspaceEdit {
  readonly changes: readonly { readonly uri: DocumentUri; readonly edits: readonly TextEdit[] }[];
  /** Files to create first (e.g. a new treaty file), with their initial text. */
  readonly creates: readonly { readonly uri: DocumentUri; readonly text: string }[];
}

export type SymbolKind = 'treaty' | 'preamble' | 'chapter' | 'article' | 'paragraph' | 'heading' | 'citation';

export interface DocumentSymbol {
  readonly name: string;
  readonly detail: string | null;
  readonly kind: SymbolKind;
  readonly span: Span;
  readonly selectionSpan: Span;
  readonly children: readonly DocumentSymbol[];
}

export interface WorkspaceSymbol {
  readonly name: string;
  readonly containerName: string;
  readonly kind: SymbolKind;
  readonly location: Location;
}

export interface CompletionItem {
  readonly label: string;
  readonly kind: 'article' | 'treaty';
  readonly detail: string | null;
  readonly documentation: string | null;
  /** The text to insert and the span it replaces. */
  readonly edit: TextEdit;
  readonly sortText: string;
}

export interface CodeAction {
  readonly title: string;
  readonly kind: 'quickfix' | 'refactor';
  readonly diagnosticCode: DiagnosticCode | null;
  readonly edit: WorkspaceEdit;
  readonly preferred: boolean;
  /** Why the action cannot be applied now (shown greyed out with this reason), or absent. */
  readonly disabled?: string;
  /** A command of the editor to run after the edit (one the server cannot do itself, such as a network import). */
  readonly command?: { readonly title: string; readonly command: string; readonly arguments: readonly unknown[] };
}

export interface CodeLens {
  readonly span: Span;
  readonly title: string;
  /** Where the lens points: the article's references. */
  readonly references: readonly Location[];
}

export interface InlayHint {
  readonly offset: number;
  readonly label: string;
}

export type SemanticTokenType = 'citation' | 'danglingCitation' | 'treatyName' | 'articleLabel';

export interface SemanticToken {
  readonly span: Span;
  readonly type: SemanticTokenType;
}

export interface FoldingRange {
  readonly span: Span;
}

export interface DocumentLink {
  readonly span: Span;
  /** A place in the workspace, or a web page (a law's e-Gov page). */
  readonly target: Location | { readonly url: string };
}

export type RenameResult =
  | { readonly ok: true; readonly edit: WorkspaceEdit }
  | { readonly ok: false; readonly reason: string };

export type PrepareRenameResult =
  | { readonly ok: true; readonly span: Span; readonly placeholder: string }
  | { readonly ok: false; readonly reason: string };

export interface WorkspaceStats {
  readonly treaties: number;
  readonly analyses: number;
  readonly citations: number;
  readonly problems: number;
}

/** One provision named in a document, resolved: what `treaty-check --format json` lists. */
export interface CitationReport {
  readonly span: Span;
  readonly text: string;
  readonly treatyId: string | null;
  readonly treatyName: string | null;
  readonly article: string | null;
  readonly paragraph: number | null;
  readonly item: string | null;
  readonly subitem: string | null;
  readonly part: string | null;
  readonly kind: string;
  readonly status: string;
  /** The scope rule that chose the instrument (`qualifier`, `topic`, `principal`, …), or null when none did. */
  readonly scope: string | null;
  readonly target: Location | null;
}

/** One article of a treaty and how much the workspace cites it (the coverage view, `treaty-check --coverage`). */
export interface CoverageArticle {
  /** As in the command line's JSON: `"14"`, `"6_2"`. */
  readonly article: string;
  readonly label: string;
  readonly caption: string | null;
  readonly supplementary: boolean;
  /** The article's label in the treaty's primary document. */
  readonly location: Location;
  /** Documents citing it, other than the treaty's own versions. */
  readonly documents: number;
  readonly citations: number;
}

export interface TreatyCoverage {
  readonly treaty: string;
  readonly title: string;
  readonly uri: DocumentUri;
  readonly articles: readonly CoverageArticle[];
}

/** A treaty document of the workspace. */
export interface TreatyDocument {
  readonly uri: DocumentUri;
  readonly treaty: import('./types').Treaty;
}
