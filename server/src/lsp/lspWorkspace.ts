// The core's TreatyWorkspace inside the language server: open editor documents over files on disk.
// Disk access goes through an injected WorkspaceFileSystem so the server itself stays free of node:fs.

import { URI } from 'vscode-uri';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentUri, EncodedFacts, TextSource, TreatyService, TreatyWorkspace } from '../core/index';
import type { DocumentFacts } from '../core/document';
import { DEFAULT_CONFIG, type TreatyConfig } from '../core/config';
import { documentFilter, type DocumentFilter } from '../core/documentFilter';

/** Disk access, injected: the node entry point passes the same walker and reader the command line uses. */
export interface WorkspaceFileSystem {
  /** Paths of the files under a folder that the configuration's globs include. */
  listFiles(rootPath: string, config: TreatyConfig): readonly string[];
  /** A file as text, or why it is skipped (too large, binary, not UTF-8, unreadable, its real path outside every root). */
  readTextFile(path: string, maxFileSize: number, roots?: readonly string[]): { readonly text: string } | { readonly error: string };
  exists(path: string): boolean;
  /**
   * Reads and analyses many files at once (on worker threads), handing each back in the order given; without it,
   * the server reads one file at a time on its own thread.
   */
  analyzeFiles?(files: readonly FileToAnalyze[], config: TreatyConfig, options: AnalyzeOptions, onAnalyzed: (analyzed: AnalyzedFile) => void): Promise<AnalyzeOutcome>;
  /** Starts reading the facts cache kept in `directory` (see `AnalyzeOptions`), so that the first indexing finds it read. */
  prefetchCache?(directory: string): void;
}

export interface AnalyzeOptions {
  /** The most worker threads (the editor's setting), or undefined for one per core. */
  readonly workers?: number;
  /** Where the facts cache of a warm start is kept (the editor's storage folder), or undefined for none. */
  readonly cacheDirectory?: string;
  /** Work for the main thread between deliveries (see `indexingInto`); returns false when it had none. */
  readonly onIdle?: () => boolean;
  /**
   * Files of the documents open in the editor, indexed from its text and not read: the cache keeps what it holds for
   * each while its size and modification time are the ones it knows, for the next start (not written again for them).
   */
  readonly keep?: readonly string[];
}

export interface AnalyzeOutcome {
  /** How many files the cache answered for (unchanged since it was written). */
  readonly cached: number;
  /**
   * Writes the facts cache when one is kept, with each document's results as `resultsOf` gives them (the core's
   * `exportResults`); called after indexing and after the first diagnostics, so that writing it delays nothing.
   */
  saveCache(resultsOf?: (uri: DocumentUri) => string | undefined): Promise<void>;
}

/** A file to read: its path, the size limit of its folder, and (in the editor) the folders it must lie inside. */
export interface FileToAnalyze {
  readonly uri: DocumentUri;
  readonly path: string;
  readonly maxFileSize: number;
  readonly roots?: readonly string[];
}

/**
 * A file read and analysed into encoded facts (see core/factsCodec.ts), or why it was skipped. With a facts cache,
 * the hash of its bytes, and the results the cache kept for it when it is unchanged (see the core's `addDocument`).
 */
export type AnalyzedFile =
  | { readonly uri: DocumentUri; readonly error: string }
  | { readonly uri: DocumentUri; readonly text: string; readonly facts: EncodedFacts | DocumentFacts; readonly hash?: string; readonly results?: string }
  /** A file the cache knows unchanged by its size and modification time, not read (see the core's `addDocument`). */
  | { readonly uri: DocumentUri; readonly readText: TextSource; readonly facts: EncodedFacts; readonly hash: string; readonly results: string };

/** A workspace folder with the configuration that applies to it (its own file, then the editor settings). */
export interface WorkspaceRoot {
  readonly uri: DocumentUri;
  readonly config: TreatyConfig;
}

interface RootFilter {
  readonly root: WorkspaceRoot;
  /** The folder's path with a trailing separator. */
  readonly prefix: string;
  readonly documents: DocumentFilter;
}

export class LspWorkspace implements TreatyWorkspace {
  readonly #documents: TextDocuments<TextDocument>;
  readonly #fileSystem: WorkspaceFileSystem;
  #filters: RootFilter[] = [];

  constructor(documents: TextDocuments<TextDocument>, fileSystem: WorkspaceFileSystem) {
    this.#documents = documents;
    this.#fileSystem = fileSystem;
  }

  setRoots(roots: readonly WorkspaceRoot[]): void {
    this.#filters = roots.map((root) => ({ root, prefix: withTrailingSeparator(URI.parse(root.uri).fsPath), documents: documentFilter(root.config) }));
  }

  get roots(): readonly WorkspaceRoot[] {
    return this.#filters.map((filter) => filter.root);
  }

  listDocuments(): readonly DocumentUri[] {
    const found = new Map<string, DocumentUri>();
    for (const filter of this.#filters) {
      for (const path of this.#fileSystem.listFiles(URI.parse(filter.root.uri).fsPath, filter.root.config)) {
        const uri = URI.file(path).toString();
        found.set(uri, uri);
      }
    }
    // Open documents win over their file on disk, whatever URI spelling the client uses.
    for (const uri of this.openDocumentUris()) found.set(normalizeUri(uri), uri);
    return [...found.values()];
  }

  /** The open documents that belong in the index, as the client names them. */
  openDocumentUris(): DocumentUri[] {
    return this.#documents
      .all()
      .filter((document) => this.includes(document.uri))
      .map((document) => document.uri);
  }

  readDocument(uri: DocumentUri): { readonly text: string } | { readonly error: string } {
    const open = this.openDocument(uri);
    if (open) return { text: open.getText() };
    const file = this.fileToAnalyze(uri);
    if (!file) return { error: 'the document is not open and has no file on disk' };
    return this.#fileSystem.readTextFile(file.path, file.maxFileSize, file.roots);
  }

  /** How to read a document from disk (undefined when it has no file), for readers on other threads. */
  fileToAnalyze(uri: DocumentUri): FileToAnalyze | undefined {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return undefined;
    const maxFileSize = this.#filterFor(parsed.fsPath)?.root.config.maxFileSize ?? DEFAULT_CONFIG.maxFileSize;
    // Only files inside a folder, links followed: a link or a watcher event must not make the server read outside.
    return { uri, path: parsed.fsPath, maxFileSize, roots: this.#filters.map((filter) => filter.prefix) };
  }

  openDocument(uri: DocumentUri): TextDocument | undefined {
    const exact = this.#documents.get(uri);
    if (exact) return exact;
    const normalized = normalizeUri(uri);
    return this.#documents.all().find((document) => normalizeUri(document.uri) === normalized);
  }

  existsOnDisk(uri: DocumentUri): boolean {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' && this.#fileSystem.exists(parsed.fsPath);
  }

  /**
   * Whether a document belongs in the index. Files under a folder pass its globs, outside hidden folders and
   * node_modules (which the walker never enters); anything else while the user has it open (untitled, outside).
   */
  includes(uri: DocumentUri): boolean {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return true;
    const filter = this.#filterFor(parsed.fsPath);
    // A file outside every folder is never read from disk: only its editor text counts, while it is open.
    if (!filter) return this.openDocument(uri) !== undefined;
    return filter.documents.includes(parsed.fsPath.slice(filter.prefix.length).replace(/\\/g, '/'));
  }

  #filterFor(path: string): RootFilter | undefined {
    let best: RootFilter | undefined;
    for (const filter of this.#filters) {
      if (path.startsWith(filter.prefix) && (!best || filter.prefix.length > best.prefix.length)) best = filter;
    }
    return best;
  }
}

export function normalizeUri(uri: DocumentUri): string {
  return URI.parse(uri).toString();
}

function withTrailingSeparator(path: string): string {
  if (path.endsWith('/') || path.endsWith('\\')) return path;
  return path + (path.includes('\\') ? '\\' : '/');
}

/**
 * What a first indexing does with each file delivered (adds it to the service, then `afterEach`) and between
 * deliveries (resolves a document, so that resolution overlaps the reading instead of following it; with treaties
 * read first, each analysis is resolved once).
 */
export function indexingInto(
  service: TreatyService,
  config: TreatyConfig,
  afterEach: () => void = () => undefined,
): { onAnalyzed(analyzed: AnalyzedFile): void; onIdle(): boolean } {
  return {
    onAnalyzed(analyzed) {
      service.addDocument(analyzed.uri, analyzed, config);
      afterEach();
    },
    onIdle: () => service.resolveSome(1) === 1,
  };
}
