// The TreatyService facade: one method per editor feature over an incrementally updated workspace index.
// It reads documents through the injected workspace and answers each feature by calling its pure function in `features/`.

import type {
  CitationLinks,
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
  TextSource,
  TreatyWorkspace,
  WorkspaceStats,
  WorkspaceSymbol,
} from './api';
import type { Span } from './types';
import type { LineIndex } from './text/lineIndex';
import type { TreatyConfig } from './config';
import { findDefinition } from './features/definition';
import { checkDocument } from './features/diagnostics';
import { answeredWithWhatIsRead, findHover, findReadingHover } from './features/hover';
import { findReferences } from './features/references';
import { findCodeActions } from './features/codeActions';
import { findCodeLenses } from './features/codeLens';
import { findCompletions } from './features/completion';
import { computeCoverage } from './features/coverage';
import { findDocumentLinks } from './features/documentLinks';
import { findCitationLinks } from './features/citationLinks';
import { findDocumentSymbols } from './features/documentSymbols';
import { findFoldingRanges } from './features/foldingRanges';
import { findInlayHints } from './features/inlayHints';
import { prepareRename, renameArticle } from './features/rename';
import { findSemanticTokens } from './features/semanticTokens';
import { findWorkspaceSymbols } from './features/workspaceSymbols';
import { decodeFacts, type EncodedFacts } from './factsCodec';
import { WorkspaceIndex } from './workspaceIndex';
import { analyzeDocument, type DocumentFacts } from './document';

export interface TreatyService {
  /** Reads every document the workspace lists and indexes it; call once, then `setDocument` per change. */
  indexWorkspace(onProgress?: (done: number, total: number) => void): void;
  /**
   * Adds a document read elsewhere, as the first indexing does with files read on worker threads: its text and
   * the facts `encodeFacts` made of it with `config` (this service's configuration), or why it was skipped.
   * With `hash` (the identity of the file's bytes), its results can be cached (`exportResults`), and `results`
   * a cache kept from an earlier indexing are taken at `finishIndexing` if nothing they depend on changed.
   * Call `finishIndexing` once every document is in.
   */
  addDocument(uri: DocumentUri, read: AddedDocument, config: TreatyConfig): void;
  /**
   * Resolves every document added so far (the end of `indexWorkspace`), except those whose cached results were
   * taken: they have their diagnostics, and are resolved by `resolveSome` or when something asks. Returns how many
   * documents took their results from the cache.
   */
  finishIndexing(): number;
  /**
   * Resolves up to `count` documents not resolved yet (during the first indexing, all but those whose cached results
   * `finishIndexing` will check; after it, those a warm start left); returns how many it resolved, fewer than `count`
   * when none is left. Lets a caller spread the resolution over turns of its event loop.
   */
  resolveSome(count: number): number;
  /** A document's results (diagnostics and what they depend on) for a cache, or undefined when it cannot be cached. */
  exportResults(uri: DocumentUri): string | undefined;
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
  /** With `editorShowsDiagnostics` (VS Code), a problem a diagnostic already reports is left out. */
  getHover(uri: DocumentUri, offset: number, editorShowsDiagnostics?: boolean): Hover | null;
  /** While the workspace is being read: the hover of a citation that what is read so far does not resolve. */
  getReadingHover(uri: DocumentUri, offset: number): Hover | null;
  /** While the workspace is being read: whether what is read answers a request at the offset (the cited treaty is read). */
  isAnsweredWithWhatIsRead(uri: DocumentUri, offset: number): boolean;
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
  /** What a rendered document (the Markdown preview, the HTML edition) needs to link its citations and anchor its articles. */
  getCitationLinks(uri: DocumentUri): CitationLinks;
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

/** A document read by the first indexing (see `addDocument`). */
export type AddedDocument =
  | { readonly error: string }
  /** `facts` encoded (read on another thread, or cached) or as read on this thread; none: the text is read here. */
  | { readonly text: string; readonly facts?: EncodedFacts | DocumentFacts; readonly hash?: string; readonly results?: string }
  /**
   * A file a cache knows unchanged (by its size and modification time), not read: its facts and results are the
   * cache's, of the bytes `hash` names; `readText` reads it when its text is first needed, and a text of other bytes
   * is read afresh then.
   */
  | { readonly readText: TextSource; readonly facts: EncodedFacts; readonly hash: string; readonly results: string };

export interface TreatyServiceOptions {
  readonly workspace: TreatyWorkspace;
  readonly config: TreatyConfig;
  readonly log?: (message: string) => void;
}

export function createTreatyService(options: TreatyServiceOptions): TreatyService {
  const { workspace } = options;
  const log = options.log ?? (() => undefined);
  const index = new WorkspaceIndex(options.config);
  const diagnosticsOf = (uri: string): readonly Diagnostic[] => index.diagnostics(uri, () => checkDocument(index, uri));

  const skip = (uri: string, reason: string): void => {
    log(`skipped ${uri}: ${reason}`);
    index.skipDocument(uri, reason);
  };
  const load = (uri: string): void => {
    const result = workspace.readDocument(uri);
    if ('error' in result) skip(uri, result.error);
    else index.setDocument(uri, result.text);
  };

  const service: TreatyService = {
    indexWorkspace(onProgress) {
      const uris = workspace.listDocuments();
      index.startIndexing();
      uris.forEach((uri, position) => {
        load(uri);
        onProgress?.(position + 1, uris.length);
      });
      index.finishIndexing();
    },
    addDocument(uri, read, config) {
      index.startIndexing();
      if ('error' in read) return skip(uri, read.error);
      // Facts read with another configuration (it changed meanwhile) are read again with this one.
      if (config !== index.config) {
        const text = 'readText' in read ? read.readText() : read;
        return 'error' in text ? skip(uri, text.error) : index.setDocument(uri, text.text);
      }
      const { facts: encoded, hash, results } = read;
      if (encoded && !('ints' in encoded)) return index.setFacts(encoded, hash);
      const decode = (text: string): DocumentFacts => {
        if (encoded) {
          try {
            return decodeFacts(uri, text, encoded, config);
          } catch (error) {
            // Facts that do not decode (a damaged cache entry) are never trusted: the text is read instead.
            log(`facts of ${uri} could not be decoded (${(error as Error).message}); reading it again`);
          }
        }
        return analyzeDocument(uri, text, config);
      };
      if ('readText' in read) return index.setCached(uri, read.readText, read.hash, read.facts, read.results, decode);
      if (hash !== undefined && results !== undefined) index.setCached(uri, read.text, hash, encoded, results, decode);
      else index.setFacts(decode(read.text), hash);
    },
    finishIndexing: () => index.finishIndexing(),
    resolveSome: (count) => index.resolveSome(count),
    exportResults: (uri) => index.exportResults(uri, () => checkDocument(index, uri)),
    setDocument: (uri, text) => index.setDocument(uri, text),
    deleteDocument: (uri) => index.deleteDocument(uri),
    refreshDocument: load,
    setConfig: (config) => index.setConfig(config),
    hasDocument: (uri) => index.has(uri),
    getText: (uri) => index.text(uri),
    getLineIndex: (uri) => index.lineIndex(uri),
    getDiagnostics: diagnosticsOf,
    takeChangedDocuments: (only) => index.takeChanged(only),
    getDefinition: (uri, offset) => findDefinition(index, uri, offset),
    getHover: (uri, offset, editorShowsDiagnostics = false) => findHover(index, uri, offset, editorShowsDiagnostics),
    getReadingHover: (uri, offset) => findReadingHover(index, uri, offset),
    isAnsweredWithWhatIsRead: (uri, offset) => answeredWithWhatIsRead(index, uri, offset),
    getReferences: (uri, offset, includeDeclaration) => findReferences(index, uri, offset, includeDeclaration),
    getDocumentSymbols: (uri) => findDocumentSymbols(index, uri),
    getWorkspaceSymbols: (query) => findWorkspaceSymbols(index, query),
    getCompletions: (uri, offset) => findCompletions(index, uri, offset),
    getCodeActions: (uri, span, codes) => findCodeActions(index, uri, span, codes),
    prepareRename: (uri, offset) => prepareRename(index, uri, offset),
    rename: (uri, offset, newName) => renameArticle(index, uri, offset, newName),
    getCodeLenses: (uri) => findCodeLenses(index, uri),
    getInlayHints: (uri, span) => findInlayHints(index, uri, span),
    getSemanticTokens: (uri) => findSemanticTokens(index, uri),
    getFoldingRanges: (uri) => findFoldingRanges(index, uri),
    getDocumentLinks: (uri) => findDocumentLinks(index, uri),
    getCitationLinks: (uri) => findCitationLinks(index, uri),
    getStats() {
      index.resolveAll();
      let citations = 0;
      let problems = 0;
      let treaties = 0;
      let analyses = 0;
      for (const uri of index.uris()) {
        if (index.isTreaty(uri)) treaties++;
        else analyses++;
        citations += index.resolved(uri).length;
        problems += diagnosticsOf(uri).length;
      }
      return { treaties, analyses, citations, problems };
    },
    getCitations(uri) {
      const text = index.facts(uri)?.text ?? '';
      return index.resolved(uri).map((citation) => ({
        span: citation.syntax.span,
        text: text.slice(citation.syntax.span.start, citation.syntax.span.end),
        treatyId: citation.treatyId,
        treatyName: citation.treatyName,
        article: citation.article,
        paragraph: citation.paragraph,
        item: citation.item,
        subitem: citation.syntax.subitem,
        part: citation.syntax.part,
        kind: citation.syntax.kind,
        status: citation.status,
        scope: citation.scope,
        target: citation.target,
      }));
    },
    getCoverage: () => computeCoverage(index),
    getTreaties: () => [...index.catalog.byId.values()].flat().map((entry) => ({ uri: entry.uri, treaty: entry.treaty })),
    getDocumentUris: () => [...new Set([...index.uris(), ...index.skipped.keys()])].sort(),
  };
  return Object.freeze(service);
}
