// Drives the BUILT language server (dist/server.js --stdio) as a child process with a real JSON-RPC client.
// A workspace is written to a temporary folder from a fixture in the shared fixture language (test/fixture.ts):
// `//- /path` starts a file, `$0` is the cursor, a line of `^^^ label` names the range above it.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { URI } from 'vscode-uri';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type * as lsp from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { parseFixture } from '../fixture';

/** `npm test` builds dist/ first; TREATY_SERVER points the suite at another build of the server. */
export const SERVER_PATH = process.env.TREATY_SERVER ?? resolve(__dirname, '../../dist/server.js');

/** Capabilities of a client like VS Code: dynamic watchers, pulled configuration, progress, refreshes. */
export const VSCODE_LIKE_CAPABILITIES: lsp.ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeWatchedFiles: { dynamicRegistration: true },
    didChangeConfiguration: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
    semanticTokens: { refreshSupport: true },
    codeLens: { refreshSupport: true },
    inlayHint: { refreshSupport: true },
  },
  window: { workDoneProgress: true },
  textDocument: {
    hover: { contentFormat: ['markdown', 'plaintext'] },
    rename: { prepareSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    completion: { completionItem: { resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] } } },
  },
};

export interface HarnessOptions {
  /** Workspace folders as fixture paths (`/a`, `/b`); the whole temporary folder by default. */
  readonly folders?: readonly string[];
  /** What `workspace/configuration` answers for `treatyAnnotator`. */
  readonly settings?: Record<string, unknown>;
  readonly capabilities?: lsp.ClientCapabilities;
  readonly locale?: string;
  /** Fixture paths to open (`textDocument/didOpen`) right after `initialized`. */
  readonly open?: readonly string[];
  readonly initializationOptions?: Record<string, unknown>;
  /** An existing folder to use as the workspace (the fixture's files are written into it, and it is left behind). */
  readonly root?: string;
  /** More arguments on the server's command line, after `--stdio`. */
  readonly serverArgs?: readonly string[];
}

export interface Marker {
  readonly uri: string;
  readonly range: lsp.Range;
}

export class Harness {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  readonly root: string;
  readonly exited: Promise<number | null>;
  readonly texts = new Map<string, string>();
  /** The latest diagnostics published for each URI. */
  readonly diagnostics = new Map<string, lsp.Diagnostic[]>();
  /** The document version sent with the latest diagnostics of each URI. */
  readonly diagnosticVersions = new Map<string, number | undefined>();
  readonly registrations: lsp.Registration[] = [];
  readonly progress: unknown[] = [];
  readonly logs: string[] = [];
  readonly refreshes: string[] = [];
  initializeResult: lsp.InitializeResult | undefined;
  /** What the client answers to `workspace/configuration` (change it, then call `changeSettings`). */
  settings: Record<string, unknown>;
  stderr = '';
  #cursor: { uri: string; offset: number } | null = null;
  #ranges: { uri: string; start: number; end: number; label: string }[] = [];
  #versions = new Map<string, number>();
  #diagnosticListeners = new Set<() => void>();

  constructor(fixture: string, private readonly options: HarnessOptions = {}) {
    this.root = realpathSync(options.root ?? mkdtempSync(join(tmpdir(), 'treaty-protocol-')));
    const parsed = parseFixture(fixture);
    for (const [fixtureUri, text] of parsed.files) this.writeFile(URI.parse(fixtureUri).path, text);
    if (parsed.cursor) this.#cursor = { uri: this.#toTemp(parsed.cursor.uri), offset: parsed.cursor.offset };
    this.#ranges = parsed.ranges.map((range) => ({ ...range, uri: this.#toTemp(range.uri) }));

    this.process = spawn(process.execPath, [SERVER_PATH, '--stdio', ...(options.serverArgs ?? [])], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolvePromise) => this.process.on('exit', (code) => resolvePromise(code)));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.settings = options.settings ?? {};
    this.connection.onRequest('workspace/configuration', (params: lsp.ConfigurationParams) => params.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', (params: lsp.RegistrationParams) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    for (const method of ['workspace/semanticTokens/refresh', 'workspace/codeLens/refresh', 'workspace/inlayHint/refresh']) {
      this.connection.onRequest(method, () => {
        this.refreshes.push(method);
        return null;
      });
    }
    this.connection.onNotification('$/progress', (params: unknown) => this.progress.push(params));
    this.connection.onNotification('window/logMessage', (params: lsp.LogMessageParams) => this.logs.push(params.message));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: lsp.PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      this.diagnosticVersions.set(params.uri, params.version);
      for (const listener of this.#diagnosticListeners) listener();
    });
    this.connection.listen();
  }

  /** `initialize` + `initialized`, then the files in `options.open` are opened. */
  async initialize(): Promise<lsp.InitializeResult> {
    const folders = (this.options.folders ?? ['/']).map((folder) => ({ uri: this.uri(folder), name: folder }));
    this.initializeResult = await this.connection.sendRequest<lsp.InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: folders[0]!.uri,
      workspaceFolders: folders,
      capabilities: this.options.capabilities ?? VSCODE_LIKE_CAPABILITIES,
      locale: this.options.locale ?? 'en',
      initializationOptions: this.options.initializationOptions,
    } satisfies lsp.InitializeParams);
    await this.connection.sendNotification('initialized', {});
    for (const path of this.options.open ?? []) await this.open(path);
    return this.initializeResult;
  }

  /** The file URI of a fixture path inside the temporary workspace. */
  uri(path: string): string {
    return URI.file(join(this.root, path)).toString();
  }

  #toTemp(fixtureUri: string): string {
    return this.uri(URI.parse(fixtureUri).path);
  }

  #lineIndex(uri: string): LineIndex {
    const text = this.texts.get(uri);
    if (text === undefined) throw new Error(`no fixture text for ${uri}`);
    return new LineIndex(text);
  }

  position(uri: string, offset: number): lsp.Position {
    return this.#lineIndex(uri).positionAt(offset);
  }

  /** The `$0` cursor as an LSP text document position. */
  get cursor(): lsp.TextDocumentPositionParams {
    if (!this.#cursor) throw new Error('the fixture has no $0 cursor');
    return { textDocument: { uri: this.#cursor.uri }, position: this.position(this.#cursor.uri, this.#cursor.offset) };
  }

  /** Every range with this label, in fixture order, as LSP ranges. */
  markers(label: string): Marker[] {
    return this.#ranges
      .filter((range) => range.label === label)
      .map((range) => ({ uri: range.uri, range: { start: this.position(range.uri, range.start), end: this.position(range.uri, range.end) } }));
  }

  marker(label: string): Marker {
    const found = this.markers(label);
    if (found.length !== 1) throw new Error(`fixture has ${found.length} ranges labelled '${label}'`);
    return found[0]!;
  }

  /** The LSP range of the first occurrence of `needle` in a file (for expectations about text the fixture does not mark). */
  rangeOf(path: string, needle: string, occurrence = 0): lsp.Range {
    const uri = this.uri(path);
    const text = this.texts.get(uri) ?? '';
    let start = -1;
    for (let index = 0; index <= occurrence; index++) start = text.indexOf(needle, start + 1);
    if (start < 0) throw new Error(`'${needle}' not found in ${path}`);
    return { start: this.position(uri, start), end: this.position(uri, start + needle.length) };
  }

  /** A position inside the first occurrence of `needle` in a file (`delta` characters after its start). */
  at(path: string, needle: string, delta = 1): lsp.TextDocumentPositionParams {
    const range = this.rangeOf(path, needle);
    return { textDocument: { uri: this.uri(path) }, position: { line: range.start.line, character: range.start.character + delta } };
  }

  writeFile(path: string, text: string): string {
    const file = join(this.root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    this.texts.set(this.uri(path), text);
    return this.uri(path);
  }

  deleteFile(path: string): string {
    unlinkSync(join(this.root, path));
    return this.uri(path);
  }

  async watchedFilesChanged(changes: { path: string; type: lsp.FileChangeType }[]): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: changes.map((change) => ({ uri: this.uri(change.path), type: change.type })),
    });
  }

  async open(path: string, languageId = path.endsWith('.txt') ? 'plaintext' : 'markdown'): Promise<string> {
    const uri = path.includes(':') ? path : this.uri(path);
    this.#versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text: this.texts.get(uri) ?? '' } });
    return uri;
  }

  /** Opens a document that exists only in the editor (an untitled buffer). */
  async openUntitled(name: string, text: string): Promise<string> {
    const uri = `untitled:${name}`;
    this.texts.set(uri, text);
    return this.open(uri, 'markdown');
  }

  /** Replaces the whole text of an open document. */
  async change(path: string, text: string): Promise<void> {
    const uri = path.includes(':') ? path : this.uri(path);
    const version = (this.#versions.get(uri) ?? 1) + 1;
    this.#versions.set(uri, version);
    this.texts.set(uri, text);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async close(path: string): Promise<void> {
    const uri = path.includes(':') ? path : this.uri(path);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** New editor settings, announced the way VS Code does (the server then pulls them). */
  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  /** Sends a request; without `params` the message has none, as VS Code sends `treatyAnnotator/stats`. */
  request<R>(method: string, params?: unknown): Promise<R> {
    return params === undefined ? this.connection.sendRequest<R>(method) : this.connection.sendRequest<R>(method, params);
  }

  /** Resolves once the server has indexed the workspace (the stats request waits for that). */
  ready(): Promise<unknown> {
    return this.request('treatyAnnotator/stats');
  }

  /** Waits until the diagnostics published for a document satisfy `accept`. */
  waitForDiagnostics(uri: string, accept: (diagnostics: lsp.Diagnostic[]) => boolean = () => true, timeoutMs = 5000): Promise<lsp.Diagnostic[]> {
    return new Promise((resolvePromise, reject) => {
      const check = (): boolean => {
        const current = this.diagnostics.get(uri);
        if (current === undefined || !accept(current)) return false;
        this.#diagnosticListeners.delete(listener);
        clearTimeout(timer);
        resolvePromise(current);
        return true;
      };
      const listener = (): void => void check();
      const timer = setTimeout(() => {
        this.#diagnosticListeners.delete(listener);
        reject(new Error(`diagnostics for ${uri} did not arrive: latest ${JSON.stringify(this.diagnostics.get(uri))}`));
      }, timeoutMs);
      this.#diagnosticListeners.add(listener);
      check();
    });
  }

  /** Shuts the server down politely and removes the workspace. */
  async dispose(): Promise<void> {
    if (this.process.exitCode === null && !this.process.killed) {
      await Promise.race([this.request('shutdown').then(() => this.connection.sendNotification('exit')), this.exited]).catch(() => undefined);
      await Promise.race([this.exited, new Promise((done) => setTimeout(done, 2000))]);
      this.process.kill();
    }
    this.connection.dispose();
    if (!this.options.root) rmSync(this.root, { recursive: true, force: true });
  }
}

/** Starts a server on a fixture workspace, initializes it and waits for the first indexing. */
export async function startServer(fixture: string, options: HarnessOptions = {}): Promise<Harness> {
  const harness = new Harness(fixture, options);
  await harness.initialize();
  await harness.ready();
  return harness;
}
