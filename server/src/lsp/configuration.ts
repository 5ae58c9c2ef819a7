// Turns `.treaty-annotator.json` files and the editor's `treatyAnnotator.*` settings into TreatyConfig.
// Problems come back with the span they concern in the file, so the server can show them as diagnostics.

import { DEFAULT_CONFIG, mergeConfig, type TreatyConfig } from '../core/config';
import type { Span } from '../core/index';

export const CONFIG_FILE_NAME = '.treaty-annotator.json';

export interface ConfigFileProblem {
  readonly span: Span;
  readonly message: string;
}

export interface ParsedConfigFile {
  /** The parsed JSON, or undefined when the file does not parse. */
  readonly raw: unknown;
  readonly problems: readonly ConfigFileProblem[];
}

/** Parses a configuration file and checks it against the defaults; never throws. */
export function parseConfigFile(text: string): ParsedConfigFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const offset = position ? Math.min(Number(position[1]), text.length) : 0;
    return { raw: undefined, problems: [{ span: { start: offset, end: Math.min(offset + 1, text.length) }, message: `invalid JSON: ${message}` }] };
  }
  const { problems } = mergeConfig(DEFAULT_CONFIG, raw);
  return { raw, problems: problems.map((problem) => ({ span: locateKey(text, problem.path), message: problemMessage(problem.path, problem.message) })) };
}

/** A configuration file that exists but cannot be read as text. */
export function unreadableConfig(reason: string): ParsedConfigFile {
  return { raw: undefined, problems: [{ span: { start: 0, end: 0 }, message: `cannot read the configuration: ${reason}` }] };
}

function problemMessage(path: string, message: string): string {
  return path === '' ? message : `${path}: ${message}`;
}

/** The span of the last key of a dotted path (`severity.unknown-foo`), found by searching for each key in turn. */
function locateKey(text: string, path: string): Span {
  let from = 0;
  let span: Span = { start: 0, end: Math.min(1, text.length) };
  for (const key of path.split('.').filter((part) => part !== '')) {
    const quoted = JSON.stringify(key);
    const index = text.indexOf(quoted, from);
    if (index < 0) break;
    span = { start: index, end: index + quoted.length };
    from = span.end;
  }
  return span;
}

/** The editor settings under `treatyAnnotator`, as VS Code (or another client) sends them. */
export interface EditorSettings {
  readonly include?: readonly string[] | null;
  readonly exclude?: readonly string[] | null;
  readonly severity?: Readonly<Record<string, string>> | null;
  readonly unknownTreatySeverity?: string | null;
  readonly inlayHints?: { readonly enabled?: boolean | null } | null;
  readonly maxFileSize?: number | null;
  readonly languages?: readonly string[] | null;
  readonly hover?: { readonly parallelTextOrder?: readonly string[] | null } | null;
  /** The display language: `auto` (the client's locale), `ja` or `en`. */
  readonly language?: string | null;
}

/**
 * The settings object in `.treaty-annotator.json` shape, with only what the user set: empty lists and nulls
 * (the contributed defaults) leave the configuration file's values alone.
 */
export function settingsToRaw(settings: EditorSettings | null | undefined): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  if (!settings || typeof settings !== 'object') return raw;
  if (Array.isArray(settings.include) && settings.include.length > 0) raw.include = settings.include;
  if (Array.isArray(settings.exclude) && settings.exclude.length > 0) raw.exclude = settings.exclude;
  const severity: Record<string, unknown> = { ...(typeof settings.severity === 'object' ? settings.severity : {}) };
  if (typeof settings.unknownTreatySeverity === 'string') severity['unknown-treaty'] = settings.unknownTreatySeverity;
  if (Object.keys(severity).length > 0) raw.severity = severity;
  if (typeof settings.inlayHints?.enabled === 'boolean') raw.inlayHints = settings.inlayHints.enabled;
  if (typeof settings.maxFileSize === 'number') raw.maxFileSize = settings.maxFileSize;
  if (Array.isArray(settings.languages) && settings.languages.length > 0) raw.languages = settings.languages;
  if (Array.isArray(settings.hover?.parallelTextOrder) && settings.hover.parallelTextOrder.length > 0) raw.parallelTextOrder = settings.hover.parallelTextOrder;
  return raw;
}

/** Defaults, then each folder's file in order, then the editor settings on top. */
export function combineConfig(fileConfigs: readonly unknown[], editorRaw: Record<string, unknown>): { config: TreatyConfig; settingsProblems: string[] } {
  let config = DEFAULT_CONFIG;
  for (const raw of fileConfigs) config = mergeConfig(config, raw).config;
  const merged = mergeConfig(config, editorRaw);
  return { config: merged.config, settingsProblems: merged.problems.map((problem) => `treatyAnnotator.${problemMessage(problem.path, problem.message)}`) };
}
