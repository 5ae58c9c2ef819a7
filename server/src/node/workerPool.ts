// Reads and analyses many files on worker threads, handing each file back in one order (likely treaties first, then
// the order given), so that the index is filled exactly as one thread would fill it. The main thread reads too:
// the files a facts cache knows unchanged (reading and hashing them here is quicker than a round trip to a
// worker), and the next files of the queue whenever it has nothing to deliver or resolve, so that the workers'
// start-up and the last batches cost no idle time. A worker that throws or dies is replaced and its files are read
// again; a file that took two workers down is read on this thread. Without workers (none asked for, a small
// workspace, no worker entry beside this bundle) this thread reads everything, yielding to the event loop between
// slices so that requests are answered.

import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TreatyConfig } from '../core/config';
import { analyzeDocument } from '../core/document';
import { encodeFacts } from '../core/factsCodec';
import type { TreatyService } from '../core/index';
import { mayBeTreatyText } from '../core/treaty/official';
import { indexingInto, type AnalyzeOptions, type AnalyzeOutcome } from '../lsp/lspWorkspace';
import { analyzeFile, type AnalyzedFile, type FileJob, type FileResult, type FileToAnalyze } from './analyzeFile';
import { analysisVersion, FactsCache } from './factsCache';
import { readHead, readKeyedTextFile, type FileKey } from './files';
import type { WorkerBatch } from './indexWorker';

export interface WorkerOptions {
  /** The most worker threads to start; 0 reads everything on this thread. Default: one per core but one. */
  readonly workers?: number;
  /** The worker entry; default: `indexWorker.js` beside this bundle (dist/). */
  readonly workerPath?: string;
  readonly log?: (message: string) => void;
  /** Below this many bytes to analyse, starting workers costs more than it saves: one thread reads them. */
  readonly minBytes?: number;
  /** From this many files on, the first worker is started before the files are ordered (EARLY_START_FILES). */
  readonly earlyStartFiles?: number;
  /** The facts cache of a warm start: files it knows unchanged are not analysed again, the others are stored in it. */
  readonly cache?: FactsCache;
  /**
   * Called on this thread between deliveries when it has nothing else to do: a little of the caller's own work
   * (resolving what was delivered). Returns false when it had none, and is not called again until the next delivery.
   */
  readonly onIdle?: () => boolean;
  /**
   * Whether this thread takes files from the workers' queue when it has nothing else to do (default true). False
   * leaves them all to the workers while any is running: what the tests of a worker's failures need.
   */
  readonly mainThreadReads?: boolean;
}

/**
 * A worker costs about 0.4 s of CPU before it pays (its start, the compilation of the grammar as it warms up) and the
 * main thread decodes what it sends: below a few megabytes (a 5 MB workspace: 214 files) one thread is quicker.
 */
const SMALL_WORKSPACE_BYTES = 8_000_000;
/**
 * From this many files to read (not known to the facts cache) on, the first worker is started before the look at
 * each file's head that orders them (75 ms at the reference size of a thousand files, and a worker takes 85 ms to
 * load): it takes its first batch sooner, and the cold start at the reference size is about 6% shorter. Whether
 * workers pay at all is known only after that look (the files' sizes); 8 MB is some 380 files of the benchmark's
 * 21 KB, and a worker started for nothing costs the main thread about 10 ms.
 */
const EARLY_START_FILES = 256;
/** Each worker is kept this many batches ahead, so that it never waits for the main thread between batches. */
const BATCHES_AHEAD = 2;
/** A file that was in a worker when it died this many times is read on the main thread. */
const MAX_ATTEMPTS = 2;
/** Work done on the main thread between two turns of its event loop: a request that arrives waits for it. */
const SLICE_MS = 5;
/** How much of a file's start the treaty hint reads. */
const HEAD_BYTES = 4096;
/**
 * While workers run, this thread takes from their queue only files up to this size: it answers requests between
 * files, and a larger one read here (a 1 MB analysis: a quarter of a second) would keep them waiting.
 */
const MAX_STOLEN_BYTES = 32 * 1024;

export const DEFAULT_WORKER_PATH = join(__dirname, 'indexWorker.js');

/**
 * How many workers to start for `files` files (`bytes` in all) to analyse, given the setting (undefined: one per core
 * but one, which the main thread keeps: it decodes and resolves what the workers deliver, and reads when it is idle).
 */
export function workerCount(setting: number | undefined, files: number, bytes: number, minBytes = SMALL_WORKSPACE_BYTES): number {
  const cores = availableParallelism();
  const wanted = setting === undefined ? Math.max(1, cores - 1) : Math.max(0, Math.floor(setting));
  return bytes < minBytes ? 0 : Math.min(wanted, cores, Math.ceil(files / 8));
}

export async function analyzeFiles(
  files: readonly FileToAnalyze[],
  config: TreatyConfig,
  options: WorkerOptions,
  onAnalyzed: (analyzed: AnalyzedFile) => void,
): Promise<void> {
  const workerPath = options.workerPath ?? DEFAULT_WORKER_PATH;
  const { cache } = options;
  const jobs: Job[] = [];
  const known: boolean[] = [];
  // Files the cache does not know are read afresh (a warm start leaves the workers unstarted).
  const unknown = cache ? files.filter((file) => cache.keyOf(file.path) === undefined).length : files.length;
  const earlyStart = unknown >= (options.earlyStartFiles ?? EARLY_START_FILES) && workerCount(options.workers, unknown, Infinity) > 0;
  const early = earlyStart && existsSync(workerPath) ? EarlyWorker.start(workerPath, config) : undefined;
  const { ordered, treaties } = await treatiesFirst(files, cache).catch((error: unknown) => {
    early?.stop();
    throw error;
  });
  let toAnalyse = 0;
  let bytes = 0;
  for (const { file, size, unchanged, unread } of ordered) {
    jobs.push(cache ? { ...file, cache: { key: cache.keyOf(file.path) }, ...(unread ? { unread } : {}) } : file);
    known.push(unchanged);
    if (unchanged) continue;
    toAnalyse++;
    bytes += size;
  }
  const count = existsSync(workerPath) ? workerCount(options.workers, toAnalyse, bytes, options.minBytes) : 0;
  const paths = new Map(files.map((file) => [file.uri, file.path]));
  const deliver = (result: Delivered): void => onAnalyzed(cache ? throughCache(cache, paths.get(result.uri)!, result, config) : (result as AnalyzedFile));
  const log = options.log ?? (() => undefined);
  const sizes = ordered.map((entry) => entry.size);
  if (count === 0) early?.stop();
  return new Indexing(jobs, known, sizes, treaties, config, count, workerPath, log, deliver, options, count > 0 ? early : undefined).run();
}

/** A worker started before the indexing knows what it will send: when it is ready, and whether it is gone. */
class EarlyWorker {
  readonly ready: Promise<void>;
  gone = false;
  private constructor(readonly worker: Worker) {
    this.ready = new Promise((resolve) => worker.once('message', () => resolve()));
    // Listened to from the start: an error with no listener would end the process.
    worker.on('error', () => (this.gone = true));
    worker.once('exit', () => (this.gone = true));
  }

  static start(workerPath: string, config: TreatyConfig): EarlyWorker | undefined {
    try {
      return new EarlyWorker(new Worker(workerPath, { workerData: { config } }));
    } catch {
      return undefined;
    }
  }

  stop(): void {
    void this.worker.terminate();
  }
}

interface Ordered {
  readonly file: FileToAnalyze;
  readonly size: number;
  /** The cache knows the file with this size and modification time (its hash is checked when it is read). */
  readonly unchanged: boolean;
  /** And the cache lets it stay unread until its text is needed (see `FactsCache.mayLeaveUnread`). */
  readonly unread: boolean;
}

/** A file to read, or (`unread`) one the cache knows unchanged and lets stay unread: its facts are the cache's. */
type Job = FileJob & { readonly unread?: true };

/** What the indexing delivers for a file: what reading it gave, or that it was left unread. */
type Delivered = FileResult | { readonly uri: string; readonly unread: FileJob & { readonly cache: { readonly key: FileKey } } };

/**
 * The files in reading order: the likely treaties (a file the cache knows unchanged, by what it was then; any other,
 * by whether its first bytes look like a treaty's, see `mayBeTreatyText`), then the others, each in the order given.
 * Analyses delivered after every treaty are resolved once, as they arrive.
 */
async function treatiesFirst(files: readonly FileToAnalyze[], cache: FactsCache | undefined): Promise<{ ordered: Ordered[]; treaties: number }> {
  const treaties: Ordered[] = [];
  const others: Ordered[] = [];
  const scratch = Buffer.allocUnsafe(HEAD_BYTES);
  let sliceStart = performance.now();
  for (const file of files) {
    // A thousand files take a while: requests on the open documents are answered in between.
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    const size = cache && unchangedSize(cache, file.path);
    if (cache && size !== undefined) {
      (cache.wasTreaty(file.path) ? treaties : others).push({ file, size, unchanged: true, unread: cache.mayLeaveUnread(file.path) });
      continue;
    }
    // A file it may not read (outside the roots, not a regular file, unreadable): reading it whole says why, in its turn.
    const look = readHead(file.path, scratch, file.roots);
    (look && mayBeTreatyText(look.head) ? treaties : others).push({ file, size: look?.size ?? 0, unchanged: false, unread: false });
  }
  return { ordered: [...treaties, ...others], treaties: treaties.length };
}

/** The file's size when it still has the size and modification time the cache knows, else undefined. */
function unchangedSize(cache: FactsCache, path: string): number | undefined {
  const key = cache.keyOf(path);
  if (!key) return undefined;
  try {
    const stat = statSync(path);
    return stat.size === key.size && stat.mtimeMs === key.mtimeMs ? stat.size : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A file's facts from the cache when it was found unchanged (read, or left unread: then its text is read when first
 * needed); otherwise its new facts, stored in the cache.
 */
function throughCache(cache: FactsCache, path: string, result: Delivered, config: TreatyConfig): AnalyzedFile {
  if ('error' in result) return result;
  if ('unread' in result) {
    const file = result.unread;
    const { key } = file.cache;
    const entry = cache.hit(path);
    // Left unread only when the cache holds its results; if not, it is read as any other file.
    if (entry?.results === undefined) return throughCache(cache, path, analyzeFile(file, config, true), config);
    const readText = (): { text: string; hash: string } | { error: string } => {
      const read = readKeyedTextFile(file.path, file.maxFileSize, file.roots);
      // Other bytes than those the cache's facts are of: the next start reads it rather than trusting its key.
      if ('error' in read || read.key.hash !== key.hash) cache.forget(path);
      return 'error' in read ? read : { text: read.text, hash: read.key.hash };
    };
    return { uri: result.uri, readText, facts: entry.facts, hash: key.hash, results: entry.results };
  }
  if ('hit' in result) {
    // A hit names a key the cache gave out, so its facts are there; if not, the text is analysed, never guessed.
    const entry = cache.hit(path, result.key);
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
  const cache = directory ? await FactsCache.load(directory, analysisVersion(options.workerPath ?? DEFAULT_WORKER_PATH), config, log) : undefined;
  if (cache) for (const path of options.keep ?? []) if (unchangedSize(cache, path)) cache.keep(path);
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
  const { onAnalyzed, onIdle } = indexingInto(service, config);
  const outcome = await analyzeWithCache(files, config, { ...options, onIdle }, onAnalyzed);
  const reused = service.finishIndexing();
  // A check reports on the files as they are: those the cache let stay unread are read now, and one whose bytes
  // changed (its size and modification time put back) is read afresh.
  for (const uri of service.getDocumentUris()) service.getText(uri);
  return { cached: outcome.cached, reused, saveCache: () => outcome.saveCache((uri) => service.exportResults(uri)) };
}

interface Batch {
  readonly id: number;
  /** Positions in the file list. */
  readonly positions: readonly number[];
}

/** One first indexing: the workers, this thread's own reading, and the delivery in order. */
class Indexing {
  readonly #files: readonly Job[];
  readonly #config: TreatyConfig;
  readonly #size: number;
  readonly #workerPath: string;
  readonly #log: (message: string) => void;
  readonly #onAnalyzed: (analyzed: Delivered) => void;
  readonly #onIdle: (() => boolean) | undefined;
  /**
   * The idle work waits until this many files (the likely treaties, first in the list) are delivered: each treaty
   * added changes what every document resolved before it cites, so they would be resolved again for each one.
   */
  readonly #idleAfter: number;
  readonly #steals: boolean;
  readonly #sizes: readonly number[];
  /**
   * Positions this thread reads itself first, in order: the likely treaties (every delivery waits for them, and a
   * worker still starting would hold them back) and the files the cache knows unchanged. Workers take from its end
   * once their own queue is empty.
   */
  readonly #here: number[] = [];
  /** Positions still to analyse, sent to workers in batches; this thread takes from the front when idle. */
  readonly #queue: number[] = [];
  readonly #attempts: number[];
  /** Results that arrived before those of earlier files, by position. */
  readonly #results: (Delivered | undefined)[];
  #delivered = 0;
  readonly #inFlight = new Map<Worker, Map<number, Batch>>();
  #nextBatch = 0;
  readonly #batchSize: number;
  #replacements = 0;
  #idleWork = false;
  #pumping = false;
  #finish: () => void = () => undefined;
  #fail: (error: unknown) => void = () => undefined;
  #settled = false;
  /** A worker started before the files were ordered, taken on as the first one unless it is gone. */
  #early: EarlyWorker | undefined;

  constructor(
    files: readonly Job[],
    known: readonly boolean[],
    sizes: readonly number[],
    idleAfter: number,
    config: TreatyConfig,
    size: number,
    workerPath: string,
    log: (message: string) => void,
    onAnalyzed: (analyzed: Delivered) => void,
    options: Pick<WorkerOptions, 'onIdle' | 'mainThreadReads'>,
    early?: EarlyWorker,
  ) {
    this.#early = early;
    this.#files = files;
    this.#config = config;
    this.#size = size;
    this.#workerPath = workerPath;
    this.#log = log;
    this.#onAnalyzed = onAnalyzed;
    this.#onIdle = options.onIdle;
    this.#steals = options.mainThreadReads ?? true;
    this.#idleAfter = idleAfter;
    this.#sizes = sizes;
    files.forEach((_, position) => (position < idleAfter || known[position] ? this.#here : this.#queue).push(position));
    this.#attempts = files.map(() => 0);
    this.#results = new Array<Delivered | undefined>(files.length);
    // Small batches keep the workers evenly loaded to the end; not so small that messages dominate.
    this.#batchSize = Math.max(1, Math.min(16, Math.floor(this.#queue.length / (Math.max(1, size) * 16))));
  }

  run(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#finish = resolve;
      this.#fail = reject;
      for (let index = 0; index < this.#size; index++) this.#start();
      this.#pump();
    });
  }

  #start(): void {
    let worker: Worker;
    const early = this.#early?.gone === false ? this.#early : undefined;
    this.#early = undefined;
    try {
      worker = early?.worker ?? new Worker(this.#workerPath, { workerData: { config: this.#config } });
    } catch (error) {
      // No thread can be started (a sandbox, a resource limit): whatever is left is read here.
      this.#log(`no indexing worker could be started (${(error as Error).message}); reading on the main thread`);
      return;
    }
    this.#inFlight.set(worker, new Map());
    // Fed once it says it is ready (its bundle loaded): meanwhile this thread reads the first files itself.
    worker.on('message', (message: { ready: true } | { id: number; results: FileResult[] }) =>
      'ready' in message ? this.#feed(worker) : this.#received(worker, message),
    );
    worker.on('error', (error) => this.#lost(worker, `it threw: ${error.message}`));
    worker.on('exit', (code) => this.#lost(worker, `it exited with code ${code}`));
    // An early worker may have said it was ready before these listeners were there (fed twice: the second finds it full).
    void early?.ready.then(() => this.#feed(worker));
  }

  #feed(worker: Worker): void {
    const batches = this.#inFlight.get(worker);
    while (batches && batches.size < BATCHES_AHEAD && this.#queue.length + this.#here.length > 0) {
      const positions = this.#queue.length > 0 ? this.#queue.splice(0, this.#batchSize) : this.#here.splice(-this.#batchSize);
      const batch: Batch = { id: this.#nextBatch++, positions };
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
    this.#pump();
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
      if (++this.#attempts[position]! >= MAX_ATTEMPTS) this.#here.push(position);
      else this.#queue.push(position);
    }
    this.#queue.sort((a, b) => a - b);
    this.#here.sort((a, b) => a - b);
    if (this.#queue.length > 0 && this.#replacements++ < this.#size * 4) this.#start();
    this.#pump();
  }

  /** Runs `#work` on a coming turn of the event loop, unless it is already due. */
  #pump(): void {
    if (this.#pumping || this.#settled) return;
    this.#pumping = true;
    setImmediate(() => {
      this.#pumping = false;
      this.#work();
    });
  }

  /**
   * A slice of this thread's work, by priority: deliver what is ready, the caller's idle work, the files it reads
   * itself, then the front of the workers' queue (all of it when no worker is left). With nothing to do, it waits
   * for a worker's message, which pumps again.
   */
  #work(): void {
    const sliceStart = performance.now();
    try {
      while (!this.#settled) {
        if (performance.now() - sliceStart > SLICE_MS) return this.#pump();
        const delivery = this.#deliverNext();
        if (delivery === 'finished') return;
        if (delivery === 'delivered') continue;
        if (this.#idleWork && (this.#idleWork = this.#onIdle!())) continue;
        const position = this.#here.shift() ?? this.#steal();
        if (position === undefined) return;
        const file = this.#files[position]!;
        this.#results[position] = file.unread && file.cache?.key ? { uri: file.uri, unread: { ...file, cache: { key: file.cache.key } } } : analyzeFile(file, this.#config, true);
      }
    } catch (error) {
      this.#stop();
      this.#fail(error);
    }
  }

  /** The next file of the workers' queue for this thread: all of them once no worker runs, else small ones only. */
  #steal(): number | undefined {
    if (this.#inFlight.size === 0) return this.#queue.shift();
    if (!this.#steals) return undefined;
    const at = this.#queue.findIndex((position) => this.#sizes[position]! <= MAX_STOLEN_BYTES);
    return at < 0 ? undefined : this.#queue.splice(at, 1)[0];
  }

  /**
   * Hands on the next result in the order of the file list, if it is there (one at a time, so that a slice stays
   * short when a batch of many arrives), or finishes once every file has been handed on.
   */
  #deliverNext(): 'delivered' | 'waiting' | 'finished' {
    if (this.#delivered < this.#files.length) {
      const result = this.#results[this.#delivered];
      if (result === undefined) return 'waiting';
      this.#results[this.#delivered++] = undefined;
      this.#onAnalyzed(result);
      this.#idleWork = this.#onIdle !== undefined && this.#delivered >= this.#idleAfter;
      return 'delivered';
    }
    this.#stop();
    this.#finish();
    return 'finished';
  }

  #stop(): void {
    this.#settled = true;
    for (const worker of this.#inFlight.keys()) void worker.terminate();
    this.#inFlight.clear();
  }
}
