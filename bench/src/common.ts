// Shared by every benchmark process: where things live, the generated workspace's manifest, and statistics.
// Every child process prints exactly one JSON line on stdout, prefixed by RESULT_PREFIX, for the runner to read.

import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root (the bundles run from bench/out/). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const WORK_DIR = path.join(REPO_ROOT, 'bench', 'out');
export const RESULTS_DIR = path.join(REPO_ROOT, 'bench', 'results');
export const RESULT_PREFIX = '@@bench-result ';
/** The build under test: dist/, or another build's directory given in BENCH_DIST. */
export const DIST_DIR = process.env.BENCH_DIST ? path.resolve(process.env.BENCH_DIST) : path.join(REPO_ROOT, 'dist');

/** A citation the generator planted, for probing hover, definition, completion and references. */
export interface Probe {
  /** Relative to the workspace root, with forward slashes. */
  readonly path: string;
  /** UTF-16 offset of the citation's first character in the plain document. */
  readonly offset: number;
  readonly text: string;
  /** The same citation in the linked variant: just after the `#` of its link's destination. */
  readonly linkedFragmentOffset: number;
}

export interface Manifest {
  readonly generatorVersion: number;
  readonly seed: number;
  readonly scale: number;
  /** Absolute directories of the two variants of the same workspace. */
  readonly plainRoot: string;
  readonly linkedRoot: string;
  readonly treaties: number;
  readonly analyses: number;
  readonly plainBytes: number;
  readonly linkedBytes: number;
  /** Provision references planted (each member of a list and each end of a range counts). */
  readonly citations: number;
  /** Of those, citations of an article or paragraph that does not exist. */
  readonly dangling: number;
  /**
   * The real-prose variant (`prose: true`): citations often carry a quotation 「…」 of the cited paragraph, most of them
   * exact and `misquotes` of them with a word changed, so that the quotation check runs; 0 in the default workspace.
   */
  readonly prose?: boolean;
  readonly quotations?: number;
  readonly misquotes?: number;
  /** Links in the linked variant, and how many of them point to a heading that does not exist. */
  readonly links: number;
  readonly brokenLinks: number;
  /** Documents with at least one dangling citation (each must receive diagnostics at cold start). */
  readonly documentsWithProblems: readonly string[];
  /** The 1 MB analysis and 200 offsets inside prose (not inside a citation) to type at. */
  readonly big: {
    readonly path: string;
    readonly bytes: number;
    readonly editOffsets: readonly number[];
    readonly linkedEditOffsets: readonly number[];
  };
  /** The article cited from many documents, and the span of its section in the treaty document. */
  readonly hot: {
    readonly treatyPath: string;
    readonly article: number;
    readonly documents: readonly string[];
    readonly citations: number;
    readonly sectionStart: number;
    readonly sectionEnd: number;
  };
  readonly probes: readonly Probe[];
}

export function workspaceDir(scale: number, prose = false): string {
  return path.join(WORK_DIR, 'ws', `x${scale}${prose ? '-prose' : ''}`);
}

export function readManifest(scale: number): Manifest {
  return JSON.parse(fs.readFileSync(path.join(workspaceDir(scale), 'manifest.json'), 'utf8')) as Manifest;
}

/** Every file under `root`, relative, with forward slashes, in a stable order. */
export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name), `${prefix}${entry.name}/`);
      else if (entry.isFile()) out.push(`${prefix}${entry.name}`);
    }
  };
  walk(root, '');
  return out;
}

/** Nearest-rank percentile (p in 0..100) of a sample; NaN for an empty one. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export function median(values: readonly number[]): number {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return Number.NaN;
  const sorted = [...finite].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Byte offsets are never used: LSP and the core both speak UTF-16, so this maps offsets to line/character. */
export function positionAt(lineStarts: readonly number[], offset: number): { line: number; character: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - (lineStarts[low] as number) };
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) === 0x0a) starts.push(index + 1);
  return starts;
}

/** Prints the process's one result line. */
export function emitResult(result: unknown): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

export function argValue(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}
