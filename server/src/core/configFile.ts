// `.treaty-annotator.json`, read the same way by the editor's server and by `treaty-check`: JSON with comments,
// each problem at the exact span it concerns in the file (the server shows them as diagnostics, the CLI as file:line:column).

import { findNodeAtLocation, parse, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { DEFAULT_CONFIG, mergeConfig, type TreatyConfig } from './config';
import type { Span } from './types';

/** The configuration file's name, looked for at the top of each workspace folder (or of the CLI's first path). */
export const CONFIG_FILE_NAME = '.treaty-annotator.json';

/** A configuration file larger than this is certainly not one, and is not read. */
export const CONFIG_MAX_SIZE = 1024 * 1024;

export interface ConfigFileProblem {
  readonly span: Span;
  readonly message: string;
}

export interface ParsedConfigFile {
  /** The parsed settings object, or undefined when the file does not parse. */
  readonly raw: unknown;
  /** The file's settings over the defaults (invalid values dropped). */
  readonly config: TreatyConfig;
  readonly problems: readonly ConfigFileProblem[];
}

/** Parses a configuration file and checks it against the defaults; never throws. */
export function parseConfigFile(text: string): ParsedConfigFile {
  const errors: ParseError[] = [];
  const raw: unknown = parse(text, errors, { allowTrailingComma: false, disallowComments: false });
  // Only the first syntax error: those after it mostly follow from it (a trailing comma is reported twice).
  const [error] = errors;
  if (error) {
    const start = Math.min(error.offset, text.length);
    const span = { start, end: Math.min(start + Math.max(error.length, 1), text.length) };
    return { raw: undefined, config: DEFAULT_CONFIG, problems: [{ span, message: `invalid JSON: ${syntaxMessage(error)}` }] };
  }
  const { config, problems } = mergeConfig(DEFAULT_CONFIG, raw);
  if (problems.length === 0) return { raw, config, problems: [] };
  const tree = parseTree(text);
  return { raw, config, problems: problems.map((problem) => ({ span: locate(tree, problem.path, text), message: problemMessage(problem.path, problem.message) })) };
}

/** A configuration file that exists but cannot be read as text. */
export function unreadableConfig(reason: string): ParsedConfigFile {
  return { raw: undefined, config: DEFAULT_CONFIG, problems: [{ span: { start: 0, end: 0 }, message: `cannot read the configuration: ${reason}` }] };
}

/** `path: message`, or the message alone for a problem of the whole file. */
export function problemMessage(path: string, message: string): string {
  return path === '' ? message : `${path}: ${message}`;
}

const SYNTAX_MESSAGES: Partial<Record<ReturnType<typeof printParseErrorCode>, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a property name in double quotes expected',
  ValueExpected: 'a value expected',
  ColonExpected: 'a colon expected',
  CommaExpected: 'a comma expected',
  CloseBraceExpected: 'a closing brace expected',
  CloseBracketExpected: 'a closing bracket expected',
  EndOfFileExpected: 'nothing expected after the value',
  UnexpectedEndOfComment: 'unclosed comment',
  UnexpectedEndOfString: 'unclosed string',
  UnexpectedEndOfNumber: 'unfinished number',
  InvalidEscapeCharacter: 'invalid escape in a string',
  InvalidCharacter: 'invalid character in a string',
};

function syntaxMessage(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  return SYNTAX_MESSAGES[code] ?? code;
}

/**
 * The span of the key a problem's dotted path (`severity.unknown-foo`) names, or of the whole value for a problem of
 * the file itself. A top-level key may itself contain dots (an unknown setting `"a.b"`), so the whole path is tried too.
 */
function locate(tree: Node | undefined, path: string, text: string): Span {
  const whole = tree ? { start: tree.offset, end: tree.offset + tree.length } : { start: 0, end: Math.min(1, text.length) };
  if (!tree || path === '') return whole;
  const node = findNodeAtLocation(tree, path.split('.')) ?? findNodeAtLocation(tree, [path]);
  const key = node?.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
  return key ? { start: key.offset, end: key.offset + key.length } : whole;
}
