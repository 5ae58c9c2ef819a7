// Reads a document's YAML front matter into the fields the core knows; malformed YAML becomes a problem.

import { parseDocument } from 'yaml';
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

/** Parses `yaml` (which starts at `yamlStart` in the document) of the block at `span`. */
export function parseFrontMatter(yaml: string, yamlStart: number, span: Span): FrontMatterResult {
  const problems: ParseProblem[] = [];
  const problem = (message: string, at: Span = span): void => {
    problems.push({ span: at, code: 'invalid-front-matter', message });
  };
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
  const value: unknown = document.toJS({ maxAliasCount: 50 });
  if (value === null || value === undefined) return { frontMatter: { ...EMPTY_FRONT_MATTER, span }, keys: [], problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    problem('front matter must be a mapping of keys to values');
    return { frontMatter: { ...EMPTY_FRONT_MATTER, span }, keys: [], problems };
  }
  const record = value as Record<string, unknown>;
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
