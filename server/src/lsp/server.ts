// Wires the core service to an LSP connection: capabilities, initialization and document sync; configuration
// (serverConfiguration.ts), workspace folders (folders.ts), watched files (fileWatching.ts), when the client is
// told of changes (scheduling.ts) and the first indexing (indexing.ts) are their own modules, and each feature is
// registered from its own adapter. Reused by the node entry point (stdio, IPC) and usable in-process.

import * as lsp from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TreatyService } from '../core/index';
import type { EditorSettings } from './configuration';
import { describeError, sendAndForget, type FeatureContext } from '../adapters/context';
import { SEMANTIC_TOKEN_TYPES } from '../adapters/convert';
import { listenToWatchedFiles, registerWatchers } from './fileWatching';
import { WorkspaceFolders } from './folders';
import { indexWorkspace } from './indexing';
import { LspWorkspace, type WorkspaceFileSystem } from './lspWorkspace';
import { UpdateScheduler } from './scheduling';
import { ServerConfiguration } from './serverConfiguration';
import { ServerSession } from './session';
import { registerCodeActions } from '../adapters/codeActions';
import { registerCodeLens } from '../adapters/codeLens';
import { registerCompletion } from '../adapters/completion';
import { registerCoverage } from '../adapters/coverage';
import { registerDefinition } from '../adapters/definition';
import { registerDiagnostics } from '../adapters/diagnostics';
import { registerDocumentLinks } from '../adapters/documentLinks';
import { registerDocumentSymbols } from '../adapters/documentSymbols';
import { registerFoldingRanges } from '../adapters/foldingRanges';
import { registerHover } from '../adapters/hover';
import { registerInlayHints } from '../adapters/inlayHints';
import { registerPreviewCitations } from '../adapters/previewCitations';
import { registerReferences } from '../adapters/references';
import { registerRename } from '../adapters/rename';
import { registerSemanticTokens } from '../adapters/semanticTokens';
import { registerStats } from '../adapters/stats';
import { registerWorkspaceSymbols } from '../adapters/workspaceSymbols';

export interface ServerDependencies {
  readonly fileSystem: WorkspaceFileSystem;
  /**
   * V8's compiled code of the server, kept for the next start (`node/codeCache.ts`): what the start found (logged),
   * and the write of what was compiled by the time the first diagnostics are out.
   */
  readonly codeCache?: { readonly state: string; save(): Promise<void> };
}

/** Options a client may pass in `initializationOptions` (for clients without `workspace/configuration`). */
interface InitializationOptions {
  /** The client's display language, when the client does not send `locale` itself. */
  readonly locale?: string;
  /** The client shows diagnostics in its hovers (no LSP capability says so). */
  readonly hoverShowsDiagnostics?: boolean;
  readonly settings?: EditorSettings;
  /** A folder of the editor's (outside the workspace) where the server may keep its facts cache for a warm start. */
  readonly cacheDirectory?: string;
}

/** `第` and `Article ` start an article number (or `同条第` a paragraph), `「` a treaty name, `cites: ` a treaty id. */
export const COMPLETION_TRIGGER_CHARACTERS = ['第', '「', ' '];

export function serverCapabilities(): lsp.ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: lsp.TextDocumentSyncKind.Incremental },
    definitionProvider: true,
    hoverProvider: true,
    referencesProvider: true,
    documentSymbolProvider: { label: 'Treaty Annotator' },
    workspaceSymbolProvider: true,
    completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: true },
    codeActionProvider: { codeActionKinds: [lsp.CodeActionKind.QuickFix, lsp.CodeActionKind.Refactor] },
    renameProvider: { prepareProvider: true },
    codeLensProvider: { resolveProvider: false },
    inlayHintProvider: true,
    semanticTokensProvider: { legend: { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [] }, full: true },
    foldingRangeProvider: true,
    documentLinkProvider: { resolveProvider: false },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}

export function startServer(connection: lsp.Connection, dependencies: ServerDependencies): void {
  const documents = new lsp.TextDocuments(TextDocument);
  const workspace = new LspWorkspace(documents, dependencies.fileSystem);
  const session = new ServerSession(connection);
  const scheduler = new UpdateScheduler();
  const configuration = new ServerConfiguration(connection, dependencies.fileSystem, workspace);
  const folders = new WorkspaceFolders(session, workspace, configuration, scheduler);
  let capabilities: lsp.ClientCapabilities = {};
  let hoverShowsDiagnostics = false;

  const context: FeatureContext = {
    get service(): TreatyService {
      return session.service;
    },
    ready: session.ready,
    answering: session.answering,
    indexed: () => session.isReady,
    isCurrent: (uri) => session.isReady || (documents.get(uri)?.getText() ?? null) === (session.core?.getText(uri) ?? undefined),
    clientCapabilities: () => capabilities,
    hoverShowsDiagnostics: () => hoverShowsDiagnostics,
    onDidUpdateIndex: scheduler.onDidUpdateIndex,
    onDidEditDocument: scheduler.onDidEditDocument,
    log: session.log,
  };

  connection.onInitialize((params) => {
    capabilities = params.capabilities;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    configuration.locale = options.locale ?? params.locale;
    hoverShowsDiagnostics = options.hoverShowsDiagnostics === true;
    configuration.settings = options.settings;
    configuration.cacheDirectory = typeof options.cacheDirectory === 'string' && options.cacheDirectory !== '' ? options.cacheDirectory : undefined;
    // Read while the configuration is asked for and the workspace listed.
    if (configuration.cacheDirectory) dependencies.fileSystem.prefetchCache?.(configuration.cacheDirectory);
    folders.initialize(params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []), capabilities);
    return { capabilities: serverCapabilities(), serverInfo: { name: 'treaty-language-server', version: '0.1.0' } };
  });

  /** The facts cache's write under way, if any, and the code cache's. */
  let cacheWritten: Promise<void> | undefined;
  let codeWritten: Promise<void> | undefined;

  connection.onInitialized(() => {
    const codeCache = dependencies.codeCache;
    if (codeCache && codeCache.state !== 'off') session.log(`code cache: ${codeCache.state}`);
    registerWatchers(connection, capabilities);
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      sendAndForget(() => connection.client.register(lsp.DidChangeConfigurationNotification.type, { section: 'treatyAnnotator' }));
    }
    folders.listen(connection);
    indexWorkspace(session, workspace, dependencies.fileSystem, configuration, folders)
      .catch((error: unknown) => void connection.console.error(`indexing failed: ${describeError(error)}`))
      .then((outcome) => {
        session.markReady();
        scheduler.schedule(0);
        // After the first diagnostics have been written to the client (timers of one delay run in order, so they
        // are published by then): the cache is written; the files a warm start left unread are read, and any whose
        // bytes changed is read afresh and published; then what a warm start took from the cache is resolved in the
        // background, so that the first hover does not wait for it.
        setTimeout(() => {
          void diagnosticsWritten().then(async () => {
            const core = session.core;
            if (!core) return;
            const resultsOf = (uri: string): string | undefined => core.exportResults(uri);
            cacheWritten = outcome?.saveCache(resultsOf);
            codeWritten = codeCache?.save();
            await readInBackground(core);
            scheduler.schedule(0);
            // Written again only if the reading found a file changed: the next start reads it.
            cacheWritten = outcome?.saveCache(resultsOf);
            resolveInBackground(core);
          });
        }, 0);
      });
  });

  connection.onDidChangeConfiguration((params) => {
    const settings = (params.settings as { treatyAnnotator?: EditorSettings } | null)?.treatyAnnotator;
    if (settings) configuration.settings = settings;
    session.afterReady('configuration change', (service) => folders.reload(service));
  });

  listenToDocuments(session, documents, workspace, scheduler);
  listenToWatchedFiles(session, workspace, folders, scheduler);
  const diagnosticsWritten = registerFeatures(connection, context, documents);

  // After `shutdown` the client expects no more notifications: pending debounced work is dropped.
  // A cache write under way is finished first: the process may end as soon as the answer is sent.
  connection.onShutdown(async () => {
    scheduler.dispose();
    await Promise.all([cacheWritten, codeWritten]);
  });

  documents.listen(connection);
  connection.listen();
}

/** Time spent reading files in one turn of the event loop after a warm start, so that requests are not kept waiting. */
const BACKGROUND_READ_MS = 5;

/**
 * Reads every document's text the warm start left unread (a file the cache knew by its size and modification time),
 * a slice at a time: the core checks each against the hash of the bytes its facts were read from, and indexes one
 * that changed afresh, so that a warm start ends where a cold start would.
 */
async function readInBackground(core: TreatyService): Promise<void> {
  let sliceStart = performance.now();
  for (const uri of core.getDocumentUris()) {
    core.getText(uri);
    if (performance.now() - sliceStart < BACKGROUND_READ_MS) continue;
    await new Promise((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
  }
}

/** Documents resolved in one turn of the event loop after a warm start (a few ms), so that requests are not kept waiting. */
const BACKGROUND_BATCH = 20;

/** Documents left unresolved by a warm start, resolved a few at a time between other work. */
function resolveInBackground(core: TreatyService): void {
  if (core.resolveSome(BACKGROUND_BATCH) === BACKGROUND_BATCH) setImmediate(() => resolveInBackground(core));
}

/** Edits of open documents go to the index; a closed one falls back to its file on disk. */
function listenToDocuments(session: ServerSession, documents: lsp.TextDocuments<TextDocument>, workspace: LspWorkspace, scheduler: UpdateScheduler): void {
  documents.onDidChangeContent(({ document }) => {
    // Opened or edited during the first indexing: indexed at once, so that requests on it are answered from what is
    // read so far, and again once the indexing is done (its own reading of the file may come after this).
    const indexing = session.isReady ? undefined : session.core;
    if (indexing && workspace.includes(document.uri) && indexing.getText(document.uri) !== document.getText()) {
      try {
        indexing.setDocument(document.uri, document.getText());
      } catch (error) {
        session.log(`document change failed: ${describeError(error)}`);
      }
    }
    session.afterReady('document change', (service) => {
      if (!workspace.includes(document.uri)) return;
      const text = document.getText();
      if (service.getText(document.uri) !== text) service.setDocument(document.uri, text);
      session.known.add(document.uri);
      scheduler.documentEdited(document.uri);
    });
  });

  // A closed document falls back to its file on disk, or leaves the index when it has none (untitled, deleted).
  documents.onDidClose(({ document }) =>
    session.afterReady('document close', (service) => {
      if (workspace.includes(document.uri) && workspace.existsOnDisk(document.uri)) service.refreshDocument(document.uri);
      else session.forget(service, document.uri);
      scheduler.schedule();
    }),
  );
}

/** Registers every feature; returns the diagnostics' promise of their last publication written (see registerDiagnostics). */
function registerFeatures(connection: lsp.Connection, context: FeatureContext, documents: lsp.TextDocuments<TextDocument>): () => Promise<void> {
  registerDefinition(connection, context);
  registerHover(connection, context);
  const diagnosticsWritten = registerDiagnostics(connection, context, documents);
  registerReferences(connection, context);
  registerDocumentSymbols(connection, context);
  registerWorkspaceSymbols(connection, context);
  registerCompletion(connection, context);
  registerCodeActions(connection, context);
  registerRename(connection, context);
  registerCodeLens(connection, context);
  registerInlayHints(connection, context);
  registerPreviewCitations(connection, context);
  registerSemanticTokens(connection, context);
  registerFoldingRanges(connection, context);
  registerDocumentLinks(connection, context);
  registerStats(connection, context);
  registerCoverage(connection, context);
  return diagnosticsWritten;
}
