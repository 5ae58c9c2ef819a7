// What every treaty-check command shares: its shape, argument parsing with node:util, and how it fails.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface Command {
  /** One line of `treaty-check --help`. */
  readonly usage: string;
  /** Runs the command with the arguments after its name; resolves to the exit status. */
  run(argv: readonly string[]): Promise<number> | number;
}

/** A failure the user can act on: printed as one line, with this exit status. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly status = 2,
  ) {
    super(message);
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** `parseArgs` that throws a CliError carrying the usage line on unknown options or bad values. */
export function parseCommandLine<T extends Options>(argv: readonly string[], options: T, usage: string) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${usage}`);
  }
}

/** The value of an option that takes one of a few words. */
export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(`--${name} takes ${allowed.join(' or ')}, not ${value}`);
}

// The usage lines of the commands the dispatcher loads only when they run (their libraries are large), so that
// `--help` and the check need none of them.
export const EXPORT_USAGE = 'usage: treaty-check export --html <dir> [--lang ja|en] [paths…]';
export const IMPORT_USAGE =
  'usage: treaty-check import <file.xml | law_data.json | file.txt | file.html | egov:<law id | law number | title>> [--out DIR] [--id ID] [--title T] [--egov-api URL] [--timeout SECONDS] [--force]';
