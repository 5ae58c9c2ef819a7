// Reading the workspace from disk, for the command line and the language server alike: walking roots
// with include/exclude globs, and reading a file as text only when it is small, UTF-8 and not binary.

import { createHash } from 'node:crypto';
import { closeSync, lstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { URI } from 'vscode-uri';
import type { TreatyWorkspace } from '../core/api';
import type { TreatyConfig } from '../core/config';
import { documentFilter } from '../core/documentFilter';
import type { FileToAnalyze } from '../lsp/lspWorkspace';

/** Lists the documents under each root that the configuration includes, without following symlink loops. */
export function walkDocuments(roots: readonly string[], config: TreatyConfig): string[] {
  const found: string[] = [];
  const filter = documentFilter(config);
  for (const root of roots) {
    const seen = new Set<string>();
    // `relativeDirectory`: the folder's path from the root with forward slashes ('' for the root), built as the walk
    // goes down rather than asked of path.relative for every file.
    const visit = (directory: string, relativeDirectory: string): void => {
      let real: string;
      try {
        real = realpathSync(directory);
      } catch {
        return;
      }
      // A symlink loop, or a link back into a folder already walked: each real folder once.
      if (seen.has(real)) return;
      seen.add(real);
      let entries;
      try {
        entries = readdirSync(directory, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const path = join(directory, entry.name);
        const relativePath = relativeDirectory === '' ? entry.name : `${relativeDirectory}/${entry.name}`;
        let isDirectory = entry.isDirectory();
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
          try {
            const target = statSync(path);
            // Only links that stay inside the root: the server reads nothing outside the workspace.
            if (relative(realpathSync(root), realpathSync(path)).startsWith('..')) continue;
            isDirectory = target.isDirectory();
            isFile = target.isFile();
          } catch {
            continue;
          }
        }
        if (isDirectory) {
          if (filter.entersFolder(relativePath)) visit(path, relativePath);
        } else if (isFile && filter.includesFile(relativePath)) {
          found.push(path);
        }
      }
    };
    try {
      if (lstatSync(root).isFile()) found.push(root);
      else visit(root, '');
    } catch {
      // A root that does not exist lists nothing; the caller reports it.
    }
  }
  return found;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a file as UTF-8 text, or says why it cannot: too large, binary, not UTF-8, unreadable, or (when `roots` are
 * given) a file whose real path, links followed, lies outside every root: nothing outside the workspace is read.
 */
export function readTextFile(path: string, maxFileSize: number, roots?: readonly string[]): { text: string } | { error: string } {
  const read = readFileText(path, maxFileSize, roots, false);
  return 'error' in read ? read : { text: read.text };
}

/** What identifies a file's content for the facts cache: its size, modification time and a hash of its bytes. */
export interface FileKey {
  readonly size: number;
  readonly mtimeMs: number;
  readonly hash: string;
}

/** `readTextFile`, with the key of what was read. */
export function readKeyedTextFile(path: string, maxFileSize: number, roots?: readonly string[]): { text: string; key: FileKey } | { error: string } {
  return readFileText(path, maxFileSize, roots, true);
}

function readFileText(path: string, maxFileSize: number, roots: readonly string[] | undefined, hash: boolean): { text: string; key: FileKey } | { error: string } {
  try {
    if (roots && !isInside(realPath(path), roots)) return { error: 'skipped: outside the workspace folders' };
    const stat = statSync(path);
    // A FIFO would block the read until a writer comes, a device (a link to /dev/zero) never ends.
    if (!stat.isFile()) return { error: 'skipped: not a regular file' };
    const size = stat.size;
    if (size > maxFileSize) return { error: `skipped: ${size} bytes is over the ${maxFileSize}-byte limit (setting maxFileSize)` };
    const bytes = readFileSync(path);
    if (bytes.subarray(0, 8192).includes(0)) return { error: 'skipped: binary file' };
    const text = decoder.decode(bytes);
    return { text, key: { size: bytes.length, mtimeMs: stat.mtimeMs, hash: hash ? createHash('sha1').update(bytes).digest('hex') : '' } };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof TypeError) return { error: 'skipped: not valid UTF-8' };
    return { error: `skipped: cannot read the file (${code ?? String(error)})` };
  }
}

/**
 * The start of a file as text, as much as `scratch` holds (a character cut at the end is replaced), and its size: a
 * look at a file before it is read whole, under the same rules (a regular file, inside the roots), or undefined where
 * those say no.
 */
export function readHead(path: string, scratch: Buffer, roots?: readonly string[]): { head: string; size: number } | undefined {
  try {
    if (roots && !isInside(realPath(path), roots)) return undefined;
    // Stat before open: opening a FIFO for reading waits for a writer.
    const stat = statSync(path);
    if (!stat.isFile()) return undefined;
    const fd = openSync(path, 'r');
    try {
      return { head: scratch.toString('utf8', 0, readSync(fd, scratch, 0, Math.min(scratch.length, stat.size), 0)), size: stat.size };
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/**
 * A path with every link followed, from one realpath(3) call: the JavaScript realpathSync asks lstat of each folder on
 * the way, for every file read, which was a tenth of an indexing worker's time.
 */
const realPath = (path: string): string => realpathSync.native(path);

/**
 * The real paths of the roots, each remembered for a second: an indexing asks about the same root for every file it
 * reads (a thousand realpath(3) calls, each a readlink per folder on the way), and a second is as long as a root just
 * replaced by a link could still be taken for what it was.
 */
const realRoots = new Map<string, { readonly real: string | null; readonly at: number }>();
const REAL_ROOT_TTL_MS = 1000;

function realRoot(root: string): string | null {
  const now = Date.now();
  const known = realRoots.get(root);
  if (known && now - known.at < REAL_ROOT_TTL_MS) return known.real;
  let real: string | null;
  try {
    real = realPath(root);
  } catch {
    real = null;
  }
  realRoots.set(root, { real, at: now });
  return real;
}

function isInside(realFile: string, roots: readonly string[]): boolean {
  return roots.some((root) => {
    const real = realRoot(root);
    return real !== null && (realFile === real || realFile.startsWith(real.endsWith(sep) ? real : real + sep));
  });
}

export function pathToUri(path: string): string {
  return URI.file(path).toString();
}

export function uriToPath(uri: string): string {
  return URI.parse(uri).fsPath;
}

/** The workspace of the command line: files under the given roots, read from disk on demand. */
export class NodeWorkspace implements TreatyWorkspace {
  readonly #roots: readonly string[];
  readonly #config: TreatyConfig;

  constructor(roots: readonly string[], config: TreatyConfig) {
    this.#roots = roots;
    this.#config = config;
  }

  listDocuments(): readonly string[] {
    return walkDocuments(this.#roots, this.#config).map(pathToUri);
  }

  readDocument(uri: string): { text: string } | { error: string } {
    return readTextFile(uriToPath(uri), this.#config.maxFileSize);
  }

  /** Every document, as the worker threads read it. */
  filesToAnalyze(): FileToAnalyze[] {
    return this.listDocuments().map((uri) => ({ uri, path: uriToPath(uri), maxFileSize: this.#config.maxFileSize }));
  }
}
