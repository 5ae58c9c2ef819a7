// The server keeps its facts cache where the editor tells it (`cacheDirectory`, VS Code's storage folder), never
// in the workspace; two windows on one folder (two server processes) write it at the same time without harm.

import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
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
    FactsCache.open(cacheDirectory, analysisVersion(resolve(__dirname, '../../dist/indexWorker.js')), DEFAULT_CONFIG, (message) => logs.push(message));
    expect(logs).toEqual([]);
    const third = await startServer('', { root, initializationOptions: { cacheDirectory } });
    expect(third.logs).toContain('indexed 3 documents, 3 of them from the facts cache, 3 with their diagnostics from it');
    await third.dispose();
  });
});
