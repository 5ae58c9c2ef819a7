// Wires the core service to an LSP connection: capabilities, document sync, workspace folders, watched files,
// configuration and the first indexing with progress; each feature is registered from its own adapter.
// Reused by the node entry point (stdio, IPC) and usable in-process.

import * as lsp from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI, Utils } from 'vscode-uri';
import { createTreatyService, type TreatyService } from '../core/index';
import { DEFAULT_CONFIG, effectiveSeverity, type TreatyConfig } from '../core/config';
import { displayLanguageOf } from '../core/messages/index';
import { LineIndex } from '../core/text/lineIndex';
import { CONFIG_FILE_NAME, CONFIG_MAX_SIZE, parseConfigFile, unreadableConfig } from '../core/configFile';
import { combineConfig, settingsToRaw, type EditorSettings } from './configuration';
import { describeError, sendAndForget, type FeatureContext } from '../adapters/context';
import { SEMANTIC_TOKEN_TYPES, toConfigDiagnostic } from '../adapters/convert';
import { LspWorkspace, normalizeUri, type WorkspaceFileSystem } from './lspWorkspace';
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
import { registerReferences } from '../adapters/references';
import { registerRename } from '../adapters/rename';
import { registerSemanticTokens } from '../adapters/semanticTokens';
import { registerStats } from '../adapters/stats';
import { registerWorkspaceSymbols } from '../adapters/workspaceSymbols';

export interface ServerDependencies {
  readonly fileSystem: WorkspaceFileSystem;
}

/** Options a client may pass in `initializationOptions` (for clients without `workspace/configuration`). */
interface InitializationOptions {
  /** The client's display language, when the client does not send `locale` itself. */
  readonly locale?: string;
  /** The client shows diagnostics in its hovers (no LSP capability says so). */
  readonly hoverShowsDiagnostics?: boolean;
  readonly settings?: EditorSettings;
}

/**
 * Quiet time after an edit before the diagnostics of other documents are published and views refreshed (the
 * edited document's own come at once). The index is already up to date when the edit arrives; this only
 * batches a burst of keystrokes, which in a treaty would otherwise re-check every citing document each time.
 */
const UPDATE_DELAY_MS = 30;

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
  const indexUpdated = new lsp.Emitter<void>();
  const documentEdited = new lsp.Emitter<string>();
  /** Edited documents not yet announced; one immediate announces a burst of edits that arrived together. */
  const edited = new Set<string>();
  let capabilities: lsp.ClientCapabilities = {};
  let locale: string | undefined;
  let hoverShowsDiagnostics = false;
  let folders: string[] = [];
  let initializationSettings: EditorSettings | undefined;
  let config: TreatyConfig = DEFAULT_CONFIG;
  let core: TreatyService | undefined;
  let coreFailure = 'the workspace is not indexed yet';
  /** Documents the index holds, so that deletions and filter changes can be applied. */
  const known = new Set<string>();
  /** `.treaty-annotator.json` files that currently show problems. */
  const configDiagnosticUris = new Set<string>();
  let updateTimer: ReturnType<typeof setTimeout> | undefined;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  // The remote console throws once the connection is closed: a log line is never worth a crash.
  const log = (message: string): void => sendAndForget(async () => connection.console.log(message));
  const context: FeatureContext = {
    get service(): TreatyService {
      if (!core) throw new Error(coreFailure);
      return core;
    },
    ready,
    clientCapabilities: () => capabilities,
    hoverShowsDiagnostics: () => hoverShowsDiagnostics,
    onDidUpdateIndex: indexUpdated.event,
    onDidEditDocument: documentEdited.event,
    log,
  };

  /** Runs a change to the index once indexing is done, logging instead of throwing. */
  const afterReady = (name: string, change: (service: TreatyService) => void | Promise<void>): void => {
    void ready.then(async () => {
      if (!core) return;
      try {
        await change(core);
      } catch (error) {
        log(`${name} failed: ${describeError(error)}`);
      }
    });
  };

  const scheduleUpdate = (delay = UPDATE_DELAY_MS): void => {
    clearTimeout(updateTimer);
    updateTimer = setTimeout(() => indexUpdated.fire(), delay);
  };

  const forget = (service: TreatyService, uri: string): void => {
    service.deleteDocument(uri);
    known.delete(uri);
    sendAndForget(() => connection.sendDiagnostics({ uri, diagnostics: [] }));
  };

  async function loadConfiguration(): Promise<void> {
    const editorSettings = capabilities.workspace?.configuration
      ? ((await connection.workspace.getConfiguration('treatyAnnotator').catch(() => undefined)) as EditorSettings | undefined)
      : initializationSettings;
    const editorRaw = settingsToRaw(editorSettings);
    const files = folders.map((folder) => {
      const uri = Utils.joinPath(URI.parse(folder), CONFIG_FILE_NAME);
      const folderPath = URI.parse(folder).fsPath;
      const read = dependencies.fileSystem.exists(uri.fsPath) ? dependencies.fileSystem.readTextFile(uri.fsPath, CONFIG_MAX_SIZE, [folderPath]) : undefined;
      const text = read === undefined ? undefined : 'text' in read ? read.text : '';
      const parsed = read === undefined ? undefined : 'text' in read ? parseConfigFile(read.text) : unreadableConfig(read.error);
      return { uri: uri.toString(), text, parsed };
    });
    const combined = combineConfig(files.map((file) => file.parsed?.raw), editorRaw);
    // `treatyAnnotator.language`: `auto` (or unset) is the client's display language.
    const chosen = editorSettings?.language;
    config = { ...combined.config, language: displayLanguageOf(chosen === 'ja' || chosen === 'en' ? chosen : locale) };
    for (const problem of combined.settingsProblems) connection.console.warn(`Ignored setting ${problem}`);
    workspace.setRoots(
      folders.map((folder, index) => {
        return { uri: folder, config: combineConfig([files[index]?.parsed?.raw], editorRaw).config };
      }),
    );
    const severity = effectiveSeverity(config, 'invalid-config');
    const previous = new Set(configDiagnosticUris);
    configDiagnosticUris.clear();
    for (const file of files) {
      if (!file.parsed || file.text === undefined || file.parsed.problems.length === 0 || severity === null) continue;
      const lineIndex = new LineIndex(file.text);
      const diagnostics = file.parsed.problems.map((problem) => toConfigDiagnostic(lineIndex, problem.span, severity, problem.message));
      sendAndForget(() => connection.sendDiagnostics({ uri: file.uri, diagnostics }));
      configDiagnosticUris.add(file.uri);
    }
    for (const uri of previous) if (!configDiagnosticUris.has(uri)) sendAndForget(() => connection.sendDiagnostics({ uri, diagnostics: [] }));
  }

  async function indexWorkspace(): Promise<void> {
    await loadConfiguration();
    try {
      core = createTreatyService({ workspace, config, log });
    } catch (error) {
      coreFailure = `the treaty core could not start: ${describeError(error)}`;
      connection.console.error(coreFailure);
      return;
    }
    // Progress is a courtesy: a client that fails to create it still gets its workspace indexed.
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('Treaty Annotator: indexing', 0, undefined, false);
    let reported = 0;
    core.indexWorkspace((done, total) => {
      const percentage = total === 0 ? 100 : Math.floor((done / total) * 100);
      if (percentage < reported + 10 && done !== total) return;
      reported = percentage;
      progress?.report(percentage, `${done}/${total}`);
    });
    progress?.done();
    // What the index holds, skipped files included (not a second walk: a file gone since is still to be forgotten).
    for (const uri of core.getDocumentUris()) known.add(uri);
  }

  /** After the configuration or the folders changed: drop what is no longer included, read what now is. */
  async function reloadConfiguration(service: TreatyService): Promise<void> {
    const before = JSON.stringify(workspace.roots);
    await loadConfiguration();
    service.setConfig(config);
    if (JSON.stringify(workspace.roots) !== before) {
      const listed = new Set(workspace.listDocuments());
      for (const uri of [...known]) if (!listed.has(uri)) forget(service, uri);
      // A changed size limit can change any file's fate, so everything is read again.
      for (const uri of listed) {
        service.refreshDocument(uri);
        known.add(uri);
      }
    }
    scheduleUpdate(0);
  }

  connection.onInitialize((params) => {
    capabilities = params.capabilities;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    locale = options.locale ?? params.locale;
    hoverShowsDiagnostics = options.hoverShowsDiagnostics === true;
    initializationSettings = options.settings;
    folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    return { capabilities: serverCapabilities(), serverInfo: { name: 'treaty-language-server', version: '0.1.0' } };
  });

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      sendAndForget(() => connection.client.register(lsp.DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{md,txt}' }, { globPattern: `**/${CONFIG_FILE_NAME}` }],
      }));
    }
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      sendAndForget(() => connection.client.register(lsp.DidChangeConfigurationNotification.type, { section: 'treatyAnnotator' }));
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => folder.uri));
        folders = [...folders.filter((folder) => !removed.has(folder)), ...event.added.map((folder) => folder.uri)];
        afterReady('workspace folder change', reloadConfiguration);
      });
    }
    indexWorkspace()
      .catch((error: unknown) => connection.console.error(`indexing failed: ${describeError(error)}`))
      .finally(() => {
        markReady();
        scheduleUpdate(0);
      });
  });

  connection.onDidChangeConfiguration((params) => {
    const settings = (params.settings as { treatyAnnotator?: EditorSettings } | null)?.treatyAnnotator;
    if (settings) initializationSettings = settings;
    afterReady('configuration change', reloadConfiguration);
  });

  documents.onDidChangeContent(({ document }) =>
    afterReady('document change', (service) => {
      if (!workspace.includes(document.uri)) return;
      const text = document.getText();
      if (service.getText(document.uri) !== text) service.setDocument(document.uri, text);
      known.add(document.uri);
      if (edited.size === 0) {
        setImmediate(() => {
          const uris = [...edited];
          edited.clear();
          for (const uri of uris) documentEdited.fire(uri);
        });
      }
      edited.add(document.uri);
      scheduleUpdate();
    }),
  );

  // A closed document falls back to its file on disk, or leaves the index when it has none (untitled, deleted).
  documents.onDidClose(({ document }) =>
    afterReady('document close', (service) => {
      if (workspace.includes(document.uri) && workspace.existsOnDisk(document.uri)) service.refreshDocument(document.uri);
      else forget(service, document.uri);
      scheduleUpdate();
    }),
  );

  connection.onDidChangeWatchedFiles(({ changes }) =>
    afterReady('watched file change', async (service) => {
      let configChanged = false;
      for (const change of changes) {
        if (URI.parse(change.uri).path.endsWith(`/${CONFIG_FILE_NAME}`)) configChanged = true;
        // The editor's text of an open document wins over the file on disk.
        else if (workspace.openDocument(change.uri)) continue;
        else if (change.type === lsp.FileChangeType.Deleted) deleteTree(service, change.uri);
        else if (workspace.includes(change.uri)) {
          service.refreshDocument(change.uri);
          known.add(change.uri);
        }
      }
      if (configChanged) await reloadConfiguration(service);
      scheduleUpdate(0);
    }),
  );

  /** A deleted folder may arrive as one event: every document below it goes. */
  function deleteTree(service: TreatyService, uri: string): void {
    const normalized = normalizeUri(uri);
    for (const knownUri of [...known]) {
      const candidate = normalizeUri(knownUri);
      if (workspace.openDocument(knownUri)) continue;
      if (candidate === normalized || candidate.startsWith(normalized + '/')) forget(service, knownUri);
    }
  }

  registerDefinition(connection, context);
  registerHover(connection, context);
  registerDiagnostics(connection, context, documents);
  registerReferences(connection, context);
  registerDocumentSymbols(connection, context);
  registerWorkspaceSymbols(connection, context);
  registerCompletion(connection, context);
  registerCodeActions(connection, context);
  registerRename(connection, context);
  registerCodeLens(connection, context);
  registerInlayHints(connection, context);
  registerSemanticTokens(connection, context);
  registerFoldingRanges(connection, context);
  registerDocumentLinks(connection, context);
  registerStats(connection, context);
  registerCoverage(connection, context);

  // After `shutdown` the client expects no more notifications: pending debounced work is dropped.
  connection.onShutdown(() => {
    clearTimeout(updateTimer);
    indexUpdated.dispose();
    documentEdited.dispose();
  });

  documents.listen(connection);
  connection.listen();
}
