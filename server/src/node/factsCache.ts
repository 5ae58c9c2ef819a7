// The facts cache of a warm start: each document's encoded facts, and the results the core gave for it (its
// diagnostics and what they depend on, see the core's `exportResults`), keyed by its path, size, modification time and
// a hash of its bytes, in one file of a folder the editor gives (VS Code's storage folder) or the user names
// (`treaty-check --cache DIR`), never in the workspace. A file that is corrupt, cut short, of another version of
// the analysis or made with other languages is discarded with one log line, never trusted; it is written whole
// to a temporary file and renamed over the old one, so that two servers on one folder never see half of it.

import { randomBytes } from 'node:crypto';
import { readFile, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TreatyConfig } from '../core/config';
import type { DocumentFacts } from '../core/document';
import { encodeFacts, FACTS_CODEC_VERSION, type EncodedFacts } from '../core/factsCodec';
import { bodyCheck, sha1 } from './checksum';
import type { FileKey } from './files';

export const CACHE_FILE_NAME = 'facts-cache.bin';
const MAGIC = 'treaty-annotator facts cache\n';
/** The layout of the file itself; the codec's version and the analysis build are in its header. */
const LAYOUT_VERSION = 3;
/**
 * How coarse a file system's modification times may be (a FAT volume's two seconds). A file modified this close to
 * the time it was read may have changed again in the same tick without its time moving: it is read again and its
 * hash checked, as git does with racily clean files, until it is read at a time well past its modification.
 */
const TIMESTAMP_RESOLUTION_MS = 2000;

interface Entry<Facts = EncodedFacts> {
  readonly path: string;
  readonly key: FileKey;
  /** When the file was read, or last found unchanged by reading it (ms since the epoch, the clock of modification times). */
  readonly readAt: number;
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

/** An entry as the file lists it in its header: the key, and where its facts and results lie in the body. */
interface Listed {
  readonly path: string;
  readonly key: FileKey;
  readonly readAt: number;
  /** Whether its results say it was a treaty document. */
  readonly treaty: boolean;
  /** Lengths: Int32 values, UTF-16 code units, code units of the results. */
  readonly ints: number;
  readonly chars: number;
  readonly results: number;
  /** Whether the results are written in UTF-16, or (all their code units below 256) in one byte each. */
  readonly wide: boolean;
}

interface Header {
  readonly layout: number;
  readonly codec: number;
  readonly analysis: string;
  readonly languages: readonly string[];
  /** A check of everything after the header (see `bodyCheck`). */
  readonly body: string;
  readonly entries: readonly Listed[];
}

/** An entry of the file opened, decoded from its body only when hit (a warm start takes most, but not all at once). */
interface Unread extends Listed {
  /** Where its bytes start in the body. */
  readonly offset: number;
}

export class FactsCache {
  readonly #file: string;
  readonly #analysis: string;
  readonly #languages: readonly string[];
  /** When this indexing started reading: files stored now were read after it. */
  readonly #startedAt = Date.now();
  readonly #old = new Map<string, Unread | Entry>();
  /** The body of the file opened, whose entries are decoded when hit. */
  #body: Buffer = Buffer.alloc(0);
  /** Facts read on the main thread in this indexing are kept as they are, and encoded when the cache is written. */
  readonly #next = new Map<string, Entry<EncodedFacts | DocumentFacts>>();
  #changed = false;
  #hits = 0;
  /** The write under way, if any. */
  #saving: Promise<void> = Promise.resolve();

  private constructor(directory: string, analysis: string, config: TreatyConfig) {
    this.#file = join(directory, CACHE_FILE_NAME);
    this.#analysis = analysis;
    this.#languages = config.languages;
  }

  /**
   * Starts reading the cache file in `directory` off this thread, so that `load` finds it read: a server learns the
   * folder when it is initialized, before it asks for its configuration and lists the workspace.
   */
  static prefetch(directory: string): void {
    const file = join(directory, CACHE_FILE_NAME);
    if (!prefetched.has(file)) prefetched.set(file, readAhead(file));
  }

  /**
   * Opens the cache in `directory` for facts read with `config` by the analysis build `analysis` (a hash of the
   * worker bundle). A missing file is an empty cache; an unusable one is discarded with one line to `log`.
   */
  static async load(directory: string, analysis: string, config: TreatyConfig, log: (message: string) => void): Promise<FactsCache> {
    const file = join(directory, CACHE_FILE_NAME);
    const reading = prefetched.get(file) ?? readAhead(file);
    prefetched.delete(file);
    const read = await reading;
    const cache = new FactsCache(directory, analysis, config);
    if (read === undefined) return cache;
    try {
      if (read instanceof Error) throw read;
      cache.#read(read);
    } catch (error) {
      cache.#old.clear();
      cache.#body = Buffer.alloc(0);
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
    const entry = this.#old.get(path);
    return entry !== undefined && ('treaty' in entry ? entry.treaty : isTreatyResults(entry.results));
  }

  /**
   * Whether a file that still has the size and modification time the cache holds may be left unread: the cache
   * holds the results of an analysis for it (a treaty is needed whole at once), and it was read well after it was
   * last modified (otherwise it may have changed within the same tick of the clock).
   */
  mayLeaveUnread(path: string): boolean {
    const entry = this.#old.get(path);
    if (!entry || this.wasTreaty(path) || racy(entry)) return false;
    return 'offset' in entry ? entry.results > 0 : entry.results !== '';
  }

  /**
   * What the cache holds for a path whose file holds the bytes the cache's facts are of, kept for the next write:
   * `read` is the key of the file as read now (the same size and hash, at any modification time), or undefined when
   * it was not read (the same size and modification time).
   */
  hit(path: string, read?: FileKey): CachedFile | undefined {
    const old = this.#old.get(path);
    if (!old) return undefined;
    let entry = 'offset' in old ? this.#decode(old) : old;
    // Read now: its new modification time is kept (a touched file), and one read racily is read well after it now.
    if (read && (read.mtimeMs !== entry.key.mtimeMs || racy(entry))) {
      entry = { ...entry, key: read, readAt: this.#startedAt };
      this.#changed = true;
    }
    this.#next.set(path, entry);
    this.#hits++;
    return entry.results === '' ? { facts: entry.facts } : { facts: entry.facts, results: entry.results };
  }

  /** Keeps what the cache holds for a file not read in this indexing (open in the editor) for the next write. */
  keep(path: string): void {
    const old = this.#old.get(path);
    if (old) this.#next.set(path, 'offset' in old ? this.#decode(old) : old);
  }

  /** How many files the cache answered for so far. */
  get hits(): number {
    return this.#hits;
  }

  /** Facts read afresh, to be written. */
  store(path: string, key: FileKey, facts: EncodedFacts | DocumentFacts): void {
    this.#next.set(path, { path, key, readAt: this.#startedAt, facts, results: '' });
    this.#changed = true;
  }

  /** A file hit without reading it, found since to hold other bytes: not written, so that the next start reads it. */
  forget(path: string): void {
    if (this.#next.delete(path)) this.#changed = true;
  }

  /** The results of a file stored or hit in this indexing, to be written with its facts. */
  storeResults(path: string, results: string | undefined): void {
    const entry = this.#next.get(path);
    if (!entry || entry.results === (results ?? '')) return;
    this.#next.set(path, { ...entry, results: results ?? '' });
    this.#changed = true;
  }

  /**
   * Writes what this indexing read, when it differs from what the file held (anything read afresh, or gone), after
   * any write still under way.
   */
  save(): Promise<void> {
    const write = this.#saving.then(() => this.#save());
    this.#saving = write.catch(() => undefined);
    return write;
  }

  async #save(): Promise<void> {
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
    this.#body = Buffer.alloc(0);
    for (const entry of entries) this.#old.set(entry.path, entry);
    this.#changed = false;
  }

  #write(entries: readonly Entry[]): Buffer {
    const parts: Buffer[] = [];
    for (const entry of entries) {
      parts.push(Buffer.from(entry.facts.ints.buffer, entry.facts.ints.byteOffset, entry.facts.ints.byteLength));
      parts.push(Buffer.from(entry.facts.chars, 'utf16le'));
      const results = Buffer.from(entry.results, isWide(entry.results) ? 'utf16le' : 'latin1');
      parts.push(results);
      // Each entry starts on a multiple of four bytes, so that its integers are read in place.
      parts.push(PADDING.subarray(0, padding(entry.facts.ints.length * 4 + entry.facts.chars.length * 2 + results.length)));
    }
    const body = Buffer.concat(parts);
    const header: Header = {
      layout: LAYOUT_VERSION,
      codec: FACTS_CODEC_VERSION,
      analysis: this.#analysis,
      languages: this.#languages,
      body: bodyCheck(body),
      entries: entries.map((entry) => ({
        path: entry.path,
        key: entry.key,
        readAt: entry.readAt,
        treaty: isTreatyResults(entry.results),
        ints: entry.facts.ints.length,
        chars: entry.facts.chars.length,
        results: entry.results.length,
        wide: isWide(entry.results),
      })),
    };
    const json = JSON.stringify(header);
    // Spaces after the header's JSON, so that the body starts on a multiple of four bytes too.
    const headerBytes = Buffer.from(json + ' '.repeat(padding(MAGIC.length + 4 + Buffer.byteLength(json, 'utf8'))), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(headerBytes.length);
    return Buffer.concat([Buffer.from(MAGIC, 'utf8'), length, headerBytes, body]);
  }

  /** Checks the file whole (its header, the hash of its body) and lists its entries, decoding none. */
  #read(file: Buffer): void {
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
    if (bodyCheck(body, String(header.body).split(':')[0]) !== header.body) throw new Error('cut short or corrupt');
    let offset = 0;
    for (const entry of header.entries) {
      if (!isListed(entry)) throw new Error('cut short or corrupt');
      this.#old.set(entry.path, { ...entry, offset });
      const size = entry.ints * 4 + entry.chars * 2 + entry.results * (entry.wide ? 2 : 1);
      offset += size + padding(size);
    }
    if (offset !== body.length) throw new Error('cut short or corrupt');
    this.#body = body;
  }

  #decode(entry: Unread): Entry {
    const body = this.#body;
    let offset = entry.offset;
    const start = body.byteOffset + offset;
    // In place, where the file's buffer lets integers be read there (it does when it has a buffer of its own).
    const ints = start % 4 === 0 ? new Int32Array(body.buffer, start, entry.ints) : new Int32Array(new Uint8Array(body.subarray(offset, offset + entry.ints * 4)).buffer);
    offset += entry.ints * 4;
    const chars = body.toString('utf16le', offset, (offset += entry.chars * 2));
    const results = entry.wide ? body.toString('utf16le', offset, offset + entry.results * 2) : body.toString('latin1', offset, offset + entry.results);
    return { path: entry.path, key: entry.key, readAt: entry.readAt, facts: { ints, chars }, results };
  }
}

const PADDING = Buffer.alloc(4);

/** How many bytes make `size` a multiple of four. */
function padding(size: number): number {
  return (4 - (size % 4)) % 4;
}

/** Whether a text has code units of 256 and above (results in Japanese), which one byte each cannot hold. */
function isWide(text: string): boolean {
  return /[^\u0000-\u00ff]/.test(text);
}

/** Whether a header's entry has the fields of one (the header is not hashed, the body is). */
function isListed(entry: Listed): boolean {
  const { path, key, readAt, treaty } = entry;
  const fields = typeof path === 'string' && typeof readAt === 'number' && typeof treaty === 'boolean' && typeof entry.wide === 'boolean';
  const keyed = typeof key === 'object' && key !== null && typeof key.size === 'number' && typeof key.mtimeMs === 'number' && typeof key.hash === 'string';
  return fields && keyed && [entry.ints, entry.chars, entry.results].every((count) => Number.isSafeInteger(count) && count >= 0);
}

/** Reads of cache files started ahead of `FactsCache.load`, by file. */
const prefetched = new Map<string, Promise<Buffer | Error | undefined>>();

/** A file's bytes, read off this thread; undefined when there is no such file, or why it could not be read. */
function readAhead(file: string): Promise<Buffer | Error | undefined> {
  return new Promise((resolve) => readFile(file, (error, bytes) => resolve(error ? (error.code === 'ENOENT' ? undefined : error) : bytes)));
}

/** Whether a file may have changed since it was read without its modification time moving. */
function racy(entry: { readonly key: FileKey; readonly readAt: number }): boolean {
  return entry.key.mtimeMs > entry.readAt - TIMESTAMP_RESOLUTION_MS;
}

/** Whether a document's results say it is a treaty document: their first line is a JSON array whose second element is its kind (see the core's exportResults). */
function isTreatyResults(results: string): boolean {
  try {
    return results !== '' && (JSON.parse(results.slice(0, results.indexOf('\n'))) as unknown[])[1] === 'treaty';
  } catch {
    return false;
  }
}

/** The identity of the analysis build: a hash of the worker bundle, which holds all of it (or `source` when unbundled). */
export function analysisVersion(workerPath: string): string {
  try {
    return sha1(readFileSync(workerPath));
  } catch {
    return 'source';
  }
}
