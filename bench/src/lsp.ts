// Drives the real language server over stdio the way an editor does (vscode-jsonrpc on the child's pipes) and
// times what a user waits for: the first diagnostics of the workspace, a keystroke, a treaty edit, requests.

import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { URI } from 'vscode-uri';
import { SERVER_NODE_FLAGS } from '../../server/src/node/nodeFlags';
import { DIST_DIR, WORK_DIR, lineStartsOf, percentile, positionAt, type Manifest } from './common';

export const SERVER_PATH = path.join(DIST_DIR, 'server.js');
/** Where the benchmark's server starts keep V8's compiled code, as VS Code's global storage keeps it between windows. */
export const CODE_CACHE_DIR = path.join(WORK_DIR, 'code-cache');
export const MEMPROBE_PATH = path.join(WORK_DIR, 'memprobe.js');
/** No diagnostics for this long after the expected ones arrived means the server has finished. */
const QUIET_MS = 300;
const REQUEST_TIMEOUT_MS = 10_000;

interface Published {
  readonly at: number;
  readonly count: number;
}

export interface LspOptions {
  readonly interactive: boolean;
  readonly requests: number;
  readonly keystrokes: number;
  /** The keystroke loop stops after this long, so a slow server cannot stretch the whole benchmark. */
  readonly keystrokeBudgetMs: number;
  readonly coldTimeoutMs: number;
  /** How long the treaty edit may take to reach every citing document before it counts as failed. */
  readonly fanOutTimeoutMs: number;
  readonly log: (line: string) => void;
  /** The server's facts cache folder (`cacheDirectory`), for the warm-start runs. */
  readonly cacheDirectory?: string;
  /**
   * The folder for V8's compiled code of the server (`--code-cache`, as the VS Code client gives its global storage):
   * CODE_CACHE_DIR by default, which the benchmark's first start fills; an empty one measures a first start after install.
   */
  readonly codeCacheDirectory?: string;
  /** Hover and definition asked, one after the other, at planted citations of an open analysis until indexing ends. */
  readonly duringIndexing?: boolean;
}

export type LspResult = Record<string, number | string | boolean | null>;

class Session {
  readonly connection: MessageConnection;
  readonly published = new Map<string, Published>();
  lastPublishAt = 0;
  progressBegun = false;
  progressEnded = false;
  readonly #waiters = new Set<() => void>();
  readonly logTail: string[] = [];

  constructor(readonly child: ChildProcess, readonly rootUri: string) {
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const folders = [{ uri: rootUri, name: 'bench' }];
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('workspace/workspaceFolders', () => folders);
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    this.connection.onNotification('$/progress', (params: { value?: { kind?: string } }) => {
      if (params.value?.kind === 'begin') this.progressBegun = true;
      if (params.value?.kind === 'end') this.progressEnded = true;
      this.#wake();
    });
    this.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: unknown[] }) => {
      const at = performance.now();
      this.lastPublishAt = at;
      this.published.set(params.uri, { at, count: params.diagnostics.length });
      this.#wake();
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logTail.push(params.message);
      if (this.logTail.length > 20) this.logTail.shift();
    });
    this.connection.listen();
  }

  #wake(): void {
    for (const waiter of [...this.#waiters]) waiter();
  }

  /** Resolves true once `done()` holds (checked on every message and every 50 ms), false after `timeoutMs`. */
  waitUntil(done: () => boolean, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const finish = (value: boolean): void => {
        clearInterval(timer);
        clearTimeout(limit);
        this.#waiters.delete(check);
        resolve(value);
      };
      const check = (): void => {
        if (done()) finish(true);
      };
      const timer = setInterval(check, 50);
      const limit = setTimeout(() => finish(false), timeoutMs);
      this.#waiters.add(check);
      check();
    });
  }

  /** Waits for `done()`, then for QUIET_MS without any publishDiagnostics. */
  async settle(done: () => boolean, timeoutMs: number): Promise<boolean> {
    const ok = await this.waitUntil(done, timeoutMs);
    await this.waitUntil(() => performance.now() - this.lastPublishAt >= QUIET_MS, timeoutMs);
    return ok;
  }
}

/** Starts the server, measures, and shuts it down; every figure it could not take is left out. */
export async function measureServer(manifest: Manifest, options: LspOptions): Promise<LspResult> {
  const result: LspResult = {};
  const root = manifest.plainRoot;
  const uriOf = (relative: string): string => URI.file(path.join(root, relative)).toString();
  const probeFile = path.join(WORK_DIR, `memprobe-${process.pid}.json`);
  fs.rmSync(probeFile, { force: true });
  const t0 = performance.now();
  // BENCH_SERVER_NODE_ARGS adds node flags to the server only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it.
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter((flag) => flag.length > 0);
  // Started as the VS Code client starts it.
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...extra, '--expose-gc', '-r', MEMPROBE_PATH, SERVER_PATH, '--stdio', `--code-cache=${options.codeCacheDirectory ?? CODE_CACHE_DIR}`], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, BENCH_MEMPROBE_FILE: probeFile },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const session = new Session(child, URI.file(root).toString());
  try {
    const initialize = (await withTimeout(30_000, 'initialize', session.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: session.rootUri,
      workspaceFolders: [{ uri: session.rootUri, name: 'bench' }],
      locale: 'ja',
      initializationOptions: { locale: 'ja', cacheDirectory: options.cacheDirectory },
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { workspaceFolders: true, configuration: true },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          // As VS Code declares it: documentation comes on completionItem/resolve.
          completion: {
            completionItem: { snippetSupport: false, resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] } },
            completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
          },
          definition: { linkSupport: false },
        },
      },
    }))) as { capabilities?: { textDocumentSync?: number | { change?: number } } };
    result.answered = true;
    const sync = initialize.capabilities?.textDocumentSync;
    const incremental = (typeof sync === 'number' ? sync : sync?.change) === 2;
    await session.connection.sendNotification('initialized', {});
    const asking = options.duringIndexing ? askDuringIndexing(session, manifest, uriOf, result) : Promise.resolve();

    // Cold start: every document with a planted dangling citation has its diagnostics, and then quiet.
    const expected = manifest.documentsWithProblems.map(uriOf);
    const complete = await session.settle(
      () => expected.every((uri) => session.published.has(uri)) && (!session.progressBegun || session.progressEnded),
      options.coldTimeoutMs,
    );
    result.coldComplete = complete;
    result.coldMs = session.lastPublishAt > 0 ? session.lastPublishAt - t0 : Number.NaN;
    result.publishedDocuments = session.published.size;
    result.problems = [...session.published.values()].reduce((sum, entry) => sum + entry.count, 0);
    if (!complete) options.log(`  server: cold start incomplete (${session.published.size} documents published)`);
    await asking;

    await readMemory(session, child, probeFile, result);
    if (options.interactive) await interact(session, manifest, uriOf, incremental, options, result);
    await Promise.race([session.connection.sendRequest('shutdown'), delay(2000)]);
    await session.connection.sendNotification('exit');
  } catch (error) {
    options.log(`  server failed: ${String(error)}; stderr: ${stderr.trim().slice(-500)}; log: ${session.logTail.slice(-3).join(' | ')}`);
    result.error = String(error);
  } finally {
    await Promise.race([exited, delay(2000)]);
    if (child.exitCode === null && child.signalCode === null) child.kill();
    session.connection.dispose();
    fs.rmSync(probeFile, { force: true });
  }
  return result;
}

/**
 * Opens the first probed analysis as soon as the server is initialized, and asks hover and definition at its
 * planted citations, one at a time, for as long as the indexing progress runs: what a user gets while waiting.
 */
async function askDuringIndexing(session: Session, manifest: Manifest, uriOf: (relative: string) => string, result: LspResult): Promise<void> {
  const probes = manifest.probes.filter((probe) => probe.path === manifest.probes[0]?.path);
  if (probes.length === 0) return;
  const uri = uriOf(probes[0]!.path);
  const text = fs.readFileSync(path.join(manifest.plainRoot, probes[0]!.path), 'utf8');
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const lines = lineStartsOf(text);
  const samples: Record<'hover' | 'definition', number[]> = { hover: [], definition: [] };
  let answered = 0;
  for (let index = 0; !session.progressEnded; index++) {
    const probe = probes[index % probes.length]!;
    const name = index % 2 === 0 ? 'hover' : 'definition';
    const t1 = performance.now();
    const answer: unknown = await withTimeout(REQUEST_TIMEOUT_MS * 6, name, session.connection.sendRequest(`textDocument/${name}`, { textDocument: { uri }, position: positionAt(lines, probe.offset + 1) }));
    // Only what was answered while the indexing still ran counts.
    if (session.progressEnded) break;
    samples[name].push(performance.now() - t1);
    if (answer !== null && !(Array.isArray(answer) && answer.length === 0)) answered++;
  }
  result.indexingHoverP50Ms = percentile(samples.hover, 50);
  result.indexingHoverP99Ms = percentile(samples.hover, 99);
  result.indexingDefinitionP99Ms = percentile(samples.definition, 99);
  result.indexingRequests = samples.hover.length + samples.definition.length;
  result.indexingAnswered = answered;
}

async function readMemory(session: Session, child: ChildProcess, probeFile: string, result: LspResult): Promise<void> {
  const stats = (await Promise.race([
    session.connection.sendRequest('treatyAnnotator/stats').catch(() => null),
    delay(5000).then(() => null),
  ])) as { memory?: { heapUsed?: number; rss?: number } } | null;
  result.statsAnswered = stats !== null;
  // The probe also gives the CPU time spent up to now, i.e. on the cold start.
  child.kill('SIGUSR2');
  const written = await session.waitUntil(() => fs.existsSync(probeFile) && fs.statSync(probeFile).size > 0, 5000);
  if (written) {
    const probe = JSON.parse(fs.readFileSync(probeFile, 'utf8')) as { heapUsed: number; cpu: { user: number; system: number } };
    result.heapBytes = probe.heapUsed;
    result.heapSource = 'probe';
    result.coldCpuMs = (probe.cpu.user + probe.cpu.system) / 1000;
  }
  // The live heap is the probe's, after a full collection; what `treatyAnnotator/stats` reports (the status bar's
  // figure, garbage not yet collected included) is kept beside it, and is the heap figure when no probe answered.
  if (stats?.memory?.heapUsed !== undefined) {
    result.statsHeapBytes = stats.memory.heapUsed;
    if (!written) {
      result.heapBytes = stats.memory.heapUsed;
      result.heapSource = 'stats';
    }
  }
  try {
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const rss = /VmRSS:\s+(\d+) kB/.exec(status);
    if (rss) result.rssBytes = Number(rss[1]) * 1024;
  } catch {
    // Not Linux: RSS stays unknown.
  }
}

async function interact(
  session: Session,
  manifest: Manifest,
  uriOf: (relative: string) => string,
  incremental: boolean,
  options: LspOptions,
  result: LspResult,
): Promise<void> {
  const connection = session.connection;
  const versions = new Map<string, number>();
  const texts = new Map<string, string>();
  const open = async (relative: string): Promise<string> => {
    const uri = uriOf(relative);
    if (texts.has(uri)) return uri;
    const text = fs.readFileSync(path.join(manifest.plainRoot, relative), 'utf8');
    texts.set(uri, text);
    versions.set(uri, 1);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return uri;
  };
  /**
   * Replaces [start, end) by `insert`: the editor's side (the new text, the change's range) is done here, before the
   * clock starts, as an editor has it at hand (the line starts of a 1 MB text took milliseconds of each keystroke's
   * figure); the function returned sends the notification and returns when it is written.
   */
  const change = (uri: string, start: number, end: number, insert: string): (() => Promise<void>) => {
    const text = texts.get(uri)!;
    const lines = lineStartsOf(text);
    const next = text.slice(0, start) + insert + text.slice(end);
    const version = versions.get(uri)! + 1;
    texts.set(uri, next);
    versions.set(uri, version);
    const contentChanges = incremental ? [{ range: { start: positionAt(lines, start), end: positionAt(lines, end) }, text: insert }] : [{ text: next }];
    return () => connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  };
  const publishedAfter = (uri: string, time: number): boolean => (session.published.get(uri)?.at ?? 0) > time;

  // A keystroke in the 1 MB analysis, to its new diagnostics.
  const bigUri = await open(manifest.big.path);
  await session.settle(() => true, 10_000);
  const keystrokes: number[] = [];
  let missed = 0;
  const loopStart = performance.now();
  for (const [index, offset] of manifest.big.editOffsets.slice(0, options.keystrokes).entries()) {
    if (performance.now() - loopStart > options.keystrokeBudgetMs) break;
    const at = offset + index;
    const send = change(bigUri, at, at, 'あ');
    const t1 = performance.now();
    await send();
    if (await session.waitUntil(() => publishedAfter(bigUri, t1), 5000)) keystrokes.push(session.published.get(bigUri)!.at - t1);
    else missed++;
  }
  result.keystrokeP50Ms = percentile(keystrokes, 50);
  result.keystrokeP95Ms = percentile(keystrokes, 95);
  result.keystrokes = keystrokes.length;
  result.keystrokeMissed = missed;

  // Requests at planted citations in open documents, one at a time as a user makes them.
  const probes = manifest.probes.slice(0, options.requests);
  for (const relative of new Set(probes.map((probe) => probe.path))) await open(relative);
  await session.settle(() => true, 10_000);
  const latency = async (name: string, method: string, extra: Record<string, unknown>): Promise<void> => {
    const samples: number[] = [];
    let answered = 0;
    for (const probe of probes) {
      const uri = uriOf(probe.path);
      const position = positionAt(lineStartsOf(texts.get(uri)!), probe.offset + 1);
      const t1 = performance.now();
      const answer: unknown = await withTimeout(REQUEST_TIMEOUT_MS, method, connection.sendRequest(method, { textDocument: { uri }, position, ...extra }));
      samples.push(performance.now() - t1);
      // A completion list carries its items inside.
      const list = (answer as { items?: unknown } | null)?.items ?? answer;
      if (list !== null && list !== undefined && !(Array.isArray(list) && list.length === 0)) answered++;
    }
    result[`${name}P50Ms`] = percentile(samples, 50);
    result[`${name}P99Ms`] = percentile(samples, 99);
    result[`${name}Requests`] = samples.length;
    result[`${name}Answered`] = answered;
  };
  await latency('hover', 'textDocument/hover', {});
  await latency('definition', 'textDocument/definition', {});
  await latency('completion', 'textDocument/completion', { context: { triggerKind: 1 } });
  await latency('references', 'textDocument/references', { context: { includeDeclaration: false } });

  // The treaty edit: the hot article's section is deleted; every citing document must get new diagnostics.
  const treatyUri = await open(manifest.hot.treatyPath);
  await session.settle(() => true, 10_000);
  const hotUris = manifest.hot.documents.map(uriOf);
  const problemsOf = (): number => hotUris.reduce((sum, uri) => sum + (session.published.get(uri)?.count ?? 0), 0);
  const before = problemsOf();
  const section = texts.get(treatyUri)!.slice(manifest.hot.sectionStart, manifest.hot.sectionEnd);
  const sendEdit = change(treatyUri, manifest.hot.sectionStart, manifest.hot.sectionEnd, '');
  const t2 = performance.now();
  await sendEdit();
  const fannedOut = await session.waitUntil(() => hotUris.every((uri) => publishedAfter(uri, t2)), options.fanOutTimeoutMs);
  result.treatyEditMs = fannedOut ? Math.max(...hotUris.map((uri) => session.published.get(uri)!.at)) - t2 : Number.NaN;
  result.treatyEditNewProblems = problemsOf() - before;
  result.treatyEditReached = hotUris.filter((uri) => publishedAfter(uri, t2)).length;
  const sendRestore = change(treatyUri, manifest.hot.sectionStart, manifest.hot.sectionStart, section);
  const t3 = performance.now();
  await sendRestore();
  const restored = fannedOut && (await session.waitUntil(() => hotUris.every((uri) => publishedAfter(uri, t3)), options.fanOutTimeoutMs));
  result.treatyRestoreMs = restored ? Math.max(...hotUris.map((uri) => session.published.get(uri)!.at)) - t3 : Number.NaN;
}

/** A request the server never answers fails the measurement instead of hanging the benchmark. */
function withTimeout<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
