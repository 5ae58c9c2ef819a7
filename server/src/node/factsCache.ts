// The facts cache of a warm start: each document's encoded facts, and the results the core gave for it (its
// diagnostics and what they depend on, see the core's `exportResults`), keyed by its path, size, modification time and
// a hash of its bytes, in one file of a folder the editor gives (VS Code's storage folder) or the user names
// (`treaty-check --cache DIR`), never in the workspace. A file that is corrupt, cut short, of another version of
// the analysis or made with other languages is discarded with one log line, never trusted; it is written whole
// to a temporary file and renamed over the old one, so that two servers on one folder never see half of it.

import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TreatyConfig } from '../core/config';
import type { DocumentFacts } from '../core/document';
import { encodeFacts, FACTS_CODEC_VERSION, type EncodedFacts } from '../core/factsCodec';
import type { FileKey } from './files';

export const CACHE_FILE_NAME = 'facts-cache.bin';
const MAGIC = 'treaty-annotator facts cache\n';
/** The layout of the file itself; the codec's version and the analysis build are in its header. */
const LAYOUT_VERSION = 2;

interface Entry<Facts = EncodedFacts> {
  readonly path: string;
  readonly key: FileKey;
  readonly facts: Facts;
  /** The core's results for the document ('' for none). */
  readonly results: string;
}

/** What the cache holds for a file it knows unchanged. */
export interface CachedFile {
  readonly facts: EncodedFacts;
  /** The results of the indexing that wrote it, if it kept any. */
  readonly results?: string;
}

interface Header {
  readonly layout: number;
  readonly codec: number;
  readonly analysis: string;
  readonly languages: readonly string[];
  /** A hash of everything after the header. */
  readonly body: string;
  readonly entries: readonly { readonly path: string; readonly key: FileKey; readonly ints: number; readonly chars: number; readonly results: number }[];
}

export class FactsCache {
  readonly #file: string;
  readonly #analysis: string;
  readonly #languages: readonly string[];
  readonly #old = new Map<string, Entry>();
  /** Facts read on the main thread in this indexing are kept as they are, and encoded when the cache is written. */
  readonly #next = new Map<string, Entry<EncodedFacts | DocumentFacts>>();
  #changed = false;
  #hits = 0;

  private constructor(directory: string, analysis: string, config: TreatyConfig) {
    this.#file = join(directory, CACHE_FILE_NAME);
    this.#analysis = analysis;
    this.#languages = config.languages;
  }

  /**
   * Opens the cache in `directory` for facts read with `config` by the analysis build `analysis` (a hash of the
   * worker bundle). A missing file is an empty cache; an unusable one is discarded with one line to `log`.
   */
  static open(directory: string, analysis: string, config: TreatyConfig, log: (message: string) => void): FactsCache {
    const cache = new FactsCache(directory, analysis, config);
    if (!existsSync(cache.#file)) return cache;
    try {
      for (const entry of cache.#read(readFileSync(cache.#file))) cache.#old.set(entry.path, entry);
    } catch (error) {
      cache.#old.clear();
      cache.#changed = true;
      log(`the facts cache ${cache.#file} was discarded: ${(error as Error).message}`);
    }
    return cache;
  }

  /** The key the cache holds for a path, if any. */
  keyOf(path: string): FileKey | undefined {
    return this.#old.get(path)?.key;
  }

  /** Whether the results the cache holds for a path say it was a treaty document (false when it holds none). */
  wasTreaty(path: string): boolean {
    const results = this.#old.get(path)?.results ?? '';
    // The results' first line is a JSON array whose second element is the document's kind (see the core's exportResults).
    try {
      return results !== '' && (JSON.parse(results.slice(0, results.indexOf('\n'))) as unknown[])[1] === 'treaty';
    } catch {
      return false;
    }
  }

  /** What the cache holds for a path whose file still has the key the cache holds: kept for the next write. */
  hit(path: string): CachedFile | undefined {
    const entry = this.#old.get(path);
    if (!entry) return undefined;
    this.#next.set(path, entry);
    this.#hits++;
    return entry.results === '' ? { facts: entry.facts } : { facts: entry.facts, results: entry.results };
  }

  /** How many files the cache answered for so far. */
  get hits(): number {
    return this.#hits;
  }

  /** Facts read afresh, to be written. */
  store(path: string, key: FileKey, facts: EncodedFacts | DocumentFacts): void {
    this.#next.set(path, { path, key, facts, results: '' });
    this.#changed = true;
  }

  /** The results of a file stored or hit in this indexing, to be written with its facts. */
  storeResults(path: string, results: string | undefined): void {
    const entry = this.#next.get(path);
    if (!entry || entry.results === (results ?? '')) return;
    this.#next.set(path, { ...entry, results: results ?? '' });
    this.#changed = true;
  }

  /** Writes what this indexing read, when it differs from what the file held (anything read afresh, or gone). */
  async save(): Promise<void> {
    if (!this.#changed && this.#next.size === this.#old.size) return;
    const directory = join(this.#file, '..');
    await mkdir(directory, { recursive: true });
    const temporary = join(directory, `${CACHE_FILE_NAME}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    const entries = [...this.#next.values()].map((entry) => ('ints' in entry.facts ? (entry as Entry) : { ...entry, facts: encodeFacts(entry.facts) }));
    try {
      await writeFile(temporary, this.#write(entries));
      await rename(temporary, this.#file);
    } finally {
      await rm(temporary, { force: true });
    }
    this.#old.clear();
    for (const entry of entries) this.#old.set(entry.path, entry);
    this.#changed = false;
  }

  #write(entries: readonly Entry[]): Buffer {
    const parts: Buffer[] = [];
    for (const entry of entries) {
      parts.push(Buffer.from(entry.facts.ints.buffer, entry.facts.ints.byteOffset, entry.facts.ints.byteLength));
      parts.push(Buffer.from(entry.facts.chars, 'utf16le'));
      parts.push(Buffer.from(entry.results, 'utf16le'));
    }
    const body = Buffer.concat(parts);
    const header: Header = {
      layout: LAYOUT_VERSION,
      codec: FACTS_CODEC_VERSION,
      analysis: this.#analysis,
      languages: this.#languages,
      body: hash(body),
      entries: entries.map((entry) => ({
        path: entry.path,
        key: entry.key,
        ints: entry.facts.ints.length,
        chars: entry.facts.chars.length,
        results: entry.results.length,
      })),
    };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(headerBytes.length);
    return Buffer.concat([Buffer.from(MAGIC, 'utf8'), length, headerBytes, body]);
  }

  #read(file: Buffer): Entry[] {
    const magic = Buffer.from(MAGIC, 'utf8');
    if (file.length < magic.length + 4 || !file.subarray(0, magic.length).equals(magic)) throw new Error('not a facts cache');
    const headerLength = file.readUInt32LE(magic.length);
    const headerStart = magic.length + 4;
    if (headerStart + headerLength > file.length) throw new Error('cut short');
    const header = JSON.parse(file.toString('utf8', headerStart, headerStart + headerLength)) as Header;
    if (header.layout !== LAYOUT_VERSION || header.codec !== FACTS_CODEC_VERSION || header.analysis !== this.#analysis) {
      throw new Error('made by another version');
    }
    if (JSON.stringify(header.languages) !== JSON.stringify(this.#languages)) throw new Error('made for other languages');
    const body = file.subarray(headerStart + headerLength);
    if (hash(body) !== header.body) throw new Error('cut short or corrupt');
    const entries: Entry[] = [];
    let offset = 0;
    for (const entry of header.entries) {
      const intsBytes = entry.ints * 4;
      // A copy, aligned for Int32Array and independent of the file's buffer.
      const ints = new Int32Array(entry.ints);
      new Uint8Array(ints.buffer).set(body.subarray(offset, offset + intsBytes));
      offset += intsBytes;
      const chars = body.toString('utf16le', offset, offset + entry.chars * 2);
      offset += entry.chars * 2;
      const results = body.toString('utf16le', offset, offset + entry.results * 2);
      offset += entry.results * 2;
      entries.push({ path: entry.path, key: entry.key, facts: { ints, chars }, results });
    }
    if (offset !== body.length) throw new Error('cut short or corrupt');
    return entries;
  }
}

function hash(bytes: Buffer): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** The identity of the analysis build: a hash of the worker bundle, which holds all of it (or `source` when unbundled). */
export function analysisVersion(workerPath: string): string {
  try {
    return hash(readFileSync(workerPath));
  } catch {
    return 'source';
  }
}
