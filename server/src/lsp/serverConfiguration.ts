// The configuration in force: the editor's settings (asked with `workspace/configuration`, or given in the
// initialization options) over each folder's `.treaty-annotator.json`, whose problems are shown on the file.

import type { ClientCapabilities, Connection } from 'vscode-languageserver';
import { URI, Utils } from 'vscode-uri';
import { DEFAULT_CONFIG, effectiveSeverity, type TreatyConfig } from '../core/config';
import { displayLanguageOf } from '../core/messages/index';
import { LineIndex } from '../core/text/lineIndex';
import { CONFIG_FILE_NAME, CONFIG_MAX_SIZE, parseConfigFile, unreadableConfig, type ParsedConfigFile } from '../core/configFile';
import { combineConfig, settingsToRaw, type EditorSettings } from './configuration';
import { sendAndForget } from '../adapters/context';
import { toConfigDiagnostic } from '../adapters/convert';
import type { LspWorkspace, WorkspaceFileSystem } from './lspWorkspace';

interface ConfigFile {
  readonly uri: string;
  readonly text: string | undefined;
  readonly parsed: ParsedConfigFile | undefined;
}

export class ServerConfiguration {
  readonly #connection: Connection;
  readonly #fileSystem: WorkspaceFileSystem;
  readonly #workspace: LspWorkspace;
  #config: TreatyConfig = DEFAULT_CONFIG;
  #workers: number | undefined;
  /** Settings from the initialization options or the last `didChangeConfiguration`, for clients that cannot be asked. */
  #settings: EditorSettings | undefined;
  /** `.treaty-annotator.json` files that currently show problems. */
  readonly #diagnosticUris = new Set<string>();

  constructor(connection: Connection, fileSystem: WorkspaceFileSystem, workspace: LspWorkspace) {
    this.#connection = connection;
    this.#fileSystem = fileSystem;
    this.#workspace = workspace;
  }

  get config(): TreatyConfig {
    return this.#config;
  }

  /** The client's display language (`initializationOptions.locale`, or the `locale` of `initialize`). */
  locale: string | undefined;
  /** The most threads that read the workspace (`treatyAnnotator.indexing.workers`), or undefined for one per core. */
  get workers(): number | undefined {
    return this.#workers;
  }

  /** The folder for the facts cache of a warm start (VS Code's storage folder), from the initialization options. */
  cacheDirectory: string | undefined;

  set settings(settings: EditorSettings | undefined) {
    this.#settings = settings;
  }

  /** Reads the settings and every folder's file, sets the workspace's roots, and shows the files' problems. */
  async load(folders: readonly string[], capabilities: ClientCapabilities): Promise<TreatyConfig> {
    const editorSettings = capabilities.workspace?.configuration
      ? ((await this.#connection.workspace.getConfiguration('treatyAnnotator').catch(() => undefined)) as EditorSettings | undefined)
      : this.#settings;
    const editorRaw = settingsToRaw(editorSettings);
    const workers = editorSettings?.indexing?.workers;
    this.#workers = typeof workers === 'number' && workers >= 0 ? workers : undefined;
    const files = folders.map((folder) => this.#readFile(folder));
    const combined = combineConfig(files.map((file) => file.parsed?.raw), editorRaw);
    // `treatyAnnotator.language`: `auto` (or unset) is the client's display language.
    const chosen = editorSettings?.language;
    this.#config = { ...combined.config, language: displayLanguageOf(chosen === 'ja' || chosen === 'en' ? chosen : this.locale) };
    for (const problem of combined.settingsProblems) this.#connection.console.warn(`Ignored setting ${problem}`);
    this.#workspace.setRoots(folders.map((folder, index) => ({ uri: folder, config: combineConfig([files[index]?.parsed?.raw], editorRaw).config })));
    this.#publishProblems(files);
    return this.#config;
  }

  #readFile(folder: string): ConfigFile {
    const uri = Utils.joinPath(URI.parse(folder), CONFIG_FILE_NAME);
    const folderPath = URI.parse(folder).fsPath;
    const read = this.#fileSystem.exists(uri.fsPath) ? this.#fileSystem.readTextFile(uri.fsPath, CONFIG_MAX_SIZE, [folderPath]) : undefined;
    const text = read === undefined ? undefined : 'text' in read ? read.text : '';
    const parsed = read === undefined ? undefined : 'text' in read ? parseConfigFile(read.text) : unreadableConfig(read.error);
    return { uri: uri.toString(), text, parsed };
  }

  /** Shows each file's problems on it, and clears the files whose problems are gone. */
  #publishProblems(files: readonly ConfigFile[]): void {
    const severity = effectiveSeverity(this.#config, 'invalid-config');
    const previous = new Set(this.#diagnosticUris);
    this.#diagnosticUris.clear();
    for (const file of files) {
      if (!file.parsed || file.text === undefined || file.parsed.problems.length === 0 || severity === null) continue;
      const lineIndex = new LineIndex(file.text);
      const diagnostics = file.parsed.problems.map((problem) => toConfigDiagnostic(lineIndex, problem.span, severity, problem.message));
      sendAndForget(() => this.#connection.sendDiagnostics({ uri: file.uri, diagnostics }));
      this.#diagnosticUris.add(file.uri);
    }
    for (const uri of previous) if (!this.#diagnosticUris.has(uri)) sendAndForget(() => this.#connection.sendDiagnostics({ uri, diagnostics: [] }));
  }
}
