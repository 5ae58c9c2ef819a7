// Reads a document's YAML front matter into the fields the core knows; malformed YAML becomes a problem.

import { parseDocument, visit } from 'yaml';
import type { ParseProblem, Span, TreatyFrontMatter } from './types';

export const EMPTY_FRONT_MATTER: TreatyFrontMatter = {
  treaty: null,
  title: null,
  short: null,
  aliases: [],
  lang: null,
  cites: null,
  span: null,
};

export interface FrontMatterResult {
  readonly frontMatter: TreatyFrontMatter;
  /** Keys present in the YAML (to tell a treaty document that lacks its id from an analysis). */
  readonly keys: readonly string[];
  readonly problems: readonly ParseProblem[];
}

// Bounds on what reaches the YAML library, whose cost grows fast with size, nesting and aliases: nesting of about a
// thousand levels overflows its stack (after which V8 may abort the whole process), and each self-referencing alias
// costs more than the last. A real front matter is a few short lines.
const MAX_YAML_LENGTH = 32 * 1024;
const MAX_YAML_NESTING = 200;
const MAX_YAML_ALIASES = 16;

/** Why a front matter is not given to the YAML library at all, or null. */
function refusal(yaml: string): string | null {
  if (yaml.length > MAX_YAML_LENGTH) return `front matter longer than ${MAX_YAML_LENGTH / 1024} KB is not read`;
  // An upper bound of the nesting: a line's indentation and block indicators, plus the open flow brackets.
  let flow = 0;
  let deepest = 0;
  for (const line of yaml.split(/\r\n|\r|\n/)) {
    let deepestFlow = flow;
    for (let index = 0; index < line.length; index++) {
      const code = line.charCodeAt(index);
      if (code === 0x5b || code === 0x7b) deepestFlow = Math.max(deepestFlow, ++flow);
      else if ((code === 0x5d || code === 0x7d) && flow > 0) flow--;
    }
    const indicators = line.match(/[-?:](?=\s|$)/g)?.length ?? 0;
    deepest = Math.max(deepest, line.length - line.trimStart().length + indicators + deepestFlow);
  }
  return deepest > MAX_YAML_NESTING ? `front matter nested more than ${MAX_YAML_NESTING} levels deep is not read` : null;
}

// A line `key: value` whose value YAML reads as that very string: not empty, no indicator first, no comment, no
// `: ` inside, no quotes, and not a null, a boolean or a number of the core schema (those go to the YAML library).
const SIMPLE_LINE = /^([A-Za-z][A-Za-z0-9_-]*): +([^\s\-?:,[\]{}#&*!|>'"%@`][^\x00-\x1f#"']*?) *$/;
const TYPED_SCALAR = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/**
 * The front matter every generated or hand-written analysis has (`cites: t01`, `title: …`): lines of a key and a plain
 * string, read without the YAML library, whose parse was a sixth of the time spent reading a document. Anything else
 * (lists, quotes, comments, numbers, a key twice, blank lines) returns null and is read by the library.
 */
function simpleMapping(yaml: string): Record<string, string> | null {
  const lines = yaml.split(/\r\n|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) return null;
  const record: Record<string, string> = {};
  for (const line of lines) {
    const match = SIMPLE_LINE.exec(line);
    if (!match || match[2]!.includes(': ') || match[2]!.endsWith(':') || TYPED_SCALAR.test(match[2]!) || Object.hasOwn(record, match[1]!)) return null;
    record[match[1]!] = match[2]!;
  }
  return record;
}

/** Parses `yaml` (which starts at `yamlStart` in the document) of the block at `span`. */
export function parseFrontMatter(yaml: string, yamlStart: number, span: Span): FrontMatterResult {
  const problems: ParseProblem[] = [];
  const problem = (message: string, at: Span = span): void => {
    problems.push({ span: at, code: 'invalid-front-matter', message });
  };
  const refused = refusal(yaml);
  if (refused) {
    problem(refused);
    return { frontMatter: { ...EMPTY_FRONT_MATTER, span }, keys: [], problems };
  }
  const simple = simpleMapping(yaml);
  if (simple) return fields(simple, span, problem, problems);
  let document;
  try {
    document = parseDocument(yaml, { prettyErrors: false, uniqueKeys: false });
  } catch (error) {
    problem(`front matter could not be read: ${String(error)}`);
    return { frontMatter: { ...EMPTY_FRONT_MATTER, span }, keys: [], problems };
  }
  for (const error of document.errors) {
    const [from, to] = error.pos;
    problem(`malformed YAML front matter: ${error.message.split('\n')[0]}`, {
      start: yamlStart + Math.max(0, Math.min(from, yaml.length)),
      end: yamlStart + Math.max(0, Math.min(Math.max(to, from + 1), yaml.length)),
    });
  }
  if (document.errors.length > 0) return { frontMatter: { ...EMPTY_FRONT_MATTER, span }, keys: [], problems };
  let aliasCount = 0;
  visit(document, { Alias: () => void aliasCount++ });
  let value: unknown;
  try {
    if (aliasCount > MAX_YAML_ALIASES) throw new Error(`more than ${MAX_YAML_ALIASES} aliases`);
    // Throws on an alias used before its anchor, or on one that expands too much ("billion laughs").
    value = document.toJS({ maxAliasCount: 50 });
  } catch (error) {
    problem(`front matter could not be read: ${error instanceof Error ? error.message : String(error)}`);
    return { frontMatter: { ...EMPTY_FRONT_MATTER, span }, keys: [], problems };
  }
  if (value === null || value === undefined) return { frontMatter: { ...EMPTY_FRONT_MATTER, span }, keys: [], problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    problem('front matter must be a mapping of keys to values');
    return { frontMatter: { ...EMPTY_FRONT_MATTER, span }, keys: [], problems };
  }
  return fields(value as Record<string, unknown>, span, problem, problems);
}

function fields(record: Record<string, unknown>, span: Span, problem: (message: string) => void, problems: ParseProblem[]): FrontMatterResult {
  const text = (key: string): string | null => {
    const field = record[key];
    if (field === undefined || field === null) return null;
    if (typeof field === 'string' || typeof field === 'number') return String(field).trim() || null;
    problem(`'${key}' must be a string`);
    return null;
  };
  let aliases: string[] = [];
  const rawAliases = record['aliases'];
  if (typeof rawAliases === 'string') aliases = [rawAliases];
  else if (Array.isArray(rawAliases) && rawAliases.every((alias) => typeof alias === 'string')) aliases = rawAliases;
  else if (rawAliases !== undefined && rawAliases !== null) problem(`'aliases' must be a list of names`);
  return {
    frontMatter: {
      treaty: text('treaty'),
      title: text('title'),
      short: text('short'),
      aliases: aliases.map((alias) => alias.trim()).filter((alias) => alias.length > 0),
      lang: text('lang'),
      cites: text('cites'),
      span,
    },
    keys: Object.keys(record),
    problems,
  };
}
