// V8's compiled code of the server, kept between starts in the folder the editor gives (`--code-cache DIR`): a start
// runs from it when it is whole and of this build, and writes it anew when it is missing, cut short, damaged or
// refused; a file of another build is never given to V8.

import { chmodSync, chownSync, mkdirSync, symlinkSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type * as lsp from 'vscode-languageserver-protocol';
import { describe, expect, it } from 'vitest';
import { bodyCheck } from '../../server/src/node/checksum';
import { optionValue, ownFolder, runBundle } from '../../server/src/node/codeCache';
import { startServer } from '../protocol/harness';
import { scratchFolders } from '../scratch';

// Otherwise V8 compiles a source it compiled before in this process from memory, and never looks at a file's code.
setFlagsFromString('--no-compilation-cache');

const newFolder = scratchFolders('treaty-code-cache-');

/** A small CommonJS bundle, as esbuild writes one: it uses require, module.exports and __dirname. */
function writeBundle(folder: string, body = 'return a + b;'): string {
  const file = join(folder, 'bundle.js');
  writeFileSync(file, `const path = require('node:path');\nfunction add(a, b) { ${body} }\nmodule.exports = { add, folder: path.basename(__dirname) };\n`);
  return file;
}

const cacheFiles = (folder: string): string[] => readdirSync(folder).filter((name) => name.endsWith('.v8-code'));

describe('a bundle run through the code cache', () => {
  it('is compiled afresh and written when the folder holds nothing, then run from the file', async () => {
    const bundle = writeBundle(newFolder('build'));
    const cache = newFolder('cache');
    const first = runBundle(bundle, cache);
    expect(first.codeCache.state).toBe('empty');
    expect((first.exports as { add(a: number, b: number): number }).add(2, 3)).toBe(5);
    expect((first.exports as { folder: string }).folder).toMatch(/^build-/);
    await first.codeCache.save();
    const [file] = cacheFiles(cache);
    expect(file).toMatch(/^bundle-(crc32|sha1)-[0-9a-f]+\.v8-code$/);
    const written = statSync(join(cache, file!)).mtimeMs;

    const second = runBundle(bundle, cache);
    expect(second.codeCache.state).toBe('taken');
    expect((second.exports as { add(a: number, b: number): number }).add(2, 3)).toBe(5);
    await second.codeCache.save();
    expect(statSync(join(cache, file!)).mtimeMs).toBe(written);
  });

  it('never gives V8 a file cut short or damaged, and writes it anew', async () => {
    const bundle = writeBundle(newFolder('build'));
    const cache = newFolder('cache');
    await runBundle(bundle, cache).codeCache.save();
    const file = join(cache, cacheFiles(cache)[0]!);
    const whole = readFileSync(file);
    writeFileSync(file, whole.subarray(0, whole.length - 7));
    expect(runBundle(bundle, cache).codeCache.state).toBe('empty');
    const damaged = Buffer.from(whole);
    damaged[damaged.length - 3] ^= 0xff;
    writeFileSync(file, damaged);
    const again = runBundle(bundle, cache);
    expect(again.codeCache.state).toBe('empty');
    await again.codeCache.save();
    expect(runBundle(bundle, cache).codeCache.state).toBe('taken');
  });

  it('says when V8 refuses a whole file, and writes what this runtime compiled', async () => {
    const bundle = writeBundle(newFolder('build'));
    const cache = newFolder('cache');
    await runBundle(bundle, cache).codeCache.save();
    const file = join(cache, cacheFiles(cache)[0]!);
    // Whole by its own check, but not code V8 made: another runtime's file would be refused the same way.
    const payload = Buffer.from('not code V8 wrote');
    writeFileSync(file, Buffer.concat([Buffer.from(`${bodyCheck(payload)}\n`, 'latin1'), payload]));
    const refused = runBundle(bundle, cache);
    expect(refused.codeCache.state).toBe('refused');
    expect((refused.exports as { add(a: number, b: number): number }).add(1, 1)).toBe(2);
    await refused.codeCache.save();
    expect(runBundle(bundle, cache).codeCache.state).toBe('taken');
  });

  it('keeps one file per bundle: another build of it has its own file, and writing drops the old one', async () => {
    const build = newFolder('build');
    const cache = newFolder('cache');
    await runBundle(writeBundle(build), cache).codeCache.save();
    const [old] = cacheFiles(cache);
    const changed = runBundle(writeBundle(build, 'return b + a;'), cache);
    expect(changed.codeCache.state).toBe('empty');
    await changed.codeCache.save();
    expect(cacheFiles(cache)).toHaveLength(1);
    expect(cacheFiles(cache)[0]).not.toBe(old);
  });

  it('is off without a folder, and then writes nothing', async () => {
    const build = newFolder('build');
    const bundle = writeBundle(build);
    const run = runBundle(bundle, undefined);
    expect(run.codeCache.state).toBe('off');
    await run.codeCache.save();
    expect(readdirSync(build)).toEqual(['bundle.js']);
  });

  it('takes its folder from `--code-cache DIR` or `--code-cache=DIR`', () => {
    expect(optionValue(['node', 'server.js', '--stdio', '--code-cache=/storage/x'], 'code-cache')).toBe('/storage/x');
    expect(optionValue(['node', 'server.js', '--code-cache', '/storage/y', '--stdio'], 'code-cache')).toBe('/storage/y');
    expect(optionValue(['node', 'server.js', '--stdio', '--code-cache='], 'code-cache')).toBeUndefined();
    expect(optionValue(['node', 'server.js', '--stdio'], 'code-cache')).toBeUndefined();
  });
});

const FIXTURE = `
//- /treaties/kaiyo.md
---
treaty: kaiyo
title: 海洋協力協定
---
## 第3条（協力の分野）

両締約国は、航行の安全について協力する。
//- /analyses/memo.md
海洋協力協定第$03条は協力の分野を定め、同協定第30条は存在しない。
`;

// A folder under a shared one (the system's temporary folder), where treaty-check keeps its code by default.
describe.runIf(process.getuid !== undefined)('a folder of the user\'s own', () => {
  it('is made readable and writable by this user alone when it is missing', () => {
    const folder = join(newFolder('tmp'), 'treaty-annotator-1000');
    expect(ownFolder(folder)).toBe(folder);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
  });

  it('is taken as it is when this user made it and nobody else may write in it', () => {
    const folder = join(newFolder('tmp'), 'kept');
    mkdirSync(folder, { mode: 0o755 });
    expect(ownFolder(folder)).toBe(folder);
  });

  it('is not used when others may write in it: they could leave code there for this process to run', () => {
    const folder = join(newFolder('tmp'), 'shared');
    mkdirSync(folder);
    chmodSync(folder, 0o777);
    expect(ownFolder(folder)).toBeUndefined();
    chmodSync(folder, 0o775);
    expect(ownFolder(folder)).toBeUndefined();
  });

  it.runIf(process.getuid?.() === 0)('is not used when another user made it', () => {
    const folder = join(newFolder('tmp'), 'theirs');
    mkdirSync(folder, { mode: 0o700 });
    chownSync(folder, 4321, 4321);
    expect(ownFolder(folder)).toBeUndefined();
  });

  it('is not used when it is a link, even to a folder of this user', () => {
    const parent = newFolder('tmp');
    mkdirSync(join(parent, 'target'), { mode: 0o700 });
    symlinkSync(join(parent, 'target'), join(parent, 'link'));
    expect(ownFolder(join(parent, 'link'))).toBeUndefined();
  });

  it('is not used when it is a file, or cannot be made', () => {
    const parent = newFolder('tmp');
    writeFileSync(join(parent, 'file'), '');
    expect(ownFolder(join(parent, 'file'))).toBeUndefined();
    expect(ownFolder(join(parent, 'missing', 'deeper'))).toBeUndefined();
  });
});

describe('the server started with a code cache folder', () => {
  it('writes its compiled code there after the first diagnostics, and the next start runs from it with the same answers', async () => {
    const cache = newFolder('storage');
    const serverArgs = [`--code-cache=${cache}`];
    const first = await startServer(FIXTURE, { serverArgs });
    expect(first.logs).toContain('code cache: empty');
    const hover = await first.request<lsp.Hover>('textDocument/hover', first.cursor);
    await first.dispose();
    expect(cacheFiles(cache)).toEqual([expect.stringMatching(/^serverMain-/)]);
    expect(readdirSync(cache)).toHaveLength(1);

    const second = await startServer(FIXTURE, { serverArgs });
    expect(second.logs).toContain('code cache: taken');
    expect(await second.request<lsp.Hover>('textDocument/hover', second.cursor)).toEqual(hover);
    expect((await second.waitForDiagnostics(second.uri('/analyses/memo.md'), (list) => list.length > 0)).map((item) => item.code)).toEqual(['unknown-article']);
    await second.dispose();
  });

  it('says nothing of a code cache and writes none when the command line names no folder', async () => {
    const harness = await startServer(FIXTURE);
    expect(harness.logs.filter((line) => line.startsWith('code cache'))).toEqual([]);
    await harness.dispose();
  });
});
