// The first indexing reads files on worker threads (dist/indexWorker.js, built by npm test). Whatever the threads
// do, the index must end up as one thread would fill it: the same documents, citations and diagnostics, also
// when a worker throws or dies halfway (it is replaced and its files read again).

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../bench/src/generate';
import { createTreatyService } from '../../server/src/core/index';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { NodeWorkspace } from '../../server/src/node/files';
import { indexFiles, type WorkerOptions } from '../../server/src/node/workerPool';
import { CORPUS } from '../corpus/corpus';

const WORKER = resolve(__dirname, '../../dist/indexWorker.js');
const scratch = mkdtempSync(join(tmpdir(), 'treaty-workers-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Everything a consumer can see of the index: its documents, and each one's citations and diagnostics. */
async function indexed(root: string, options: WorkerOptions): Promise<unknown> {
  const workspace = new NodeWorkspace([root], DEFAULT_CONFIG);
  const service = createTreatyService({ workspace, config: DEFAULT_CONFIG });
  await indexFiles(service, workspace.filesToAnalyze(), DEFAULT_CONFIG, options);
  return service.getDocumentUris().map((uri) => ({ uri, citations: service.getCitations(uri), diagnostics: service.getDiagnostics(uri) }));
}

const singleThreaded = new Map<string, Promise<unknown>>();
const oneThread = (root: string): Promise<unknown> => {
  if (!singleThreaded.has(root)) singleThreaded.set(root, indexed(root, { workers: 0 }));
  return singleThreaded.get(root)!;
};
const twoWorkers = (root: string, workerPath = WORKER, log?: (message: string) => void): Promise<unknown> =>
  indexed(root, { workers: 2, workerPath, minBytes: 0, log, mainThreadReads: workerPath === WORKER });

/** The benchmark's tiny workspace, without the team's real sentences (npm test reads nothing outside the repository). */
const generated = generateWorkspace(0, undefined, undefined, { dir: join(scratch, 'generated'), examples: false }).plainRoot;

/** A worker entry that runs the real one, but throws or exits when it meets the files named. */
function faultyWorker(name: string, fault: string): string {
  const path = join(scratch, `${name}.js`);
  writeFileSync(
    path,
    `const { parentPort } = require('node:worker_threads');
     const fs = require('node:fs');
     parentPort.on('message', (batch) => { for (const file of batch.files) { ${fault} } });
     require(${JSON.stringify(WORKER)});`,
  );
  return path;
}

describe('indexing on worker threads', () => {
  it('gives the index one thread gives, on the generated workspace', async () => {
    const expected = await oneThread(generated);
    expect((expected as unknown[]).length).toBeGreaterThan(20);
    expect(await twoWorkers(generated)).toEqual(expected);
  });

  it('gives the index one thread gives, on the corpus (statutes, treaties, skipped files)', async () => {
    expect(await twoWorkers(CORPUS)).toEqual(await oneThread(CORPUS));
  });

  it('replaces a worker that dies and reads its files again', async () => {
    const marker = join(scratch, 'died-once');
    const dies = faultyWorker(
      'dies-once',
      `if (file.path.endsWith('a0003.md') && !fs.existsSync(${JSON.stringify(marker)})) { fs.writeFileSync(${JSON.stringify(marker)}, ''); process.exit(7); }`,
    );
    const logs: string[] = [];
    expect(await twoWorkers(generated, dies, (message) => logs.push(message))).toEqual(await oneThread(generated));
    expect(logs).toEqual([expect.stringMatching(/^an indexing worker stopped \(it exited with code 7\); its \d+ documents are read again$/)]);
  });

  it('replaces a worker that throws and reads its files again', async () => {
    const marker = join(scratch, 'threw-once');
    const throws = faultyWorker(
      'throws-once',
      `if (file.path.endsWith('a0010.md') && !fs.existsSync(${JSON.stringify(marker)})) { fs.writeFileSync(${JSON.stringify(marker)}, ''); throw new Error('planted'); }`,
    );
    const logs: string[] = [];
    expect(await twoWorkers(generated, throws, (message) => logs.push(message))).toEqual(await oneThread(generated));
    expect(logs).toEqual([expect.stringContaining('an indexing worker stopped (it threw: planted)')]);
  });

  it('gives the index one thread gives when the first worker is started before the files are ordered', async () => {
    expect(await indexed(generated, { workers: 2, minBytes: 0, earlyStartFiles: 0 })).toEqual(await oneThread(generated));
  });

  it('feeds the worker started early when it said it was ready while the files were being ordered', async () => {
    // A worker that says it is ready as soon as its thread runs (and not again once loaded), and three thousand
    // files, which take longer to order (a look at each one's head) than a thread takes to start.
    const path = join(scratch, 'ready-at-once.js');
    writeFileSync(
      path,
      `const { parentPort } = require('node:worker_threads');
       parentPort.postMessage({ ready: true });
       const post = parentPort.postMessage.bind(parentPort);
       parentPort.postMessage = (message, transfer) => { if (!message.ready) post(message, transfer); };
       require(${JSON.stringify(WORKER)});`,
    );
    const root = join(scratch, 'many');
    mkdirSync(join(root, 'notes'), { recursive: true });
    writeFileSync(join(root, 'treaty.md'), '---\ntreaty: t\ntitle: 試験協定\n---\n## 第1条\n\n本文。\n\n## 第2条\n\n本文。\n');
    for (let index = 0; index < 3000; index++) writeFileSync(join(root, 'notes', `n${index}.md`), `# 覚書${index}\n\n試験協定第${(index % 3) + 1}条を参照。\n`);
    expect(await indexed(root, { workers: 1, workerPath: path, minBytes: 0, earlyStartFiles: 0, mainThreadReads: false })).toEqual(await oneThread(root));
  }, 30_000);

  it('starts another worker when the one started early dies before it is given a file', async () => {
    const marker = join(scratch, 'early-died');
    const path = join(scratch, 'dies-on-load.js');
    writeFileSync(path, `const fs = require('node:fs');\nif (!fs.existsSync(${JSON.stringify(marker)})) { fs.writeFileSync(${JSON.stringify(marker)}, ''); process.exit(5); }\nrequire(${JSON.stringify(WORKER)});`);
    const logs: string[] = [];
    const result = await indexed(generated, { workers: 1, workerPath: path, minBytes: 0, earlyStartFiles: 0, mainThreadReads: false, log: (message) => logs.push(message) });
    expect(existsSync(marker)).toBe(true);
    expect(result).toEqual(await oneThread(generated));
  });

  it('stops the worker started early when the files turn out too few bytes for workers', async () => {
    const beats = join(scratch, 'beats');
    const path = join(scratch, 'beating.js');
    writeFileSync(path, `const fs = require('node:fs');\nsetInterval(() => fs.appendFileSync(${JSON.stringify(beats)}, '.'), 10);\nrequire(${JSON.stringify(WORKER)});`);
    expect(await indexed(generated, { workerPath: path, minBytes: Infinity, earlyStartFiles: 0 })).toEqual(await oneThread(generated));
    // Stopped, it beats no more (if it got as far as beating at all).
    const beaten = (): number => (existsSync(beats) ? readFileSync(beats, 'utf8').length : 0);
    await new Promise((done) => setTimeout(done, 100));
    const before = beaten();
    await new Promise((done) => setTimeout(done, 200));
    expect(beaten()).toBe(before);
  });

  it('reads on its own thread a file that brings down every worker it is given to', async () => {
    const always = faultyWorker('always-dies', `if (file.path.endsWith('a0005.md')) process.exit(9);`);
    const logs: string[] = [];
    expect(await twoWorkers(generated, always, (message) => logs.push(message))).toEqual(await oneThread(generated));
    expect(logs.length).toBeGreaterThanOrEqual(2);
  });
});
