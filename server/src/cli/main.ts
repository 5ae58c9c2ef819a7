// treaty-check: the command-line checker over the same core as the editor, for CI pipelines.
// `treaty-check [check] [options] [paths…]` checks (the default command); further commands live beside this file,
// one module each, and are listed in COMMANDS. Exit 0 clean, 1 errors (or nothing to do), 2 usage, network or I/O.

import { join } from 'node:path';
import { runCheck, CHECK_USAGE } from './check';
import type { CodeCache } from '../node/codeCache';
import { CliError, EXPORT_USAGE, IMPORT_USAGE, type Command } from './command';

/** Export and import: a bundle beside this one, read only when one of them runs (see exportImport.ts). */
const exportImport = (): typeof import('./exportImport') =>
  // A path made at run time, which the bundler leaves alone: the bundle it names is built beside this one.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(join(__dirname, 'cli-export-import.js')) as typeof import('./exportImport');

const COMMANDS: Readonly<Record<string, Command>> = {
  check: { usage: CHECK_USAGE, run: runCheck },
  export: { usage: EXPORT_USAGE, run: (argv) => exportImport().runExport(argv) },
  import: { usage: IMPORT_USAGE, run: (argv) => exportImport().runImport(argv) },
};

const USAGE = Object.values(COMMANDS)
  .map((command) => command.usage)
  .join('\n');

export async function main(argv: readonly string[]): Promise<number> {
  const [first] = argv;
  if (first === '--help' || first === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { command, args } = commandOf(argv);
  return command.run(args);
}

/** The command the arguments name (a check when the first is none), and the arguments after its name. */
function commandOf(argv: readonly string[]): { command: Command; args: readonly string[] } {
  const [first, ...rest] = argv;
  const named = first !== undefined && Object.hasOwn(COMMANDS, first);
  return named ? { command: COMMANDS[first]!, args: rest } : { command: COMMANDS.check!, args: argv };
}

/**
 * Runs the command line as a process: the exit status, errors as one line (the stack with `--debug`), and the
 * compiled code kept for the next run once a check has run (launch.ts; a usage text compiles too little of it).
 */
export function run(argv: readonly string[], codeCache: CodeCache): void {
  // A reader that stops early (`| head`) is not an error of ours: reporters meet it as a failed write.
  const closedOutput = (error: unknown): boolean => (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (closedOutput(error)) process.exit(process.exitCode ?? 0);
    throw error;
  });
  const debug = argv.includes('--debug');
  const args = argv.filter((argument) => argument !== '--debug');
  if (debug) process.stderr.write(`treaty-check: code cache: ${codeCache.state}\n`);
  main(args).then(
    async (status) => {
      process.exitCode = status;
      const { command, args: commandArgs } = commandOf(args);
      const checked = command === COMMANDS.check && !commandArgs.some((argument) => argument === '--help' || argument === '-h');
      if (checked && status <= 1) await codeCache.save();
      // Reports are written synchronously: ending now spares tearing down the index's heap (30–50 ms at ×1), unless
      // a stream still holds output (a usage text on a pipe that node writes asynchronously, as on Windows).
      if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(status);
    },
    (error: unknown) => {
      if (closedOutput(error)) return;
      // One line saying what happened; the stack only when asked for.
      const message = error instanceof CliError ? error.message : `${(error as Error)?.message ?? String(error)}`;
      process.stderr.write(`treaty-check: ${debug ? ((error as Error)?.stack ?? message) : message}\n`);
      process.exitCode = error instanceof CliError ? error.status : 2;
    },
  );
}
