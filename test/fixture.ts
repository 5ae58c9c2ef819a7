// The one fixture language of the test suites (after rust-analyzer and texlab):
//   //- /treaties/nat.md      starts a new file (the first file may omit it: it is then /main.md)
//   $0                        the cursor (removed from the text)
//   ^^^^ label                a line of spaces and ^ runs marks the columns above each run as a range named `label`
//                             (or ''; ranges may repeat a label; the line itself is removed)
// parseFixture returns the files, the cursor and the labelled ranges as UTF-16 offsets.

import type { TreatyWorkspace } from '../server/src/core/api';
import { DEFAULT_CONFIG, type TreatyConfig } from '../server/src/core/config';
import { createTreatyService, type TreatyService } from '../server/src/core/index';

export interface FixtureRange {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

export interface Fixture {
  readonly files: ReadonlyMap<string, string>;
  readonly cursor: { readonly uri: string; readonly offset: number } | null;
  readonly ranges: readonly FixtureRange[];
  readonly workspace: InMemoryWorkspace;
  /** The ranges with a label, in order. */
  rangesLabelled(label: string): FixtureRange[];
  /** The one range with a label. */
  range(label: string): FixtureRange;
}

export const uriOf = (path: string): string => `file://${path}`;

/** A line of spaces and `^` runs, then an optional label (which does not start with `^`). */
const MARKER_LINE = /^\s*\^+(?:\s+\^+)*(?:\s+([^\s^].*))?$/;

/** One text with its markers taken out: the cursor's offset and each `^` run's range, in order. */
export interface MarkedText {
  readonly text: string;
  readonly cursor: number | null;
  readonly ranges: readonly { readonly start: number; readonly end: number; readonly label: string }[];
}

/**
 * Takes the markers out of one text: `$0` is the cursor; a marker line marks each `^` run as a range of the line
 * above it (with the line's label, or '') and is removed. The one marker parser of the suites.
 */
export function parseMarkedText(raw: string): MarkedText {
  const output: string[] = [];
  const ranges: { start: number; end: number; label: string }[] = [];
  let cursor: number | null = null;
  let length = 0;
  let previousLineStart = 0;
  for (const line of raw.split('\n')) {
    const marker = MARKER_LINE.exec(line);
    if (marker && output.length > 0) {
      const label = marker[1]?.trim() ?? '';
      const marks = label === '' ? line : line.slice(0, line.length - marker[1]!.length);
      for (const run of marks.matchAll(/\^+/g)) {
        ranges.push({ start: previousLineStart + run.index, end: previousLineStart + run.index + run[0].length, label });
      }
      continue;
    }
    let text = line;
    const cursorAt = text.indexOf('$0');
    if (cursorAt >= 0) {
      cursor = length + cursorAt;
      text = text.slice(0, cursorAt) + text.slice(cursorAt + 2);
    }
    previousLineStart = length;
    output.push(text);
    length += text.length + 1;
  }
  return { text: output.join('\n'), cursor, ranges };
}

export function parseFixture(source: string): Fixture {
  const files = new Map<string, string>();
  const ranges: FixtureRange[] = [];
  let cursor: Fixture['cursor'] = null;
  const chunks = source.split(/^\/\/- (\S+)[^\n]*\n/m);
  const pieces: [string, string][] = [];
  if (chunks[0]!.trim().length > 0) pieces.push(['/main.md', chunks[0]!]);
  for (let index = 1; index < chunks.length; index += 2) pieces.push([chunks[index]!, chunks[index + 1] ?? '']);
  for (const [path, raw] of pieces) {
    const uri = uriOf(path);
    const marked = parseMarkedText(raw);
    if (marked.cursor !== null) cursor = { uri, offset: marked.cursor };
    for (const range of marked.ranges) ranges.push({ uri, ...range });
    // Fixture strings end with a newline before the closing backtick; keep files ending in one newline.
    files.set(uri, marked.text.replace(/\n+$/, '\n'));
  }
  const workspace = new InMemoryWorkspace(files);
  return {
    files,
    cursor,
    ranges,
    workspace,
    rangesLabelled: (label) => ranges.filter((range) => range.label === label),
    range(label) {
      const found = ranges.filter((range) => range.label === label);
      if (found.length !== 1) throw new Error(`fixture has ${found.length} ranges labelled '${label}'`);
      return found[0]!;
    },
  };
}

/** Strips a common indentation so fixtures can be indented in the test source. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim().length > 0).map((line) => /^ */.exec(line)![0].length));
  return lines.map((line) => line.slice(indent)).join('\n');
}

/** A workspace held in memory: the tests' implementation of the core's only I/O interface. */
export class InMemoryWorkspace implements TreatyWorkspace {
  readonly #files: Map<string, string>;

  constructor(files: ReadonlyMap<string, string>) {
    this.#files = new Map(files);
  }

  listDocuments(): readonly string[] {
    return [...this.#files.keys()].sort();
  }

  readDocument(uri: string): { text: string } | { error: string } {
    const text = this.#files.get(uri);
    return text === undefined ? { error: 'no such document' } : { text };
  }

  write(uri: string, text: string): void {
    this.#files.set(uri, text);
  }

  delete(uri: string): void {
    this.#files.delete(uri);
  }
}

/** The usual start of a core test: a fixture and the facade over its workspace, indexed as the server indexes a folder; `config` is laid over the defaults. */
export function indexFixture(source: string, config: Partial<TreatyConfig> = {}): { fixture: Fixture; service: TreatyService } {
  const fixture = parseFixture(source);
  const service = createTreatyService({ workspace: fixture.workspace, config: { ...DEFAULT_CONFIG, ...config } });
  service.indexWorkspace();
  return { fixture, service };
}
