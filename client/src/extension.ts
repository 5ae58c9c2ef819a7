// The VS Code client: starts the bundled language server (dist/server.js) over IPC, shows the workspace's
// treaty/citation/problem counts in the status bar, contributes the Treaty Annotator commands and the
// coverage view (coverageView.ts).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, ReferencesRequest, State, SymbolKind, TransportKind, WorkspaceSymbolRequest } from 'vscode-languageclient/node';
import type { LanguageClientOptions, Location, Position, ServerOptions, SymbolInformation } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../server/src/node/nodeFlags';
import { STATS_METHOD, type StatsResponse } from '../../server/src/protocol';
import { registerCoverageView, type CoverageView } from './coverageView';
import { registerImportCommand } from './importCommand';
import { loadWords, t } from './l10n';
import { registerPreview } from './preview';

/** What `activate` returns, for tests: `ready` settles once the server has indexed the workspace. */
export interface TreatyAnnotatorApi {
  readonly ready: Promise<void>;
  /** The coverage view's data (for tests and other extensions). */
  readonly coverage: CoverageView;
  /** VS Code's Markdown preview calls this (`markdown.markdownItPlugins`) to make citations links. */
  readonly extendMarkdownIt: ReturnType<typeof registerPreview>['extendMarkdownIt'];
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<TreatyAnnotatorApi> {
  loadWords(context.extensionPath);
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // The extension's global storage (outside every workspace) keeps V8's compiled code of the server between starts.
  const codeCache = [`--code-cache=${context.globalStorageUri.fsPath}`];
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, args: codeCache, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] } },
  };
  const output = vscode.window.createOutputChannel('Treaty Annotator');
  const status = vscode.window.createStatusBarItem('treatyAnnotator.status', vscode.StatusBarAlignment.Left, 0);
  status.name = 'Treaty Annotator';
  let statsTimer: ReturnType<typeof setTimeout> | undefined;
  let crashes = 0;
  let stopping = false;

  const refreshStats = async (): Promise<void> => {
    const stats = await languageClient.sendRequest<StatsResponse | null>(STATS_METHOD);
    if (!stats) return;
    // After a crash the icon stays a warning until the next manual restart, so the user can tell something happened.
    status.text = `${crashes > 0 ? '$(warning)' : '$(law)'} ${t('{0} treaties · {1} citations · {2} problems', stats.treaties, stats.citations, stats.problems)}`;
    status.tooltip = [t('Treaty Annotator: {0} treaties, {1} analyses', stats.treaties, stats.analyses)]
      .concat(crashes > 0 ? [t('The server restarted after a crash ({0} times); see the output.', crashes)] : [])
      .join('\n');
    status.command = 'treatyAnnotator.goToTreaty';
  };
  const scheduleStats = (): void => {
    clearTimeout(statsTimer);
    statsTimer = setTimeout(() => void refreshStats().catch(() => undefined), 300);
  };

  const clientOptions: LanguageClientOptions = {
    documentSelector: ['file', 'untitled'].flatMap((scheme) => ['markdown', 'plaintext'].map((language) => ({ scheme, language }))),
    outputChannel: output,
    // The storage folder VS Code gives this workspace (outside it) holds the server's facts cache for a warm start.
    initializationOptions: { locale: vscode.env.language, hoverShowsDiagnostics: true, cacheDirectory: context.storageUri?.fsPath },
    middleware: {
      handleDiagnostics(uri, diagnostics, next) {
        next(uri, diagnostics);
        scheduleStats();
      },
    },
  };
  const languageClient = new LanguageClient('treatyAnnotator', 'Treaty Annotator', serverOptions, clientOptions);
  client = languageClient;

  // The library's default error handler restarts a crashed server (up to 5 times in 3 minutes); say what happened.
  languageClient.onDidChangeState(({ newState }) => {
    if (newState === State.Starting) {
      status.text = `$(sync~spin) ${t('Treaty Annotator: starting')}`;
    } else if (newState === State.Stopped) {
      if (!stopping) crashes++;
      status.text = `$(error) ${t('Treaty Annotator: server stopped')}`;
      status.tooltip = t('The language server stopped. Click to restart it; details are in the output.');
      status.command = 'treatyAnnotator.restartServer';
    } else {
      scheduleStats();
    }
  });

  const convert = languageClient.protocol2CodeConverter;
  const showReferences = (uri: string, position: Position, locations: readonly Location[]): Thenable<unknown> =>
    vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(uri), convert.asPosition(position), locations.map(convert.asLocation));

  context.subscriptions.push(
    output,
    status,
    { dispose: () => clearTimeout(statsTimer) },
    vscode.commands.registerCommand('treatyAnnotator.restartServer', async () => {
      stopping = true;
      crashes = 0;
      try {
        await languageClient.restart();
      } finally {
        stopping = false;
      }
    }),
    vscode.commands.registerCommand('treatyAnnotator.showReferences', showReferences),
    vscode.commands.registerCommand('treatyAnnotator.showCitingDocuments', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const position = languageClient.code2ProtocolConverter.asTextDocumentPositionParams(editor.document, editor.selection.active);
      const locations = (await languageClient.sendRequest(ReferencesRequest.type, { ...position, context: { includeDeclaration: false } })) ?? [];
      if (locations.length === 0) void vscode.window.showInformationMessage(t('No document cites the provision under the cursor.'));
      else await showReferences(position.textDocument.uri, position.position, locations);
    }),
    vscode.commands.registerCommand('treatyAnnotator.goToTreaty', async () => {
      const symbols = ((await languageClient.sendRequest(WorkspaceSymbolRequest.type, { query: '' })) ?? []) as SymbolInformation[];
      const items = symbols
        .filter((symbol) => symbol.kind === SymbolKind.Namespace)
        .map((symbol) => ({ label: symbol.name, description: vscode.workspace.asRelativePath(vscode.Uri.parse(symbol.location.uri)), symbol }));
      const picked = await vscode.window.showQuickPick(items, { placeHolder: t('Go to a treaty in the workspace'), matchOnDescription: true });
      if (picked) await vscode.window.showTextDocument(vscode.Uri.parse(picked.symbol.location.uri), { selection: convert.asRange(picked.symbol.location.range) });
    }),
  );

  const coverage = registerCoverageView(languageClient, showReferences);
  const preview = registerPreview(languageClient);
  context.subscriptions.push(
    coverage.disposable,
    preview.disposable,
    registerImportCommand(),
    // The server hears of the change through the settings; the client's own words follow here.
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('treatyAnnotator.language')) return;
      loadWords(context.extensionPath);
      scheduleStats();
      coverage.view.refresh();
    }),
  );

  status.show();
  try {
    await languageClient.start();
  } catch (error) {
    output.appendLine(`Treaty Annotator: the language server failed to start: ${String(error)}`);
  }
  // The stats request waits for the first indexing, so its answer means the workspace is ready.
  return { ready: refreshStats(), coverage: coverage.view, extendMarkdownIt: preview.extendMarkdownIt };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
