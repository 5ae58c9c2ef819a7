// `--format sarif`: a SARIF 2.1.0 log for code scanning (GitHub, Azure DevOps, any SARIF viewer). One run; a rule
// per diagnostic code with its description and help; a result per problem with its location (UTF-16 columns, as
// the editor counts them), the related places, and the treaty and article as properties. Written as it goes.
import { pathToFileURL } from 'node:url';
import type { Diagnostic, DiagnosticCode, Severity } from '../../core/api';
import { DEFAULT_SEVERITY } from '../../core/config';
import type { CheckResult } from '../check';
import { displayUri, toRange } from '../output';
import type { Write } from './index';
import { streamed, writeJson } from './jsonStream';

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const REPOSITORY = 'https://github.com/treaty-annotator/treaty-annotator';
/** Where result paths are relative to: the directory treaty-check ran in (a CI job's checkout). */
const SOURCE_ROOT = '%SRCROOT%';

interface Rule {
  readonly name: string;
  /** One sentence: what is wrong. */
  readonly short: string;
  /** What to do about it. */
  readonly help: string;
}

/** Every diagnostic code, described for code-scanning tools (the typing makes a new code fail to build until it is here). */
export const RULES: Readonly<Record<DiagnosticCode, Rule>> = {
  'unknown-article': { name: 'UnknownArticle', short: 'A citation names an article the treaty does not have.', help: 'Correct the article number (the quick fix in the editor offers the nearest articles), or add the article to the treaty document.' },
  'unknown-paragraph': { name: 'UnknownParagraph', short: 'A citation names a paragraph the article does not have.', help: 'Correct the paragraph number, or check the article against the official text.' },
  'unknown-item': { name: 'UnknownItem', short: 'A citation names an item the article or paragraph does not have.', help: 'Correct the item number, or check the provision against the official text.' },
  'unknown-treaty': { name: 'UnknownTreaty', short: 'A citation names a treaty that has no document in the workspace.', help: 'Add the treaty as a document with `treaty:` and `title:` front matter, or correct the name.' },
  'no-antecedent': { name: 'NoAntecedent', short: 'A citation such as 同条 or "that Article" has nothing before it to refer to.', help: 'Write the article out in full, or move the citation after the one it refers to.' },
  'ambiguous-treaty': { name: 'AmbiguousTreaty', short: 'Which treaty a citation belongs to cannot be decided.', help: 'Qualify the citation with the treaty\'s name, or set the default treaty with `<!-- cites: id -->` or `cites:` front matter. A name two treaties share is settled by that directive.' },
  'missing-treaty-id': { name: 'MissingTreatyId', short: 'A treaty document has no `treaty:` id in its front matter.', help: 'Add `treaty: <id>` to the front matter; other documents cite the treaty by it.' },
  'duplicate-article': { name: 'DuplicateArticle', short: 'A treaty document has the same article twice.', help: 'Remove or renumber one of the two articles.' },
  'article-order': { name: 'ArticleOrder', short: 'An article is out of order, or articles are missing between two.', help: 'Check the numbering against the official text.' },
  'duplicate-treaty-name': { name: 'DuplicateTreatyName', short: 'Two treaty documents under different ids go by the same title, short name or alias.', help: 'Rename one of them (or give it another short name); a citation of the shared name cannot tell them apart.' },
  'invalid-front-matter': { name: 'InvalidFrontMatter', short: 'The front matter is not valid YAML or has a value of the wrong kind.', help: 'Correct the YAML between the `---` lines.' },
  'invalid-config': { name: 'InvalidConfig', short: 'The configuration file `.treaty-annotator.json` has a problem.', help: 'Correct the setting named in the message; the rest of the configuration still applies.' },
  'file-skipped': { name: 'FileSkipped', short: 'A file was not read: too large, binary, or not UTF-8.', help: 'Exclude the file, convert it to UTF-8, or raise `maxFileSize`.' },
  misquote: { name: 'Misquote', short: 'A quotation attached to a citation is not what the provision says.', help: 'Quote the treaty\'s words (the quick fix in the editor puts them in), or correct the citation.' },
  'parallel-structure': { name: 'ParallelStructure', short: 'Language versions of one treaty differ in their articles or paragraphs.', help: 'Check both versions against their official texts.' },
};

const CODES = Object.keys(RULES) as DiagnosticCode[];

const LEVELS: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/**
 * Text from documents and messages as a SARIF plain-text message: braces doubled (a single one would start a
 * placeholder) and `](` broken (it would close an embedded link).
 */
export function sarifText(text: string): string {
  return text.replace(/[{}]/g, '$&$&').replace(/\]\(/g, '\\](');
}

/** A relative path as a URI reference: each segment percent-encoded, forward slashes. */
function uriReference(file: string): string {
  return file.split('/').map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment))).join('/');
}

type Range = ReturnType<typeof toRange>;

function physicalLocation(file: string, range: Range) {
  return {
    artifactLocation: { uri: uriReference(file), uriBaseId: SOURCE_ROOT },
    region: { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 },
  };
}

export function sarifReport({ service, diagnostics, configDiagnostics }: CheckResult, write: Write): void {
  const result = (code: DiagnosticCode, severity: Severity, message: string, location: ReturnType<typeof physicalLocation>, extra: Partial<Pick<Diagnostic, 'related' | 'data'>> = {}) => {
    const data = extra.data ?? {};
    const properties = Object.fromEntries(
      (
        [
          ['treaty', data.treatyId],
          ['article', data.article],
          ['treatyName', data.treatyName],
        ] as const
      ).filter(([, value]) => typeof value === 'string'),
    );
    const related = (extra.related ?? []).map(({ location: place, message: text }, index) => ({
      id: index,
      physicalLocation: physicalLocation(displayUri(place.uri), toRange(service, place.uri, place.span)),
      ...(text ? { message: { text: sarifText(text) } } : {}),
    }));
    return {
      ruleId: code,
      ruleIndex: CODES.indexOf(code),
      level: LEVELS[severity],
      message: { text: sarifText(message) },
      locations: [{ physicalLocation: location }],
      ...(related.length > 0 ? { relatedLocations: related } : {}),
      ...(Object.keys(properties).length > 0 ? { properties } : {}),
    };
  };
  function* results() {
    for (const entry of configDiagnostics) yield result(entry.code, entry.severity, entry.message, physicalLocation(entry.file, entry.range));
    for (const { file, uri, diagnostic } of diagnostics) {
      yield result(diagnostic.code, diagnostic.severity, diagnostic.message, physicalLocation(file, toRange(service, uri, diagnostic.span)), diagnostic);
    }
  }
  writeJson(
    {
      $schema: SCHEMA,
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'treaty-check',
              informationUri: REPOSITORY,
              rules: CODES.map((code) => ({
                id: code,
                name: RULES[code].name,
                shortDescription: { text: RULES[code].short },
                fullDescription: { text: `${RULES[code].short} ${RULES[code].help}`.replace(/`/g, '') },
                help: { text: RULES[code].help.replace(/`/g, ''), markdown: RULES[code].help },
                defaultConfiguration: { level: LEVELS[DEFAULT_SEVERITY[code]] },
              })),
            },
          },
          originalUriBaseIds: { [SOURCE_ROOT]: { uri: directoryUri(process.cwd()) } },
          columnKind: 'utf16CodeUnits',
          results: streamed(results()),
        },
      ],
    },
    write,
  );
}

/** The current directory as a `file:` URI ending in `/`, as originalUriBaseIds requires. */
function directoryUri(path: string): string {
  const url = pathToFileURL(path).href;
  return url.endsWith('/') ? url : `${url}/`;
}
