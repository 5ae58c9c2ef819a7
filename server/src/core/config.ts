// One configuration for the editor and the command line: `.treaty-annotator.json`, editor settings on top.
// Parsing never throws: invalid values are dropped and reported as problems with their reason.

import type { DiagnosticCode, Severity } from './api';
import type { DisplayLanguage } from './messages/index';
import type { CitationLanguage } from './types';

export type SeveritySetting = Severity | 'off';

export interface TreatyConfig {
  /** Severity per diagnostic code; codes not listed keep their default. */
  readonly severity: Readonly<Partial<Record<DiagnosticCode, SeveritySetting>>>;
  /** Glob patterns relative to a workspace root; empty means every `.md` and `.txt`. */
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly languages: readonly CitationLanguage[];
  /** Files larger than this are skipped with one notice. */
  readonly maxFileSize: number;
  readonly inlayHints: boolean;
  /** Order of a treaty's language versions in hovers (`["ja", "en"]`); empty: the document's language first. */
  readonly parallelTextOrder: readonly string[];
  /** The language of every message, label and title shown to the user (the editor's or the command line's choice, not the file's). */
  readonly language: DisplayLanguage;
}

export const DEFAULT_CONFIG: TreatyConfig = {
  severity: {},
  include: ['**/*.md', '**/*.txt'],
  exclude: ['**/node_modules/**', '**/.git/**'],
  languages: ['ja', 'en', 'fr', 'ru'],
  maxFileSize: 4 * 1024 * 1024,
  inlayHints: false,
  parallelTextOrder: [],
  language: 'en',
};

export const DEFAULT_SEVERITY: Readonly<Record<DiagnosticCode, Severity>> = {
  'unknown-article': 'error',
  'unknown-paragraph': 'error',
  'unknown-item': 'error',
  'unknown-treaty': 'information',
  'no-antecedent': 'warning',
  'ambiguous-treaty': 'warning',
  'missing-treaty-id': 'error',
  'duplicate-article': 'error',
  'article-order': 'warning',
  'duplicate-treaty-name': 'warning',
  'invalid-front-matter': 'error',
  'invalid-config': 'error',
  'file-skipped': 'information',
  misquote: 'warning',
  'parallel-structure': 'warning',
};

export interface ConfigProblem {
  readonly path: string;
  readonly message: string;
}

const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];
const LANGUAGES: readonly CitationLanguage[] = ['ja', 'en', 'fr', 'ru'];

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}

const GLOB_LIMITS = 'at most 256 characters and 3 wildcards, 2 in one path segment';

/**
 * Globs become regular expressions whose matching time grows with a name's length, or a path's depth, to the power
 * of their wildcards (`*a*a*a*a*b` on a long name hangs): bounded, since `.treaty-annotator.json` comes with the
 * workspace. Folders deeper than MAX_FOLDER_DEPTH are not walked either.
 */
function isTooComplex(pattern: string): boolean {
  const wildcards = (text: string): number => text.match(/\*+/g)?.length ?? 0;
  return pattern.length > 256 || wildcards(pattern) > 3 || pattern.split('/').some((segment) => wildcards(segment) > 2);
}

/** The largest `maxFileSize` a configuration may set. */
export const MAX_FILE_SIZE_LIMIT = 64 * 1024 * 1024;

/** How deep below a workspace folder documents are looked for (a hostile workspace may nest folders thousands deep). */
export const MAX_FOLDER_DEPTH = 64;

/**
 * Merges a raw settings object (parsed JSON of `.treaty-annotator.json`, or editor settings) over `base`.
 * Unknown keys and invalid values are reported and ignored, so one typo never disables the tool.
 */
export function mergeConfig(base: TreatyConfig, raw: unknown): { config: TreatyConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  if (raw === undefined || raw === null) return { config: base, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { config: base, problems: [{ path: '', message: 'the configuration must be a JSON object' }] };
  }
  const input = raw as Record<string, unknown>;
  let config: TreatyConfig = base;
  for (const [key, value] of Object.entries(input)) {
    switch (key) {
      case 'severity': {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          problems.push({ path: key, message: 'expected an object of code → severity' });
          break;
        }
        const severity: Partial<Record<DiagnosticCode, SeveritySetting>> = { ...config.severity };
        for (const [code, level] of Object.entries(value as Record<string, unknown>)) {
          if (!(code in DEFAULT_SEVERITY)) problems.push({ path: `${key}.${code}`, message: `unknown diagnostic code '${code}'` });
          else if (!SEVERITIES.includes(level as SeveritySetting))
            problems.push({ path: `${key}.${code}`, message: `severity must be one of ${SEVERITIES.join(', ')}` });
          else severity[code as DiagnosticCode] = level as SeveritySetting;
        }
        config = { ...config, severity };
        break;
      }
      case 'include':
      case 'exclude': {
        const complex = isStringArray(value) ? value.find(isTooComplex) : undefined;
        // An empty pattern makes the glob compiler throw, which would stop the whole workspace from being listed.
        if (!isStringArray(value) || value.includes('')) problems.push({ path: key, message: 'expected a list of non-empty glob patterns' });
        else if (complex !== undefined) problems.push({ path: key, message: `the pattern '${complex.slice(0, 80)}' is too complex (${GLOB_LIMITS})` });
        else config = { ...config, [key]: value };
        break;
      }
      case 'languages':
        if (!isStringArray(value) || !value.every((language) => LANGUAGES.includes(language as CitationLanguage)))
          problems.push({ path: key, message: `expected a list of ${LANGUAGES.join(', ')}` });
        else config = { ...config, languages: value as CitationLanguage[] };
        break;
      case 'maxFileSize':
        if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
          problems.push({ path: key, message: 'expected a positive number of bytes' });
        // A workspace's own file must not switch the size guard off (a huge file would exhaust the server's memory).
        else if (value > MAX_FILE_SIZE_LIMIT) problems.push({ path: key, message: `at most ${MAX_FILE_SIZE_LIMIT} bytes (64 MiB)` });
        else config = { ...config, maxFileSize: value };
        break;
      case 'inlayHints':
        if (typeof value !== 'boolean') problems.push({ path: key, message: 'expected true or false' });
        else config = { ...config, inlayHints: value };
        break;
      case 'parallelTextOrder':
        if (!isStringArray(value) || !value.every((language) => /^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/.test(language)))
          problems.push({ path: key, message: 'expected a list of language codes such as "ja", "en"' });
        else config = { ...config, parallelTextOrder: value };
        break;
      case '$schema':
        break;
      default:
        problems.push({ path: key, message: `unknown setting '${key}'` });
    }
  }
  return { config, problems };
}

/** The severity a diagnostic is reported with, or null when the configuration turns it off. */
export function effectiveSeverity(config: TreatyConfig, code: DiagnosticCode): Severity | null {
  const setting = config.severity[code] ?? DEFAULT_SEVERITY[code];
  return setting === 'off' ? null : setting;
}
