// Runs a bundle from V8's compiled code of an earlier start, kept in a folder the editor gives (`--code-cache DIR`:
// VS Code's global storage of the extension). Compiling the server's 1.3 MB of JavaScript, and then each function
// as it is first called, takes about a tenth of a start; with the code of an earlier start V8 skips both.
// The file is named by a check of the bundle's bytes (V8 itself compares only the source's length) and starts with
// a check of its own bytes (V8 does not check them in a release build): a file of another build, cut short or
// damaged is not given to V8, and is written anew.

import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { Script } from 'node:vm';
import { bodyCheck } from './checksum';

/** What a start found in the code cache, and how it keeps the code compiled so far for the next start. */
export interface CodeCache {
  /**
   * `taken`: V8 ran the bundle from it; `refused`: V8 would not (another runtime, other flags); `empty`: nothing
   * whole for this build in the folder; `off`: no folder given.
   */
  readonly state: 'taken' | 'refused' | 'empty' | 'off';
  /** Writes the code compiled so far, unless it was taken from the cache (then the file already holds it). */
  save(): Promise<void>;
}

const EXTENSION = '.v8-code';

/**
 * The value of `--name VALUE` or `--name=VALUE` in a command line (before any `--`), read leniently: the program
 * itself judges the rest of it. The launchers need it before the program is loaded (`--code-cache`, `--cache`).
 */
export function optionValue(argv: readonly string[], name: string): string | undefined {
  const value = parseArgs({ args: [...argv], options: { [name]: { type: 'string' } }, strict: false, allowPositionals: true }).values[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * `folder`, made if missing, when it is this user's alone: a folder under a shared one (the system's temporary
 * folder) that another user made, or may write in, could hand this process code to run. Undefined otherwise.
 */
export function ownFolder(folder: string): string | undefined {
  try {
    if (!existsSync(folder)) mkdirSync(folder, { mode: 0o700 });
    const stats = lstatSync(folder);
    const user = process.getuid?.();
    const mine = user === undefined || (stats.uid === user && (stats.mode & 0o022) === 0);
    return stats.isDirectory() && mine ? folder : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs the CommonJS bundle at `bundlePath` as `require` would, compiled from the code cache in `directory` when it
 * holds one for these bytes; returns its exports and the cache.
 */
export function runBundle(bundlePath: string, directory: string | undefined): { exports: unknown; codeCache: CodeCache } {
  const bytes = readFileSync(bundlePath);
  const stem = `${basename(bundlePath, '.js')}-`;
  const file = directory ? join(directory, `${stem}${bodyCheck(bytes).replace(':', '-')}${EXTENSION}`) : undefined;
  const cached = file ? readChecked(file) : undefined;
  // The wrapper node puts around a CommonJS module, on one line so that line numbers stay those of the bundle.
  const source = `(function (exports, require, module, __filename, __dirname) { ${bytes.toString('utf8')}\n})`;
  const script = new Script(source, { filename: bundlePath, cachedData: cached });
  const state = !file ? 'off' : cached === undefined ? 'empty' : script.cachedDataRejected === true ? 'refused' : 'taken';
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  return {
    exports: module.exports,
    codeCache: { state, save: () => (file && state !== 'taken' ? write(file, stem, script.createCachedData()) : Promise.resolve()) },
  };
}

/** The cached code in `file`, if it is there whole: its first line is a check of the rest. */
function readChecked(file: string): Buffer | undefined {
  try {
    const bytes = readFileSync(file);
    const lineEnd = bytes.indexOf(10);
    const payload = bytes.subarray(lineEnd + 1);
    return lineEnd > 0 && bytes.toString('latin1', 0, lineEnd) === bodyCheck(payload) ? payload : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the code to a temporary file renamed over `file` (two servers may write at once), and drops other builds' files. */
async function write(file: string, stem: string, code: Buffer): Promise<void> {
  const directory = dirname(file);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(directory, { recursive: true });
    await writeFile(temporary, Buffer.concat([Buffer.from(`${bodyCheck(code)}\n`, 'latin1'), code]));
    await rename(temporary, file);
    for (const name of readdirSync(directory)) {
      if (name.startsWith(stem) && name.endsWith(EXTENSION) && name !== basename(file)) await rm(join(directory, name), { force: true });
    }
  } catch {
    // Only a later start is slower for it.
  } finally {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}
