// Files that are not what they seem, through the real server over stdio and through treaty-check: a file over the
// size limit, binary files, invalid UTF-8, unreadable files, FIFOs and devices named *.md, symlink loops, files
// deleted or renamed while the workspace is indexed, a treaty whose front matter is malformed YAML, and a workspace of
// ten thousand files. Each leaves the server working and gives at most one clear notice per file.
// Tests run as root here, so chmod 000 does not make a file unreadable: that case is checked only for other users.

import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type * as lsp from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { createTreatyService } from '../../server/src/core/index';
import { NodeWorkspace, pathToUri } from '../../server/src/node/files';
import { startInProcessServer } from '../fuzz/lspDriver';
import { Harness } from '../protocol/harness';

const ROOT = resolve(__dirname, '../..');
const IS_ROOT = process.getuid?.() === 0;

const TREATY = '---\ntreaty: nat\ntitle: North Atlantic Treaty\n---\n## Article 5\n\nAn armed attack against one shall be considered an attack against them all.\n';
const NOTES = '---\ncites: nat\n---\nArticle 5 is the heart of the treaty.\n';

let harness: Harness | undefined;
const folders: string[] = [];
afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const path = realpathSync(mkdtempSync(join(tmpdir(), 'treaty-files-')));
  folders.push(path);
  return path;
}

function write(root: string, path: string, content: string | Buffer): string {
  const file = join(root, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, content);
  return file;
}

function treatyCheck(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The bad files of the first tests, beside a good treaty and a good analysis. */
function badWorkspace(root: string): void {
  write(root, 'treaties/nat.md', TREATY);
  write(root, 'notes.md', NOTES);
  write(root, 'big.md', `---\ncites: nat\n---\n${'Article 9. '.repeat(200)}\n`);
  write(root, 'binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
  write(root, 'latin1.md', Buffer.from('Article 5 \xe9t\xe9 \xff\xfe', 'latin1'));
  write(root, 'broken-yaml.md', '---\ntreaty: broken\ntitle: [unclosed\n---\n## Article 1\n\nText.\n');
  write(root, '.treaty-annotator.json', JSON.stringify({ maxFileSize: 1000 }));
  symlinkSync('.', join(root, 'loop'));
  mkdirSync(join(root, 'a'));
  symlinkSync('../a', join(root, 'a/again'));
  spawnSync('mkfifo', [join(root, 'pipe.md')]);
  symlinkSync('/dev/zero', join(root, 'zero.md'));
}

const codesOf = (diagnostics: readonly lsp.Diagnostic[] | undefined): string[] => (diagnostics ?? []).map((diagnostic) => String(diagnostic.code));

describe('treaty-check on a workspace of bad files', () => {
  it('notes each skipped file once, reports the malformed front matter at the front matter, and checks the rest', () => {
    const root = folder();
    badWorkspace(root);
    const { status, stdout, stderr } = treatyCheck('--format', 'json', root);
    expect(stderr).toBe('');
    expect(status).toBe(1);
    const report = JSON.parse(stdout) as { diagnostics: { file: string; code: string; message: string; range: lsp.Range }[]; citations: { file: string }[] };
    const byFile = (name: string) => report.diagnostics.filter((diagnostic) => diagnostic.file.endsWith(name));
    expect(byFile('big.md').map((diagnostic) => diagnostic.code)).toEqual(['file-skipped']);
    expect(byFile('big.md')[0]!.message).toMatch(/over the 1000-byte limit.*maxFileSize/);
    expect(byFile('binary.md').map((diagnostic) => [diagnostic.code, diagnostic.message])).toEqual([['file-skipped', 'skipped: binary file']]);
    expect(byFile('latin1.md').map((diagnostic) => [diagnostic.code, diagnostic.message])).toEqual([['file-skipped', 'skipped: not valid UTF-8']]);
    const yaml = byFile('broken-yaml.md');
    expect(yaml.map((diagnostic) => diagnostic.code)).toContain('invalid-front-matter');
    expect(yaml.every((diagnostic) => diagnostic.code !== 'invalid-front-matter' || diagnostic.range.end.line <= 3)).toBe(true);
    // The FIFO and the link to a device are not regular files inside the folder: never opened, never listed.
    expect(report.diagnostics.filter((diagnostic) => /pipe\.md|zero\.md/.test(diagnostic.file))).toEqual([]);
    // The symlink loops are walked once: each real file appears once.
    expect(report.citations.filter((citation) => citation.file.endsWith('notes.md')).map((citation) => citation.file.split('/').slice(-2).join('/'))).toEqual([
      `${root.split('/').at(-1)}/notes.md`,
    ]);
  });

  it.skipIf(IS_ROOT)('notes an unreadable file (chmod 000) once, as a skipped file', () => {
    const root = folder();
    write(root, 'notes.md', NOTES);
    chmodSync(write(root, 'secret.md', 'Article 5'), 0o000);
    const { stdout } = treatyCheck(root);
    expect(stdout).toMatch(/secret\.md:1:1: information: skipped: cannot read the file \(EACCES\) \[file-skipped\]/);
  });

  it('checks a workspace of ten thousand files', () => {
    const root = folder();
    write(root, 'treaties/nat.md', TREATY);
    for (let index = 0; index < 10_000; index++) write(root, `notes/${index % 100}/n${index}.md`, index % 10 === 0 ? 'Article 9 of the North Atlantic Treaty.\n' : 'Article 5 of the North Atlantic Treaty.\n');
    const started = Date.now();
    const { status, stdout, stderr } = treatyCheck(root);
    console.log(`treaty-check on 10 001 files: ${Date.now() - started} ms`);
    expect(stderr).toBe('');
    expect(status).toBe(1);
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^10001 files \(1 treaties, 10000 analyses\), 10000 citations: 1000 errors/);
  }, 120_000);
});

describe('the server on a workspace of bad files', () => {
  it('publishes one file-skipped notice per bad file, the front matter problem at the front matter, and keeps serving', async () => {
    harness = new Harness('');
    badWorkspace(harness.root);
    harness.texts.set(harness.uri('/notes.md'), NOTES);
    await harness.initialize();
    await harness.ready();
    expect(codesOf(await harness.waitForDiagnostics(harness.uri('/big.md')))).toEqual(['file-skipped']);
    expect(codesOf(await harness.waitForDiagnostics(harness.uri('/binary.md')))).toEqual(['file-skipped']);
    expect(codesOf(await harness.waitForDiagnostics(harness.uri('/latin1.md')))).toEqual(['file-skipped']);
    const yaml = await harness.waitForDiagnostics(harness.uri('/broken-yaml.md'));
    expect(codesOf(yaml)).toContain('invalid-front-matter');
    expect(harness.diagnostics.has(harness.uri('/pipe.md'))).toBe(false);
    expect(harness.diagnostics.has(harness.uri('/loop/notes.md'))).toBe(false);
    const hover = await harness.request<lsp.Hover | null>('textDocument/hover', harness.at('/notes.md', 'Article 5'));
    expect((hover?.contents as lsp.MarkupContent).value).toContain('armed attack');
  });

  it('is not blocked by a FIFO or a device link that the editor reports as a created file', async () => {
    harness = new Harness('');
    badWorkspace(harness.root);
    harness.texts.set(harness.uri('/notes.md'), NOTES);
    await harness.initialize();
    await harness.ready();
    await harness.watchedFilesChanged([
      { path: '/pipe.md', type: 1 },
      { path: '/zero.md', type: 1 },
      { path: '/pipe.md', type: 2 },
    ]);
    const answered = await Promise.race([harness.ready().then(() => 'answered'), new Promise((done) => setTimeout(() => done('blocked'), 10_000))]);
    expect(answered).toBe('answered');
    expect(codesOf(await harness.waitForDiagnostics(harness.uri('/pipe.md')))).toEqual(['file-skipped']);
  });

  it('keeps working when files are deleted and renamed while the workspace is being indexed', async () => {
    harness = new Harness('');
    write(harness.root, 'treaties/nat.md', TREATY);
    const count = 1500;
    for (let index = 0; index < count; index++) write(harness.root, `notes/n${index}.md`, 'Article 5 of the North Atlantic Treaty.\n');
    harness.texts.set(harness.uri('/notes/n1.md'), 'Article 5 of the North Atlantic Treaty.\n');
    await harness.initialize();
    // While the first indexing runs: delete a third, rename a third.
    const changes: { path: string; type: lsp.FileChangeType }[] = [];
    for (let index = 0; index < count; index += 3) {
      unlinkSync(join(harness.root, `notes/n${index}.md`));
      changes.push({ path: `/notes/n${index}.md`, type: 3 });
      renameSync(join(harness.root, `notes/n${index + 2}.md`), join(harness.root, `notes/renamed${index + 2}.md`));
      changes.push({ path: `/notes/n${index + 2}.md`, type: 3 }, { path: `/notes/renamed${index + 2}.md`, type: 1 });
    }
    await harness.watchedFilesChanged(changes);
    await harness.ready();
    await harness.watchedFilesChanged([]);
    const stats = await harness.request<{ treaties: number; analyses: number }>('treatyAnnotator/stats');
    expect(stats).toMatchObject({ treaties: 1, analyses: count - count / 3 });
    // No notice is left behind for a file that is gone (a read that failed while indexing published one).
    await new Promise((done) => setTimeout(done, 500));
    const stale = [...harness.diagnostics].filter(([uri, list]) => list.length > 0 && /\/n\d+\.md$/.test(uri) && !existsSync(URI.parse(uri).fsPath));
    expect(stale.map(([uri, list]) => `${uri.split('/').at(-1)}: ${list[0]!.message}`)).toEqual([]);
    const hover = await harness.request<lsp.Hover | null>('textDocument/hover', harness.at('/notes/n1.md', 'Article 5'));
    expect(hover).not.toBeNull();
  }, 60_000);

  it('indexes a workspace of ten thousand files and answers at once', async () => {
    harness = new Harness('');
    write(harness.root, 'treaties/nat.md', TREATY);
    for (let index = 0; index < 10_000; index++) write(harness.root, `notes/${index % 100}/n${index}.md`, 'Article 5 of the North Atlantic Treaty.\n');
    harness.texts.set(harness.uri('/notes/1/n1.md'), 'Article 5 of the North Atlantic Treaty.\n');
    const started = Date.now();
    await harness.initialize();
    await harness.ready();
    console.log(`server indexing 10 001 files: ${Date.now() - started} ms`);
    expect(await harness.request('treatyAnnotator/stats')).toMatchObject({ treaties: 1, analyses: 10_000, citations: 10_000 });
    const hover = await harness.request<lsp.Hover | null>('textDocument/hover', harness.at('/notes/1/n1.md', 'Article 5'));
    expect((hover?.contents as lsp.MarkupContent).value).toContain('armed attack');
  }, 120_000);
});

describe('the file reader, the core and the server when files vanish between listing and reading', () => {
  it('clears the notice of a file that vanished while indexing once the watcher reports it deleted', async () => {
    const gone = 'file:///ws/notes/gone.md';
    const server = await startInProcessServer(new Map([['file:///ws/treaties/nat.md', TREATY], ['file:///ws/notes.md', NOTES]]), 'file:///ws', [gone]);
    try {
      const published = async (): Promise<lsp.Diagnostic[] | undefined> => {
        await server.client.sendRequest('treatyAnnotator/stats');
        await new Promise((done) => setTimeout(done, 300));
        return server.diagnostics.get(gone);
      };
      expect((await published())?.map((diagnostic) => diagnostic.message)).toEqual(['skipped: cannot read the file (ENOENT)']);
      await server.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: gone, type: 3 }] });
      expect(await published()).toEqual([]);
    } finally {
      server.dispose();
    }
  });

  it('records a file deleted after it was listed as skipped (ENOENT), and indexes the rest', () => {
    const root = folder();
    write(root, 'treaties/nat.md', TREATY);
    for (let index = 0; index < 20; index++) write(root, `n${index}.md`, 'Article 5 of the North Atlantic Treaty.\n');
    const disk = new NodeWorkspace([root], DEFAULT_CONFIG);
    const racing = {
      listDocuments() {
        const listed = disk.listDocuments();
        for (let index = 0; index < 20; index += 2) unlinkSync(join(root, `n${index}.md`));
        renameSync(join(root, 'n1.md'), join(root, 'moved.md'));
        return listed;
      },
      readDocument: (uri: string) => disk.readDocument(uri),
    };
    const service = createTreatyService({ workspace: racing, config: DEFAULT_CONFIG });
    service.indexWorkspace();
    expect(service.getStats()).toMatchObject({ treaties: 1, analyses: 9 });
    expect(service.getDiagnostics(pathToUri(join(root, 'n0.md'))).map((diagnostic) => diagnostic.message)).toEqual(['skipped: cannot read the file (ENOENT)']);
    expect(readFileSync(join(root, 'moved.md'), 'utf8')).toContain('Article 5');
  });
});
