// The soak test: the built server over stdio (test/protocol/harness.ts) on a realistic workspace (the samples plus
// generated analyses), driven by many random incremental edits, hovers and definitions. It samples the server's heap
// (the `memory` of `treatyAnnotator/stats`) along the way, and at the end compares every published diagnostic and
// the hover and definition of every citation with a fresh `createTreatyService` index of the final texts.

import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type * as lsp from 'vscode-languageserver-protocol';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { createTreatyService, type TreatyService } from '../../server/src/core/index';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { toDiagnostic, toLocation, toMarkdownHover } from '../../server/src/adapters/convert';
import { InMemoryWorkspace } from '../fixture';
import { Harness } from '../protocol/harness';

const REPO = resolve(__dirname, '../..');

export interface SoakOptions {
  readonly edits: number;
  readonly seed?: number;
  /** Generated analyses besides the samples. */
  readonly analyses?: number;
  readonly log?: (line: string) => void;
}

export interface HeapSample {
  readonly edits: number;
  readonly heapUsed: number;
  readonly rss: number;
}

export interface SoakReport {
  readonly edits: number;
  /** Files changed, deleted or re-created on disk (watcher events) during the run. */
  readonly diskChanges: number;
  readonly hovers: number;
  readonly definitions: number;
  readonly files: number;
  readonly seconds: number;
  readonly samples: readonly HeapSample[];
  readonly heap: { readonly start: number; readonly peak: number; readonly end: number };
  /** Answers compared with a fresh index at the end, and those that differed (with what differed). */
  readonly compared: number;
  readonly mismatches: readonly string[];
  readonly errors: readonly string[];
}

/** A small deterministic generator (mulberry32), so that a failing soak can be replayed with its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const JA_CITATIONS = ['第1条', '第3条第2項', '第6条第2項第3号', '同条第2項', '前項', '第4条及び第5条', '第2条から第4条まで', '第99条', '海洋協力協定第8条', '日ミ海洋協定第10条第2項', '附則'];
const EN_CITATIONS = ['Article 4', 'Article 5(1)(b)', 'Articles 2 to 4', 'paragraph 2 of Article 3', 'Article 9', 'Article 12', 'that Article', 'Article 1 of the Harbor Convention'];
const PROSE = ['、', '。', 'は、', 'の規定により', ' and ', ', ', '. ', ' under ', '\n', '\n\n', ' ', '「', '」', '（', '）', 'the Convention', '条約', '😀', '\r\n'];

/** Generated analyses: Japanese ones citing the maritime agreement, English ones the Harbor Convention. */
function generatedAnalyses(count: number, next: () => number): Map<string, string> {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const files = new Map<string, string>();
  for (let index = 0; index < count; index++) {
    const japanese = index % 2 === 0;
    const lines = [japanese ? '---\ncites: kaiyo-kyotei\n---\n' : '<!-- cites: harbor-convention -->\n', `# ${japanese ? '分析' : 'Analysis'} ${index}\n`];
    for (let paragraph = 0; paragraph < 12; paragraph++) {
      const words: string[] = [];
      for (let word = 0; word < 10; word++) words.push(next() < 0.4 ? pick(japanese ? JA_CITATIONS : EN_CITATIONS) : pick(PROSE).replace(/\n/g, ' '));
      lines.push(`${words.join('')}${japanese ? '。' : '.'}\n`);
    }
    files.set(`analyses/generated/${japanese ? 'ja' : 'en'}-${String(index).padStart(3, '0')}.md`, lines.join('\n'));
  }
  return files;
}

function sampleFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const folder of ['treaties', 'analyses']) {
    for (const name of readdirSync(resolve(REPO, 'samples', folder)).filter((file) => file.endsWith('.md'))) {
      files.set(`${folder}/${name}`, readFileSync(resolve(REPO, 'samples', folder, name), 'utf8'));
    }
  }
  return files;
}

function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** Runs the soak; the caller decides what counts as failure from the report. */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const log = options.log ?? (() => undefined);
  const next = random(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const started = Date.now();
  const files = new Map([...sampleFiles(), ...generatedAnalyses(options.analyses ?? 40, next)]);
  const fileCount = files.size;
  const harness = new Harness('');
  const errors: string[] = [];
  const mismatches: string[] = [];
  const samples: HeapSample[] = [];
  let hovers = 0;
  let definitions = 0;
  let compared = 0;
  try {
    for (const [path, text] of files) harness.writeFile(`/${path}`, text);
    await harness.initialize();
    await harness.ready();

    // The documents the user works in: four analyses and both treaties the analyses cite.
    const paths = [...files.keys()];
    const open = ['treaties/kaiyo-kyotei.md', 'treaties/harbor-convention.en.md', 'analyses/kaiyo-kyotei-kaisetsu.md', 'analyses/harbor-convention-notes.md', ...paths.filter((path) => path.includes('generated')).slice(0, 2)];
    const texts = new Map<string, string>();
    const versions = new Map<string, number>();
    for (const path of open) {
      const uri = await harness.open(`/${path}`);
      texts.set(uri, files.get(path)!);
      versions.set(uri, 1);
    }
    const uris = [...texts.keys()];
    const originals = new Map(texts);

    const sample = async (edits: number): Promise<void> => {
      const stats = await harness.request<{ memory?: { heapUsed: number } } | null>('treatyAnnotator/stats');
      samples.push({ edits, heapUsed: stats?.memory?.heapUsed ?? 0, rss: rssOf(harness.process.pid!) });
    };
    await sample(0);
    const sampleEvery = Math.max(50, Math.floor(options.edits / 40));

    const change = async (uri: string, from: number, to: number, insert: string): Promise<void> => {
      const text = texts.get(uri)!;
      // LSP cannot address the middle of a CRLF (a position past a line's end means its end): step back before it.
      const addressable = (offset: number): number => (text[offset - 1] === '\r' && text[offset] === '\n' ? offset - 1 : offset);
      const start = addressable(from);
      const end = Math.max(start, addressable(to));
      const lines = new LineIndex(text);
      const range = { start: lines.positionAt(start), end: lines.positionAt(end) };
      texts.set(uri, text.slice(0, start) + insert + text.slice(end));
      const version = versions.get(uri)! + 1;
      versions.set(uri, version);
      await harness.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: insert }] });
    };

    /** A position inside a citation-like word when there is one (what users hover), else anywhere. */
    const interestingOffset = (text: string): number => {
      const matches = [...text.matchAll(/第\d+条|Article \d+|前項|同条/g)];
      if (matches.length > 0 && next() < 0.8) return pick(matches).index! + 1;
      return Math.floor(next() * (text.length + 1));
    };

    // Files that are not open change on disk now and then, reported by the watcher as the editor would.
    const closed = paths.filter((path) => !open.includes(path));
    const deleted = new Set<string>();
    let diskChanges = 0;
    const diskChange = async (): Promise<void> => {
      const path = pick(closed);
      diskChanges++;
      if (deleted.has(path)) {
        const text = generatedAnalyses(1, next).values().next().value!;
        deleted.delete(path);
        files.set(path, text);
        harness.writeFile(`/${path}`, text);
        await harness.watchedFilesChanged([{ path: `/${path}`, type: 1 }]);
      } else if (next() < 0.3) {
        deleted.add(path);
        files.delete(path);
        harness.deleteFile(`/${path}`);
        await harness.watchedFilesChanged([{ path: `/${path}`, type: 3 }]);
      } else {
        // A treaty gets an article renumbered; an analysis gets new text.
        const old = files.get(path)!;
        const text = path.startsWith('treaties/') ? old.replace(/第(\d+)条/, () => `第${1 + Math.floor(next() * 12)}条`) : generatedAnalyses(1, next).values().next().value!;
        files.set(path, text);
        harness.writeFile(`/${path}`, text);
        await harness.watchedFilesChanged([{ path: `/${path}`, type: 2 }]);
      }
    };

    for (let edit = 1; edit <= options.edits; edit++) {
      if (next() < 0.03) await diskChange();
      const uri = pick(uris);
      const text = texts.get(uri)!;
      const original = originals.get(uri)!;
      const at = Math.floor(next() * (text.length + 1));
      const roll = next();
      if (text.length > 3 * original.length) {
        // Keep documents near their size: back to the original in one replacement (what "undo all" sends).
        await change(uri, 0, text.length, original);
      } else if (roll < 0.35) {
        await change(uri, at, at, pick(uri.includes('.en.') || uri.includes('harbor') || uri.includes('/en-') ? EN_CITATIONS : JA_CITATIONS));
      } else if (roll < 0.55) {
        await change(uri, at, Math.min(text.length, at + 1 + Math.floor(next() * 20)), '');
      } else if (roll < 0.75) {
        await change(uri, at, Math.min(text.length, at + Math.floor(next() * 6)), pick(PROSE));
      } else if (roll < 0.85) {
        // Typing a citation one keystroke at a time.
        let offset = at;
        for (const character of pick(['第12条', '第3項', 'Article 7', '前条'])) {
          await change(uri, offset, offset, character);
          offset += character.length;
        }
      } else {
        const label = /第(\d+)条|Article (\d+)/.exec(text.slice(at));
        if (label) {
          const start = at + label.index + (label[0].startsWith('第') ? 1 : 8);
          const digits = label[1] ?? label[2]!;
          await change(uri, start, start + digits.length, String(1 + Math.floor(next() * 12)));
        } else {
          await change(uri, at, at, '\n');
        }
      }
      if (edit % 3 === 0) {
        const target = pick(uris);
        const position = new LineIndex(texts.get(target)!).positionAt(interestingOffset(texts.get(target)!));
        const method = next() < 0.5 ? 'textDocument/hover' : 'textDocument/definition';
        await harness.request(method, { textDocument: { uri: target }, position }).catch((error: unknown) => errors.push(`${method}: ${String(error)}`));
        if (method === 'textDocument/hover') hovers++;
        else definitions++;
      }
      if (edit % sampleEvery === 0 || edit === options.edits) {
        await sample(edit);
        const last = samples.at(-1)!;
        log(`  ${String(edit).padStart(6)} edits  heap ${(last.heapUsed / 2 ** 20).toFixed(1)} MB  rss ${(last.rss / 2 ** 20).toFixed(1)} MB`);
      }
    }

    // Settle: the server publishes diagnostics shortly after the last edit; wait until it has been quiet a while.
    for (const uri of uris) await harness.waitForDiagnostics(uri, () => harness.diagnosticVersions.get(uri) === versions.get(uri), 30_000);
    const published = (): string => JSON.stringify([...harness.diagnostics]);
    let quietSince = Date.now();
    for (let last = published(); Date.now() - quietSince < 1000; ) {
      await new Promise((done) => setTimeout(done, 200));
      await harness.ready();
      if (published() !== last) {
        last = published();
        quietSince = Date.now();
      }
    }

    // The reference: a fresh index of the final texts (open documents as edited, the rest as on disk).
    const finalTexts = new Map<string, string>();
    for (const [path, text] of files) finalTexts.set(harness.uri(`/${path}`), text);
    for (const [uri, text] of texts) finalTexts.set(uri, text);
    const fresh: TreatyService = createTreatyService({ workspace: new InMemoryWorkspace(finalTexts), config: DEFAULT_CONFIG });
    fresh.indexWorkspace();
    const differ = (what: string, got: unknown, expected: unknown): void => {
      compared++;
      const left = JSON.stringify(got ?? null);
      const right = JSON.stringify(expected ?? null);
      if (left === right) return;
      // Show where the answers part, not their (long) beginnings.
      let at = 0;
      while (at < left.length && left[at] === right[at]) at++;
      const around = (text: string): string => `${at > 200 ? '…' : ''}${text.slice(Math.max(0, at - 200), at + 200)}`;
      mismatches.push(`${what}\n    server ${around(left)}\n    fresh  ${around(right)}`);
    };
    for (const path of deleted) differ(`diagnostics of deleted ${path}`, harness.diagnostics.get(harness.uri(`/${path}`)), []);
    for (const uri of finalTexts.keys()) {
      const lines = fresh.getLineIndex(uri)!;
      const name = uri.slice(harness.uri('/').length);
      differ(`diagnostics of ${name}`, harness.diagnostics.get(uri), fresh.getDiagnostics(uri).map((diagnostic) => toDiagnostic(fresh, lines, diagnostic)));
      if (!texts.has(uri)) continue;
      for (const citation of fresh.getCitations(uri).slice(0, 60)) {
        const offset = citation.span.start + 1;
        const position = lines.positionAt(offset);
        const params = { textDocument: { uri }, position };
        const hover = fresh.getHover(uri, offset);
        differ(`hover on ${citation.text} in ${name}`, await harness.request<lsp.Hover | null>('textDocument/hover', params), hover ? toMarkdownHover(lines, hover) : null);
        differ(
          `definition of ${citation.text} in ${name}`,
          await harness.request<lsp.Location[]>('textDocument/definition', params),
          fresh.getDefinition(uri, offset).map((location) => toLocation(fresh, location)),
        );
      }
    }
    await sample(options.edits);
    const stderrErrors = harness.logs.filter((line) => / failed: |uncaught|unhandled/i.test(line));
    errors.push(...stderrErrors);
    const heapValues = samples.map((entry) => entry.heapUsed);
    return {
      edits: options.edits,
      diskChanges,
      hovers,
      definitions,
      files: fileCount,
      seconds: (Date.now() - started) / 1000,
      samples,
      heap: { start: heapValues[0]!, peak: Math.max(...heapValues), end: heapValues.at(-1)! },
      compared,
      mismatches,
      errors,
    };
  } finally {
    await harness.dispose();
  }
}

/**
 * True when the heap's floor (the lowest sample: what survives collection) in the second half of the run is not
 * clearly above its floor in the second quarter, after warm-up. Between collections the heap saw-tooths by tens of
 * MB, so single samples say little; a leak raises the floor.
 */
export function heapIsStable(samples: readonly HeapSample[]): { stable: boolean; warm: number; late: number } {
  const floor = (values: readonly HeapSample[]): number => Math.min(...values.map((sample) => sample.heapUsed));
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const warm = floor(samples.slice(quarter, 2 * quarter));
  const late = floor(samples.slice(2 * quarter));
  return { stable: late <= warm * 1.5 + 16 * 2 ** 20, warm, late };
}
