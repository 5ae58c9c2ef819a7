// treaty-check: the command-line checker over the same core as the editor, for CI pipelines.
// Usage: treaty-check [--format text|json] [--coverage] [paths…]; exit 0 clean, 1 errors, 2 usage or I/O
// (--coverage prints which articles are cited, and exits 0).

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { createTreatyService, type Diagnostic, type TreatyService } from './core/index';
import { DEFAULT_CONFIG, mergeConfig, type TreatyConfig } from './core/config';
import type { Span } from './core/types';
import { CONFIG_FILE, NodeWorkspace, uriToPath } from './node/files';

const USAGE = 'usage: treaty-check [--format text|json] [--coverage] [paths…]';

interface Options {
  readonly format: 'text' | 'json';
  /** Print which articles the documents cite (a report; exit 0) instead of checking. */
  readonly coverage: boolean;
  readonly paths: readonly string[];
}

function parseArguments(argv: readonly string[]): Options | string {
  let format: Options['format'] = 'text';
  let coverage = false;
  const paths: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === '--format') {
      const value = argv[++index];
      if (value !== 'text' && value !== 'json') return `--format takes text or json, not ${value ?? 'nothing'}`;
      format = value;
    } else if (argument.startsWith('--format=')) {
      const value = argument.slice('--format='.length);
      if (value !== 'text' && value !== 'json') return `--format takes text or json, not ${value}`;
      format = value;
    } else if (argument === '--coverage') {
      coverage = true;
    } else if (argument === '--help' || argument === '-h') {
      return USAGE;
    } else if (argument.startsWith('-')) {
      return `unknown option ${argument}`;
    } else {
      paths.push(argument);
    }
  }
  return { format, coverage, paths: paths.length > 0 ? paths : ['.'] };
}

/** Reads `.treaty-annotator.json` from the first directory given (or the current one). */
function loadConfig(roots: readonly string[]): { config: TreatyConfig; file: string | null; problems: string[] } {
  const directory = roots.map((root) => (statSync(root).isDirectory() ? root : dirname(root)))[0] ?? '.';
  const file = resolve(directory, CONFIG_FILE);
  if (!existsSync(file)) return { config: DEFAULT_CONFIG, file: null, problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { config: DEFAULT_CONFIG, file, problems: [`not valid JSON: ${(error as Error).message}`] };
  }
  const merged = mergeConfig(DEFAULT_CONFIG, raw);
  return { config: merged.config, file, problems: merged.problems.map((problem) => `${problem.path || '(root)'}: ${problem.message}`) };
}

const display = (path: string): string => relative(process.cwd(), path).split(sep).join('/') || '.';

function toRange(service: TreatyService, uri: string, span: Span) {
  const lines = service.getLineIndex(uri);
  const start = lines?.positionAt(span.start) ?? { line: 0, character: 0 };
  const end = lines?.positionAt(span.end) ?? start;
  return { start, end };
}

export function main(argv: readonly string[]): number {
  const options = parseArguments(argv);
  if (typeof options === 'string') {
    (options === USAGE ? process.stdout : process.stderr).write(`${options}\n`);
    return options === USAGE ? 0 : 2;
  }
  const missing = options.paths.filter((path) => !existsSync(path));
  if (missing.length > 0) {
    process.stderr.write(`treaty-check: no such file or directory: ${missing.join(', ')}\n`);
    return 2;
  }
  const roots = options.paths.map((path) => resolve(path));
  const { config, file: configFile, problems: configProblems } = loadConfig(roots);
  const service = createTreatyService({ workspace: new NodeWorkspace(roots, config), config });
  service.indexWorkspace();
  if (options.coverage) {
    process.stdout.write(options.format === 'json' ? coverageJson(service) : coverageTable(service));
    return 0;
  }

  const uris = service.getDocumentUris();
  const diagnostics: { file: string; uri: string; diagnostic: Diagnostic }[] = [];
  for (const uri of uris) {
    for (const diagnostic of service.getDiagnostics(uri)) diagnostics.push({ file: display(uriToPath(uri)), uri, diagnostic });
  }
  const configDiagnostics = configProblems.map((message) => ({ file: display(configFile!), severity: 'error' as const, code: 'invalid-config', message }));
  const errors = diagnostics.filter((entry) => entry.diagnostic.severity === 'error').length + configDiagnostics.length;

  if (options.format === 'json') {
    const output = {
      version: 1,
      treaties: service.getTreaties().map(({ uri, treaty }) => ({
        id: treaty.id,
        title: treaty.title,
        file: display(uriToPath(uri)),
        articles: treaty.articles.map((article) => ({
          number: article.number,
          label: article.label,
          supplementary: article.supplementary,
          range: toRange(service, uri, article.span),
          paragraphs: article.paragraphs.map((paragraph) => ({
            number: paragraph.number,
            range: toRange(service, uri, paragraph.span),
            items: paragraph.items.map((item) => ({ number: item.number, range: toRange(service, uri, item.span) })),
          })),
        })),
      })),
      citations: uris.flatMap((uri) =>
        service.getCitations(uri).map((citation) => ({
          file: display(uriToPath(uri)),
          range: toRange(service, uri, citation.span),
          text: citation.text,
          treaty: citation.treatyId,
          treatyName: citation.treatyName,
          article: citation.article,
          paragraph: citation.paragraph,
          item: citation.item,
          subitem: citation.subitem,
          part: citation.part,
          kind: citation.kind,
          target: citation.target ? { file: display(uriToPath(citation.target.uri)), range: toRange(service, citation.target.uri, citation.target.span) } : null,
        })),
      ),
      diagnostics: [
        ...configDiagnostics.map((entry) => ({ ...entry, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } })),
        ...diagnostics.map(({ file, uri, diagnostic }) => ({
          file,
          range: toRange(service, uri, diagnostic.span),
          severity: diagnostic.severity,
          code: diagnostic.code,
          message: diagnostic.message,
        })),
      ],
    };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } else {
    const lines: string[] = [];
    for (const entry of configDiagnostics) lines.push(`${entry.file}:1:1: error: ${entry.message} [invalid-config]`);
    for (const { file, uri, diagnostic } of diagnostics) {
      const { start } = toRange(service, uri, diagnostic.span);
      lines.push(`${file}:${start.line + 1}:${start.character + 1}: ${diagnostic.severity}: ${diagnostic.message} [${diagnostic.code}]`);
    }
    const count = (severity: string) => diagnostics.filter((entry) => entry.diagnostic.severity === severity).length;
    const stats = service.getStats();
    lines.push(
      `${uris.length} files (${stats.treaties} treaties, ${stats.analyses} analyses), ${stats.citations} citations: ` +
        `${errors} errors, ${count('warning')} warnings, ${count('information') + count('hint')} notes`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return errors > 0 ? 1 : 0;
}

/** `{"version":1,"coverage":[{"treaty","article","label","documents","citations"}]}`: a row per article of every treaty. */
function coverageJson(service: TreatyService): string {
  const coverage = service.getCoverage().flatMap((treaty) =>
    treaty.articles.map((article) => ({ treaty: treaty.treaty, article: article.article, label: article.label, documents: article.documents, citations: article.citations })),
  );
  return `${JSON.stringify({ version: 1, coverage }, null, 2)}\n`;
}

/** Per treaty, a table of its articles with the documents and citations citing each; uncited ones marked. */
function coverageTable(service: TreatyService): string {
  const blocks = service.getCoverage().map((treaty) => {
    const rows = [['article', 'label', 'documents', 'citations', '']].concat(
      treaty.articles.map((article) => [article.article, article.label, String(article.documents), String(article.citations), article.documents === 0 ? 'uncited' : '']),
    );
    const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => displayWidth(row[column]!))));
    const lines = rows.map(
      (row) => `  ${row.map((cell, column) => (column === 2 || column === 3 ? ' '.repeat(widths[column]! - displayWidth(cell)) + cell : cell + ' '.repeat(widths[column]! - displayWidth(cell)))).join('  ')}`.trimEnd(),
    );
    const cited = treaty.articles.filter((article) => article.documents > 0).length;
    return [`${treaty.treaty}  ${treaty.title}  (${display(uriToPath(treaty.uri))})`, ...lines, `  ${cited} of ${treaty.articles.length} articles cited`].join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

/** Columns a terminal gives the text: East Asian wide characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(character) ? 2 : 1;
  return width;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`treaty-check: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  }
}
