// What an untrusted workspace cannot make the language server or treaty-check do. Both run with the recording sandbox
// preloaded (sandbox.cjs, through NODE_OPTIONS): every connection, name lookup, process start, string evaluation,
// file write and file read is logged. A hostile workspace (JavaScript files, a package.json, YAML tags that construct
// functions, `cites:` paths and symlinks leading outside, globs reaching out of the folder) is then put through
// every request (rename and code actions included) and every notification the server handles.
// Afterwards: nothing written (the log, and hashes and mtimes of every file), no network, no process, no evaluation,
// no workspace code loaded, and nothing read outside the workspace folder but the program's own files (for
// treaty-check, also the compiled code of itself that a run before kept in the temporary folder).

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../protocol/harness';

const ROOT = resolve(__dirname, '../..');
const SANDBOX = resolve(__dirname, 'sandbox.cjs');
const SECRET = 'TOP-SECRET-OUTSIDE-THE-WORKSPACE';

interface Entry {
  readonly kind: 'network' | 'process' | 'eval' | 'write' | 'read' | 'require';
  readonly name: string;
  readonly target: string | null;
}

let parent: string;
let workspace: string;
let marker: string;

/** A workspace that tries everything, inside `parent`, beside a folder of secrets it must not reach. */
function hostileWorkspace(): void {
  parent = realpathSync(mkdtempSync(join(tmpdir(), 'treaty-security-')));
  workspace = join(parent, 'workspace');
  marker = join(parent, 'code-ran');
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), text);
  };
  mkdirSync(join(parent, 'outside'), { recursive: true });
  writeFileSync(join(parent, 'outside/secret.md'), `---\ntreaty: secret\ntitle: ${SECRET}\n---\n## Article 1\n\n${SECRET}\n`);
  for (const folder of ['treaties', 'analyses']) {
    for (const name of readdirSync(join(ROOT, 'samples', folder))) write(`${folder}/${name}`, readFileSync(join(ROOT, 'samples', folder, name), 'utf8'));
  }
  const payload = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');`;
  for (const path of ['evil.js', '.treaty-annotator.js', 'treaty.config.js', 'node_modules/treaty-annotator/index.js', 'analyses/plugin.cjs', 'analyses/plugin.mjs']) write(path, payload);
  write('package.json', JSON.stringify({ name: 'evil', main: 'evil.js', scripts: { postinstall: 'node evil.js' }, treatyAnnotator: { plugins: ['./evil.js'] } }));
  write(
    'analyses/js-tags.md',
    `---\ntreaty: tagged\ntitle: !!js/function "function () { ${payload} }"\nshort: !!js/eval "${payload.replace(/"/g, '\\"')}"\naliases: !!js/regexp /x/\n---\n## 第1条\n\n本文。\n`,
  );
  write('analyses/cites-paths.md', '---\ncites: ../../outside/secret\n---\n<!-- cites: ../outside/secret.md -->\n<!-- cites: /etc/passwd -->\n第1条と Article 1 を参照。\n');
  write('.treaty-annotator.json', JSON.stringify({ include: ['**/*.md', '../outside/**/*.md', '/etc/**', '../**'], exclude: [] }));
  symlinkSync(join(parent, 'outside/secret.md'), join(workspace, 'analyses/leak.md'));
  symlinkSync(join(parent, 'outside'), join(workspace, 'outside-folder'));
  symlinkSync('/etc/passwd', join(workspace, 'passwd.md'));
}

/** Every path under the workspace (symlinks as links) with its content hash and mtime. */
function snapshot(): Map<string, string> {
  const entries = new Map<string, string>();
  const visit = (directory: string): void => {
    for (const name of readdirSync(directory).sort()) {
      const path = join(directory, name);
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) entries.set(path, `link ${readlinkSync(path)} ${stat.mtimeMs}`);
      else if (stat.isDirectory()) {
        entries.set(path, `folder ${stat.mtimeMs}`);
        visit(path);
      } else entries.set(path, `${createHash('sha256').update(readFileSync(path)).digest('hex')} ${stat.mtimeMs}`);
    }
  };
  visit(parent);
  return entries;
}

function readLog(file: string): Entry[] {
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Entry) : [];
}

/** Reads the program may make: its own files (the bundle, Node's) and the workspace folder. */
function readsOutsideWorkspace(entries: readonly Entry[], programFolders: readonly string[] = []): string[] {
  const allowed = [join(ROOT, 'dist') + '/', workspace + '/', SANDBOX, ...programFolders];
  // Real paths: a read through a link inside the folder that points outside is a read outside.
  const real = (path: string): string => {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  };
  return entries
    .filter((entry) => entry.kind === 'read' && entry.target !== null && !/^\d+$/.test(entry.target))
    .map((entry) => real(resolve(entry.target!)))
    .filter((path) => path !== workspace && !allowed.some((prefix) => path.startsWith(prefix)))
    .filter((path) => !path.startsWith('/proc/') && !path.startsWith('/sys/'));
}

function withSandbox<T>(log: string, action: () => T): T {
  const previous = process.env['NODE_OPTIONS'];
  process.env['NODE_OPTIONS'] = `${previous ?? ''} --require ${SANDBOX}`.trim();
  process.env['SANDBOX_LOG'] = log;
  try {
    return action();
  } finally {
    if (previous === undefined) delete process.env['NODE_OPTIONS'];
    else process.env['NODE_OPTIONS'] = previous;
    delete process.env['SANDBOX_LOG'];
  }
}

let before: Map<string, string>;
beforeAll(() => {
  hostileWorkspace();
  before = snapshot();
});
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('the language server in a hostile workspace', () => {
  let log: Entry[] = [];
  const answers: Record<string, unknown> = {};

  beforeAll(async () => {
    const logFile = join(parent, 'server-sandbox.log');
    const harness = withSandbox(logFile, () => new Harness('', { folders: ['/'] }));
    // The harness wrote nothing (empty fixture): point it at the hostile workspace, and back before it cleans up.
    const ownRoot = harness.root;
    (harness as { root: string }).root = workspace;
    try {
      await harness.initialize();
      await harness.ready();
      const uri = (path: string): string => harness.uri(`/${path}`);
      for (const path of ['analyses/kaiyo-kyotei-kaisetsu.md', 'analyses/harbor-convention-notes.md', 'analyses/broken-citations.md', 'analyses/js-tags.md', 'analyses/cites-paths.md', 'treaties/kaiyo-kyotei.md']) {
        harness.texts.set(uri(path), readFileSync(join(workspace, path), 'utf8'));
        await harness.open(`/${path}`);
      }
      // The editor's watcher reports the links and a file outside the folder as created or changed.
      await harness.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [
          { uri: uri('analyses/leak.md'), type: 1 },
          { uri: uri('passwd.md'), type: 2 },
          { uri: uri('outside-folder/secret.md'), type: 1 },
          { uri: `file://${join(parent, 'outside/secret.md')}`, type: 2 },
          { uri: uri('.treaty-annotator.json'), type: 2 },
        ],
      });
      await harness.connection.sendNotification('workspace/didChangeConfiguration', { settings: { treatyAnnotator: { include: ['../**'] } } });
      await harness.connection.sendNotification('textDocument/didSave', { textDocument: { uri: uri('analyses/broken-citations.md') } });
      for (const path of ['analyses/broken-citations.md', 'analyses/cites-paths.md', 'treaties/kaiyo-kyotei.md', 'analyses/js-tags.md']) {
        const textDocument = { uri: uri(path) };
        const text = harness.texts.get(uri(path))!;
        const lines = text.split('\n').length;
        const diagnostics = await harness.waitForDiagnostics(uri(path));
        // Every other line, and every citation or article label (where rename and quick fixes have something to do).
        const positions = Array.from({ length: Math.ceil(lines / 2) }, (_, index) => ({ line: index * 2, character: 2 }));
        for (const match of text.matchAll(/第\d+条|Article \d+/g)) {
          const before = text.slice(0, match.index! + 1).split('\n');
          positions.push({ line: before.length - 1, character: before.at(-1)!.length });
        }
        for (const position of positions) {
          const line = position.line;
          const range = { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
          const requests: [string, unknown][] = [
            ['textDocument/hover', { textDocument, position }],
            ['textDocument/definition', { textDocument, position }],
            ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }],
            ['textDocument/completion', { textDocument, position }],
            ['textDocument/prepareRename', { textDocument, position }],
            ['textDocument/rename', { textDocument, position, newName: '9' }],
            ['textDocument/codeAction', { textDocument, range, context: { diagnostics: diagnostics.filter((diagnostic) => diagnostic.range.start.line === line) } }],
            ['textDocument/inlayHint', { textDocument, range }],
          ];
          for (const [method, params] of requests) {
            answers[`${method} ${path}:${line}:${position.character}`] = await harness.request(method, params).catch((error: Error) => error.message);
          }
        }
        for (const method of ['textDocument/documentSymbol', 'textDocument/codeLens', 'textDocument/semanticTokens/full', 'textDocument/foldingRange', 'textDocument/documentLink']) {
          answers[`${method} ${path}`] = await harness.request(method, { textDocument });
        }
      }
      answers['workspace/symbol'] = await harness.request('workspace/symbol', { query: '' });
      answers['stats'] = await harness.request('treatyAnnotator/stats');
      answers['coverage'] = await harness.request('treatyAnnotator/coverage').catch((error: Error) => error.message);
      answers['executeCommand'] = await harness.request('workspace/executeCommand', { command: 'treatyAnnotator.showReferences', arguments: [] }).catch((error: Error) => error.message);
      for (const path of ['analyses/cites-paths.md', 'analyses/js-tags.md']) await harness.close(`/${path}`);
      await harness.ready();
    } finally {
      (harness as { root: string }).root = ownRoot;
      await harness.dispose().catch(() => undefined);
    }
    log = readLog(logFile);
  }, 120_000);

  it('opens no network connection and resolves no name', () => {
    expect(log.filter((entry) => entry.kind === 'network')).toEqual([]);
  });

  it('starts no process and evaluates no string as code', () => {
    expect(log.filter((entry) => entry.kind === 'process' || entry.kind === 'eval')).toEqual([]);
    expect(existsSync(marker)).toBe(false);
  });

  it('loads no module from the workspace (its .js files, package.json and YAML !!js tags stay text)', () => {
    expect(log.filter((entry) => entry.kind === 'require')).toEqual([]);
  });

  it('writes nothing: edits travel only as WorkspaceEdits (rename and quick fixes answered, files untouched)', () => {
    expect(log.filter((entry) => entry.kind === 'write')).toEqual([]);
    expect(Object.entries(answers).some(([key, value]) => key.startsWith('textDocument/rename') && typeof value === 'object' && value !== null)).toBe(true);
    const after = snapshot();
    after.delete(join(parent, 'server-sandbox.log'));
    expect(after).toEqual(before);
  });

  it('reads nothing outside the workspace folder: not through links, `cites:` paths, globs or watcher events', () => {
    expect(readsOutsideWorkspace(log)).toEqual([]);
    expect(JSON.stringify(answers)).not.toContain(SECRET);
  });

  it('answers a `cites:` path with a diagnostic, not a read', () => {
    expect(log.some((entry) => entry.kind === 'read' && entry.target?.includes('etc/passwd'))).toBe(false);
  });
});

describe('treaty-check in a hostile workspace', () => {
  let log: Entry[] = [];
  let result: { status: number | null; stdout: string; stderr: string };
  // The system's temporary folder, where treaty-check keeps its own compiled code (a folder of the user's own).
  let temporary: string;
  let codeFolder: string;
  let codeFiles: string[];

  beforeAll(() => {
    temporary = realpathSync(mkdtempSync(join(tmpdir(), 'treaty-security-tmp-')));
    codeFolder = join(temporary, `treaty-annotator-${process.getuid?.() ?? 'user'}`) + '/';
    const check = (): { status: number | null; stdout: string; stderr: string } => {
      const run = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), '--format', 'json', '--lang', 'en', workspace], {
        encoding: 'utf8',
        cwd: parent,
        env: { ...process.env, TMPDIR: temporary },
      });
      return { status: run.status, stdout: run.stdout, stderr: run.stderr };
    };
    // A run before, outside the sandbox, keeps the compiled code: the checked run reads it and writes nothing.
    check();
    codeFiles = readdirSync(codeFolder);
    const logFile = join(parent, 'cli-sandbox.log');
    result = withSandbox(logFile, check);
    log = readLog(logFile);
  });
  afterAll(() => rmSync(temporary, { recursive: true, force: true }));

  it('checks the workspace and writes only its report to stdout', () => {
    expect(result.stderr).toBe('');
    expect([0, 1]).toContain(result.status);
    expect(codeFiles).toEqual([expect.stringMatching(/^cliMain-[\w-]+\.v8-code$/)]);
    expect(log.some((entry) => entry.kind === 'read' && entry.target === join(codeFolder, codeFiles[0]!))).toBe(true);
    expect(log.filter((entry) => entry.kind === 'write' || entry.kind === 'network' || entry.kind === 'process' || entry.kind === 'eval' || entry.kind === 'require')).toEqual([]);
    const after = snapshot();
    after.delete(join(parent, 'server-sandbox.log'));
    after.delete(join(parent, 'cli-sandbox.log'));
    expect(after).toEqual(before);
    expect(existsSync(marker)).toBe(false);
  });

  it('reads nothing outside the folder it was given but its own compiled code', () => {
    expect(readsOutsideWorkspace(log, [codeFolder])).toEqual([]);
    expect(result.stdout).not.toContain(SECRET);
  });

  it('reports the citations that fall back on a `cites:` path as citing an unknown treaty', () => {
    const report = JSON.parse(result.stdout) as { diagnostics: { file: string; code: string; message: string }[] };
    const found = report.diagnostics.filter((diagnostic) => diagnostic.file.endsWith('cites-paths.md')).map((diagnostic) => [diagnostic.code, diagnostic.message]);
    // One note for the instrument, on its first citation, counting both.
    expect(found).toEqual([['unknown-treaty', "'/etc/passwd' is not in the workspace (2 citations in this document)"]]);
  });
});

describe('a workspace configuration built to make glob matching hang', () => {
  let root: string;
  beforeAll(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'treaty-globs-')));
    // `*a*a*a*a*a*a*a*ab` against a long name of a's backtracks for hours; so would many ** against deep paths.
    writeFileSync(join(root, '.treaty-annotator.json'), JSON.stringify({ include: ['**/*.md', '*a*a*a*a*a*a*a*ab'], exclude: ['**/a/**/a/**/a/**/a/**/b'] }));
    for (let index = 0; index < 5; index++) writeFileSync(join(root, `${'a'.repeat(200 + index)}.md`), 'Article 5.\n');
    let deep = root;
    for (let level = 0; level < 100; level++) deep = join(deep, 'a');
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'deep.md'), 'Article 5.\n');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is refused with a diagnostic, and treaty-check finishes at once (and skips folders over 64 deep)', () => {
    const started = Date.now();
    const run = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), root], { encoding: 'utf8', cwd: root, timeout: 30_000 });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(run.stdout).toMatch(/invalid-config/);
    expect(run.stdout).toMatch(/include: the pattern '\*a\*a\*a\*a\*a\*a\*a\*ab' is too complex/);
    expect(run.stdout).toMatch(/exclude: the pattern .* is too complex/);
    expect(run.stdout).not.toMatch(/deep\.md/);
  });
});

describe('a workspace configuration that switches the size guard off', () => {
  it('is refused: maxFileSize is at most 64 MiB, and the default still skips a 5 MB file', () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'treaty-size-')));
    try {
      writeFileSync(join(root, '.treaty-annotator.json'), JSON.stringify({ maxFileSize: 1e12 }));
      writeFileSync(join(root, 'huge.md'), 'Article 5. '.repeat(500_000));
      const run = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), root], { encoding: 'utf8', cwd: root, timeout: 60_000 });
      expect(run.stdout).toMatch(/maxFileSize: at most 67108864 bytes/);
      expect(run.stdout).toMatch(/huge\.md:1:1: information: skipped: 5500000 bytes is over the 4194304-byte limit/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
