// The Markdown peer: vscode-markdown-languageservice (the engine behind VS Code's Markdown link validation)
// validating the linked workspace through its own API, then the same edits and requests our server gets.
// Runs as its own process: `node peerMarkdown.js --scale N [--interactive]`, one result line on stdout.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CancellationToken } from 'vscode-jsonrpc';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type * as mdls from 'vscode-markdown-languageservice' with { 'resolution-mode': 'import' };
import { argValue, emitResult, listFiles, percentile, readManifest, type Manifest } from './common';

type Listener<T> = (event: T) => unknown;

/** A minimal event emitter with the `Event` shape the language service subscribes to (listeners bound to thisArgs). */
class Emitter<T> {
  readonly #listeners = new Set<Listener<T>>();
  readonly event = (listener: Listener<T>, thisArgs?: unknown): { dispose(): void } => {
    const bound: Listener<T> = (value) => listener.call(thisArgs, value);
    this.#listeners.add(bound);
    return { dispose: () => this.#listeners.delete(bound) };
  };
  fire(value: T): void {
    for (const listener of this.#listeners) listener(value);
  }
}

/** The workspace as the language service sees it: every Markdown file on disk, with edits held in memory. */
class DiskWorkspace implements mdls.IWorkspace {
  readonly #documents = new Map<string, TextDocument>();
  readonly #changed = new Emitter<mdls.ITextDocument>();
  readonly #created = new Emitter<mdls.ITextDocument>();
  readonly #deleted = new Emitter<URI>();
  readonly onDidChangeMarkdownDocument = this.#changed.event;
  readonly onDidCreateMarkdownDocument = this.#created.event;
  readonly onDidDeleteMarkdownDocument = this.#deleted.event;
  readonly #root: URI;

  constructor(readonly rootPath: string) {
    this.#root = URI.file(rootPath);
  }

  get workspaceFolders(): readonly URI[] {
    return [this.#root];
  }

  uriOf(relative: string): URI {
    return URI.file(path.join(this.rootPath, relative));
  }

  #load(resource: URI): TextDocument | undefined {
    const key = resource.toString();
    const cached = this.#documents.get(key);
    if (cached) return cached;
    if (!resource.fsPath.endsWith('.md')) return undefined;
    let text: string;
    try {
      text = fs.readFileSync(resource.fsPath, 'utf8');
    } catch {
      return undefined;
    }
    const document = TextDocument.create(key, 'markdown', 1, text);
    this.#documents.set(key, document);
    return document;
  }

  async getAllMarkdownDocuments(): Promise<Iterable<mdls.ITextDocument>> {
    const all: TextDocument[] = [];
    for (const relative of listFiles(this.rootPath)) {
      const document = this.#load(this.uriOf(relative));
      if (document) all.push(document);
    }
    return all;
  }

  hasMarkdownDocument(resource: URI): boolean {
    return this.#documents.has(resource.toString());
  }

  async openMarkdownDocument(resource: URI): Promise<mdls.ITextDocument | undefined> {
    return this.#load(resource);
  }

  async stat(resource: URI): Promise<mdls.FileStat | undefined> {
    if (this.#documents.has(resource.toString())) return { isDirectory: false };
    try {
      return { isDirectory: fs.statSync(resource.fsPath).isDirectory() };
    } catch {
      return undefined;
    }
  }

  async readDirectory(resource: URI): Promise<Iterable<readonly [string, mdls.FileStat]>> {
    return fs
      .readdirSync(resource.fsPath, { withFileTypes: true })
      .map((entry) => [entry.name, { isDirectory: entry.isDirectory() }] as const);
  }

  /** Replaces a document's text the way an editor's change event would. */
  update(resource: URI, text: string): TextDocument {
    const previous = this.#load(resource);
    const document = TextDocument.create(resource.toString(), 'markdown', (previous?.version ?? 0) + 1, text);
    this.#documents.set(resource.toString(), document);
    this.#changed.fire(document);
    return document;
  }
}

const DIAGNOSTIC_OPTIONS = (levels: typeof mdls.DiagnosticLevel): mdls.DiagnosticOptions => ({
  // VS Code's defaults once `markdown.validate.enabled` is on.
  validateReferences: levels.warning,
  validateFragmentLinks: levels.warning,
  validateFileLinks: levels.warning,
  validateMarkdownFileLinkFragments: levels.warning,
  validateUnusedLinkDefinitions: levels.hint,
  validateDuplicateLinkDefinitions: levels.warning,
  ignoreLinks: [],
});

async function main(): Promise<void> {
  const started = performance.now();
  const scale = Number(argValue(process.argv, '--scale') ?? '1');
  const interactive = process.argv.includes('--interactive');
  const manifest: Manifest = readManifest(scale);
  const service = await import('vscode-markdown-languageservice');
  const { default: MarkdownIt } = await import('markdown-it');
  const markdownIt = MarkdownIt({ html: true });
  const workspace = new DiskWorkspace(manifest.linkedRoot);
  const parser: mdls.IMdParser = {
    slugifier: service.githubSlugifier,
    tokenize: async (document) => markdownIt.parse(document.getText(), {}),
  };
  const languageService = service.createLanguageService({
    workspace,
    parser,
    logger: { level: service.LogLevel.Off, log: () => {} },
  });
  const options = DIAGNOSTIC_OPTIONS(service.DiagnosticLevel);
  const token = CancellationToken.None;

  // Cold: every document read, parsed and validated.
  let problems = 0;
  const files = listFiles(manifest.linkedRoot);
  for (const relative of files) {
    const document = await workspace.openMarkdownDocument(workspace.uriOf(relative));
    if (!document) continue;
    problems += (await languageService.computeDiagnostics(document, options, token)).length;
  }
  const coldMs = performance.now() - started;
  const cpu = process.cpuUsage();
  const result: Record<string, unknown> = { coldMs, coldCpuMs: (cpu.user + cpu.system) / 1000, problems, documents: files.length };
  if (!interactive) {
    result.rssBytes = process.memoryUsage().rss;
    emitResult(result);
    return;
  }
  global.gc?.();
  const memory = process.memoryUsage();
  result.heapBytes = memory.heapUsed;
  result.rssBytes = memory.rss;

  // A keystroke in the 1 MB analysis: its diagnostics again.
  const bigUri = workspace.uriOf(manifest.big.path);
  let bigText = fs.readFileSync(bigUri.fsPath, 'utf8');
  const keystrokes: number[] = [];
  const edits = Number(argValue(process.argv, '--keystrokes') ?? String(manifest.big.linkedEditOffsets.length));
  const budgetMs = Number(argValue(process.argv, '--keystroke-budget') ?? '30') * 1000;
  const loopStart = performance.now();
  for (const [index, offset] of manifest.big.linkedEditOffsets.slice(0, edits).entries()) {
    if (performance.now() - loopStart > budgetMs) break;
    bigText = `${bigText.slice(0, offset + index)}あ${bigText.slice(offset + index)}`;
    const t0 = performance.now();
    const document = workspace.update(bigUri, bigText);
    await languageService.computeDiagnostics(document, options, token);
    keystrokes.push(performance.now() - t0);
  }
  result.keystrokeP50Ms = percentile(keystrokes, 50);
  result.keystrokeP95Ms = percentile(keystrokes, 95);
  result.keystrokes = keystrokes.length;

  // The treaty edit: the hot article's heading goes, every document linking to it is validated again.
  const treatyUri = workspace.uriOf(manifest.hot.treatyPath);
  const treatyText = fs.readFileSync(treatyUri.fsPath, 'utf8');
  const t0 = performance.now();
  workspace.update(treatyUri, treatyText.slice(0, manifest.hot.sectionStart) + treatyText.slice(manifest.hot.sectionEnd));
  let afterEdit = 0;
  for (const relative of manifest.hot.documents) {
    const document = await workspace.openMarkdownDocument(workspace.uriOf(relative));
    if (document) afterEdit += (await languageService.computeDiagnostics(document, options, token)).length;
  }
  result.treatyEditMs = performance.now() - t0;
  result.treatyEditProblems = afterEdit;
  workspace.update(treatyUri, treatyText);

  // Requests at the same citations, written as links: in the destination, where the service answers them.
  const requests = Number(argValue(process.argv, '--requests') ?? '1000');
  const probes = manifest.probes.slice(0, requests);
  const latency = async (
    name: string,
    limit: number,
    at: (probe: (typeof probes)[number]) => number,
    call: (document: mdls.ITextDocument, position: { line: number; character: number }) => Promise<unknown>,
  ): Promise<void> => {
    const samples: number[] = [];
    let answered = 0;
    for (const probe of probes.slice(0, limit)) {
      const document = await workspace.openMarkdownDocument(workspace.uriOf(probe.path));
      if (!document) continue;
      const position = document.positionAt(at(probe));
      const t1 = performance.now();
      const answer = await call(document, position);
      samples.push(performance.now() - t1);
      if (answer !== undefined && answer !== null && !(Array.isArray(answer) && answer.length === 0)) answered++;
    }
    result[`${name}P50Ms`] = percentile(samples, 50);
    result[`${name}P99Ms`] = percentile(samples, 99);
    result[`${name}Requests`] = samples.length;
    result[`${name}Answered`] = answered;
  };
  await latency('hover', requests, (probe) => probe.linkedFragmentOffset, (document, position) => languageService.getHover(document, position, token));
  await latency('definition', requests, (probe) => probe.linkedFragmentOffset, (document, position) =>
    languageService.getDefinition(document, position, token),
  );
  await latency('completion', requests, (probe) => probe.linkedFragmentOffset, (document, position) =>
    languageService.getCompletionItems(document, position, {}, token),
  );
  // References scan the whole workspace per request: fewer of them keep the run short (the count is reported).
  const referenceLimit = Number(argValue(process.argv, '--reference-requests') ?? String(requests));
  await latency('references', referenceLimit, (probe) => probe.linkedFragmentOffset, (document, position) =>
    languageService.getReferences(document, position, { includeDeclaration: false }, token),
  );
  emitResult(result);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
