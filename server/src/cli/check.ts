// `treaty-check [check] [--format F] [--coverage] [--lang ja|en] [paths…]`: index the paths and report what is wrong.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createTreatyService, type Diagnostic, type TreatyService } from '../core/index';
import { displayLanguageOf, type DisplayLanguage } from '../core/messages/index';
import { LineIndex, type LineCharacter } from '../core/text/lineIndex';
import { loadConfig } from '../node/config';
import { NodeWorkspace } from '../node/files';
import { indexFiles } from '../node/workerPool';
import { CliError, oneOf, parseCommandLine } from './command';
import { displayUri, display, stdoutWriter } from './output';
import { REPORTERS, COVERAGE_REPORTERS, type Format } from './report/index';

export const CHECK_USAGE = `usage: treaty-check [check] [--format ${Object.keys(REPORTERS).join('|')}] [--coverage] [--lang ja|en] [--workers N] [--cache DIR] [paths…]`;

/** What a check found, handed to a reporter. */
export interface CheckResult {
  readonly service: TreatyService;
  readonly uris: readonly string[];
  readonly diagnostics: readonly { readonly file: string; readonly uri: string; readonly diagnostic: Diagnostic }[];
  /** Problems of the configuration file, which has no document in the index. */
  readonly configDiagnostics: readonly {
    readonly file: string;
    readonly range: { readonly start: LineCharacter; readonly end: LineCharacter };
    readonly severity: 'error';
    readonly code: 'invalid-config';
    readonly message: string;
  }[];
  readonly errors: number;
}

export async function runCheck(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(
    argv,
    { format: { type: 'string' }, coverage: { type: 'boolean' }, lang: { type: 'string' }, workers: { type: 'string' }, cache: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    CHECK_USAGE,
  );
  if (values.help) {
    process.stdout.write(`${CHECK_USAGE}\n`);
    return 0;
  }
  const format = oneOf<Format>('format', values.format, Object.keys(REPORTERS) as Format[], 'text');
  const language = oneOf<DisplayLanguage>('lang', values.lang, ['ja', 'en'], environmentLanguage());
  const paths = positionals.length > 0 ? positionals : ['.'];
  const missing = paths.filter((path) => !existsSync(path));
  if (missing.length > 0) throw new CliError(`no such file or directory: ${missing.join(', ')}`);

  const roots = paths.map((path) => resolve(path));
  const { file: configFile, text: configText, parsed } = loadConfig(roots);
  const config = { ...parsed.config, language };
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) throw new CliError(`--workers takes a whole number (0: no worker threads), not ${values.workers}`);
  const workspace = new NodeWorkspace(roots, config);
  const service = createTreatyService({ workspace, config });
  const indexed = await indexFiles(service, workspace.filesToAnalyze(), config, {
    workers,
    cacheDirectory: values.cache,
    log: (message) => void process.stderr.write(`treaty-check: ${message}\n`),
  });
  await indexed.saveCache();
  const output = stdoutWriter();
  if (values.coverage) {
    const report = COVERAGE_REPORTERS[format];
    if (!report) throw new CliError(`--coverage takes --format ${Object.keys(COVERAGE_REPORTERS).join(' or ')}, not ${format}`);
    report(service, output.write);
    output.end();
    return 0;
  }

  const uris = service.getDocumentUris();
  const diagnostics = uris.flatMap((uri) => {
    const file = displayUri(uri);
    return service.getDiagnostics(uri).map((diagnostic) => ({ file, uri, diagnostic }));
  });
  const configLines = new LineIndex(configText);
  const configDiagnostics = parsed.problems.map(({ span, message }) => ({
    file: display(configFile!),
    range: { start: configLines.positionAt(span.start), end: configLines.positionAt(span.end) },
    severity: 'error' as const,
    code: 'invalid-config' as const,
    message,
  }));
  const errors = diagnostics.filter((entry) => entry.diagnostic.severity === 'error').length + configDiagnostics.length;
  REPORTERS[format]({ service, uris, diagnostics, configDiagnostics, errors }, output.write);
  output.end();
  return errors > 0 ? 1 : 0;
}

/** The language of the user's locale, as POSIX ranks its variables (`LC_ALL`, then `LC_MESSAGES`, then `LANG`). */
export function environmentLanguage(env: NodeJS.ProcessEnv = process.env): DisplayLanguage {
  return displayLanguageOf([env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== ''));
}
