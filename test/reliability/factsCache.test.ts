// The facts cache of a warm start: a second indexing reads again only the files that changed on disk, and ends
// with the diagnostics a cold start gives, whatever happened to the files in between. A cache file that is cut
// short, damaged, of another version or for other languages is discarded with one log line, never trusted.

import { readFileSync, rmSync, statSync, utimesSync, writeFileSync, mkdirSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTreatyService } from '../../server/src/core/index';
import { DEFAULT_CONFIG, type TreatyConfig } from '../../server/src/core/config';
import { CACHE_FILE_NAME } from '../../server/src/node/factsCache';
import { NodeWorkspace } from '../../server/src/node/files';
import { analyzeWithCache, indexFiles } from '../../server/src/node/workerPool';
import { indexingInto } from '../../server/src/lsp/lspWorkspace';
import { analyzeDocument } from '../../server/src/core/document';
import { encodeFacts } from '../../server/src/core/factsCodec';
import { scratchFolders } from '../scratch';

const newFolder = scratchFolders('treaty-cache-');

const TREATY = `---
treaty: nat
title: 北大西洋条約
---
## 第1条（紛争の解決）

締約国は、国際紛争を平和的手段によって解決することを約束する。

## 第5条（集団防衛）

締約国は、武力攻撃を全締約国に対する攻撃とみなすことに同意する。

２　前項の措置は、直ちに安全保障理事会に報告しなければならない。
`;

const analysis = (articles: readonly number[]): string =>
  `---\ncites: nat\n---\n# 分析\n\n${articles.map((article) => `北大西洋条約第${article}条は「締約国は、」と定める。NATO条約第${article}条も同じ。`).join('\n\n')}\n`;

interface Run {
  readonly results: unknown;
  /** Files whose facts came from the cache, not from analysing them again. */
  readonly cached: number;
  /** Documents whose diagnostics came from the cache, not from resolving and checking them again. */
  readonly reused: number;
  readonly logs: string[];
}

/** Indexes `root`, with the cache in `cacheDirectory` if given: what a consumer sees, and what came from the cache. */
async function index(root: string, cacheDirectory?: string, config: TreatyConfig = DEFAULT_CONFIG): Promise<Run> {
  const workspace = new NodeWorkspace([root], config);
  const service = createTreatyService({ workspace, config });
  const logs: string[] = [];
  const outcome = await indexFiles(service, workspace.filesToAnalyze(), config, { workers: 0, cacheDirectory, log: (message) => logs.push(message) });
  // The diagnostics first, as an editor asks for them (documents the cache gave results for are resolved later).
  const diagnostics = service.getDocumentUris().map((uri) => ({ uri, diagnostics: service.getDiagnostics(uri) }));
  await outcome.saveCache();
  const results = diagnostics.map((entry) => ({ ...entry, citations: service.getCitations(entry.uri), text: service.getText(entry.uri) }));
  return { results, cached: outcome.cached, reused: outcome.reused, logs };
}

interface ServerStart extends Run {
  /** The diagnostics published first, before the files the cache let stay unread are read. */
  readonly first: unknown;
}

/**
 * Indexes `root` with the cache in `cacheDirectory` as the server does: the first diagnostics, then the cache written
 * and the files it let stay unread read in the background (see lsp/server.ts), then what a consumer sees.
 */
async function startServer(root: string, cacheDirectory: string, config: TreatyConfig = DEFAULT_CONFIG): Promise<ServerStart> {
  const workspace = new NodeWorkspace([root], config);
  const service = createTreatyService({ workspace, config });
  const logs: string[] = [];
  const { onAnalyzed, onIdle } = indexingInto(service, config);
  const outcome = await analyzeWithCache(workspace.filesToAnalyze(), config, { workers: 0, cacheDirectory, onIdle, log: (message) => logs.push(message) }, onAnalyzed);
  const reused = service.finishIndexing();
  const diagnostics = () => service.getDocumentUris().map((uri) => ({ uri, diagnostics: service.getDiagnostics(uri) }));
  const first = diagnostics();
  const resultsOf = (uri: string) => service.exportResults(uri);
  await outcome.saveCache(resultsOf);
  for (const uri of service.getDocumentUris()) service.getText(uri);
  await outcome.saveCache(resultsOf);
  const results = diagnostics().map((entry) => ({ ...entry, citations: service.getCitations(entry.uri), text: service.getText(entry.uri) }));
  return { first, results, cached: outcome.cached, reused, logs };
}

/** The diagnostics of a run's results, as `ServerStart.first` lists them. */
const diagnosticsOf = (run: Run): unknown => (run.results as { uri: string; diagnostics: unknown }[]).map(({ uri, diagnostics }) => ({ uri, diagnostics }));

/** Modification times in whole seconds, so that a test can put a file's old time back exactly. */
let clock = 1_700_000_000;
function write(path: string, text: string, seconds = ++clock): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  utimesSync(path, seconds, seconds);
}

function writeWorkspace(root: string, documents: Readonly<Record<string, string>>): void {
  for (const [path, text] of Object.entries(documents)) write(join(root, path), text);
}

describe('a warm start from the facts cache', () => {
  it('gives the diagnostics of a cold start after random edits on disk between runs', async () => {
    const change = fc.oneof(
      fc.record({ kind: fc.constant('cite' as const), file: fc.integer({ min: 0, max: 4 }), articles: fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 4 }) }),
      fc.record({ kind: fc.constant('delete' as const), file: fc.integer({ min: 0, max: 4 }) }),
      fc.record({ kind: fc.constant('touch' as const), file: fc.integer({ min: 0, max: 4 }) }),
      fc.record({ kind: fc.constant('same size, same time' as const), file: fc.integer({ min: 0, max: 4 }) }),
      fc.record({ kind: fc.constant('treaty' as const), drop: fc.boolean() }),
      // A short name the analyses' citations use, given to the treaty or taken away: every document resolves otherwise.
      fc.record({ kind: fc.constant('short name' as const), give: fc.boolean() }),
    );
    const language = fc.constantFrom<TreatyConfig['language']>('en', 'ja');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ steps: fc.array(change, { minLength: 1, maxLength: 4 }), language, server: fc.boolean() }), { minLength: 1, maxLength: 3 }), async (rounds) => {
        const root = newFolder('property');
        const cache = newFolder('property-cache');
        writeWorkspace(root, { 'treaties/nat.md': TREATY, ...Object.fromEntries([0, 1, 2, 3, 4].map((file) => [`notes/n${file}.md`, analysis([file + 1, 5])])) });
        await index(root, cache);
        for (const round of rounds) {
          for (const step of round.steps) {
            const path = step.kind === 'treaty' || step.kind === 'short name' ? join(root, 'treaties/nat.md') : join(root, `notes/n${step.file}.md`);
            if (step.kind === 'cite') write(path, analysis(step.articles));
            else if (step.kind === 'delete') rmSync(path, { force: true });
            else if (step.kind === 'treaty') write(path, step.drop ? TREATY.replace(/## 第5条[^]*$/, '') : TREATY);
            else if (step.kind === 'short name') write(path, readFileSync(path, 'utf8').replace(/^short: .*\n/m, '').replace(/^title: (.*)$/m, (line) => (step.give ? `${line}\nshort: NATO条約` : line)));
            else if (existsSync(path)) {
              const text = readFileSync(path, 'utf8');
              // The same bytes at a new time; or a digit changed in place (same size) at the old time, which only the hash tells.
              if (step.kind === 'touch') write(path, text);
              else write(path, text.replace(/第(\d)条/, (_, digit: string) => `第${(Number(digit) % 9) + 1}条`), statSync(path).mtimeMs / 1000);
            }
          }
          // The display language (the editor's) may differ between runs: the words of every cached diagnostic change.
          const config = { ...DEFAULT_CONFIG, language: round.language };
          const cold = await index(root, undefined, config);
          // As the server starts (files read after the first diagnostics), or as the command line does (all read first).
          const warm = round.server ? await startServer(root, cache, config) : await index(root, cache, config);
          expect(warm.logs).toEqual([]);
          expect(warm.results).toEqual(cold.results);
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe('cached results in the core', () => {
  const config = DEFAULT_CONFIG;
  const documents = { 'file:///w/treaties/nat.md': TREATY, 'file:///w/notes/a.md': analysis([1, 9]) };
  /** A service given every document with a content hash and, when `results` has them, the results a cache kept. */
  const add = (results: ReadonlyMap<string, string | undefined> = new Map()) => {
    const service = createTreatyService({ workspace: { listDocuments: () => [], readDocument: () => ({ error: 'none' }) }, config });
    for (const [uri, text] of Object.entries(documents)) service.addDocument(uri, { text, hash: `hash of ${uri}`, results: results.get(uri) }, config);
    return service;
  };

  it('are taken for a document that is as it was, and give what resolving it gives', () => {
    const cold = add();
    cold.finishIndexing();
    const results = new Map(Object.keys(documents).map((uri) => [uri, cold.exportResults(uri)]));
    const warm = add(results);
    expect(warm.finishIndexing()).toBe(2);
    for (const uri of Object.keys(documents)) {
      expect(warm.getDiagnostics(uri)).toEqual(cold.getDiagnostics(uri));
      expect(warm.getCitations(uri)).toEqual(cold.getCitations(uri));
    }
  });

  it('are taken for a file not read, whose text is read once, when first needed, and read afresh if it is other bytes, or skipped if it is gone', () => {
    const cold = add();
    cold.finishIndexing();
    const uri = 'file:///w/notes/a.md';
    const text = documents[uri];
    const edited = analysis([1, 5]);
    const empty = () => createTreatyService({ workspace: { listDocuments: () => [], readDocument: () => ({ error: 'none' }) }, config });
    const fresh = empty();
    fresh.addDocument('file:///w/treaties/nat.md', { text: TREATY }, config);
    fresh.addDocument(uri, { text: edited }, config);
    fresh.finishIndexing();
    for (const [name, reading, expected] of [
      ['the same bytes', { text, hash: `hash of ${uri}` }, { text, citations: cold.getCitations(uri) }],
      ['other bytes', { text: edited, hash: 'hash of the edit' }, { text: edited, citations: fresh.getCitations(uri) }],
      ['gone', { error: 'skipped: cannot read the file (ENOENT)' }, { text: undefined, citations: [] }],
    ] as const) {
      const service = empty();
      service.addDocument('file:///w/treaties/nat.md', { text: TREATY, hash: 'hash of file:///w/treaties/nat.md' }, config);
      let reads = 0;
      const readText = () => (reads++, reading);
      const facts = encodeFacts(analyzeDocument(uri, text, config));
      service.addDocument(uri, { readText, facts, hash: `hash of ${uri}`, results: cold.exportResults(uri)! }, config);
      expect(service.finishIndexing(), name).toBe(1);
      // Published without reading it: the cached diagnostics, placed by the line starts its facts keep.
      expect(service.getDiagnostics(uri), name).toEqual(cold.getDiagnostics(uri));
      const last = cold.getDiagnostics(uri).at(-1)!.span.end;
      expect(service.getLineIndex(uri)!.positionAt(last), name).toEqual(cold.getLineIndex(uri)!.positionAt(last));
      expect(reads, name).toBe(0);
      service.takeChangedDocuments();
      expect(service.getText(uri), name).toBe(expected.text);
      expect(service.getCitations(uri), name).toEqual(expected.citations);
      expect(reads, name).toBe(1);
      // A file that was not what the cache held, or is gone, has its diagnostics published again.
      expect(service.takeChangedDocuments(), name).toEqual(name === 'the same bytes' ? [] : [uri]);
    }
  });

  it('are not taken for a document resolved during the indexing, which keeps that resolution', () => {
    const cold = add();
    cold.finishIndexing();
    const results = new Map(Object.keys(documents).map((uri) => [uri, cold.exportResults(uri)]));
    const warm = add(results);
    const uri = 'file:///w/notes/a.md';
    // As a hover on it during the indexing would.
    warm.getCitations(uri);
    expect(warm.finishIndexing()).toBe(1);
    expect(warm.getCitations(uri)).toEqual(cold.getCitations(uri));
    expect(warm.getDiagnostics(uri)).toEqual(cold.getDiagnostics(uri));
  });
});

describe('the files a warm start leaves unread', () => {
  const documents = { 'treaties/nat.md': TREATY, 'notes/a.md': analysis([1, 9]), 'notes/b.md': analysis([5]) };

  it('are read after the first diagnostics: one edited with its size and modification time put back is read afresh, and at the next start', async () => {
    const root = newFolder('in-place');
    const cache = newFolder('in-place-cache');
    writeWorkspace(root, documents);
    const before = await index(root, cache);
    const path = join(root, 'notes/a.md');
    const { size, mtimeMs } = statSync(path);
    // Article 9, which the treaty lacks, becomes article 5: the same size.
    writeFileSync(path, analysis([1, 5]));
    utimesSync(path, mtimeMs / 1000, mtimeMs / 1000);
    expect(statSync(path)).toMatchObject({ size, mtimeMs });
    const cold = await index(root);
    expect(diagnosticsOf(cold)).not.toEqual(diagnosticsOf(before));
    const warm = await startServer(root, cache);
    expect(warm.cached).toBe(3);
    // Published first: what the cache held, the file not read yet; then what reading it gives.
    expect(warm.first).toEqual(diagnosticsOf(before));
    expect(warm.results).toEqual(cold.results);
    // The cache no longer vouches for it: the next start reads it before its first diagnostics.
    const next = await startServer(root, cache);
    expect(next.first).toEqual(diagnosticsOf(cold));
    expect(next.results).toEqual(cold.results);
  });

  it('do not include one modified too close to the time it was read: it is read at the start, as git does, so that its first diagnostics are right', async () => {
    const root = newFolder('racy');
    const cache = newFolder('racy-cache');
    writeWorkspace(root, documents);
    const path = join(root, 'notes/a.md');
    // Modified in the second the cache is written: a change later in that second would leave the same time.
    const now = Math.floor(Date.now() / 1000);
    write(path, analysis([1, 9]), now);
    await index(root, cache);
    writeFileSync(path, analysis([1, 5]));
    utimesSync(path, now, now);
    const cold = await index(root);
    const warm = await startServer(root, cache);
    expect(warm.first).toEqual(diagnosticsOf(cold));
    expect(warm.results).toEqual(cold.results);
  });

  it('do not include one deleted between runs', async () => {
    const root = newFolder('deleted');
    const cache = newFolder('deleted-cache');
    writeWorkspace(root, documents);
    await index(root, cache);
    rmSync(join(root, 'notes/b.md'));
    const cold = await index(root);
    const warm = await startServer(root, cache);
    expect(warm.cached).toBe(2);
    expect(warm.first).toEqual(diagnosticsOf(cold));
    expect(warm.results).toEqual(cold.results);
  });
});

describe('what a warm start reads again', () => {
  const documents = { 'treaties/nat.md': TREATY, 'notes/a.md': analysis([1]), 'notes/b.md': analysis([5, 9]), 'notes/c.md': analysis([2]) };

  it('nothing after a reload with no change, one file after one analysis was touched, and it writes nothing into the workspace', async () => {
    const root = newFolder('reads');
    const cache = newFolder('reads-cache');
    writeWorkspace(root, documents);
    const cold = await index(root, cache);
    expect(cold.cached).toBe(0);
    const unchanged = await index(root, cache);
    expect(unchanged.cached).toBe(4);
    expect(unchanged.reused).toBe(4);
    expect(unchanged.results).toEqual(cold.results);
    write(join(root, 'notes/b.md'), analysis([5]));
    const touched = await index(root, cache);
    expect(touched.cached).toBe(3);
    expect(touched.reused).toBe(3);
    expect(touched.results).toEqual((await index(root)).results);
    // A treaty edited: the documents that cite it are checked again, the rest keep their cached diagnostics.
    write(join(root, 'notes/d.md'), '# 覚書\n\n引用のない文書。\n');
    await index(root, cache);
    write(join(root, 'treaties/nat.md'), TREATY.replace('## 第5条', '## 第6条'));
    const treatyEdited = await index(root, cache);
    expect(treatyEdited.reused).toBe(1);
    expect(treatyEdited.results).toEqual((await index(root)).results);
    expect(readdirSync(root).sort()).toEqual(['notes', 'treaties']);
    expect(readdirSync(cache)).toEqual([CACHE_FILE_NAME]);
  });
});

describe('a cache file that cannot be trusted', () => {
  const documents = { 'treaties/nat.md': TREATY, 'notes/a.md': analysis([1, 5]), 'notes/b.md': analysis([9]) };

  /** A workspace with a written cache, the cache file damaged by `damage`, then indexed again. */
  async function afterDamage(damage: (bytes: Buffer) => Buffer, config?: TreatyConfig): Promise<{ run: Run; cold: Run }> {
    const root = newFolder('damaged');
    const cache = newFolder('damaged-cache');
    writeWorkspace(root, documents);
    await index(root, cache);
    const file = join(cache, CACHE_FILE_NAME);
    writeFileSync(file, damage(readFileSync(file)));
    return { run: await index(root, cache, config), cold: await index(root, undefined, config) };
  }

  for (const [name, damage, reason] of [
    ['cut short in its body', (bytes: Buffer) => bytes.subarray(0, bytes.length - 10), 'cut short or corrupt'],
    ['cut short in its header', (bytes: Buffer) => bytes.subarray(0, 40), 'cut short'],
    ['empty', () => Buffer.alloc(0), 'not a facts cache'],
    ['with one byte of its body changed', (bytes: Buffer) => Buffer.from(bytes.map((byte, index) => (index === bytes.length - 3 ? byte ^ 0xff : byte))), 'cut short or corrupt'],
    ['of another version of the analysis', (bytes: Buffer) => Buffer.from(bytes.toString('latin1').replace(/"analysis":"([^"]*)"/, (_, build: string) => `"analysis":"${'x'.repeat(build.length)}"`), 'latin1'), 'made by another version'],
    ['not a cache at all', () => Buffer.from('{"hello": "world"}'), 'not a facts cache'],
  ] as const) {
    it(`is discarded with one log line, never trusted, when it is ${name}`, async () => {
      const { run, cold } = await afterDamage(damage);
      expect(run.logs).toEqual([expect.stringMatching(new RegExp(`^the facts cache .* was discarded: ${reason}$`))]);
      expect(run.cached).toBe(0);
      expect(run.results).toEqual(cold.results);
    });
  }

  it('is discarded when it was made for other languages', async () => {
    const { run, cold } = await afterDamage((bytes) => bytes, { ...DEFAULT_CONFIG, languages: ['en'] });
    expect(run.logs).toEqual([expect.stringMatching(/was discarded: made for other languages$/)]);
    expect(run.results).toEqual(cold.results);
  });

  it('is replaced by a sound one on the next write', async () => {
    const root = newFolder('rewritten');
    const cache = newFolder('rewritten-cache');
    writeWorkspace(root, documents);
    writeFileSync(join(cache, CACHE_FILE_NAME), 'garbage');
    expect((await index(root, cache)).logs).toHaveLength(1);
    const next = await index(root, cache);
    expect(next.logs).toEqual([]);
    expect(next.cached).toBe(3);
  });
});
