// `treaty-check import <source> [--out DIR] [--id ID] [--title T] [--egov-api URL] [--timeout S] [--force]`: one treaty document
// from an e-Gov XML file, a saved law_data JSON answer, `egov:<law id | law number | title>` (the e-Gov API), or a
// text or HTML file pasted from a PDF or a web page. Exit 0 written, 1 nothing to import, 2 usage, network or I/O.

import { existsSync, statSync } from 'node:fs';
import { ImportError, readBack } from '../core/import/index';
import { EgovError } from '../node/egov';
import { EGOV_PREFIX, FileExistsError, importSource, writeDocument } from '../node/importer';
import { CliError, IMPORT_USAGE, parseCommandLine } from './command';
import { display } from './output';


export async function runImport(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(
    argv,
    {
      out: { type: 'string' },
      id: { type: 'string' },
      title: { type: 'string' },
      'egov-api': { type: 'string' },
      timeout: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    IMPORT_USAGE,
  );
  if (values.help) {
    process.stdout.write(`${IMPORT_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new CliError(`import takes one source\n${IMPORT_USAGE}`);
  const source = positionals[0]!;
  const directory = values.out ?? '.';
  if (!existsSync(directory) || !statSync(directory).isDirectory()) throw new CliError(`no such directory: ${directory}`);
  if (source.startsWith(EGOV_PREFIX)) {
    if (source.slice(EGOV_PREFIX.length).trim() === '') throw new CliError(`egov: needs a law id, a law number or a title\n${IMPORT_USAGE}`);
  } else if (!existsSync(source) || !statSync(source).isFile()) {
    throw new CliError(`no such file: ${source}`);
  }

  const seconds = values.timeout === undefined ? undefined : Number(values.timeout);
  if (seconds !== undefined && !(seconds > 0)) throw new CliError(`--timeout takes a number of seconds, not ${values.timeout}`);
  let document;
  try {
    document = await importSource(source, {
      id: values.id,
      title: values.title,
      apiUrl: values['egov-api'],
      timeoutMs: seconds === undefined ? undefined : seconds * 1000,
    });
  } catch (error) {
    if (error instanceof ImportError) {
      if (error.kind === 'nothing') {
        process.stderr.write(`treaty-check: nothing to import from ${source}: ${error.message}\n`);
        return 1;
      }
      const choices = error.choices.map((choice) => `  egov:${choice.lawId}  ${choice.title}${choice.lawNumber ? `（${choice.lawNumber}）` : ''}`);
      throw new CliError([error.message, ...choices].join('\n'));
    }
    if (error instanceof EgovError) throw new CliError(error.message);
    throw error;
  }
  let path: string;
  try {
    path = writeDocument(document, directory, values.force === true);
  } catch (error) {
    if (error instanceof FileExistsError) throw new CliError(`${display(error.path)} exists; pass --force to replace it`);
    throw new CliError(`cannot write into ${directory}: ${(error as Error).message}`);
  }
  process.stdout.write(`${display(path)}: ${document.title} (${document.articles} articles)\n`);
  // What the written file says when read back: an import adds no numbering problem of its own.
  for (const problem of readBack(document)) process.stderr.write(`${display(path)}: note: ${problem.message} [${problem.code}]\n`);
  return 0;
}
