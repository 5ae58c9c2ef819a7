// treaty-check, the built command line (dist/cli.js), on the samples and on bad invocations.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scratchFolders } from '../scratch';

const ROOT = resolve(__dirname, '../..');

/** Runs the built CLI in a C locale (English) unless `locale` names another, as the user's LANG. */
function treatyCheck(...args: string[]) {
  return treatyCheckIn({ LANG: 'C.UTF-8' }, ...args);
}

function treatyCheckIn(locale: Record<string, string>, ...args: string[]) {
  const env = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: '', ...locale };
  const result = spawnSync(process.execPath, ['dist/cli.js', ...args], { cwd: ROOT, encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('treaty-check on the samples', () => {
  it('reports exactly the deliberate broken citations listed in samples/README.md, and exits 1', () => {
    const { status, stdout } = treatyCheck('samples');
    const reported = stdout
      .trim()
      .split('\n')
      .slice(0, -1)
      .map((line) => line.replace(/^(\S+?):(\d+):\d+: (\w+): .*\[(.+)\]$/, '$1:$2 $3 $4'));
    expect(reported).toEqual([
      'samples/analyses/broken-citations.md:11 warning no-antecedent',
      'samples/analyses/broken-citations.md:14 error unknown-article',
      'samples/analyses/broken-citations.md:17 error unknown-paragraph',
      'samples/analyses/broken-citations.md:20 error unknown-item',
      'samples/analyses/broken-citations.md:23 error unknown-article',
      'samples/analyses/broken-citations.md:26 error misquote',
      'samples/analyses/kaiyo-kyotei-kaisetsu.md:33 information unknown-treaty',
    ]);
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^7 files \(3 treaties, 4 analyses\), \d+ citations: 5 errors, 1 warnings, 1 notes$/);
    expect(status).toBe(1);
  });

  it('says what the treaty has when an article does not exist', () => {
    const { stdout } = treatyCheck('samples');
    expect(stdout).toContain('has no Article 15 (it has Articles 1–10)');
  });

  it('speaks the language of the locale (LC_ALL, LC_MESSAGES, LANG), or the one --lang names', () => {
    const japanese = '第15条はありません（第1条–第10条）';
    expect(treatyCheckIn({ LANG: 'ja_JP.UTF-8' }, 'samples').stdout).toContain(japanese);
    expect(treatyCheckIn({ LANG: 'ja_JP.UTF-8', LC_MESSAGES: 'en_US.UTF-8' }, 'samples').stdout).not.toContain(japanese);
    expect(treatyCheckIn({ LANG: 'en_GB.UTF-8', LC_ALL: 'ja_JP.UTF-8' }, 'samples').stdout).toContain(japanese);
    expect(treatyCheck('--lang', 'ja', 'samples').stdout).toContain(japanese);
    expect(treatyCheckIn({ LANG: 'ja_JP.UTF-8' }, '--lang', 'en', 'samples').stdout).toContain('has no Article 15');
    const wrong = treatyCheck('--lang', 'fr', 'samples');
    expect([wrong.status, wrong.stderr.trim()]).toEqual([2, 'treaty-check: --lang takes ja or en, not fr']);
  });

  it('writes JSON whose citation texts are exactly the source at their ranges', () => {
    const { stdout } = treatyCheck('--format', 'json', 'samples');
    const report = JSON.parse(stdout);
    expect(report.version).toBe(1);
    expect(report.treaties.map((treaty: { id: string }) => treaty.id).sort()).toEqual(['harbor-convention', 'harbor-convention', 'kaiyo-kyotei']);
    expect(report.citations.length).toBeGreaterThan(30);
    for (const citation of report.citations) {
      const lines = readFileSync(resolve(ROOT, citation.file), 'utf8').split(/\r?\n/);
      const { start, end } = citation.range;
      const text =
        start.line === end.line
          ? lines[start.line]!.slice(start.character, end.character)
          : [lines[start.line]!.slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line]!.slice(0, end.character)].join('\n');
      expect(text).toBe(citation.text);
    }
    expect(report.diagnostics.map((diagnostic: { code: string }) => diagnostic.code)).toContain('unknown-item');
  });
});

describe('treaty-check on an analysis whose treaty is not in the folder', () => {
  it('gives every unqualified citation to the treaty the analysis names, with one note for it and the rule in the JSON', () => {
    const folder = mkdtempSync(join(tmpdir(), 'treaty-check-'));
    try {
      writeFileSync(
        join(folder, 'note.txt'),
        '「北大西洋条約」（以下「NATO条約」という。）の解説\n\nNATO条約は全14か条から成る。集団防衛は第5条が定め、\n\n適用地域は第6条が定める（同条第1項）。\n',
      );
      const text = treatyCheck('--lang', 'ja', folder);
      expect(text.stdout).not.toContain('ambiguous-treaty');
      expect(text.stdout).toContain('「北大西洋条約」はワークスペースにありません（この文書に3件の引用） [unknown-treaty]');
      const report = JSON.parse(treatyCheck('--format', 'json', folder).stdout);
      expect(report.citations.map((citation: Record<string, unknown>) => [citation.text, citation.treaty, citation.treatyName, citation.kind, citation.scope])).toEqual([
        ['第5条', null, '北大西洋条約', 'explicit', 'principal'],
        ['第6条', null, '北大西洋条約', 'explicit', 'principal'],
        ['同条第1項', null, '北大西洋条約', 'same-article', 'anaphora'],
      ]);
      expect(report.diagnostics.map((diagnostic: { code: string }) => diagnostic.code)).toEqual(['unknown-treaty']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('treaty-check --coverage on the samples', () => {
  it('prints one JSON object with a row for every article of every treaty, and exits 0', () => {
    const { status, stdout } = treatyCheck('--coverage', '--format', 'json', 'samples');
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['version', 'coverage']);
    expect(report.version).toBe(1);
    const rows = report.coverage.map((row: Record<string, unknown>) => `${row.treaty} ${row.article} ${row.label} ${row.documents} ${row.citations}`);
    expect(rows).toEqual([
      'harbor-convention 1 Article 1 1 1',
      'harbor-convention 2 Article 2 1 1',
      'harbor-convention 3 Article 3 1 1',
      'harbor-convention 4 Article 4 2 5',
      'harbor-convention 5 Article 5 2 3',
      'harbor-convention 6 Article 6 0 0',
      'harbor-convention 7 Article 7 1 1',
      'harbor-convention 8 Article 8 0 0',
      'kaiyo-kyotei 1 第1条 1 1',
      'kaiyo-kyotei 2 第2条 1 1',
      'kaiyo-kyotei 3 第3条 3 5',
      'kaiyo-kyotei 4 第4条 3 3',
      'kaiyo-kyotei 5 第5条 2 4',
      'kaiyo-kyotei 6 第6条 3 4',
      'kaiyo-kyotei 7 第7条 1 2',
      'kaiyo-kyotei 8 第8条 1 2',
      'kaiyo-kyotei 9 第9条 2 3',
      'kaiyo-kyotei 10 第10条 1 1',
    ]);
    expect(status).toBe(0);
  });

  it('prints a table per treaty with the uncited articles marked and a count of the cited ones', () => {
    const { status, stdout } = treatyCheck('--coverage', 'samples');
    const lines = stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'harbor-convention  Convention on Harbor Safety and Mutual Assistance  (samples/treaties/harbor-convention.en.md)',
      '  article  label      documents  citations',
      '  1        Article 1          1          1',
    ]);
    expect(lines).toContain('  6        Article 6          0          0  uncited');
    expect(lines).toContain('  6 of 8 articles cited');
    // Japanese labels take two columns each, so the numbers still line up.
    expect(lines).toContain('  10       第10条          1          1');
    expect(lines).toContain('  10 of 10 articles cited');
    expect(status).toBe(0);
  });
});

describe('treaty-check with a .treaty-annotator.json', () => {
  let folder = '';
  afterEach(() => rmSync(folder, { recursive: true, force: true }));
  /** A folder with one analysis citing a treaty that is not there, and the given configuration file. */
  const workspace = (config: string): string => {
    folder = mkdtempSync(join(tmpdir(), 'treaty-config-'));
    writeFileSync(join(folder, 'notes.md'), '# Notes\n\n同条第2項の趣旨。\n');
    writeFileSync(join(folder, '.treaty-annotator.json'), config);
    return folder;
  };

  it('reads comments, and reports each problem at its line and column, as the editor does', () => {
    const root = workspace('// the team\'s settings\n{\n  "severity": { "no-antecedent": "off" }, /* quiet */\n  "colour": "red"\n}\n');
    const { status, stdout } = treatyCheck(root);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/\/\.treaty-annotator\.json:4:3: error: colour: unknown setting 'colour' \[invalid-config\]$/);
    // The rest of the file applies: the citation without an antecedent is not reported.
    expect(lines.slice(1, -1)).toEqual([]);
    expect(status).toBe(1);
  });

  it('gives the place of a syntax error in JSON too', () => {
    const root = workspace('{\n  "severity": {},\n}\n');
    const report = JSON.parse(treatyCheck('--format', 'json', root).stdout);
    expect(report.diagnostics[0]).toMatchObject({
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } },
      severity: 'error',
      code: 'invalid-config',
      message: 'invalid JSON: a property name in double quotes expected',
    });
  });
});

describe('treaty-check keeping its compiled code', () => {
  const newFolder = scratchFolders('treaty-check-code-');
  const codeFiles = (folder: string): string[] => readdirSync(folder).filter((name) => name.endsWith('.v8-code'));

  it('runs the next check from the code a check kept, with the same report', () => {
    const temporary = newFolder('tmp');
    const env = { LANG: 'C.UTF-8', TMPDIR: temporary };
    const first = treatyCheckIn(env, '--debug', 'samples');
    expect(first.stderr).toContain('code cache: empty');
    const [kept] = readdirSync(temporary);
    expect(kept).toMatch(/^treaty-annotator-/);
    expect(codeFiles(join(temporary, kept!))).toEqual([expect.stringMatching(/^cliMain-/)]);
    const second = treatyCheckIn(env, '--debug', 'samples');
    expect(second.stderr).toContain('code cache: taken');
    expect(second.stdout).toBe(first.stdout);
    expect(second.status).toBe(1);
  });

  it('keeps it beside the facts cache with --cache, where TREATY_CHECK_CODE_CACHE says, or nowhere with off', () => {
    const facts = newFolder('facts');
    const temporary = newFolder('tmp');
    treatyCheckIn({ LANG: 'C.UTF-8', TMPDIR: temporary }, '--cache', facts, 'samples');
    expect(codeFiles(facts)).toHaveLength(1);
    const named = newFolder('named');
    treatyCheckIn({ LANG: 'C.UTF-8', TMPDIR: temporary, TREATY_CHECK_CODE_CACHE: named }, 'samples');
    expect(codeFiles(named)).toHaveLength(1);
    const off = treatyCheckIn({ LANG: 'C.UTF-8', TMPDIR: temporary, TREATY_CHECK_CODE_CACHE: 'off' }, '--debug', 'samples');
    expect(off.stderr).toContain('code cache: off');
    expect(readdirSync(temporary)).toEqual([]);
  });

  it('keeps nothing after a usage text, which compiles too little of it', () => {
    const named = newFolder('named');
    treatyCheckIn({ LANG: 'C.UTF-8', TREATY_CHECK_CODE_CACHE: named }, '--help');
    treatyCheckIn({ LANG: 'C.UTF-8', TREATY_CHECK_CODE_CACHE: named }, 'check', '-h');
    treatyCheckIn({ LANG: 'C.UTF-8', TREATY_CHECK_CODE_CACHE: named }, '--format', 'xml', 'samples');
    expect(codeFiles(named)).toEqual([]);
  });
});

describe('treaty-check on bad invocations', () => {
  it('exits 2 with a clear message for an unknown format', () => {
    const { status, stderr } = treatyCheck('--format', 'xml', 'samples');
    expect(status).toBe(2);
    expect(stderr).toContain('--format takes text or json');
  });

  it('exits 2 for a path that does not exist', () => {
    const { status, stderr } = treatyCheck('no/such/folder');
    expect(status).toBe(2);
    expect(stderr).toContain('no such file or directory');
  });
});
