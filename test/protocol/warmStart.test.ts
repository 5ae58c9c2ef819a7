// The server keeps its facts cache where the editor tells it (`cacheDirectory`, VS Code's storage folder), never
// in the workspace; two windows on one folder (two server processes) write it at the same time without harm.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { analysisVersion, CACHE_FILE_NAME, FactsCache } from '../../server/src/node/factsCache';
import { Harness, startServer } from './harness';

const FIXTURE = `
//- /treaties/nat.md
---
treaty: nat
title: North Atlantic Treaty
---
## Article 5

An armed attack against one shall be considered an attack against them all.
//- /notes/a.md
---
cites: nat
---
Article 5 is the core; Article 9 does not exist.
//- /notes/b.md
---
cites: nat
---
Article 12 does not exist either.
`;

const scratch = mkdtempSync(join(tmpdir(), 'treaty-warm-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Waits until the cache file is there and no temporary file of a write in progress is left beside it. */
async function cacheWritten(directory: string): Promise<void> {
  for (let tries = 0; tries < 400; tries++) {
    if (existsSync(join(directory, CACHE_FILE_NAME)) && readdirSync(directory).length === 1) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`no cache in ${directory}: ${readdirSync(directory).join(', ')}`);
}

describe('the facts cache of a warm start', () => {
  it('is kept in the folder the editor gives, read by the next start, and nothing is written into the workspace', async () => {
    const root = mkdtempSync(join(scratch, 'workspace-'));
    const cacheDirectory = join(scratch, 'storage-one');
    const first = await startServer(FIXTURE, { root, initializationOptions: { cacheDirectory } });
    const before = await first.request('treatyAnnotator/stats');
    expect(first.logs).toContain('indexed 3 documents, 0 of them from the facts cache, 0 with their diagnostics from it');
    await cacheWritten(cacheDirectory);
    await first.dispose();
    // An empty fixture: the files stay as the first start left them.
    const second = await startServer('', { root, initializationOptions: { cacheDirectory } });
    expect(second.logs).toContain('indexed 3 documents, 3 of them from the facts cache, 3 with their diagnostics from it');
    expect(await second.request('treatyAnnotator/stats')).toMatchObject({ ...(before as object), memory: expect.anything() });
    expect((await second.waitForDiagnostics(second.uri('/notes/a.md'), (list) => list.length > 0)).map((item) => item.code)).toEqual(['unknown-article']);
    // The cached diagnostics keep what they depend on: an edit of the treaty checks its citing documents again.
    await second.open('/treaties/nat.md');
    await second.change('/treaties/nat.md', `---\ntreaty: nat\ntitle: North Atlantic Treaty\n---\n## Article 5\n\nAn attack.\n\n## Article 9\n\nA council.\n`);
    await second.waitForDiagnostics(second.uri('/notes/a.md'), (list) => list.length === 0);
    await second.dispose();
    expect(readdirSync(root).sort()).toEqual(['notes', 'treaties']);
  });

  it('gives the diagnostics it holds first, then reads the files it left unread: one edited in place (its size and time put back) is published again', async () => {
    const root = mkdtempSync(join(scratch, 'workspace-'));
    const cacheDirectory = join(scratch, 'storage-three');
    const cacheFile = join(cacheDirectory, CACHE_FILE_NAME);
    const first = await startServer(FIXTURE, { root, initializationOptions: { cacheDirectory } });
    await cacheWritten(cacheDirectory);
    await first.dispose();
    // Files modified long before they are read: the cache vouches for them by their size and time alone (the
    // second start reads them, finds the same bytes at new times, and writes the cache again).
    const paths = ['treaties/nat.md', 'notes/a.md', 'notes/b.md'].map((path) => join(root, path));
    for (const path of paths) utimesSync(path, 1_700_000_000, 1_700_000_000);
    const written = statSync(cacheFile).mtimeMs;
    const second = await startServer('', { root, initializationOptions: { cacheDirectory } });
    for (let tries = 0; tries < 100 && statSync(cacheFile).mtimeMs === written; tries++) await new Promise((done) => setTimeout(done, 50));
    await second.dispose();
    await cacheWritten(cacheDirectory);
    // Article 12 becomes article 5, in as many bytes, at the same time.
    const b = paths[2]!;
    const text = readFileSync(b, 'utf8');
    writeFileSync(b, text.replace('Article 12 does not exist either.', 'Article 5 does exist, as written.'));
    expect(statSync(b).size).toBe(Buffer.byteLength(text));
    utimesSync(b, 1_700_000_000, 1_700_000_000);
    const third = new Harness('', { root, initializationOptions: { cacheDirectory } });
    await third.initialize();
    const uri = third.uri('/notes/b.md');
    expect((await third.waitForDiagnostics(uri)).map((item) => item.code)).toEqual(['unknown-article']);
    await third.waitForDiagnostics(uri, (list) => list.length === 0);
    expect(third.logs).toContain('indexed 3 documents, 3 of them from the facts cache, 3 with their diagnostics from it');
    // A file left unread answers requests: its text is read when they need it.
    const hover = await third.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: third.uri('/notes/a.md') }, position: { line: 3, character: 9 } });
    expect(hover.contents.value).toContain('An armed attack against one');
    await third.dispose();
  });

  it('keeps what it holds for a document open at the start, read from the editor: no write after a reload with nothing changed', async () => {
    const root = mkdtempSync(join(scratch, 'workspace-'));
    const cacheDirectory = join(scratch, 'storage-open');
    const cacheFile = join(cacheDirectory, CACHE_FILE_NAME);
    const first = new Harness(FIXTURE, { root, initializationOptions: { cacheDirectory } });
    // Modified long before they are read, so that the cache vouches for them by their size and time alone.
    for (const path of ['treaties/nat.md', 'notes/a.md', 'notes/b.md']) utimesSync(join(root, path), 1_700_000_000, 1_700_000_000);
    await first.initialize();
    await first.ready();
    await cacheWritten(cacheDirectory);
    await first.dispose();
    const written = statSync(cacheFile).mtimeMs;
    // A reload with an analysis open, as the editor restores it.
    const second = new Harness('', { root, initializationOptions: { cacheDirectory }, open: ['/notes/a.md'] });
    second.texts.set(second.uri('/notes/a.md'), readFileSync(join(root, 'notes/a.md'), 'utf8'));
    await second.initialize();
    await second.ready();
    expect(second.logs).toContain('indexed 3 documents, 2 of them from the facts cache, 2 with their diagnostics from it');
    await second.waitForDiagnostics(second.uri('/notes/a.md'), (list) => list.length > 0);
    await second.dispose();
    expect(statSync(cacheFile).mtimeMs).toBe(written);
    const third = await startServer('', { root, initializationOptions: { cacheDirectory } });
    expect(third.logs).toContain('indexed 3 documents, 3 of them from the facts cache, 3 with their diagnostics from it');
    await third.dispose();
  });

  it('is written whole when two windows on one folder write it at once', async () => {
    const root = mkdtempSync(join(scratch, 'workspace-'));
    const cacheDirectory = join(scratch, 'storage-two');
    const windows: Harness[] = [new Harness(FIXTURE, { root, initializationOptions: { cacheDirectory } }), new Harness('', { root, initializationOptions: { cacheDirectory } })];
    await Promise.all(windows.map(async (window) => {
      await window.initialize();
      await window.ready();
    }));
    await cacheWritten(cacheDirectory);
    await Promise.all(windows.map((window) => window.dispose()));
    const logs: string[] = [];
    await FactsCache.load(cacheDirectory, analysisVersion(resolve(__dirname, '../../dist/indexWorker.js')), DEFAULT_CONFIG, (message) => logs.push(message));
    expect(logs).toEqual([]);
    const third = await startServer('', { root, initializationOptions: { cacheDirectory } });
    expect(third.logs).toContain('indexed 3 documents, 3 of them from the facts cache, 3 with their diagnostics from it');
    await third.dispose();
  });
});
