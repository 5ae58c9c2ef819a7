// treaty-check for code scanning: `--format sarif` (validated against the SARIF 2.1.0 schema, test/data/SOURCES.md)
// and `--format github` (workflow commands that become annotations), on the samples and on a workspace whose texts
// hold what these formats must escape.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../../server/src/cli/report/github';
import { sarifText } from '../../server/src/cli/report/sarif';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');

function treatyCheck(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, '--lang', 'en', ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'test/data/sarif-schema-2.1.0.json'), 'utf8')));

/** The schema's complaints about a log, one line each (none for a valid log). */
function schemaErrors(log: unknown): string[] {
  return validateSarif(log) ? [] : (validateSarif.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[];
  relatedLocations?: unknown[];
  properties?: Record<string, string>;
}

/** A treaty and two analyses: document text with braces, brackets, a percent sign and a surrogate pair, and a file name with a comma and a colon. */
const HOSTILE: Record<string, string> = {
  'treaties/port.md': '---\ntreaty: port\ntitle: Convention on Port Safety\nshort: Port Convention\n---\n## Article 1\nEach Party shall keep [its ports](1) open {0} to 100% of ships.\n## Article 2\nShips shall report.\n',
  'notes/a.md':
    '---\ncites: port\n---\n𠮷 Article 1 of the Port Convention says "Each Party shall keep [its ports] open {1} to 50% of ships." Article 9 of the Port Convention does not exist.\n',
  'notes/bad,front:matter.md': '---\ntitle: [unclosed\n---\nNothing.\n',
};

describe('treaty-check --format sarif', () => {
  it('writes a SARIF 2.1.0 log of the samples, a result for each line the text format prints', () => {
    const { status, stdout } = treatyCheck(ROOT, '--format', 'sarif', 'samples');
    const log = JSON.parse(stdout);
    expect(schemaErrors(log)).toEqual([]);
    expect(schemaErrors({ version: '2.1.0', runs: [{ results: [] }] })).toContain("/runs/0 must have required property 'tool'");
    expect(status).toBe(1);
    const [run] = log.runs;
    expect(run.tool.driver.name).toBe('treaty-check');
    expect(run.columnKind).toBe('utf16CodeUnits');
    const rules = run.tool.driver.rules as { id: string; shortDescription: { text: string }; help: { text: string } }[];
    expect(rules.map((rule) => rule.id)).toContain('duplicate-treaty-name');
    for (const rule of rules) expect([rule.shortDescription.text.length > 0, rule.help.text.length > 0]).toEqual([true, true]);
    const results = run.results as SarifResult[];
    const asText = results.map((result) => {
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      expect(rules[result.ruleIndex]!.id).toBe(result.ruleId);
      return `${decodeURIComponent(artifactLocation.uri)}:${region.startLine}:${region.startColumn}: ${result.ruleId} ${result.level}`;
    });
    const text = treatyCheck(ROOT, 'samples')
      .stdout.trim()
      .split('\n')
      .slice(0, -1)
      .map((line) => line.replace(/^(\S+?:\d+:\d+): (\w+): .*\[(.+)\]$/, (_, place: string, severity: string, code: string) => `${place}: ${code} ${{ information: 'note', hint: 'note' }[severity] ?? severity}`));
    expect(asText).toEqual(text);
    const unknown = results.find((result) => result.ruleId === 'unknown-article')!;
    expect(unknown.properties).toMatchObject({ treaty: expect.any(String), article: expect.any(String) });
  });

  describe('on text that must be escaped', () => {
    let root: string;
    beforeAll(() => {
      root = mkdtempSync(join(tmpdir(), 'treaty-scanning-'));
      for (const [path, text] of Object.entries(HOSTILE)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      }
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('stays valid SARIF: braces doubled, a link-like `](` broken, paths percent-encoded, columns in UTF-16 code units', () => {
      const { stdout } = treatyCheck(root, '--format', 'sarif', '.');
      const log = JSON.parse(stdout);
      expect(schemaErrors(log)).toEqual([]);
      const results = log.runs[0].results as SarifResult[];
      const misquote = results.find((result) => result.ruleId === 'misquote')!;
      expect(misquote.message.text).toBe(
        'The quotation does not match Article 1 of the Port Convention, which reads: "Each Party shall keep [its ports\\](1) open {{0}} to 100% of ships."',
      );
      // 𠮷 is two UTF-16 code units: the quotation's opening mark is the 43rd.
      expect(misquote.locations[0]!.physicalLocation.region).toMatchObject({ startLine: 4, startColumn: 43 });
      expect(misquote.properties).toEqual({ treaty: 'port', article: '1', treatyName: 'Convention on Port Safety' });
      expect(results.find((result) => result.ruleId === 'unknown-article')!.properties).toEqual({ treaty: 'port', article: '9', treatyName: 'Convention on Port Safety' });
      const front = results.find((result) => result.ruleId === 'invalid-front-matter')!;
      expect(front.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'notes/bad%2Cfront%3Amatter.md', uriBaseId: '%SRCROOT%' });
    });

    it('writes GitHub workflow commands with their properties and messages escaped, then the summary', () => {
      const { status, stdout } = treatyCheck(root, '--format', 'github', '.');
      expect(stdout.split('\n')).toEqual([
        '::error file=notes/a.md,line=4,col=104,endLine=4,endColumn=136,title=treaty-check unknown-article::Port Convention has no Article 9 (it has Articles 1–2)',
        '::warning file=notes/a.md,line=4,col=43,endLine=4,endColumn=102,title=treaty-check misquote::The quotation does not match Article 1 of the Port Convention, which reads: "Each Party shall keep [its ports](1) open {0} to 100%25 of ships."',
        '::error file=notes/bad%2Cfront%3Amatter.md,line=3,col=1,endLine=3,endColumn=1,title=treaty-check invalid-front-matter::malformed YAML front matter: Flow sequence in block collection must be sufficiently indented and end with a ]',
        '3 files (1 treaties, 2 analyses), 2 citations: 2 errors, 1 warnings, 0 notes',
        '',
      ]);
      expect(status).toBe(1);
    });
  });
});

describe('the escaping of each format', () => {
  it('GitHub: %, CR and LF in a message; also : and , in a property', () => {
    expect(escapeData('100% sure\r\nnext: a, b')).toBe('100%25 sure%0D%0Anext: a, b');
    expect(escapeProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A');
  });

  it('SARIF: braces doubled, `](` broken; line breaks and quotes are left to JSON', () => {
    expect(sarifText('{0} and [x](1)\n"q"')).toBe('{{0}} and [x\\](1)\n"q"');
  });
});
