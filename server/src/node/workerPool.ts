// Reads and analyses many files on worker threads (as many as the machine has cores, or fewer when asked),
// handing each file back in the order given, so that the index is filled exactly as one thread would fill it.
// A worker that throws or dies is replaced and its files are read again; a file that took two workers down
// is read on this thread. Without workers (none asked for, a small workspace, no worker entry beside this
// bundle) every file is read here, yielding to the event loop between files so that requests are answered.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TreatyConfig } from '../core/config';
import { analyzeDocument } from '../core/document';
import { encodeFacts } from '../core/factsCodec';
import type { TreatyService } from '../core/index';
import type { AnalyzeOptions, AnalyzeOutcome } from '../lsp/lspWorkspace';
import { analyzeFile, type AnalyzedFile, type FileJob, type FileResult, type FileToAnalyze } from './analyzeFile';
import { analysisVersion, FactsCache } from './factsCache';
import type { WorkerBatch } from './indexWorker';

export interface WorkerOptions {
  /** The most worker threads to start; 0 reads everything on this thread. Default: the machine's parallelism. */
  readonly workers?: number;
  /** The worker entry; default: `indexWorker.js` beside this bundle (dist/). */
  readonly workerPath?: string;
  readonly log?: (message: string) => void;
  /** Below this many files, starting workers costs more than it saves: one thread reads them. */
  readonly minFiles?: number;
  /** The facts cache of a warm start: files it knows unchanged are not analysed again, the others are stored in it. */
  readonly cache?: FactsCache;
}

const SMALL_WORKSPACE = 64;
/** Each worker is kept this many batches ahead, so that it never waits for the main thread between batches. */
const BATCHES_AHEAD = 2;
/** A file that was in a worker when it died this many times is read on the main thread. */
const MAX_ATTEMPTS = 2;
/** Work done on the main thread between two turns of its event loop. */
const SLICE_MS = 15;

export const DEFAULT_WORKER_PATH = join(__dirname, 'indexWorker.js');

/** How many workers to start for `files` files, given the setting (undefined: as many as the machine has cores). */
export function workerCount(setting: number | undefined, files: number, minFiles = SMALL_WORKSPACE): number {
  const wanted = setting === undefined ? availableParallelism() : Math.max(0, Math.floor(setting));
  return files < minFiles ? 0 : Math.min(wanted, availableParallelism(), Math.ceil(files / 8));
}

export function analyzeFiles(
  files: readonly FileToAnalyze[],
  config: TreatyConfig,
  options: WorkerOptions,
  onAnalyzed: (analyzed: AnalyzedFile) => void,
): Promise<void> {
  const workerPath = options.workerPath ?? DEFAULT_WORKER_PATH;
  const count = workerCount(options.workers, files.length, options.minFiles);
  const { cache } = options;
  const jobs: FileJob[] = cache ? files.map((file) => ({ ...file, cache: { key: cache.keyOf(file.path) } })) : [...files];
  const paths = new Map(files.map((file) => [file.uri, file.path]));
  const deliver = (result: FileResult): void => onAnalyzed(cache ? throughCache(cache, paths.get(result.uri)!, result, config) : (result as AnalyzedFile));
  if (count === 0 || !existsSync(workerPath)) return analyzeHere(jobs, config, deliver);
  return new WorkerPool(jobs, config, count, workerPath, options.log ?? (() => undefined), deliver).run();
}

/** A file's facts from the cache when it was found unchanged; otherwise its new facts, stored in the cache. */
function throughCache(cache: FactsCache, path: string, result: FileResult, config: TreatyConfig): AnalyzedFile {
  if ('error' in result) return result;
  if ('hit' in result) {
    // A hit names a key the cache gave out, so its facts are there; if not, the text is analysed, never guessed.
    const entry = cache.hit(path);
    if (entry) return { uri: result.uri, text: result.text, facts: entry.facts, hash: result.key.hash, results: entry.results };
    return { uri: result.uri, text: result.text, facts: encodeFacts(analyzeDocument(result.uri, result.text, config)), hash: result.key.hash };
  }
  if (!result.key) return { uri: result.uri, text: result.text, facts: result.facts };
  cache.store(path, result.key, result.facts);
  return { uri: result.uri, text: result.text, facts: result.facts, hash: result.key.hash };
}

/** `analyzeFiles` with the facts cache of `options.cacheDirectory`, if any, opened first and written on request. */
export async function analyzeWithCache(
  files: readonly FileToAnalyze[],
  config: TreatyConfig,
  options: AnalyzeOptions & Omit<WorkerOptions, 'cache' | 'workers'>,
  onAnalyzed: (analyzed: AnalyzedFile) => void,
): Promise<AnalyzeOutcome> {
  const log = options.log ?? (() => undefined);
  const directory = options.cacheDirectory;
  const cache = directory ? FactsCache.open(directory, analysisVersion(options.workerPath ?? DEFAULT_WORKER_PATH), config, log) : undefined;
  await analyzeFiles(files, config, { ...options, cache }, onAnalyzed);
  return {
    cached: cache?.hits ?? 0,
    async saveCache(resultsOf) {
      try {
        if (cache && resultsOf) for (const file of files) cache.storeResults(file.path, resultsOf(file.uri));
        await cache?.save();
      } catch (error) {
        log(`the facts cache in ${directory} could not be written: ${(error as Error).message}`);
      }
    },
  };
}

/**
 * The first indexing of the command line (the server's is lsp/indexing.ts): every file read, then resolution. The
 * cache is written with the service's results (`saveCache()` computes every document's diagnostics for it).
 */
export async function indexFiles(
  service: TreatyService,
  files: readonly FileToAnalyze[],
  config: TreatyConfig,
  options: AnalyzeOptions & Omit<WorkerOptions, 'cache' | 'workers'>,
): Promise<AnalyzeOutcome & { readonly reused: number; saveCache(): Promise<void> }> {
  const outcome = await analyzeWithCache(files, config, options, (analyzed) => service.addDocument(analyzed.uri, analyzed, config));
  const reused = service.finishIndexing();
  return { cached: outcome.cached, reused, saveCache: () => outcome.saveCache((uri) => service.exportResults(uri)) };
}

async function analyzeHere(files: readonly FileJob[], config: TreatyConfig, onAnalyzed: (analyzed: FileResult) => void): Promise<void> {
  let sliceStart = performance.now();
  for (const file of files) {
    onAnalyzed(analyzeFile(file, config));
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}

interface Batch {
  readonly id: number;
  /** Positions in the file list. */
  readonly positions: readonly number[];
}

class WorkerPool {
  readonly #files: readonly FileJob[];
  readonly #config: TreatyConfig;
  readonly #size: number;
  readonly #workerPath: string;
  readonly #log: (message: string) => void;
  readonly #onAnalyzed: (analyzed: FileResult) => void;
  /** Positions still to send to a worker. */
  readonly #queue: number[];
  readonly #attempts: number[];
  /** Results that arrived before those of earlier files, by position. */
  readonly #results: (FileResult | undefined)[];
  #delivered = 0;
  readonly #inFlight = new Map<Worker, Map<number, Batch>>();
  #nextBatch = 0;
  readonly #batchSize: number;
  #replacements = 0;
  #finish: () => void = () => undefined;
  #fail: (error: unknown) => void = () => undefined;
  #settled = false;

  constructor(
    files: readonly FileJob[],
    config: TreatyConfig,
    size: number,
    workerPath: string,
    log: (message: string) => void,
    onAnalyzed: (analyzed: FileResult) => void,
  ) {
    this.#files = files;
    this.#config = config;
    this.#size = size;
    this.#workerPath = workerPath;
    this.#log = log;
    this.#onAnalyzed = onAnalyzed;
    this.#queue = files.map((_, position) => position);
    this.#attempts = files.map(() => 0);
    this.#results = new Array<FileResult | undefined>(files.length);
    // Small batches keep the workers evenly loaded to the end; not so small that messages dominate.
    this.#batchSize = Math.max(1, Math.min(16, Math.floor(files.length / (size * 16))));
  }

  run(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#finish = resolve;
      this.#fail = reject;
      for (let index = 0; index < this.#size; index++) this.#start();
    });
  }

  #start(): void {
    let worker: Worker;
    try {
      worker = new Worker(this.#workerPath, { workerData: { config: this.#config } });
    } catch (error) {
      // No thread can be started (a sandbox, a resource limit): whatever is left is read here.
      this.#log(`no indexing worker could be started (${(error as Error).message}); reading on the main thread`);
      if (this.#inFlight.size === 0) while (this.#queue.length > 0) this.#analyzeHere(this.#queue.shift()!);
      this.#deliver();
      return;
    }
    this.#inFlight.set(worker, new Map());
    worker.on('message', (message: { id: number; results: FileResult[] }) => this.#received(worker, message));
    worker.on('error', (error) => this.#lost(worker, `it threw: ${error.message}`));
    worker.on('exit', (code) => this.#lost(worker, `it exited with code ${code}`));
    this.#feed(worker);
  }

  #feed(worker: Worker): void {
    const batches = this.#inFlight.get(worker);
    while (batches && batches.size < BATCHES_AHEAD && this.#queue.length > 0) {
      const batch: Batch = { id: this.#nextBatch++, positions: this.#queue.splice(0, this.#batchSize) };
      batches.set(batch.id, batch);
      const message: WorkerBatch = { id: batch.id, files: batch.positions.map((position) => this.#files[position]!) };
      worker.postMessage(message);
    }
  }

  #received(worker: Worker, message: { id: number; results: FileResult[] }): void {
    const batch = this.#inFlight.get(worker)?.get(message.id);
    if (!batch) return;
    this.#inFlight.get(worker)!.delete(message.id);
    batch.positions.forEach((position, index) => (this.#results[position] = message.results[index]));
    this.#feed(worker);
    this.#deliver();
  }

  /** A worker threw or exited: its files go back in the queue (or to this thread), and another takes its place. */
  #lost(worker: Worker, reason: string): void {
    const batches = this.#inFlight.get(worker);
    if (!batches) return;
    this.#inFlight.delete(worker);
    void worker.terminate();
    if (this.#settled) return;
    const positions = [...batches.values()].flatMap((batch) => batch.positions);
    this.#log(`an indexing worker stopped (${reason}); its ${positions.length} documents are read again`);
    for (const position of positions) {
      // A file that brought down a worker twice is read here: if it throws, it throws as it would on one thread.
      if (++this.#attempts[position]! >= MAX_ATTEMPTS) this.#analyzeHere(position);
      else this.#queue.unshift(position);
    }
    this.#queue.sort((a, b) => a - b);
    if (this.#settled) return;
    if (this.#queue.length > 0 && this.#replacements++ < this.#size * 4) this.#start();
    else while (this.#queue.length > 0) this.#analyzeHere(this.#queue.shift()!);
    this.#deliver();
  }

  #analyzeHere(position: number): void {
    try {
      this.#results[position] = analyzeFile(this.#files[position]!, this.#config);
    } catch (error) {
      this.#stop();
      this.#fail(error);
    }
  }

  /** Hands results on in the order of the file list; finishes once every file has been handed on. */
  #deliver(): void {
    if (this.#settled) return;
    try {
      while (this.#delivered < this.#files.length && this.#results[this.#delivered] !== undefined) {
        const result = this.#results[this.#delivered]!;
        this.#results[this.#delivered++] = undefined;
        this.#onAnalyzed(result);
      }
    } catch (error) {
      this.#stop();
      this.#fail(error);
      return;
    }
    if (this.#delivered === this.#files.length) {
      this.#stop();
      this.#finish();
    }
  }

  #stop(): void {
    this.#settled = true;
    for (const worker of this.#inFlight.keys()) void worker.terminate();
    this.#inFlight.clear();
  }
}
