// The core's facade: one method per editor feature over an incrementally updated workspace index.
// Consumers (LSP handlers, the CLI, tests) call only this; nothing here knows LSP or the file system.

import type {
  CitationReport,
  CodeAction,
  CodeLens,
  CompletionItem,
  Diagnostic,
  DiagnosticCode,
  DocumentLink,
  DocumentSymbol,
  DocumentUri,
  FoldingRange,
  Hover,
  InlayHint,
  Location,
  PrepareRenameResult,
  RenameResult,
  SemanticToken,
  TreatyCoverage,
  TreatyDocument,
  TreatyWorkspace,
  WorkspaceStats,
  WorkspaceSymbol,
} from './api';
import type { Span } from './types';
import type { LineIndex } from './text/lineIndex';
import type { TreatyConfig } from './config';

export type * from './api';
export type * from './types';

export interface TreatyService {
  /** Reads every document the workspace lists and indexes it; call once, then `setDocument` per change. */
  indexWorkspace(onProgress?: (done: number, total: number) => void): void;
  /** Adds or replaces one document; re-resolves only what depends on it. */
  setDocument(uri: DocumentUri, text: string): void;
  /** Forgets a document (deleted, or closed and gone from disk). */
  deleteDocument(uri: DocumentUri): void;
  /** Re-reads a document from the workspace (a watched file changed on disk). */
  refreshDocument(uri: DocumentUri): void;
  /** Replaces the configuration (editor settings changed or `.treaty-annotator.json` edited). */
  setConfig(config: TreatyConfig): void;
  hasDocument(uri: DocumentUri): boolean;
  /** The text the index holds for a document, or undefined. */
  getText(uri: DocumentUri): string | undefined;
  /** Offset ↔ line/character for a document the index holds. */
  getLineIndex(uri: DocumentUri): LineIndex | undefined;
  getDiagnostics(uri: DocumentUri): readonly Diagnostic[];
  /** Documents whose diagnostics may have changed since the last call (for push diagnostics); with `only`, just that one. */
  takeChangedDocuments(only?: DocumentUri): readonly DocumentUri[];
  getDefinition(uri: DocumentUri, offset: number): readonly Location[];
  getHover(uri: DocumentUri, offset: number, locale?: string): Hover | null;
  getReferences(uri: DocumentUri, offset: number, includeDeclaration: boolean): readonly Location[];
  getDocumentSymbols(uri: DocumentUri): readonly DocumentSymbol[];
  getWorkspaceSymbols(query: string): readonly WorkspaceSymbol[];
  getCompletions(uri: DocumentUri, offset: number): readonly CompletionItem[];
  getCodeActions(uri: DocumentUri, span: Span, codes: readonly DiagnosticCode[]): readonly CodeAction[];
  prepareRename(uri: DocumentUri, offset: number): PrepareRenameResult;
  rename(uri: DocumentUri, offset: number, newName: string): RenameResult;
  getCodeLenses(uri: DocumentUri): readonly CodeLens[];
  getInlayHints(uri: DocumentUri, span: Span): readonly InlayHint[];
  getSemanticTokens(uri: DocumentUri): readonly SemanticToken[];
  getFoldingRanges(uri: DocumentUri): readonly FoldingRange[];
  getDocumentLinks(uri: DocumentUri): readonly DocumentLink[];
  getStats(): WorkspaceStats;
  /** Every citation of a document, resolved (the command line's JSON). */
  getCitations(uri: DocumentUri): readonly CitationReport[];
  /** Each treaty's articles with how many documents and citations cite them (analyses, not the treaty itself). */
  getCoverage(): readonly TreatyCoverage[];
  /** Every treaty document of the workspace, parallel language versions included. */
  getTreaties(): readonly TreatyDocument[];
  /** Every document the index holds, and every file it skipped. */
  getDocumentUris(): readonly DocumentUri[];
}

export interface TreatyServiceOptions {
  readonly workspace: TreatyWorkspace;
  readonly config: TreatyConfig;
  readonly log?: (message: string) => void;
}

export { createTreatyService } from './service';
